package dev.leibniz.samples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * The datasets under {@code src/main/resources/datasets} (from scikit-learn, see the README
 * there), and what the samples do to them before training: a seeded split and scaling.
 */
final class Datasets {
    private Datasets() {
    }

    /**
     * Examples with integer classes.
     *
     * @param x      the features, one example per row
     * @param labels the class of each example
     */
    record Labelled(double[][] x, int[] labels) {
        int size() {
            return labels.length;
        }

        int features() {
            return x[0].length;
        }
    }

    /** A training set and a test set. */
    record Split(Labelled train, Labelled test) {
    }

    /** UCI digits: 1,797 images of 8&times;8 pixels, 0..16 each, classes 0..9. */
    static Labelled digits() {
        return read("digits.csv.gz", false);
    }

    /** Wisconsin diagnostic breast cancer: 569 examples, 30 features, 0 = malignant, 1 = benign. */
    static Labelled breastCancer() {
        return read("breast_cancer.csv", true);
    }

    /**
     * Shuffles the examples with a seeded generator and puts the first {@code testFraction} of
     * them into the test set, so every run splits the same way.
     */
    static Split split(Labelled all, double testFraction, long seed) {
        int n = all.size();
        int[] order = permutation(n, new Random(seed));
        int testSize = (int) Math.round(n * testFraction);
        return new Split(select(all, order, testSize, n), select(all, order, 0, testSize));
    }

    /** A uniformly random permutation of 0..n-1 (Fisher&ndash;Yates). */
    static int[] permutation(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order, random);
        return order;
    }

    /** Shuffles in place (Fisher&ndash;Yates). */
    static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /**
     * Scales every feature to mean 0 and standard deviation 1 on the training set, and applies
     * the same scaling to the test set, which must not inform it.
     */
    static Split standardise(Split split) {
        int d = split.train().features();
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (double[] row : split.train().x()) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / split.train().size();
            }
        }
        for (double[] row : split.train().x()) {
            for (int j = 0; j < d; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / split.train().size();
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = sd[j] > 0 ? Math.sqrt(sd[j]) : 1; // a constant feature stays 0
        }
        return new Split(scale(split.train(), mean, sd), scale(split.test(), mean, sd));
    }

    /** Divides every feature by {@code divisor}, such as pixels 0..16 by 16. */
    static Labelled divide(Labelled data, double divisor) {
        double[] zero = new double[data.features()];
        double[] by = new double[data.features()];
        Arrays.fill(by, divisor);
        return scale(data, zero, by);
    }

    private static Labelled scale(Labelled data, double[] shift, double[] divisor) {
        double[][] x = new double[data.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[shift.length];
            for (int j = 0; j < shift.length; j++) {
                x[i][j] = (data.x()[i][j] - shift[j]) / divisor[j];
            }
        }
        return new Labelled(x, data.labels().clone());
    }

    private static Labelled select(Labelled all, int[] order, int from, int to) {
        double[][] x = new double[to - from][];
        int[] labels = new int[to - from];
        for (int i = from; i < to; i++) {
            x[i - from] = all.x()[order[i]].clone();
            labels[i - from] = all.labels()[order[i]];
        }
        return new Labelled(x, labels);
    }

    /** Reads a CSV whose last column is the class, skipping scikit-learn's header line if any. */
    private static Labelled read(String name, boolean header) {
        String resource = "/datasets/" + name;
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        try (InputStream raw = Datasets.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(in, StandardCharsets.US_ASCII));
            if (header) {
                reader.readLine();
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                double[] row = new double[cells.length - 1];
                for (int j = 0; j < row.length; j++) {
                    row[j] = Double.parseDouble(cells[j]);
                }
                rows.add(row);
                labels.add((int) Double.parseDouble(cells[cells.length - 1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        int[] y = new int[labels.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.get(i);
        }
        return new Labelled(rows.toArray(new double[0][]), y);
    }
}
