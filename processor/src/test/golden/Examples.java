package golden;

import dev.leibniz.Differentiable;

/** Representative methods whose generated adjoint code is kept verbatim for review. */
class Examples {

    /** MML Example 5.14 with the book's intermediate variables. */
    @Differentiable
    static double mml514(double x) {
        double a = x * x;
        double b = Math.exp(a);
        double c = a + b;
        double d = Math.sqrt(c);
        double e = Math.cos(c);
        double f = d + e;
        return f;
    }

    /** The same function as one expression. */
    @Differentiable
    static double mml514OneExpression(double x) {
        return Math.sqrt(x * x + Math.exp(x * x)) + Math.cos(x * x + Math.exp(x * x));
    }

    /** A sigmoid neuron; the bias is not differentiated. */
    @Differentiable(wrt = {"w1", "w2", "x1", "x2"})
    static double neuron(double w1, double w2, double b, double x1, double x2) {
        double z = w1 * x1 + w2 * x2 + b;
        return 1 / (1 + Math.exp(-z));
    }

    /** Reassignment inside a branch joins at a phi; early returns become branches. */
    @Differentiable
    static double huber(double r, double delta) {
        double a = Math.abs(r);
        if (a <= delta) {
            return 0.5 * r * r;
        }
        double linear = delta * (a - 0.5 * delta);
        if (linear > 100) {
            linear = 100 + Math.log(linear - 99);
        }
        return linear;
    }

    /** Powers with constant exponents, a ternary, and an int constant. */
    @Differentiable
    static double polynomial(double x, double y, int n) {
        double p = Math.pow(x, 3) - 2 * Math.pow(y, 2);
        double q = x > y ? p * n : p / n;
        q *= y;
        return q;
    }

    /** A loop-carried product: the old p is saved, the elements are loaded again. */
    @Differentiable
    static double product(double[] x) {
        double p = 1;
        for (int i = 0; i < x.length; i++) {
            p *= x[i];
        }
        return p;
    }

    /**
     * A sum whose loop is the last thing before the return: each iteration's reverse runs right
     * after it, and the gradient's elements are assigned, not zeroed and added to.
     */
    @Differentiable
    static double rosenbrock(double[] x) {
        double sum = 0;
        for (int i = 0; i < x.length - 1; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            sum += 100 * a * a + b * b;
        }
        return sum;
    }

    /** break and continue: the reverse sweep replays the recorded path of every iteration. */
    @Differentiable
    static double clippedSum(double[] x, double limit) {
        double s = 0;
        for (double v : x) {
            if (v < 0) {
                continue;
            }
            s += Math.sqrt(v);
            if (s > limit) {
                break;
            }
        }
        return s;
    }

    /** A numerically stable softplus, whose derivative a user rule supplies. */
    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    /** d softplus / dz = sigmoid(z), computed without overflow. */
    @dev.leibniz.DerivativeOf("softplus")
    static double softplusPullback(double z, double seed) {
        double s = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
        return seed * s;
    }

    /** Calls: a neuron through another differentiable method and a user rule. */
    @Differentiable
    static double neuronLoss(double[] w, double[] x, double target) {
        double z = 0;
        for (int i = 0; i < x.length; i++) {
            z += w[i] * x[i];
        }
        double y = mml514(z);
        return (y - target) * (y - target) + softplus(w[0]);
    }

    /** out = L x for a unit lower triangular L, updated in place, as GMM's qtimesx does. */
    @Differentiable
    static void unitLowerTimes(int d, double[] l, double[] x, double[] out) {
        for (int i = 0; i < d; i++) {
            out[i] = x[i];
        }
        int idx = 0;
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                out[j] = out[j] + l[idx] * x[i];
                idx++;
            }
        }
    }

    /**
     * The procedure called in a loop: the forward sweep records it (unitLowerTimesRecord), the reverse
     * sweep replays it (unitLowerTimesReplay: its reverse sweep alone, which keeps out_bar[j] in place
     * and sums x_bar[i] in a local), with a copy of x as the call left it and none of y, which the
     * replay does not read.
     */
    @Differentiable
    static double squaredNorms(double[] l, double[] xs, int d) {
        double[] x = new double[d];
        double[] y = new double[d];
        double s = 0;
        for (int n = 0; n + d <= xs.length; n += d) {
            for (int i = 0; i < d; i++) {
                x[i] = xs[n + i];
            }
            unitLowerTimes(d, l, x, y);
            for (int i = 0; i < d; i++) {
                s += y[i] * y[i];
            }
        }
        return s;
    }

    /**
     * A hidden layer per sample that the output layer reads once per output: each iteration pushes h
     * whole at its end, and the reverse of the iteration pops it first and loads h[j] from that copy
     * (not one save per read); the first layer's trip count comes again from xs[s].length.
     */
    @Differentiable
    static double batchLayer(double[][] w, double[][] v, double[][] xs) {
        double loss = 0;
        for (int s = 0; s < xs.length; s++) {
            double[] h = new double[w.length];
            for (int j = 0; j < w.length; j++) {
                double a = 0;
                for (int i = 0; i < xs[s].length; i++) {
                    a += w[j][i] * xs[s][i];
                }
                h[j] = Math.tanh(a);
            }
            for (int k = 0; k < v.length; k++) {
                double o = 0;
                for (int j = 0; j < h.length; j++) {
                    o += v[k][j] * h[j];
                }
                loss += o * o;
            }
        }
        return loss;
    }
}
