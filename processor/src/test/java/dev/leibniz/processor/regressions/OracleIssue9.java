package dev.leibniz.processor.regressions;

import dev.leibniz.Differentiable;

/** Shapes the oracle's issue 9 features found refused or broken (docs/ORACLE.md), reduced. */
final class OracleIssue9 {
    private OracleIssue9() {}

    @Differentiable
    static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return s;
    }

    /** rowDownIndex: a loop down from w.length - 1 is a counted loop (a length is an int). */
    @Differentiable
    static double rowDown(double[][] w) {
        double s = 0.0;
        for (int j = w.length - 1; j >= 0; j--) {
            s += sum(w[j]);
        }
        return s;
    }

    /** rowComputedIndex: a row at a computed index, after an early return (the companion did not compile). */
    @Differentiable
    static double lastRowAfterReturn(double p, double[][] w) {
        if (p > 0) {
            return p;
        }
        double[] r = w[w.length - 1];
        return r[0] + sum(w[w.length - 1]);
    }

    /** rowComputedIndex in a loop: the index is rebuilt for the reverse sweep. */
    @Differentiable
    static double lastRowInALoop(double x, double[][] w) {
        double s = 0;
        for (int i = 0; i < 2; i++) {
            s += x * sum(w[w.length - 1]);
        }
        return s;
    }

    /** varRow. */
    @Differentiable
    static double varRow(double[][] w) {
        var first = w[0];
        return first[0] * first[0];
    }

    /** assignIntOperand: (u = x * x) + 1. */
    @Differentiable
    static double assignmentPlusInt(double x) {
        double u = x;
        double s = 0.0;
        s += (u = x * x) + 1;
        return s + u;
    }

    /** arrayArgAfterReturn: the write comes before the call on every path. */
    @Differentiable
    static double writtenOnAPathThatReturns(double[] xs, double p) {
        double[] tmp = xs.clone();
        if (p > 0) {
            p = p * 1.0;
        } else {
            tmp[0] = 1.0;
            return p;
        }
        return sum(tmp);
    }

    /** A colon-form case that ends in an if / else returning from both branches does not fall through. */
    @Differentiable
    static double caseEndingInIfElse(double x, int k) {
        double s = x;
        switch (k) {
            case 0:
                if (x > 0) {
                    return x * x;
                } else {
                    return -x;
                }
            case 1:
                s = 3 * x;
                break;
            default:
                s = x * s;
        }
        return s;
    }

    /** A loop down over the rows after a loop that may return: its start is made in a branch. */
    @Differentiable
    static double rowsDownAfterAnExit(double x, int n, double[][] w) {
        for (int k = 0; k < n; k++) {
            if (x > 5) {
                return 1.0;
            }
        }
        double s = 0;
        for (int i = w.length - 1; i >= 0; i--) {
            var row = w[i];
            s += sum(row) * x;
        }
        return s;
    }

    @Differentiable
    static double weighted(double a, double b, double c, double[] y) {
        return a * y[0] + b * y[2] * c;
    }

    /** Campaign seed 12: a row after an early return, read inside a loop, was declared twice in the companion. */
    @Differentiable
    static double rowReadInALoopAfterAnExit(double p, double[][] w) {
        if (p > 5) {
            return 1.0;
        }
        double[] first = w[w.length - 1];
        double agg = 0.0;
        for (int k = w.length - 1; k >= 0; k--) {
            double[] y = new double[3];
            for (int q = 0; q < y.length; q++) {
                y[q] += first[first.length - 1] * q;
            }
            agg += weighted(p / 2, p * p, 0.5 + p, y);
        }
        return agg;
    }
}
