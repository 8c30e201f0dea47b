package dev.leibniz.processor.regressions;

import static dev.leibniz.processor.testing.GradientChecks.assertClose;

import org.junit.jupiter.api.Test;

/** {@link OracleIssue9} against closed forms. */
class OracleIssue9Test {
    private static final double[][] W = {{0.5, -1.0}, {2.0, 0.3}};

    @Test
    void aLoopDownOverTheRows() {
        assertClose("d Σ w² = 2w", new double[][] {{1.0, -2.0}, {4.0, 0.6}}, OracleIssue9Grad.rowDown(W).w());
    }

    @Test
    void rowsAtAComputedIndex() {
        assertClose("after a return", new double[][] {{0, 0}, {1 + 4.0, 0.6}}, OracleIssue9Grad.lastRowAfterReturn(-1, W).w());
        assertClose("p > 0", new double[][] {{0, 0}, {0, 0}}, OracleIssue9Grad.lastRowAfterReturn(1, W).w());
        var g = OracleIssue9Grad.lastRowInALoop(0.7, W);
        assertClose("d/dx = 2 Σ w_last²", 2 * (4.0 + 0.09), g.x());
        assertClose("d/dw_last = 4 x w_last", new double[][] {{0, 0}, {4 * 0.7 * 2.0, 4 * 0.7 * 0.3}}, g.w());
    }

    @Test
    void varForARow() {
        assertClose("2 w00", new double[][] {{1.0, 0}, {0, 0}}, OracleIssue9Grad.varRow(W).w());
    }

    @Test
    void anAssignmentPlusAnInt() {
        assertClose("4x", 4 * 0.6, OracleIssue9Grad.assignmentPlusInt(0.6).x());
    }

    @Test
    void aWriteOnAPathThatReturns() {
        double[] xs = {0.3, 0.4};
        var g = OracleIssue9Grad.writtenOnAPathThatReturns(xs, 1);
        assertClose("2 xs", new double[] {0.6, 0.8}, g.xs());
        assertClose("p", 0.0, g.p());
        assertClose("p <= 0: d/dp = 1", 1.0, OracleIssue9Grad.writtenOnAPathThatReturns(xs, -1).p());
    }

    @Test
    void aCaseEndingInIfElse() {
        assertClose("x > 0: 2x", 1.4, OracleIssue9Grad.caseEndingInIfElse(0.7, 0).x());
        assertClose("x < 0: -1", -1.0, OracleIssue9Grad.caseEndingInIfElse(-0.7, 0).x());
        assertClose("3", 3.0, OracleIssue9Grad.caseEndingInIfElse(0.7, 1).x());
        assertClose("2x", 1.4, OracleIssue9Grad.caseEndingInIfElse(0.7, 2).x());
    }

    @Test
    void rowsDownAfterAnExit() {
        var g = OracleIssue9Grad.rowsDownAfterAnExit(0.7, 2, W);
        assertClose("d/dx = Σ w²", 0.25 + 1 + 4 + 0.09, g.x());
        assertClose("d/dw = 2 x w", new double[][] {{0.7, -1.4}, {2.8, 0.42}}, g.w());
    }

    @Test
    void aRowReadInALoopAfterAnExit() {
        // agg = 2 [p/2 · 0 + p² · 2 w11 · (0.5 + p)] over the two rows: d/dp = 4 w11 (2p (0.5 + p) + p²), d/dw11 = 4 p² (0.5 + p)
        double p = 0.7;
        var g = OracleIssue9Grad.rowReadInALoopAfterAnExit(p, W);
        assertClose("d/dp", 4 * 0.3 * (2 * p * (0.5 + p) + p * p), g.p());
        assertClose("d/dw", new double[][] {{0, 0}, {0, 4 * p * p * (0.5 + p)}}, g.w());
    }
}
