package dev.leibniz.processor.loops;

import dev.leibniz.Differentiable;

/** Minimal methods for the bugs the loop and call oracle found; each was wrong or did not compile. */
final class OracleRegressions {
    private OracleRegressions() {}

    @Differentiable
    static double sq(double x) {
        return x * x;
    }

    /** Two exits in one loop (loopExitMix). */
    @Differentiable
    static double twoExits(double x, double y) {
        for (int k = 0; k < 2; k++) {
            if (y > 5) {
                return x;
            }
            if (y < 5) {
                return 2 * y;
            }
        }
        return 1.0;
    }

    /** A branch nested in a branch inside a loop (loopNestedBranch): decisions popped in order. */
    @Differentiable
    static double nestedBranches(double p, double q) {
        for (int j = 0; j < 3; j++) {
            if (q > 10) {
                q -= p;
            } else if (q > -10) {
                if (p > 0) {
                    q += p * q;
                } else {
                    q -= p;
                }
            }
        }
        return q;
    }

    /** A loop inside a branch (loopInBranch): its carried variable is read by the reverse sweep. */
    @Differentiable
    static double loopInBranch(double x, double y) {
        double h = x;
        if (y > 0) {
            for (int j = 0; j < 2; j++) {
                h *= y;
            }
        }
        return h;
    }

    /** A call argument written later in a loop (callArgWrite): the call's derivative sees its own b. */
    @Differentiable
    static double callArgWrittenLater(double x) {
        double b = x;
        double u = sq(b);
        for (int i = 0; i < 2; i++) {
            b += 3.0;
        }
        return u + b;
    }

    /** A constant black-box value updated in a loop (constInit): no false error. */
    @Differentiable
    static double constantUpdatedInLoop(double x) {
        double a = Math.cos(2.0) * 2;
        for (int j = 0; j < 3; j++) {
            a += x;
        }
        return a;
    }

    /** A loop-local value read and then rewritten (loopWrite). */
    @Differentiable
    static double readThenRewritten(double q, int cnt) {
        double t = q;
        double v = 1.0;
        for (int k = 0; k < cnt; k++) {
            double c = 1 / t;
            v = c;
            c *= 1.0 + 0.5;
        }
        return v;
    }

    /** A nested loop writing a variable of the outer loop's body (loopWrite): declared once. */
    @Differentiable
    static double innerWritesOuterLocal(double y) {
        double h = y;
        for (int k = 0; k < 2; k++) {
            double a = 0.0;
            for (int idx = 0; idx < 2; idx++) {
                a = Math.min(a, h) + 0.1 * h;
            }
            h = Math.cos(a);
        }
        return h;
    }

    /** A variable carried by one loop, read in between, then carried by another. */
    @Differentiable
    static double carriedTwice(double phi) {
        double c = phi;
        for (int i = 0; i < 2; i++) {
            c *= 1.5;
        }
        double d = Math.sin(c);
        for (int i = 0; i < 2; i++) {
            c -= 0.25;
        }
        return d + c;
    }

    /** A load whose adjoint is zero still pops what its forward step saved. */
    @Differentiable
    static double skippedLoad(double[] xs) {
        double g = 1.0;
        for (int j = 0; j < xs.length; j++) {
            double a = 1.0;
            for (double el : xs) {
                g -= xs[0] - a + 0 * el;
            }
            a = xs[xs.length - 1];
        }
        return g;
    }

    /** Loops inside the branch that holds the rest of the method after an early return. */
    @Differentiable
    static double loopsAfterEarlyReturn(double theta, double phi) {
        if (theta > 100) {
            return 1.0;
        }
        double v = 1.0;
        for (int it = 0; it < 2; it++) {
            v -= Math.atan2(phi, phi * phi + 1.5);
        }
        double a = Math.hypot(1.0, v);
        for (int i = 0; i < 1; i++) {
            v = 1.0;
        }
        return a + 0 * v;
    }
}
