package dev.leibniz.processor.calls;

import dev.leibniz.processor.testing.GradientChecks;
import static dev.leibniz.processor.testing.GradientChecks.matrix;
import static dev.leibniz.processor.testing.GradientChecks.vector;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RuleOracle}: it passes right rules (including every rule the other tests rely on) and
 * catches wrong ones: a wrong derivative, an accumulator overwritten instead of added to, a
 * seed ignored, a signature that does not fit, and a rule that is deliberately not its
 * method's derivative.
 */
class RuleOracleTest {

    private static Method method(Class<?> owner, String name, Class<?>... params) {
        try {
            return owner.getDeclaredMethod(name, params);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {-2.0, -0.3, 0.02, 1.1, 4.0})
    void rightScalarRulePasses(double x) {
        RuleOracle.check(method(RuleSubjects.class, "cube", double.class),
                method(RuleSubjects.class, "cubePullback", double.class, double.class), x);
    }

    @Test
    void wrongDerivativeIsCaught() {
        Method target = method(RuleSubjects.class, "cubeAgain", double.class);
        Method wrong = method(RuleSubjects.class, "cubeAgainWrongPullback", double.class,
                double.class);
        AssertionError e = assertThrows(AssertionError.class,
                () -> RuleOracle.check(target, wrong, 1.7));
        assertTrue(e.getMessage().contains("central differences"), e.getMessage());
    }

    @Test
    void rightArrayRulePasses() {
        RuleOracle.check(method(RuleSubjects.class, "scaledSquares", double[].class,
                double.class, int.class), method(RuleSubjects.class, "scaledSquaresPullback",
                double[].class, double.class, int.class, double.class, double[].class),
                vector(0.5, -1.5, 2.0), 0.8, 3);
    }

    @Test
    void overwritingTheAccumulatorIsCaught() {
        Method target = method(RuleSubjects.class, "scaledSquaresAgain", double[].class,
                double.class, int.class);
        Method wrong = method(RuleSubjects.class, "scaledSquaresAgainOverwritingPullback",
                double[].class, double.class, int.class, double.class, double[].class);
        AssertionError e = assertThrows(AssertionError.class,
                () -> RuleOracle.check(target, wrong, vector(0.5, -1.5, 2.0), 0.8, 3));
        assertTrue(e.getMessage().contains("must add"), e.getMessage());
    }

    @Test
    void rightTwoScalarRulePasses() {
        RuleOracle.check(method(RuleSubjects.class, "wave", double.class, double.class),
                method(RuleSubjects.class, "wavePullback", double.class, double.class,
                        double.class), 0.7, -1.3);
    }

    @Test
    void ignoringTheSeedIsCaught() {
        Method target = method(RuleSubjects.class, "waveAgain", double.class, double.class);
        Method wrong = method(RuleSubjects.class, "waveAgainUnseededPullback", double.class,
                double.class, double.class);
        assertThrows(AssertionError.class, () -> RuleOracle.check(target, wrong, 0.7, -1.3));
        // With seed 1 the same rule is indistinguishable from a right one.
        RuleOracle.checkWithSeed(target, wrong, 1.0, 0.7, -1.3);
    }

    @Test
    void rightMatrixRulePasses() {
        RuleOracle.check(method(RuleSubjects.class, "traceTimesRow", double[][].class),
                method(RuleSubjects.class, "traceTimesRowPullback", double[][].class,
                        double.class, double[][].class),
                (Object) matrix(vector(1.0, 2.0, -0.5), vector(0.3, -1.0, 4.0),
                        vector(2.5, 0.1, 0.7)));
    }

    @Test
    void signatureThatDoesNotFitIsCaught() {
        Method target = method(RuleSubjects.class, "cube", double.class);
        Method twoScalars = method(RuleSubjects.class, "wavePullback", double.class,
                double.class, double.class);
        assertThrows(AssertionError.class, () -> RuleOracle.check(target, twoScalars, 1.0));
    }

    /** The straight-through rule is deliberately not floor's derivative: the oracle says so. */
    @Test
    void deliberatelyDifferentRuleIsFlagged() {
        Method target = method(StableSigmoid.class, "quantize", double.class);
        Method rule = method(StableSigmoid.class, "quantizePullback", double.class,
                double.class);
        assertThrows(AssertionError.class, () -> RuleOracle.check(target, rule, 0.6));
    }

    // ---- the rules the other tests rely on -----------------------------------------------

    @ParameterizedTest
    @ValueSource(doubles = {-30.0, -2.0, 0.0, 0.5, 3.0, 8.0})
    void sigmoidRule(double x) {
        RuleOracle.check(method(StableSigmoid.class, "sigmoid", double.class),
                method(StableSigmoid.class, "sigmoidPullback", double.class, double.class), x);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -5.0, 700.0})
    void logSumExpRule(double shift) {
        RuleOracle.check(method(Reductions.class, "logSumExp", double[].class),
                method(Reductions.class, "logSumExpPullback", double[].class, double.class,
                        double[].class),
                vector(0.3 + shift, -1.2 + shift, 0.9 + shift));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-3.0, 0.0, 0.4, 800.0})
    void logAddExpRule(double a) {
        RuleOracle.check(method(Reductions.class, "logAddExp", double.class, double.class),
                method(Reductions.class, "logAddExpPullback", double.class, double.class,
                        double.class), a, 0.25);
    }

    @Test
    void pickRule() {
        Method target = method(Reductions.class, "pick", double.class, double[].class,
                int.class, double.class);
        Method rule = method(Reductions.class, "pickPullback", double.class, double[].class,
                int.class, double.class, double.class, double[].class);
        for (int k = 0; k < 3; k++) {
            RuleOracle.check(target, rule, 0.8, vector(1.5, -0.5, 2.5), k, -1.3);
        }
    }

    @Test
    void copySignRule() {
        Method target;
        try {
            target = Math.class.getMethod("copySign", double.class, double.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        Method rule = method(CopySign.class, "copySignPullback", double.class, double.class,
                double.class);
        RuleOracle.check(target, rule, 1.5, 0.7);
        RuleOracle.check(target, rule, -1.5, 0.7);
        RuleOracle.check(target, rule, 1.5, -0.7);
        RuleOracle.check(target, rule, -0.4, -2.0);
    }
}
