package dev.leibniz.processor.loops;

import static dev.leibniz.processor.testing.GradientChecks.assertCentral;
import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;
import static dev.leibniz.processor.testing.GradientChecks.vector;

import org.junit.jupiter.api.Test;

/** {@link CompileRegressions}: the companions compile (or this would not), and their gradients are right. */
class CompileRegressionsTest {

    @Test
    void loopsLeftOnlyByReturn() {
        // Newton's iteration for sqrt(a): d sqrt(a)/da = 1 / (2 sqrt(a)).
        double expected = 0.5 / Math.sqrt(2.0);
        assertClose("for (;;)", expected, CompileRegressionsGrad.newtonFor(2.0).a());
        assertClose("while (true)", expected, CompileRegressionsGrad.newtonWhile(2.0).a());
        assertClose("do ... while (true)", expected, CompileRegressionsGrad.newtonDo(2.0).a());
        assertExactly(CompileRegressions.newtonFor(2.0), CompileRegressionsGrad.newtonFor(2.0).value(), "value");
    }

    @Test
    void objectArrayElementsPassedToACallInALoop() {
        CompileRegressions.Point[] pts = {new CompileRegressions.Point(1, 2), new CompileRegressions.Point(-1, 0.5)};
        var g = CompileRegressionsGrad.totalDistance(pts, 0.3, 0.4);
        assertCentral("total distance", p -> CompileRegressions.totalDistance(pts, p[0], p[1]), vector(0.3, 0.4),
                vector(g.cx(), g.cy()));
    }

    @Test
    void localArraysMadeInsideABranch() {
        // s = 2 x0 x1
        assertExactly("taken", vector(4, 3), CompileRegressionsGrad.arrayInBranch(vector(1.5, 2), true).x());
        assertExactly("not taken", vector(0, 0), CompileRegressionsGrad.arrayInBranch(vector(1.5, 2), false).x());
        // s = x0² x1²
        assertExactly("with a loop", vector(2 * 1.5 * 4, 2 * 2.25 * 2),
                CompileRegressionsGrad.arrayInBranchWithLoop(vector(1.5, 2), true).x());
        assertExactly("with a loop, not taken", vector(1, 0),
                CompileRegressionsGrad.arrayInBranchWithLoop(vector(1.5, 2), false).x());
    }

    @Test
    void instanceMethodsOfObjectArrayElementsInALoop() {
        CompileRegressions.Model[] ms = {new CompileRegressions.Model(0.5), new CompileRegressions.Model(-2)};
        // s = sum w (x² + 4x²): ds/dx = 10 x sum w
        assertClose("ensemble", 10 * 0.7 * (0.5 - 2), CompileRegressionsGrad.ensemble(ms, 0.7).x());
    }
}
