package dev.leibniz.samples;

import dev.leibniz.optim.Adam;
import dev.leibniz.optim.Optimizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Logistic regression on the Wisconsin breast-cancer data: checks the generated gradient of
 * {@link LogisticRegression#loss} against its closed form and central differences, then trains
 * it with Adam and reports the test accuracy.
 */
final class BreastCancer {
    private BreastCancer() {
    }

    static final double LAMBDA = 1e-3;
    static final int STEPS = 300;
    static final long SEED = 7;
    /** Accuracy the model must reach on the test set for the run to pass. */
    static final double REQUIRED_ACCURACY = 0.93;

    static void run(Checks checks) {
        Datasets.Split data = Datasets.standardise(Datasets.split(Datasets.breastCancer(), 0.2, SEED));
        double[][] xs = data.train().x();
        double[] ys = asDoubles(data.train().labels());
        int d = data.train().features();

        // A point away from 0, so that every term of the gradient matters.
        Random random = new Random(SEED);
        double[] w = new double[d];
        for (int j = 0; j < d; j++) {
            w[j] = 0.1 * random.nextGaussian();
        }
        double b = 0.2;
        LogisticRegressionGrad.LossGradient g = LogisticRegressionGrad.loss(w, b, xs, ys, LAMBDA);

        // Closed form: dL/dw = (1/N) sum (sigma(z_n) - y_n) x_n + lambda w, dL/db = (1/N) sum (sigma(z_n) - y_n).
        double[] closedW = new double[d];
        double closedB = 0;
        for (int n = 0; n < xs.length; n++) {
            double r = (LogisticRegression.probability(w, b, xs[n]) - ys[n]) / xs.length;
            for (int j = 0; j < d; j++) {
                closedW[j] += r * xs[n][j];
            }
            closedB += r;
        }
        for (int j = 0; j < d; j++) {
            closedW[j] += LAMBDA * w[j];
        }

        // The table shows three weights and the bias; the whole gradient is compared below it.
        double[] point = {w[0], w[1], w[2], b};
        checks.report(new Checks.Example(
                        "Logistic regression on the breast-cancer data (" + xs.length + " training examples, "
                                + d + " standardised features)",
                        "L(w, b) = mean of softplus(z_n) - y_n z_n, z_n = w . x_n + b, plus lambda/2 ||w||^2",
                        "LogisticRegressionGrad.LossGradient g = LogisticRegressionGrad.loss(w, b, xs, ys, lambda);"
                                + " g.w(); g.b()",
                        "L", List.of("w0", "w1", "w2", "b"), point, p -> {
                            double[] v = w.clone();
                            v[0] = p[0];
                            v[1] = p[1];
                            v[2] = p[2];
                            return LogisticRegression.loss(v, p[3], xs, ys, LAMBDA);
                        }),
                g.value(), new double[] {g.w()[0], g.w()[1], g.w()[2], g.b()},
                new double[] {closedW[0], closedW[1], closedW[2], closedB});
        double[] all = append(g.w(), g.b());
        double[] allClosed = append(closedW, closedB);
        double err = Checks.relativeError(all, allClosed);
        System.out.printf(Locale.ROOT, "  all %d partials against the closed form: relative error %.1e%n",
                all.length, err);
        checks.require(err <= 1e-12, "logistic regression: gradient relative error " + err
                + " against the closed form");

        // Training: full-batch Adam from w = 0, one reused result object.
        Arrays.fill(w, 0);
        double[] bias = {0};
        Optimizer adam = new Adam(0.05);
        LogisticRegressionGrad.LossGradient into = new LogisticRegressionGrad.LossGradient();
        double[] biasGradient = new double[1];
        System.out.println("  training with " + adam + ", full batch:");
        for (int step = 1; step <= STEPS; step++) {
            double loss = LogisticRegressionGrad.loss(w, bias[0], xs, ys, LAMBDA, into);
            adam.step(w, into.w());
            biasGradient[0] = into.b();
            adam.step(bias, biasGradient);
            if (step == 1 || step % 100 == 0) {
                System.out.printf(Locale.ROOT, "     step %3d   loss %.4f%n", step, loss);
            }
        }
        double trainAccuracy = accuracy(w, bias[0], data.train());
        double testAccuracy = accuracy(w, bias[0], data.test());
        System.out.printf(Locale.ROOT, "  accuracy: training %.2f%%, test %.2f%% (%d test examples)%n",
                100 * trainAccuracy, 100 * testAccuracy, data.test().size());
        checks.require(testAccuracy >= REQUIRED_ACCURACY,
                "logistic regression reached only " + testAccuracy + " test accuracy");
        System.out.println();
    }

    private static double accuracy(double[] w, double b, Datasets.Labelled data) {
        int right = 0;
        for (int n = 0; n < data.size(); n++) {
            int predicted = LogisticRegression.probability(w, b, data.x()[n]) >= 0.5 ? 1 : 0;
            if (predicted == data.labels()[n]) {
                right++;
            }
        }
        return (double) right / data.size();
    }

    private static double[] asDoubles(int[] labels) {
        double[] y = new double[labels.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels[i];
        }
        return y;
    }

    private static double[] append(double[] a, double last) {
        double[] c = Arrays.copyOf(a, a.length + 1);
        c[a.length] = last;
        return c;
    }
}
