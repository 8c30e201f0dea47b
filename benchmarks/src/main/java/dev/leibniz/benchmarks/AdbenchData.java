package dev.leibniz.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads ADBench instances in the formats of its {@code docs/FileFormat.md}, from two places:
 * <ul>
 * <li>a resource name without a slash ({@code "gmm_test.txt"}): a small copy kept beside the
 * unit tests (ADBench's {@code data/}, MIT licence, LICENSE.txt beside them), so the tests run
 * wherever the repository is checked out;</li>
 * <li>a path with a slash ({@code "gmm/1k-gmm_d10_K25.txt"}): relative to the full ADBench
 * instances, the directory of the system property {@value #DIR_PROPERTY}, by default
 * {@code ../shared/adbench} next to the repository root (see {@link #dir()}). The
 * benchmarks read these.</li>
 * </ul>
 */
final class AdbenchData {
    private AdbenchData() {}

    /** System property naming the directory of the full ADBench instances. */
    static final String DIR_PROPERTY = "leibniz.adbench";

    /**
     * The directory of the full instances: {@value #DIR_PROPERTY}, or else
     * {@code ../shared/adbench} relative to the repository root (found from the working
     * directory upwards). A git worktree may sit deeper than the main checkout, so the first
     * {@code shared/adbench} beside the root or beside one of its parents is taken.
     */
    static Path dir() {
        String configured = System.getProperty(DIR_PROPERTY);
        if (configured != null) {
            return Path.of(configured);
        }
        Path root = Path.of("").toAbsolutePath();
        for (Path p = root; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("benchmarks/pom.xml"))) {
                root = p;
                break;
            }
        }
        Path fallback = root.resolve("../shared/adbench").normalize();
        for (Path p = root.getParent(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/adbench");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return fallback;
    }

    /** A BA instance: n cameras (11 each), m points (3 each), p observations. */
    record BaInput(int n, int m, int p, double[] cams, double[] x, double[] w, int[] obs,
            double[] feats) {}

    /**
     * A BA instance. As ADBench's reader does, the file holds one camera, one point, one weight
     * and one feature; they are replicated, and observation i sees camera i mod n and point
     * i mod m.
     */
    static BaInput ba(String name) {
        Tokens t = new Tokens(read(name));
        int n = t.nextInt();
        int m = t.nextInt();
        int p = t.nextInt();
        double[] cam = t.next(Ba.NCAMPARAMS);
        double[] point = t.next(3);
        double w0 = t.nextDouble();
        double[] feat = t.next(2);
        t.expectEnd();
        double[] cams = new double[Ba.NCAMPARAMS * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(cam, 0, cams, i * Ba.NCAMPARAMS, Ba.NCAMPARAMS);
        }
        double[] x = new double[3 * m];
        for (int i = 0; i < m; i++) {
            System.arraycopy(point, 0, x, 3 * i, 3);
        }
        double[] w = new double[p];
        Arrays.fill(w, w0);
        int[] obs = new int[2 * p];
        double[] feats = new double[2 * p];
        for (int i = 0; i < p; i++) {
            obs[2 * i] = i % n;
            obs[2 * i + 1] = i % m;
            feats[2 * i] = feat[0];
            feats[2 * i + 1] = feat[1];
        }
        return new BaInput(n, m, p, cams, x, w, obs, feats);
    }

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

    private static String read(String name) {
        try {
            if (name.contains("/")) {
                Path file = dir().resolve(name);
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("no ADBench instance " + file
                            + " (set -D" + DIR_PROPERTY + "=<directory of ADBench's data>)");
                }
                return Files.readString(file, StandardCharsets.US_ASCII);
            }
            try (InputStream in = AdbenchData.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalArgumentException("no resource " + name);
                }
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
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
