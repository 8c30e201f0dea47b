package dev.leibniz.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What the processor adds to javac: generates one class with {@code methods}
 * {@code @Differentiable} methods (eight templates in the shapes of the objectives: loops over
 * arrays, a layer with tanh, straight-line math, branches, logsumexp, an LSTM cell calling a
 * helper, a {@code double[]}-valued softmax and a procedure), then compiles it in-process with
 * javax.tools, alternately without ({@code -proc:none}) and with the Leibniz processor, and
 * takes the median of each over the measured repetitions (after warm-up ones, so that javac
 * itself is warm). The very first compilation of each kind (javac cold, as in a fresh build)
 * is reported beside.
 *
 * <p>{@code java -cp benchmarks.jar dev.leibniz.benchmarks.ProcessorTime [methods] [warmup]
 * [measured] [out.properties]}
 */
public final class ProcessorTime {
    private ProcessorTime() {}

    /** The source of a class {@code gen.Many} with the given number of methods. */
    static String source(int methods) {
        StringBuilder s = new StringBuilder();
        s.append("package gen;\n\nimport dev.leibniz.Differentiable;\n\n");
        s.append("public final class Many {\n    private Many() {}\n\n");
        int written = 0;
        for (int m = 0; written < methods; m++) {
            double c = 1 + (m % 17) / 8.0;
            String k = String.format(Locale.ROOT, "%.4f", c);
            int template = m % 8;
            if (template == 5 && methods - written < 2) {
                template = 2; // the cell template writes two methods
            }
            written += template == 5 ? 2 : 1;
            switch (template) {
                case 0 -> s.append("""
                        @Differentiable
                        static double rosen%1$d(double[] x) {
                            double sum = 0;
                            for (int i = 0; i < x.length - 1; i++) {
                                double a = x[i + 1] - x[i] * x[i];
                                double b = %2$s - x[i];
                                sum += 100 * a * a + b * b;
                            }
                            return sum;
                        }
                        """.formatted(m, k));
                case 1 -> s.append("""
                        @Differentiable(wrt = {"w", "b"})
                        static double layer%1$d(double[][] w, double[] b, double[] x) {
                            double loss = 0;
                            for (int j = 0; j < b.length; j++) {
                                double a = b[j];
                                for (int i = 0; i < x.length; i++) {
                                    a += w[j][i] * x[i];
                                }
                                double h = Math.tanh(%2$s * a);
                                loss += h * h;
                            }
                            return loss / b.length;
                        }
                        """.formatted(m, k));
                case 2 -> s.append("""
                        @Differentiable
                        static double scalar%1$d(double x, double y) {
                            double a = x * x + %2$s * y;
                            double b = Math.exp(-a) + Math.sin(x * y);
                            double c = Math.sqrt(a * a + b * b + 1);
                            double d = Math.log(c) * Math.cos(b) - Math.atan2(y, c);
                            return d + Math.pow(c, 1.5) / (1 + x * x);
                        }
                        """.formatted(m, k));
                case 3 -> s.append("""
                        @Differentiable
                        static double branch%1$d(double x, double y) {
                            double r;
                            if (x > y) {
                                r = x * Math.exp(-y * %2$s);
                            } else if (x < -y) {
                                r = Math.abs(x - y) + Math.max(x, 0.5 * y);
                            } else {
                                r = x * y * Math.tanh(x + y);
                            }
                            return r > 1 ? Math.log(r) : r;
                        }
                        """.formatted(m, k));
                case 4 -> s.append("""
                        @Differentiable
                        static double lse%1$d(double[] x, double[] mu) {
                            double mx = Double.NEGATIVE_INFINITY;
                            for (int i = 0; i < x.length; i++) {
                                mx = Math.max(mx, x[i] - %2$s * mu[i]);
                            }
                            double s = 0;
                            for (int i = 0; i < x.length; i++) {
                                double d = x[i] - %2$s * mu[i];
                                s += Math.exp(d - mx);
                            }
                            return Math.log(s) + mx;
                        }
                        """.formatted(m, k));
                case 5 -> s.append("""
                        @Differentiable
                        static double sig%1$d(double z) {
                            return 1 / (1 + Math.exp(-%2$s * z));
                        }

                        @Differentiable(wrt = {"p"})
                        static double cell%1$d(double[] p, double[] in, double[] h) {
                            double total = 0;
                            double cell = 0;
                            for (int i = 0; i < in.length; i++) {
                                double f = sig%1$d(in[i] * p[0] + p[1]);
                                double g = sig%1$d(h[i] * p[2] + p[3]);
                                double o = sig%1$d(in[i] * p[4] + p[5]);
                                double ch = Math.tanh(h[i] * p[6] + p[7]);
                                cell = cell * f + g * ch;
                                total += o * Math.tanh(cell);
                            }
                            return total;
                        }
                        """.formatted(m, k));
                case 6 -> s.append("""
                        @Differentiable
                        static double[] softmax%1$d(double[] z) {
                            double mx = z[0];
                            for (int i = 1; i < z.length; i++) {
                                mx = Math.max(mx, z[i]);
                            }
                            double[] e = new double[z.length];
                            double sum = 0;
                            for (int i = 0; i < z.length; i++) {
                                e[i] = Math.exp(%2$s * (z[i] - mx));
                                sum += e[i];
                            }
                            for (int i = 0; i < z.length; i++) {
                                e[i] = e[i] / sum;
                            }
                            return e;
                        }
                        """.formatted(m, k));
                default -> s.append("""
                        @Differentiable(wrt = {"q", "x", "out"})
                        static void qtimesx%1$d(int d, double[] q, double[] x, double[] out) {
                            for (int i = 0; i < d; i++) {
                                out[i] = Math.exp(q[i]) * x[i] * %2$s;
                            }
                            int idx = d;
                            for (int i = 0; i < d; i++) {
                                for (int j = i + 1; j < d; j++) {
                                    out[j] = out[j] + q[idx] * x[i];
                                    idx++;
                                }
                            }
                        }
                        """.formatted(m, k));
            }
            s.append('\n');
        }
        s.append("}\n");
        return s.toString().replace("\n@", "\n    @").replace("\nstatic", "\n    static");
    }

    /** One compilation; returns its wall time in nanoseconds. */
    static long compile(JavaCompiler javac, String source, boolean leibniz, Path work) {
        try {
            Path out = Files.createTempDirectory(work, "out");
            Path gen = Files.createTempDirectory(work, "gen");
            List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-s",
                    gen.toString(), "-classpath", System.getProperty("java.class.path"),
                    "--release", "17", "-implicit:none"));
            if (leibniz) {
                options.addAll(List.of("-processor", "dev.leibniz.processor.LeibnizProcessor"));
            } else {
                options.add("-proc:none");
            }
            JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///gen/Many.java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            };
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics,
                    Locale.ROOT, StandardCharsets.UTF_8)) {
                long start = System.nanoTime();
                boolean ok = javac.getTask(null, files, diagnostics, options, null, List.of(file))
                        .call();
                long took = System.nanoTime() - start;
                if (!ok) {
                    throw new IllegalStateException("javac failed (leibniz=" + leibniz + "): "
                            + diagnostics.getDiagnostics());
                }
                if (leibniz && !Files.exists(out.resolve("gen/ManyGrad.class"))) {
                    throw new IllegalStateException("the processor wrote no gen.ManyGrad");
                }
                return took;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of the companion the processor writes for the class. */
    static long companionLines(JavaCompiler javac, String source, Path work) throws IOException {
        compile(javac, source, true, work);
        try (Stream<Path> files = Files.walk(work)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.getFileName().toString().equals("ManyGrad.java")) {
                    return Files.readAllLines(p).size();
                }
            }
        }
        return -1;
    }

    static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }

    public static void main(String[] args) throws IOException {
        int methods = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int measured = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path result = args.length > 3 ? Path.of(args[3]) : null;
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String source = source(methods);
        long annotated = source.lines().filter(l -> l.contains("@Differentiable")).count();
        Path work = Files.createTempDirectory("leibniz-processor-time");
        try {
            long coldPlain = compile(javac, source, false, work);
            long coldWith = compile(javac, source, true, work);
            long lines = companionLines(javac, source, work);
            for (int i = 0; i < warmup; i++) {
                compile(javac, source, false, work);
                compile(javac, source, true, work);
            }
            long[] plain = new long[measured];
            long[] with = new long[measured];
            for (int i = 0; i < measured; i++) {
                plain[i] = compile(javac, source, false, work);
                with[i] = compile(javac, source, true, work);
            }
            double plainMs = median(plain) / 1e6;
            double withMs = median(with) / 1e6;
            String report = String.format(Locale.ROOT, """
                    methods=%d
                    sourceLines=%d
                    companionLines=%d
                    repetitions=%d
                    warmup=%d
                    plainMs=%.1f
                    leibnizMs=%.1f
                    addedMs=%.1f
                    plainAllMs=%s
                    leibnizAllMs=%s
                    coldPlainMs=%.1f
                    coldLeibnizMs=%.1f
                    """, annotated, source.lines().count(), lines, measured, warmup, plainMs,
                    withMs, withMs - plainMs, ms(plain), ms(with), coldPlain / 1e6,
                    coldWith / 1e6);
            System.out.print(report);
            if (result != null) {
                Files.writeString(result, report);
            }
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String ms(long[] v) {
        StringBuilder b = new StringBuilder();
        for (long x : v) {
            b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.0f", x / 1e6));
        }
        return b.toString();
    }
}
