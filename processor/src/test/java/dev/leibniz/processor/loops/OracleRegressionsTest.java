package dev.leibniz.processor.loops;

import static dev.leibniz.processor.testing.GradientChecks.assertCentral;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;
import static dev.leibniz.processor.testing.GradientChecks.vector;

import dev.leibniz.processor.testing.Packing;
import org.junit.jupiter.api.Test;

/** {@link OracleRegressions}: each against central differences of the plain method. */
class OracleRegressionsTest {

    @Test
    void twoExits() {
        for (double y : new double[] {1.0, 7.0}) {
            var g = OracleRegressionsGrad.twoExits(1.0, y);
            assertExactly(OracleRegressions.twoExits(1.0, y), g.value(), "value");
            assertCentral("two exits at y=" + y, p -> OracleRegressions.twoExits(p[0], p[1]), vector(1.0, y),
                    vector(g.x(), g.y()));
        }
    }

    @Test
    void nestedBranches() {
        for (double[] pq : new double[][] {{0.5, 1.0}, {-0.5, 2.0}, {0.3, 12.0}}) {
            var g = OracleRegressionsGrad.nestedBranches(pq[0], pq[1]);
            assertCentral("nested branches", p -> OracleRegressions.nestedBranches(p[0], p[1]), pq,
                    vector(g.p(), g.q()));
        }
    }

    @Test
    void loopInBranch() {
        var g = OracleRegressionsGrad.loopInBranch(1.3, 0.7);
        assertCentral("loop in branch", p -> OracleRegressions.loopInBranch(p[0], p[1]), vector(1.3, 0.7),
                vector(g.x(), g.y()));
    }

    @Test
    void callArgWrittenLater() {
        var g = OracleRegressionsGrad.callArgWrittenLater(1.0);
        assertCentral("call argument written later", p -> OracleRegressions.callArgWrittenLater(p[0]), vector(1.0),
                vector(g.x()));
    }

    @Test
    void constantUpdatedInLoop() {
        var g = OracleRegressionsGrad.constantUpdatedInLoop(0.4);
        assertCentral("constant updated in a loop", p -> OracleRegressions.constantUpdatedInLoop(p[0]), vector(0.4),
                vector(g.x()));
    }

    @Test
    void readThenRewritten() {
        var g = OracleRegressionsGrad.readThenRewritten(-1.6156, 4);
        assertCentral("read then rewritten", p -> OracleRegressions.readThenRewritten(p[0], 4), vector(-1.6156),
                vector(g.q()));
    }

    @Test
    void innerWritesOuterLocal() {
        var g = OracleRegressionsGrad.innerWritesOuterLocal(0.6);
        assertCentral("inner loop writes the outer body's local", p -> OracleRegressions.innerWritesOuterLocal(p[0]),
                vector(0.6), vector(g.y()));
    }

    @Test
    void carriedTwice() {
        var g = OracleRegressionsGrad.carriedTwice(0.9);
        assertCentral("carried by two loops", p -> OracleRegressions.carriedTwice(p[0]), vector(0.9), vector(g.phi()));
    }

    @Test
    void skippedLoad() {
        double[] xs = {0.35, 0.47};
        var g = OracleRegressionsGrad.skippedLoad(xs);
        assertCentral("skipped load", p -> OracleRegressions.skippedLoad(new Packing.Reader(p).vector(xs)), xs.clone(),
                g.xs().clone());
    }

    @Test
    void loopsAfterEarlyReturn() {
        var g = OracleRegressionsGrad.loopsAfterEarlyReturn(-0.56, 1.76);
        assertCentral("loops after an early return", p -> OracleRegressions.loopsAfterEarlyReturn(p[0], p[1]),
                vector(-0.56, 1.76), vector(g.theta(), g.phi()));
    }
}
