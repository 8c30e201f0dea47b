package dev.leibniz.processor.adbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads ADBench instances in the formats of its {@code docs/FileFormat.md}. The files are
 * copies of {@code /work/shared/adbench} (ADBench's {@code data/}, MIT licence, see
 * LICENSE.txt beside them) kept as test resources, so the tests run wherever the repository
 * is checked out.
 */
final class AdbenchData {
    private AdbenchData() {}

    /** A GMM instance: the packed parameters are alphas (k), means (d*k), icf ((d(d+1)/2)*k). */
    record GmmInput(int d, int k, int n, double[] alphas, double[] means, double[] icf,
            double[] x, Gmm.Wishart wishart) {
        int icfSize() {
            return d * (d + 1) / 2;
        }
    }

    /** An LSTM instance: l layers, c characters, b bits per character. */
    record LstmInput(int l, int c, int b, double[] mainParams, double[] extraParams,
            double[] state, double[] sequence) {}

    static GmmInput gmm(String resource) {
        Tokens t = new Tokens(read(resource));
        int d = t.nextInt();
        int k = t.nextInt();
        int n = t.nextInt();
        double[] alphas = t.next(k);
        double[] means = t.next(d * k);
        double[] icf = t.next(d * (d + 1) / 2 * k);
        // FileFormat.md: in replicate-point form the file holds one point, used n times.
        boolean replicate = t.remaining() == d + 2 && n > 1;
        double[] x = new double[d * n];
        if (replicate) {
            double[] point = t.next(d);
            for (int i = 0; i < n; i++) {
                System.arraycopy(point, 0, x, i * d, d);
            }
        } else {
            x = t.next(d * n);
        }
        double gamma = t.nextDouble();
        int m = t.nextInt();
        t.expectEnd();
        return new GmmInput(d, k, n, alphas, means, icf, x, new Gmm.Wishart(gamma, m));
    }

    static LstmInput lstm(String resource) {
        Tokens t = new Tokens(read(resource));
        int l = t.nextInt();
        int c = t.nextInt();
        int b = t.nextInt();
        double[] mainParams = t.next(2 * l * 4 * b);
        double[] extraParams = t.next(3 * b);
        double[] state = t.next(2 * l * b);
        double[] sequence = t.next(c * b);
        t.expectEnd();
        return new LstmInput(l, c, b, mainParams, extraParams, state, sequence);
    }

    private static String read(String resource) {
        try (InputStream in = AdbenchData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Tokens {
        private final String[] tokens;
        private int next;

        Tokens(String text) {
            this.tokens = text.trim().split("\\s+");
        }

        int remaining() {
            return tokens.length - next;
        }

        int nextInt() {
            return Integer.parseInt(tokens[next++]);
        }

        double nextDouble() {
            return Double.parseDouble(tokens[next++]);
        }

        double[] next(int count) {
            if (count > remaining()) {
                throw new IllegalArgumentException("expected " + count + " more numbers, "
                        + remaining() + " left");
            }
            double[] out = new double[count];
            for (int i = 0; i < count; i++) {
                out[i] = nextDouble();
            }
            return out;
        }

        void expectEnd() {
            if (remaining() != 0) {
                throw new IllegalArgumentException(remaining() + " numbers left over");
            }
        }
    }
}
