package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;

/**
 * Issue 9's table, statements as people write them: var and switch (statements and
 * expressions, arrow and colon, over int, enum and String), assignments inside expressions,
 * records and their accessors, for over an array of objects calling their differentiable
 * methods, double... varargs, and primitive array initialisers.
 */
final class StatementsAsWritten {

    private StatementsAsWritten() {}

    enum Activation { TANH, SOFTPLUS, SWISH }

    /** A prior on one weight: its components are constants to the derivative. */
    record Gaussian(double mu, double sigma) {

        /** log N(x; mu, sigma^2), reading the components by field, this. and accessor. */
        @Differentiable
        double logPdf(double x) {
            double z = (x - mu) / this.sigma;
            return -0.5 * z * z - Math.log(sigma()) - 0.9189385332046727;
        }
    }

    /** One prior per weight, read by a for over the array. */
    static final Gaussian[] PRIORS = {new Gaussian(0.0, 1.0), new Gaussian(0.5, 2.0), new Gaussian(-1.0, 0.5)};

    // ------------------------------------------------------------ row 8: var, switch

    /** An activation picked by an enum, a colon-form switch expression with yield. */
    @Differentiable
    static double activate(Activation act, double z) {
        return switch (act) {
            case TANH:
                yield Math.tanh(z);
            case SOFTPLUS:
                yield Math.log1p(Math.exp(z));
            default:
                yield z / (1.0 + Math.exp(-z));
        };
    }

    /** A dense layer whose units cycle through every activation of the enum. */
    @Differentiable
    static double mixedActivations(double[][] W, double[] x) {
        Activation[] acts = Activation.values();
        var out = new double[W.length];
        for (int j = 0; j < W.length; j++) {
            double z = 0.0;
            for (int k = 0; k < x.length; k++) {
                z += W[j][k] * x[k];
            }
            out[j] = activate(acts[j % acts.length], z);
        }
        var s = 0.0;
        for (double o : out) {
            s += o * o;
        }
        return s;
    }

    /** A loss named by a String, an arrow-form switch expression. */
    @Differentiable
    static double namedLoss(double[] pred, double[] target, String loss) {
        var n = pred.length;
        var total = 0.0;
        for (int i = 0; i < n; i++) {
            double e = pred[i] - target[i];
            total += switch (loss) {
                case "mse" -> e * e;
                case "logcosh" -> Math.log(Math.cosh(e));
                case "pseudo-huber" -> Math.sqrt(1.0 + e * e) - 1.0;
                default -> Math.abs(e);
            };
        }
        return total / n;
    }

    /** Orthogonal polynomial features up to a degree, a colon-form switch statement over int. */
    @Differentiable
    static double legendreFeatures(double[] c, double t, int degree) {
        var y = new double[degree + 1];
        for (int d = 0; d <= degree; d++) {
            switch (d) {
                case 0:
                    y[d] = 1.0;
                    break;
                case 1:
                    y[d] = t;
                    break;
                default:
                    y[d] = ((2 * d - 1) * t * y[d - 1] - (d - 1) * y[d - 2]) / d;
                    break;
            }
        }
        double s = 0.0;
        for (int d = 0; d <= degree; d++) {
            s += c[d] * y[d];
        }
        return s;
    }

    /** An arrow-form switch statement over int with blocks, the schedule of an optimiser. */
    @Differentiable
    static double scheduledSteps(double w, double lr, int steps) {
        double x = w;
        for (int t = 0; t < steps; t++) {
            double rate;
            switch (t % 3) {
                case 0 -> rate = lr;
                case 1 -> {
                    double half = 0.5 * lr;
                    rate = half;
                }
                default -> rate = lr * lr;
            }
            x -= rate * (x * x * x - x + 0.3);
        }
        return x * x;
    }

    // ------------------------------------------------------------ row 9: assignments inside expressions

    /** Squared hinge loss of a linear SVM, the margin assigned in the condition. */
    @Differentiable
    static double squaredHinge(double[] w, double[][] X, double[] y) {
        double loss = 0.0;
        double m;
        for (int n = 0; n < X.length; n++) {
            double score = 0.0;
            for (int k = 0; k < w.length; k++) {
                score += w[k] * X[n][k];
            }
            if ((m = 1.0 - y[n] * score) > 0) {
                loss += m * m;
            }
        }
        return loss;
    }

    /** Horner's rule counting down with while (n-- > 0). */
    @Differentiable
    static double hornerCountdown(double[] coef, double x) {
        int n = coef.length;
        double p = 0.0;
        while (n-- > 0) {
            p = p * x + coef[n];
        }
        return p;
    }

    /** A leapfrog start: position and previous position set together, a = b = 2 * x. */
    @Differentiable
    static double leapfrogChain(double x, double k, int steps) {
        double q;
        double qPrev;
        q = qPrev = 2 * x;
        double dt = 0.1;
        for (int t = 0; t < steps; t++) {
            double next = 2 * q - qPrev - dt * dt * k * Math.sin(q);
            qPrev = q;
            q = next;
        }
        return q * q + qPrev;
    }

    /** Random Fourier features packed with y[k++] = v, then a linear read-out. */
    @Differentiable
    static double fourierFeatures(double[] x, double[] freq, double[] beta) {
        double[] feats = new double[2 * x.length];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            feats[k++] = Math.cos(freq[i] * x[i]);
            feats[k++] = Math.sin(freq[i] * x[i]);
        }
        return dot(beta, feats);
    }

    @Differentiable
    static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    // ------------------------------------------------------------ records, object arrays

    /** MAP objective: squared error plus the log prior of every weight, one record per weight. */
    @Differentiable
    static double mapObjective(double[] w, double[][] X, double[] y) {
        double loss = 0.0;
        for (int n = 0; n < X.length; n++) {
            double e = dot(w, X[n]) - y[n];
            loss += 0.5 * e * e;
        }
        // Issue 9 wants for (Gaussian prior : priors) here; the processor refuses it (the loop
        // variable must have a primitive type) and, with var, cannot resolve prior.logPdf.
        Gaussian[] priors = PRIORS;
        for (int k = 0; k < priors.length; k++) {
            Gaussian prior = priors[k];
            loss -= prior.logPdf(w[k]);
        }
        return loss;
    }

    /** A record's components read from outside through its accessors: a standardised score. */
    @Differentiable
    static double standardised(double[] x) {
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            Gaussian g = PRIORS[i % PRIORS.length];
            double z = (x[i] - g.mu()) / g.sigma();
            s += Math.log1p(z * z);
        }
        return s;
    }

    // ------------------------------------------------------------ varargs, initialisers

    /** A smooth maximum over however many arguments. */
    @Differentiable
    static double softMax(double... z) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            m = Math.max(m, v);
        }
        double s = 0.0;
        for (double v : z) {
            s += Math.exp(v - m);
        }
        return m + Math.log(s);
    }

    /** softMax called with separate numbers and with an array. */
    @Differentiable
    static double softMaxCalls(double a, double b, double[] x) {
        return softMax(a, b, a * b) + 0.5 * softMax(x);
    }

    /**
     * A fixed stencil over a gathered permutation: int[] and double[] initialisers as constants
     * and as a differentiated local.
     */
    @Differentiable
    static double stencilOnPermutation(double[] x, double a) {
        int[] order = {2, 0, 1};
        double[] weights = {0.25, 0.5, 0.25};
        double[] shifted = {x[order[0]] * a, x[order[1]], x[order[2]] + a};
        double s = 0.0;
        for (int i = 0; i < 3; i++) {
            s += weights[i] * Math.sin(shifted[i]) * shifted[(i + 1) % 3];
        }
        return s;
    }

    /** Regularisers named by an enum (arrow statement) and by a String (colon statement). */
    @Differentiable
    static double regularised(double[] w, double lambda, String norm) {
        double penalty = 0.0;
        for (int i = 0; i < w.length; i++) {
            Activation shape = i % 2 == 0 ? Activation.TANH : Activation.SOFTPLUS;
            switch (shape) {
                case TANH -> penalty += Math.tanh(w[i]) * Math.tanh(w[i]);
                case SOFTPLUS -> penalty += Math.log1p(Math.exp(w[i])) - Math.log(2.0);
                default -> penalty += 0.0;
            }
        }
        double data;
        switch (norm) {
            case "l2":
                data = dot(w, w);
                break;
            case "cauchy":
                data = Math.log1p(dot(w, w));
                break;
            default:
                data = 0.0;
                break;
        }
        return lambda * penalty + data;
    }

    /** Moving-average features packed from the end with while (n-- > 0) and y[k++]. */
    @Differentiable
    static double reversedMovingAverage(double[] x, double[] w) {
        double[] feats = new double[x.length - 1];
        int k = 0;
        int n = x.length - 1;
        while (n-- > 0) {
            feats[k++] = 0.5 * (x[n] + x[n + 1]);
        }
        double s;
        double t;
        s = t = 0.0;
        for (int i = 0; i < feats.length; i++) {
            s += w[i] * feats[i];
            t += feats[i] * feats[i];
        }
        return s * s + t;
    }

    /** softMax with a single spread argument and with one built in an initialiser. */
    @Differentiable
    static double softMaxOneAndInitialiser(double a, double b) {
        double[] pair = {a, 2 * b};
        return softMax(a) + softMax(pair);
    }

    /** Leaky squared margin: the score of every sample assigned in the condition from a call on its row. */
    @Differentiable
    static double leakyMargins(double[] w, double[][] X) {
        double s = 0.0;
        double r;
        for (int n = 0; n < X.length; n++) {
            if ((r = dot(w, X[n])) > 0) {
                s += r * r;
            } else {
                s -= 0.1 * r;
            }
        }
        return s;
    }
}
