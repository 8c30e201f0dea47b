package dev.leibniz.processor.secondorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leibniz.Check;
import org.junit.jupiter.api.Test;

/** The users' checker passes generated derivatives and catches a wrong entry, naming it. */
class CheckTest {
    private static double rosenbrock(double[] x) {
        return ClosedForms.rosenbrock(x);
    }

    @Test
    void gradientPassesAndAWrongEntryFailsAtItsIndex() {
        double[] x = {-1.2, 1.0, 0.4};
        double[] g = ClosedFormsGrad.rosenbrock(x).x();
        Check.Report ok = Check.gradient(CheckTest::rosenbrock, x, g);
        assertTrue(ok.passes(1e-6), ok.toString());
        double[] wrong = g.clone();
        wrong[2] *= 1.01;
        Check.Report bad = Check.gradient(CheckTest::rosenbrock, x, wrong);
        assertFalse(bad.passes(1e-6), bad.toString());
        assertEquals(2, bad.worst());
        assertEquals(wrong[2], bad.actual());
    }

    @Test
    void jacobianAndHessian() {
        double[] rt = {2.5, 0.7};
        double[][] j = ClosedFormsGrad.polarJacobian(rt[0], rt[1]);
        assertTrue(Check.jacobian(p -> ClosedForms.polar(p[0], p[1]), rt, j).passes(1e-6));
        j[1][0] += 0.1;
        Check.Report bad = Check.jacobian(p -> ClosedForms.polar(p[0], p[1]), rt, j);
        assertFalse(bad.passes(1e-6));
        assertEquals(2, bad.worst()); // row 1, column 0, row-major

        double[] x = {-1.2, 1.0, 0.4};
        double[][] h = ClosedFormsGrad.rosenbrockHessian(x);
        Check.Report hessian = Check.hessian(p -> ClosedFormsGrad.rosenbrock(p).x(), x, h);
        assertTrue(hessian.passes(1e-6), hessian.toString());
    }
}
