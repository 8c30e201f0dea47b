package dev.leibniz.samples;

import dev.leibniz.optim.Adam;
import dev.leibniz.optim.Momentum;
import dev.leibniz.optim.Optimizer;
import dev.leibniz.optim.RmsProp;
import dev.leibniz.optim.Sgd;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.knowm.xchart.XYChart;

/**
 * Trains a 64-32-10 {@link Mlp} on the UCI digits with each optimizer of {@code dev.leibniz.optim},
 * from the same initial weights and on the same mini-batches, and compares them.
 *
 * <p>Each step is one call to the generated {@code MlpGrad.loss(..., into)} and one {@code step}
 * per parameter; neither allocates once warm, which the sample measures and prints.
 */
final class DigitsTraining {
    private DigitsTraining() {
    }

    static final int HIDDEN = 32;
    static final int EPOCHS = 20;
    static final int BATCH = 32;
    static final double LAMBDA = 1e-4;
    static final long SEED = 12;
    /** Accuracy each optimizer must reach on the test set for the run to pass. */
    static final double REQUIRED_ACCURACY = 0.95;

    /** The network's parameters. */
    record Net(double[][] w1, double[] b1, double[][] w2, double[] b2) {
        Net copy() {
            return new Net(copy(w1), b1.clone(), copy(w2), b2.clone());
        }

        private static double[][] copy(double[][] m) {
            double[][] c = new double[m.length][];
            for (int i = 0; i < m.length; i++) {
                c[i] = m[i].clone();
            }
            return c;
        }
    }

    /** What one optimizer did: the loss on the training set and the test accuracy per epoch. */
    record History(String name, double[] loss, double[] accuracy, double seconds) {
    }

    /** Trains with every optimizer, prints the comparison and plots it; returns the histories. */
    static List<History> run(Checks checks, Path plots) {
        Datasets.Split data = Datasets.split(Datasets.divide(Datasets.digits(), 16), 0.2, SEED);
        Datasets.Labelled train = data.train();
        Datasets.Labelled test = data.test();
        System.out.printf(Locale.ROOT, "== Digits: a %d-%d-10 network, mean softmax cross-entropy"
                + " + lambda/2 (||W1||^2 + ||W2||^2), lambda = %.0e%n", train.features(), HIDDEN, LAMBDA);
        System.out.printf(Locale.ROOT, "  %d training and %d test images (seeded split), pixels / 16,"
                + " batches of %d, %d epochs, ReLU, He initialisation%n",
                train.size(), test.size(), BATCH, EPOCHS);
        System.out.println("  you write: MlpGrad.loss(w1, b1, w2, b2, batch, labels, lambda, into);"
                + " optimizer.step(w1, into.w1()); ...");

        Net initial = initialise(train.features(), HIDDEN, 10, new Random(SEED));
        checkGradient(checks, initial, train);

        List<Optimizer> optimizers = List.of(new Sgd(0.3), new Momentum(0.05, 0.9),
                new RmsProp(2e-3), new Adam(2e-3));
        List<History> histories = new ArrayList<>();
        for (Optimizer optimizer : optimizers) {
            History h = train(checks, optimizer, initial.copy(), train, test);
            histories.add(h);
            double accuracy = h.accuracy()[EPOCHS - 1];
            checks.require(accuracy >= REQUIRED_ACCURACY, "digits: " + optimizer
                    + " reached only " + accuracy + " test accuracy");
        }
        System.out.printf(Locale.ROOT, "  %-52s %10s   %13s   %5s%n", "optimizer", "final loss",
                "test accuracy", "time");
        double total = 0;
        for (History h : histories) {
            System.out.printf(Locale.ROOT, "  %-52s %10.4f   %12.2f%%   %4.1f s%n", h.name(),
                    h.loss()[EPOCHS - 1], 100 * h.accuracy()[EPOCHS - 1], h.seconds());
            total += h.seconds();
        }
        System.out.printf(Locale.ROOT, "  all four optimizers: %.1f s%n", total);
        System.out.println("  plot: " + Main.shown(plot(histories, plots)));
        System.out.println();
        return histories;
    }

    /** Weights N(0, 2 / fan-in) (He et al., 2015), biases 0. */
    static Net initialise(int inputs, int hidden, int classes, Random random) {
        return new Net(gaussian(hidden, inputs, random), new double[hidden],
                gaussian(classes, hidden, random), new double[classes]);
    }

    private static double[][] gaussian(int rows, int columns, Random random) {
        double sd = Math.sqrt(2.0 / columns);
        double[][] w = new double[rows][columns];
        for (double[] row : w) {
            for (int i = 0; i < columns; i++) {
                row[i] = sd * random.nextGaussian();
            }
        }
        return w;
    }

    /**
     * Compares the generated gradient of the loss on a few images with central differences of
     * the plain method, at five coordinates of a row of w1, of b1, of a row of w2 and of b2.
     */
    private static void checkGradient(Checks checks, Net net, Datasets.Labelled train) {
        double[][] images = Arrays.copyOf(train.x(), 8);
        int[] labels = Arrays.copyOf(train.labels(), 8);
        MlpGrad.LossGradient g = MlpGrad.loss(net.w1(), net.b1(), net.w2(), net.b2(), images,
                labels, LAMBDA);
        Random random = new Random(SEED);
        int r1 = random.nextInt(HIDDEN);
        int r2 = random.nextInt(10);
        double[][] parameters = {net.w1()[r1], net.b1(), net.w2()[r2], net.b2()};
        double[][] gradients = {g.w1()[r1], g.b1(), g.w2()[r2], g.b2()};
        double[] generated = new double[20];
        double[] fd = new double[20];
        for (int k = 0; k < 20; k++) {
            double[] row = parameters[k / 5];
            int i = random.nextInt(row.length);
            generated[k] = gradients[k / 5][i];
            double saved = row[i];
            // The plain loss with this one coordinate moved, in place, and put back after.
            fd[k] = Checks.centralDifference(p -> {
                row[i] = p[0];
                return Mlp.loss(net.w1(), net.b1(), net.w2(), net.b2(), images, labels, LAMBDA);
            }, new double[] {saved}, 0);
            row[i] = saved;
        }
        double err = Checks.relativeError(generated, fd);
        double plain = Mlp.loss(net.w1(), net.b1(), net.w2(), net.b2(), images, labels, LAMBDA);
        System.out.printf(Locale.ROOT, "  gradient check on 8 images, 20 coordinates of w1, b1, w2, b2:"
                + " ||g - g_fd|| / ||g + g_fd|| = %.1e; value %s the plain method's%n",
                err, Double.compare(plain, g.value()) == 0 ? "identical to" : "DIFFERENT from");
        checks.require(err <= Checks.FD_TOLERANCE, "digits: gradient relative error " + err
                + " against central differences");
        checks.require(Double.compare(plain, g.value()) == 0, "digits: generated loss "
                + g.value() + " != plain method " + plain);
    }

    private static History train(Checks checks, Optimizer optimizer, Net net, Datasets.Labelled train,
            Datasets.Labelled test) {
        System.out.println("  -- " + optimizer);
        long start = System.nanoTime();
        Random random = new Random(SEED); // the same batches for every optimizer
        int[] order = Datasets.permutation(train.size(), random);
        double[][] batch = new double[BATCH][];
        int[] labels = new int[BATCH];
        MlpGrad.LossGradient g = new MlpGrad.LossGradient();
        double[] loss = new double[EPOCHS];
        double[] accuracy = new double[EPOCHS];
        long leastAllocated = Long.MAX_VALUE;
        int steps = 0;
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Datasets.shuffle(order, random);
            long before = allocatedBytes();
            steps = 0;
            // The last partial batch is left out; the next epoch's shuffle uses it.
            for (int from = 0; from + BATCH <= train.size(); from += BATCH) {
                for (int k = 0; k < BATCH; k++) {
                    batch[k] = train.x()[order[from + k]]; // a row reference: nothing is copied
                    labels[k] = train.labels()[order[from + k]];
                }
                MlpGrad.loss(net.w1(), net.b1(), net.w2(), net.b2(), batch, labels, LAMBDA, g);
                optimizer.step(net.w1(), g.w1());
                optimizer.step(net.b1(), g.b1());
                optimizer.step(net.w2(), g.w2());
                optimizer.step(net.b2(), g.b2());
                steps++;
            }
            if (epoch > 0) { // the first epoch warms the result object and the optimizer's state
                leastAllocated = Math.min(leastAllocated, allocatedBytes() - before);
            }
            loss[epoch] = Mlp.loss(net.w1(), net.b1(), net.w2(), net.b2(), train.x(),
                    train.labels(), LAMBDA);
            accuracy[epoch] = accuracy(net, test);
            System.out.printf(Locale.ROOT, "     epoch %2d/%d   training loss %.4f   test accuracy %6.2f%%   %4.1f s%n",
                    epoch + 1, EPOCHS, loss[epoch], 100 * accuracy[epoch],
                    (System.nanoTime() - start) / 1e9);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (allocatedBytes() >= 0) {
            // The least over the warm epochs: the JIT compiler may allocate in this thread now
            // and then, but code that allocated per step would allocate in every epoch.
            System.out.printf(Locale.ROOT, "     allocated by the %d steps of an epoch once warm (gradients and updates): %d bytes%n",
                    steps, leastAllocated);
            checks.require(leastAllocated == 0, "digits: " + optimizer + " allocated at least "
                    + leastAllocated + " bytes in every epoch of " + steps + " warm steps");
        }
        return new History(optimizer.toString(), loss, accuracy, seconds);
    }

    /** The share of the test set whose class the network predicts. */
    static double accuracy(Net net, Datasets.Labelled data) {
        int right = 0;
        for (int n = 0; n < data.size(); n++) {
            if (Mlp.predict(net.w1(), net.b1(), net.w2(), net.b2(), data.x()[n])
                    == data.labels()[n]) {
                right++;
            }
        }
        return (double) right / data.size();
    }

    /** HotSpot's allocation counter, or null where the JVM has none; looked up once, since
     * looking it up allocates. */
    private static final com.sun.management.ThreadMXBean ALLOCATIONS =
            ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                    && bean.isThreadAllocatedMemorySupported() ? bean : null;

    /** Bytes this thread has allocated so far, or -1 where the JVM cannot tell. */
    private static long allocatedBytes() {
        return ALLOCATIONS == null ? -1 : ALLOCATIONS.getCurrentThreadAllocatedBytes();
    }

    private static Path plot(List<History> histories, Path folder) {
        double[] epochs = new double[EPOCHS];
        for (int e = 0; e < EPOCHS; e++) {
            epochs[e] = e + 1;
        }
        XYChart loss = Plots.lineChart("Training loss", "epoch", "loss (log scale)", 480, 340);
        loss.getStyler().setYAxisLogarithmic(true);
        XYChart accuracy = Plots.lineChart("Test accuracy", "epoch", "accuracy (%)", 480, 340);
        accuracy.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        for (int i = 0; i < histories.size(); i++) {
            History h = histories.get(i);
            String name = h.name().substring(0, h.name().indexOf('('));
            double[] percent = new double[EPOCHS];
            for (int e = 0; e < EPOCHS; e++) {
                percent[e] = 100 * h.accuracy()[e];
            }
            Plots.line(loss, name, epochs, h.loss(), Plots.COLOURS[i], 2f);
            Plots.line(accuracy, name, epochs, percent, Plots.COLOURS[i], 2f);
        }
        return Plots.save(List.of(loss, accuracy), 1, 2, folder, "digits-training");
    }
}
