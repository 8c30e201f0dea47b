package dev.leibniz.processor.calls;

import dev.leibniz.DerivativeOf;

/**
 * Methods with {@code @DerivativeOf} rules for {@link RuleOracleTest}: one right rule per kind of
 * signature, and three deliberately wrong ones the oracle must reject. None of these methods is
 * called from a {@code @Differentiable} method, so the wrong rules are never used for real.
 */
final class RuleSubjects {

    private RuleSubjects() {}

    /** x^3. */
    static double cube(double x) {
        return x * x * x;
    }

    /** Right: seed * 3x^2. */
    @DerivativeOf("cube")
    static double cubePullback(double x, double seed) {
        return seed * 3.0 * x * x;
    }

    /** x^3 again, for a wrong rule. */
    static double cubeAgain(double x) {
        return x * x * x;
    }

    /** WRONG: seed * 3x instead of seed * 3x^2. */
    @DerivativeOf("cubeAgain")
    static double cubeAgainWrongPullback(double x, double seed) {
        return seed * 3.0 * x;
    }

    /** s * sum of v[i]^2 + s^2 k, where k is a constant. */
    static double scaledSquares(double[] v, double s, int k) {
        double q = 0.0;
        for (double vi : v) {
            q += vi * vi;
        }
        return s * q + s * s * k;
    }

    /** Right: adds seed * 2 s v[i] into vBar, returns seed * (q + 2 s k). */
    @DerivativeOf("scaledSquares")
    static double scaledSquaresPullback(double[] v, double s, int k, double seed,
            double[] vBar) {
        double q = 0.0;
        for (int i = 0; i < v.length; i++) {
            q += v[i] * v[i];
            vBar[i] += seed * 2.0 * s * v[i];
        }
        return seed * (q + 2.0 * s * k);
    }

    /** The same function, for a rule that overwrites its accumulator. */
    static double scaledSquaresAgain(double[] v, double s, int k) {
        return scaledSquares(v, s, k);
    }

    /** WRONG: sets vBar[i] instead of adding to it. */
    @DerivativeOf("scaledSquaresAgain")
    static double scaledSquaresAgainOverwritingPullback(double[] v, double s, int k,
            double seed, double[] vBar) {
        double q = 0.0;
        for (int i = 0; i < v.length; i++) {
            q += v[i] * v[i];
            vBar[i] = seed * 2.0 * s * v[i];
        }
        return seed * (q + 2.0 * s * k);
    }

    /** sin(x) y. */
    static double wave(double x, double y) {
        return Math.sin(x) * y;
    }

    /** Right: seed * (cos(x) y, sin(x)). */
    @DerivativeOf("wave")
    static double[] wavePullback(double x, double y, double seed) {
        return new double[] {seed * Math.cos(x) * y, seed * Math.sin(x)};
    }

    /** sin(x) y again, for a rule that ignores the seed. */
    static double waveAgain(double x, double y) {
        return Math.sin(x) * y;
    }

    /** WRONG: the gradient itself, not seed times it. */
    @DerivativeOf("waveAgain")
    static double[] waveAgainUnseededPullback(double x, double y, double seed) {
        return new double[] {Math.cos(x) * y, Math.sin(x)};
    }

    /** The trace of a matrix times the sum of its first row: a double[][] parameter. */
    static double traceTimesRow(double[][] m) {
        double t = 0.0;
        for (int i = 0; i < m.length; i++) {
            t += m[i][i];
        }
        double r = 0.0;
        for (double x : m[0]) {
            r += x;
        }
        return t * r;
    }

    /** Right: adds seed * d/dm into mBar. */
    @DerivativeOf("traceTimesRow")
    static void traceTimesRowPullback(double[][] m, double seed, double[][] mBar) {
        double t = 0.0;
        for (int i = 0; i < m.length; i++) {
            t += m[i][i];
        }
        double r = 0.0;
        for (double x : m[0]) {
            r += x;
        }
        for (int i = 0; i < m.length; i++) {
            mBar[i][i] += seed * r;
        }
        for (int j = 0; j < m[0].length; j++) {
            mBar[0][j] += seed * t;
        }
    }
}
