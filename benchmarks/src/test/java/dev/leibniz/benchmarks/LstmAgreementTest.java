package dev.leibniz.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The LSTM gradients of the benchmarks against the hand-written adjoint. */
class LstmAgreementTest {
    private static final AdbenchData.LstmInput IN = LstmTest.IN;

    private static void assertAgrees(String what, double[] expected, double[] actual) {
        double e = Agreement.error(expected, actual);
        assertTrue(e < Agreement.TOLERANCE, what + ": ADBench error " + e);
    }

    static double[] hand(AdbenchData.LstmInput in, double[] value) {
        double[] gm = new double[in.mainParams().length];
        double[] ge = new double[in.extraParams().length];
        value[0] = LstmAdjoint.gradient(in.l(), in.c(), in.b(), in.mainParams(),
                in.extraParams(), in.state(), in.sequence(), gm, ge, new LstmAdjoint.Work());
        return Agreement.flat(gm, ge);
    }

    @Test
    void handWrittenIsAdbenchsPublishedGradient() {
        double[] value = new double[1];
        double[] hand = hand(IN, value);
        assertEquals(LstmTest.OBJECTIVE, value[0], 0.5e-8);
        assertAgrees("hand-written vs ADBench", LstmTest.GRADIENT, hand);
    }

    @Test
    void generatedAgreesWithHandWritten() {
        double[] value = new double[1];
        double[] hand = hand(IN, value);
        double primal = Lstm.lstmObjective(IN.l(), IN.c(), IN.b(), IN.mainParams(),
                IN.extraParams(), IN.state(), IN.sequence());
        assertEquals(primal, value[0], 1e-12 * Math.abs(primal));
        var into = new LstmGrad.LstmObjectiveGradient();
        for (int call = 0; call < 2; call++) {
            LstmGrad.lstmObjective(IN.l(), IN.c(), IN.b(), IN.mainParams(), IN.extraParams(),
                    IN.state(), IN.sequence(), into);
            assertAgrees("into, call " + call, hand,
                    Agreement.flat(into.mainParams(), into.extraParams()));
        }
        var fresh = LstmGrad.lstmObjective(IN.l(), IN.c(), IN.b(), IN.mainParams(),
                IN.extraParams(), IN.state(), IN.sequence());
        assertAgrees("fresh", hand, Agreement.flat(fresh.mainParams(), fresh.extraParams()));
    }
}
