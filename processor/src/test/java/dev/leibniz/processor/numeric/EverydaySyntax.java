package dev.leibniz.processor.numeric;

import dev.leibniz.Differentiable;

/**
 * Java people write that Leibniz used to refuse: var, array initializers of every primitive type,
 * assignments and ++/-- inside expressions, and loop conditions with side effects.
 */
final class EverydaySyntax {
    private EverydaySyntax() {}

    @Differentiable
    static double initializers(double[] x) {
        int[] order = {2, 0, 1};
        long[] scale = {1L, 2L};
        boolean[] flip = {true, false};
        char[] tag = {'a'};
        double s = 0;
        for (int i = 0; i < order.length; i++) {
            s += x[order[i]] * (i + scale[1]) * (flip[0] ? 1 : -1) + tag.length;
        }
        return s;
    }

    @Differentiable
    static double withVar(double[] x) {
        var y = new double[x.length];
        var n = x.length;
        for (var i = 0; i < n; i++) {
            y[i] = 2 * x[i];
        }
        var s = 0.0;
        for (var v : y) {
            s += v * v;
        }
        return s;
    }

    static double residual(double x) {
        return x * x - 1;
    }

    @Differentiable
    static double residualSquared(double x) {
        return x * x - 1;
    }

    @Differentiable
    static double assignInCondition(double x) {
        double r;
        if ((r = residualSquared(x)) > 0) {
            return r * x;
        }
        return -r;
    }

    @Differentiable
    static double chainedAssignment(double x) {
        double a;
        double b;
        a = b = 2 * x;
        return a * b;
    }

    @Differentiable
    static double assignmentAsOperand(double x, double y) {
        return (x = y) / (y * y) + x;
    }

    @Differentiable
    static double countdown(double x, int n) {
        double s = 0;
        while (n-- > 0) {
            s += x * n;
        }
        return s;
    }

    @Differentiable
    static double countdownDo(double x, int n) {
        double s = x;
        do {
            s = s * x + n;
        } while (--n > 0);
        return s;
    }

    @Differentiable
    static double packSquares(double[] x) {
        double[] y = new double[x.length];
        int k = 0;
        for (double v : x) {
            y[k++] = v * v;
        }
        return y[0] + 3 * y[1];
    }

    /** A record with a differentiable method, for loops over arrays of them. */
    record Gaussian(double mu, double sigma) {
        @Differentiable
        double nll(double x) {
            double z = (x - mu) / sigma;
            return 0.5 * z * z + Math.log(sigma);
        }
    }

    /** for (Gaussian g : gs): the element keeps its class, so the call on it is differentiated. */
    @Differentiable
    static double mixtureNll(double x, Gaussian[] gs) {
        double s = 0.0;
        for (Gaussian g : gs) {
            s += g.nll(x) * Math.exp(-s);
        }
        return s;
    }

    /** The same with var. */
    @Differentiable
    static double mixtureNllVar(double x, Gaussian[] gs) {
        double s = 0.0;
        for (var g : gs) {
            s += g.nll(x) * Math.exp(-s);
        }
        return s;
    }
}
