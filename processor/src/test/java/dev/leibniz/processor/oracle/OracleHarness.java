package dev.leibniz.processor.oracle;

import dev.leibniz.processor.oracle.Ast.Method;
import dev.leibniz.processor.oracle.Ast.Param;
import dev.leibniz.processor.oracle.Ast.Program;
import dev.leibniz.processor.oracle.Ast.Ty;
import dev.leibniz.processor.oracle.DsInterpreter.Result;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Generates batches of random programs, compiles each batch in-process (with the Leibniz processor,
 * or without any processor in self-check mode), runs the generated companions reflectively and
 * compares them with {@link DsInterpreter}.
 *
 * <p>Checks per method and point: value() against the reference (tolerance) and bit-for-bit
 * against the original method; every gradient accessor; the {@code into} overload (one
 * {@code MGradient} reused across points, its arrays scribbled with NaN in between, so stale
 * accumulation and elements left unwritten show); {@code mPullback} with a
 * seed; the compiled original against the interpreter (bit-for-bit: an oracle self-check); and,
 * where the neighbourhood is smooth, the reference gradient against central differences.
 */
final class OracleHarness {

    static final String PROCESSOR_CLASS = "dev.leibniz.processor.LeibnizProcessor";
    static final double TOL = 1e-10;

    /** Run configuration; see {@link #fromSystemProperties}. */
    record Config(
            long seed,
            int count,
            int methodsPerClass,
            int points,
            Set<String> disabled,
            boolean exactValue,
            boolean centralDifferences,
            int threads,
            int reduce,
            int maxReported) {}

    static Config fromSystemProperties(long defaultSeed, int defaultCount) {
        long seed = Long.getLong("oracle.seed", defaultSeed);
        int count = Integer.getInteger("oracle.count", defaultCount);
        int per = Integer.getInteger("oracle.methodsPerClass", 100);
        int points = Integer.getInteger("oracle.points", 3);
        Set<String> disabled = new LinkedHashSet<>();
        for (String s : System.getProperty("oracle.disable", ProgramGenerator.OFF_BY_DEFAULT).split(",")) {
            if (!s.isBlank()) {
                disabled.add(s.trim());
            }
        }
        boolean exact = Boolean.parseBoolean(System.getProperty("oracle.exactValue", "true"));
        boolean cd = Boolean.parseBoolean(System.getProperty("oracle.cd", "true"));
        int threads = Integer.getInteger("oracle.threads", Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
        int reduce = Integer.getInteger("oracle.reduce", 3);
        int maxReported = Integer.getInteger("oracle.maxReported", 30);
        return new Config(seed, count, per, points, disabled, exact, cd, threads, reduce, maxReported);
    }

    /** One finding. {@code key} groups similar findings; {@code report} is self-contained. */
    record Failure(String kind, String key, String report, Program program, Method method, double[] point) {}

    /** Counters of one run. */
    static final class Stats {
        int generated;
        int checked;
        int pointsCompared;
        int pointsSkipped;
        int compilations;
        int cdCompared;
        int cdInconclusive;
        /** Points where the tangent passed the dot-product test, and methods that had no tangent. */
        int tangentsChecked;
        int tangentsMissing;
        /** Points where mHessian matched Hipparchus's order-2 derivatives. */
        int hessiansChecked;
        /** Points where a double[]-valued library method's mJacobian and mTangent matched Hipparchus's Jacobian. */
        int jacobiansChecked;
        final Map<String, Integer> skipReasons = new TreeMap<>();
        final Map<String, Integer> featureCounts = new TreeMap<>();

        void add(Stats o) {
            generated += o.generated;
            checked += o.checked;
            pointsCompared += o.pointsCompared;
            pointsSkipped += o.pointsSkipped;
            compilations += o.compilations;
            cdCompared += o.cdCompared;
            cdInconclusive += o.cdInconclusive;
            tangentsChecked += o.tangentsChecked;
            tangentsMissing += o.tangentsMissing;
            hessiansChecked += o.hessiansChecked;
            jacobiansChecked += o.jacobiansChecked;
            o.skipReasons.forEach((k, v) -> skipReasons.merge(k, v, Integer::sum));
            o.featureCounts.forEach((k, v) -> featureCounts.merge(k, v, Integer::sum));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "generated=%d checked=%d points=%d skippedPoints=%d compilations=%d cdCompared=%d cdInconclusive=%d "
                            + "tangentsChecked=%d tangentsMissing=%d hessiansChecked=%d "
                            + "jacobiansChecked=%d%n"
                            + "  skip reasons: %s%n  features: %s",
                    generated, checked, pointsCompared, pointsSkipped, compilations, cdCompared, cdInconclusive,
                    tangentsChecked, tangentsMissing, hessiansChecked, jacobiansChecked,
                    skipReasons, featureCounts);
        }
    }

    /** The outcome of a run. */
    record Outcome(Stats stats, List<Failure> failures, long millis) {}

    private final Config cfg;
    /** false: self-check mode (no processor). */
    private final boolean withProcessor;
    private final Supplier<Processor> processor;
    private final ProgramGenerator gen;

    /** With the Leibniz processor, or in self-check mode (plain javac) when false. */
    OracleHarness(Config cfg, boolean withProcessor) {
        this(cfg, withProcessor ? OracleHarness::newProcessor : null);
    }

    /** With the given processor (a fresh instance per compilation), or self-check mode when null. */
    OracleHarness(Config cfg, Supplier<Processor> processor) {
        this.cfg = cfg;
        this.withProcessor = processor != null;
        this.processor = processor;
        this.gen = new ProgramGenerator(cfg.disabled());
    }

    static Processor newProcessor() {
        try {
            Class<?> c = Class.forName(PROCESSOR_CLASS);
            Constructor<?> k = c.getConstructor();
            return (Processor) k.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate " + PROCESSOR_CLASS, e);
        }
    }

    List<Processor> processors() {
        return withProcessor ? List.of(processor.get()) : List.of();
    }

    InMemoryCompiler.Result compile(Program p) {
        return InMemoryCompiler.compile(p.binaryName(), JavaPrinter.print(p).source(), processors());
    }

    // =========================================================================== run

    Outcome run() {
        long t0 = System.nanoTime();
        int batches = (cfg.count() + cfg.methodsPerClass() - 1) / cfg.methodsPerClass();
        ExecutorService pool = Executors.newFixedThreadPool(cfg.threads());
        List<Future<BatchOutcome>> fs = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            int n = Math.min(cfg.methodsPerClass(), cfg.count() - b * cfg.methodsPerClass());
            int batch = b;
            fs.add(pool.submit(() -> batch(batch, n)));
        }
        Stats stats = new Stats();
        List<Failure> failures = new ArrayList<>();
        try {
            for (Future<BatchOutcome> f : fs) {
                BatchOutcome o = f.get();
                stats.add(o.stats);
                failures.addAll(o.failures);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("batch crashed (harness bug)", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Outcome(stats, failures, (System.nanoTime() - t0) / 1_000_000);
    }

    private record BatchOutcome(Stats stats, List<Failure> failures) {}

    long classSeed(int batch) {
        return ProgramGenerator.mix(cfg.seed(), batch);
    }

    String seedInfo(Program p, Method m) {
        return "oracle.seed=" + cfg.seed() + " class=" + p.className() + " method=" + m.name()
                + " methodSeed=" + m.seed() + (cfg.disabled().isEmpty() ? "" : " oracle.disable=" + String.join(",", cfg.disabled()));
    }

    private BatchOutcome batch(int b, int n) {
        Stats st = new Stats();
        List<Failure> fails = new ArrayList<>();
        Program p = gen.program(classSeed(b), "Prog" + b, n);
        st.generated += n;
        for (Method m : p.allMethods()) {
            for (String f : m.features()) {
                st.featureCounts.merge(f, 1, Integer::sum);
            }
        }
        // compile; isolate methods that break compilation
        Program cur = p;
        InMemoryCompiler.Result res = null;
        for (int attempt = 0; attempt < 4 && !cur.allMethods().isEmpty(); attempt++) {
            res = compile(cur);
            st.compilations++;
            if (compileProblem(res) == null) {
                break;
            }
            List<List<Method>> culprits = attributed(cur, res, true, st);
            if (culprits.isEmpty()) {
                culprits = culprits(cur, r -> compileProblem(r) != null, st);
            }
            List<Method> outer = new ArrayList<>(cur.outer());
            List<Method> inner = new ArrayList<>(cur.inner());
            for (List<Method> group : culprits) {
                Program alone = subset(cur, group);
                InMemoryCompiler.Result ra = group.size() == 1 ? compile(alone) : res;
                st.compilations++;
                fails.add(compileFailure(group.size() == 1 ? alone : cur, group.size() == 1 ? group.get(0) : null, ra));
                outer.removeAll(group);
                inner.removeAll(group);
            }
            cur = cur.withMethods(outer, inner);
            res = null;
        }
        if (res == null || compileProblem(res) != null) {
            return new BatchOutcome(st, fails);
        }
        if (withProcessor) {
            if (!res.warningsIn("Grad.java").isEmpty()) {
                // attribute the warnings to methods, report each compiled alone
                List<List<Method>> groups = attributed(cur, res, false, st);
                if (groups.isEmpty()) {
                    groups = culprits(cur, r -> !r.warningsIn("Grad.java").isEmpty(), st);
                }
                for (List<Method> group : groups) {
                    Program alone = subset(cur, group);
                    InMemoryCompiler.Result ra = compile(alone);
                    st.compilations++;
                    List<Diagnostic<? extends JavaFileObject>> lint = ra.warningsIn("Grad.java");
                    fails.add(lintFailure(alone, group.size() == 1 ? group.get(0) : null, ra, lint.isEmpty() ? res.warningsIn("Grad.java") : lint));
                }
            }
        } else {
            List<Diagnostic<? extends JavaFileObject>> own = new java.util.ArrayList<>(res.warningsIn(".java"));
            // The generator writes int += double on purpose (Java's implicit narrowing is under
            // test); javac 20+ lints that as lossy-conversions in the user's program, not a bug.
            own.removeIf(d -> "compiler.warn.possible.loss.of.precision".equals(d.getCode()));
            if (!own.isEmpty()) {
                fails.add(new Failure("GENERATOR_WARNING", "GENERATOR_WARNING",
                        "generated program is not lint-clean (oracle bug)\n" + res.diagnosticsText() + "\n"
                                + numbered(JavaPrinter.print(cur).source()), cur, null, null));
            }
        }
        InMemoryCompiler.MemoryClassLoader loader =
                new InMemoryCompiler.MemoryClassLoader(res.classes(), OracleHarness.class.getClassLoader());
        for (Method m : cur.allMethods()) {
            MethodCheck mc = new MethodCheck(cur, m, loader, res);
            int fitPoints = mc.run(st, fails);
            if (fitPoints > 0) {
                st.checked++;
            }
        }
        if (withProcessor) {
            for (Method v : cur.lib()) {
                if (v.returnType().equals("double[]")) {
                    new MethodCheck(cur, v, loader, res).jacobians(st, fails);
                }
            }
        }
        return new BatchOutcome(st, fails);
    }

    private static final java.util.regex.Pattern GRAD_MEMBER =
            java.util.regex.Pattern.compile("^\\s*public static (?:final class (\\w+)Gradient|\\S+ (\\w+?)(?:Pullback)?\\()");

    /**
     * The methods that the diagnostics (errors, or warnings in companions) point at, each of which
     * also fails when compiled alone: source lines map to method ranges, companion lines to the
     * enclosing generated member (whose names the contract fixes). Empty if nothing could be
     * attributed; the caller then bisects.
     */
    private List<List<Method>> attributed(Program p, InMemoryCompiler.Result r, boolean errors, Stats st) {
        JavaPrinter.Printed pr = JavaPrinter.print(p);
        java.util.Set<Method> hits = new LinkedHashSet<>();
        List<Diagnostic<? extends JavaFileObject>> ds = errors ? r.errors() : r.warningsIn("Grad.java");
        for (Diagnostic<? extends JavaFileObject> d : ds) {
            String file = InMemoryCompiler.fileName(d);
            String name = null;
            if (file.endsWith("Grad.java")) {
                String src = r.generatedSources().get(file.substring(1, file.length() - ".java".length()).replace('/', '.'));
                if (src != null && d.getLineNumber() > 0) {
                    String[] lines = src.split("\n", -1);
                    for (int l = (int) Math.min(d.getLineNumber(), lines.length) - 1; l >= 0 && name == null; l--) {
                        java.util.regex.Matcher mt = GRAD_MEMBER.matcher(lines[l]);
                        if (mt.find()) {
                            name = mt.group(1) != null
                                    ? Character.toLowerCase(mt.group(1).charAt(0)) + mt.group(1).substring(1) : mt.group(2);
                        }
                    }
                }
            } else {
                for (Map.Entry<String, JavaPrinter.LineRange> e : pr.methodLines().entrySet()) {
                    if (e.getValue().contains(d.getLineNumber())) {
                        name = e.getKey();
                    }
                }
            }
            for (Method m : p.allMethods()) {
                if (m.name().equals(name)) {
                    hits.add(m);
                }
            }
        }
        List<List<Method>> out = new ArrayList<>();
        for (Method m : hits) {
            InMemoryCompiler.Result ra = compile(subset(p, List.of(m)));
            st.compilations++;
            boolean bad = errors ? compileProblem(ra) != null : !ra.warningsIn("Grad.java").isEmpty();
            if (bad) {
                out.add(List.of(m));
            }
        }
        return out;
    }

    /** null if the compilation is clean enough to run; otherwise why not. */
    String compileProblem(InMemoryCompiler.Result r) {
        String crash = r.crash();
        if (crash != null) {
            return "CRASH";
        }
        if (!r.errors().isEmpty() || !r.success()) {
            return "COMPILE_ERROR";
        }
        return null;
    }

    /**
     * Delta debugging over methods: groups of methods whose presence makes {@code bad} hold
     * (normally single methods; a group of several when only their combination fails).
     */
    List<List<Method>> culprits(Program p, Predicate<InMemoryCompiler.Result> bad, Stats st) {
        List<List<Method>> out = new ArrayList<>();
        bisect(p, p.allMethods(), bad, out, st, true);
        return out;
    }

    private void bisect(Program p, List<Method> ms, Predicate<InMemoryCompiler.Result> bad, List<List<Method>> out,
            Stats st, boolean knownBad) {
        if (ms.isEmpty()) {
            return;
        }
        if (!knownBad) {
            InMemoryCompiler.Result r = compile(subset(p, ms));
            st.compilations++;
            if (!bad.test(r)) {
                return;
            }
        }
        if (ms.size() == 1) {
            out.add(List.copyOf(ms));
            return;
        }
        int before = out.size();
        bisect(p, ms.subList(0, ms.size() / 2), bad, out, st, false);
        bisect(p, ms.subList(ms.size() / 2, ms.size()), bad, out, st, false);
        if (out.size() == before) {
            out.add(List.copyOf(ms)); // only the combination fails
        }
    }

    static Program subset(Program p, List<Method> ms) {
        List<Method> outer = new ArrayList<>();
        List<Method> inner = new ArrayList<>();
        for (Method m : ms) {
            (p.inner().contains(m) ? inner : outer).add(m);
        }
        return p.withMethods(outer, inner);
    }

    Failure compileFailure(Program p, Method m, InMemoryCompiler.Result r) {
        String kind = compileProblem(r);
        if (kind == null) {
            kind = "COMPILE_ERROR_ONLY_IN_BATCH";
        }
        boolean inGrad = false;
        for (Diagnostic<? extends JavaFileObject> d : r.errors()) {
            inGrad |= InMemoryCompiler.fileName(d).endsWith("Grad.java");
        }
        if ("COMPILE_ERROR".equals(kind)) {
            kind = inGrad ? "GENERATED_CODE_DOES_NOT_COMPILE" : (withProcessor ? "REJECTED_VALID_PROGRAM" : "GENERATOR_INVALID_JAVA");
        }
        StringBuilder sb = new StringBuilder();
        sb.append("=== ").append(kind).append(m == null ? "" : " in " + m.name()).append('\n');
        if (m != null) {
            sb.append("seed: ").append(seedInfo(p, m)).append('\n');
            sb.append("features: ").append(m.features()).append('\n');
        }
        sb.append("--- program source\n").append(numbered(JavaPrinter.print(p).source()));
        sb.append("--- diagnostics\n").append(r.diagnosticsText());
        String crash = r.crash();
        if (crash != null) {
            sb.append("--- crash\n").append(crash).append('\n');
        }
        for (Map.Entry<String, String> g : r.generatedSources().entrySet()) {
            sb.append("--- generated ").append(g.getKey()).append('\n').append(numbered(g.getValue()));
        }
        String msg = firstErrorMessage(r);
        if (m != null) {
            msg = msg.replace(m.name(), "<m>").replace(capitalize(m.name()), "<M>");
        }
        String key = kind + ":" + msg.replaceAll("[0-9]+", "#");
        return new Failure(kind, key, sb.toString(), p, m, null);
    }

    private static String firstErrorMessage(InMemoryCompiler.Result r) {
        for (Diagnostic<? extends JavaFileObject> d : r.errors()) {
            String msg = d.getMessage(Locale.ROOT);
            return msg == null ? "" : msg.lines().findFirst().orElse("");
        }
        return r.crash() == null ? "" : r.crash().lines().findFirst().orElse("");
    }

    Failure lintFailure(Program p, Method m, InMemoryCompiler.Result r, List<Diagnostic<? extends JavaFileObject>> lint) {
        StringBuilder sb = new StringBuilder("=== GENERATED_CODE_NOT_LINT_CLEAN (-Xlint:all)" + (m == null ? "" : " in " + m.name()) + "\n");
        if (m != null) {
            sb.append("seed: ").append(seedInfo(p, m)).append('\n');
            sb.append("features: ").append(m.features()).append('\n');
        }
        for (Diagnostic<? extends JavaFileObject> d : lint) {
            sb.append(InMemoryCompiler.format(d)).append('\n');
            String src = r.generatedSources().get(d.getSource().getName().substring(1).replace(".java", "").replace('/', '.'));
            if (src != null) {
                String[] lines = src.split("\n", -1);
                int l = (int) d.getLineNumber();
                for (int k = Math.max(1, l - 3); k <= Math.min(lines.length, l + 3); k++) {
                    sb.append(String.format(Locale.ROOT, "%5d| %s%n", k, lines[k - 1]));
                }
            }
        }
        sb.append("--- program source\n").append(numbered(JavaPrinter.print(p).source()));
        return new Failure("GENERATED_CODE_NOT_LINT_CLEAN", lintKey(lint), sb.toString(), p, m, null);
    }

    static String lintKey(List<Diagnostic<? extends JavaFileObject>> lint) {
        String first = lint.isEmpty() ? "" : String.valueOf(lint.get(0).getMessage(Locale.ROOT)).lines().findFirst().orElse("");
        return "LINT:" + first.replaceAll("[0-9]+", "#");
    }

    /**
     * The failure key of a method compiled alone (compile problem or lint warning in the
     * companion), or null if it compiles cleanly.
     */
    String compileKey(Program alone, Method m, InMemoryCompiler.Result r) {
        if (compileProblem(r) != null) {
            return compileFailure(alone, m, r).key();
        }
        List<Diagnostic<? extends JavaFileObject>> lint = r.warningsIn("Grad.java");
        return lint.isEmpty() ? null : lintKey(lint);
    }

    static String numbered(String src) {
        StringBuilder sb = new StringBuilder();
        String[] lines = src.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i == lines.length - 1 && lines[i].isEmpty()) {
                break;
            }
            sb.append(String.format(Locale.ROOT, "%5d| %s%n", i + 1, lines[i]));
        }
        return sb.toString();
    }

    // =========================================================================== points

    /** Random evaluation point: ties and special values on purpose, ints small. */
    static double[] point(Method m, SplittableRandom r) {
        List<Param> ps = m.params();
        double[] a = new double[m.slotCount()];
        double[] special = {0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0};
        int k = 0;
        for (Param p : ps) {
            if (p.ty() == Ty.INT || p.ty() == Ty.LONG) {
                a[k++] = r.nextInt(-3, 6);
                continue;
            }
            if (p.ty() == Ty.BOOLEAN) {
                a[k++] = r.nextInt(2);
                continue;
            }
            if (p.ty() == Ty.IARRAY) {
                // small non-negative ints: the generator may also use them as indices (ks[j] % a.length)
                for (int e = 0; e < p.slots(); e++) {
                    a[k++] = r.nextInt(0, 5);
                }
                continue;
            }
            for (int e = 0; e < p.slots(); e++, k++) {
                int c = r.nextInt(100);
                if (c < 72) {
                    a[k] = -2.0 + 4.0 * r.nextDouble();
                } else if (c < 84) {
                    a[k] = special[r.nextInt(special.length)];
                } else if (c < 94 && k > 0) {
                    a[k] = a[r.nextInt(k)]; // a tie with an earlier slot (ints are small integers)
                } else {
                    a[k] = -5.0 + 10.0 * r.nextDouble();
                }
            }
        }
        return a;
    }

    static Object[] boxed(Method m, double[] a, Object... extra) {
        Object[] out = new Object[m.params().size() + extra.length];
        int k = 0;
        for (int q = 0; q < m.params().size(); q++) {
            Param p = m.params().get(q);
            switch (p.ty()) {
                case INT:
                    out[q] = (int) a[k];
                    break;
                case LONG:
                    out[q] = (long) a[k];
                    break;
                case BOOLEAN:
                    out[q] = a[k] != 0;
                    break;
                case DARRAY:
                    out[q] = Arrays.copyOfRange(a, k, k + p.len());
                    break;
                case DMATRIX: {
                    double[][] w = new double[p.len()][];
                    for (int r = 0; r < w.length; r++) {
                        w[r] = Arrays.copyOfRange(a, k + r * p.cols(), k + (r + 1) * p.cols());
                    }
                    out[q] = w;
                    break;
                }
                case IARRAY: {
                    int[] ints = new int[p.len()];
                    for (int e = 0; e < ints.length; e++) {
                        ints[e] = (int) a[k + e];
                    }
                    out[q] = ints;
                    break;
                }
                default:
                    out[q] = a[k];
                    break;
            }
            k += p.slots();
        }
        System.arraycopy(extra, 0, out, m.params().size(), extra.length);
        return out;
    }

    static Class<?>[] paramTypes(Method m, Class<?>... extra) {
        Class<?>[] out = new Class<?>[m.params().size() + extra.length];
        for (int k = 0; k < m.params().size(); k++) {
            switch (m.params().get(k).ty()) {
                case INT:
                    out[k] = int.class;
                    break;
                case LONG:
                    out[k] = long.class;
                    break;
                case BOOLEAN:
                    out[k] = boolean.class;
                    break;
                case DARRAY:
                    out[k] = double[].class;
                    break;
                case DMATRIX:
                    out[k] = double[][].class;
                    break;
                case IARRAY:
                    out[k] = int[].class;
                    break;
                default:
                    out[k] = double.class;
                    break;
            }
        }
        System.arraycopy(extra, 0, out, m.params().size(), extra.length);
        return out;
    }

    static String pointText(Method m, double[] a) {
        List<String> parts = new ArrayList<>();
        int k = 0;
        for (Param p : m.params()) {
            StringBuilder mat = new StringBuilder();
            if (p.ty() == Ty.DMATRIX) {
                mat.append("new double[][] {");
                for (int r = 0; r < p.len(); r++) {
                    mat.append(r == 0 ? "{" : ", {");
                    for (int c = 0; c < p.cols(); c++) {
                        mat.append(c == 0 ? "" : ", ").append(a[k + r * p.cols() + c]);
                    }
                    mat.append('}');
                }
                mat.append('}');
            }
            String v = p.ty() == Ty.DMATRIX ? mat.toString()
                    : p.ty() == Ty.DOUBLE ? Double.toString(a[k])
                    : p.ty() == Ty.DARRAY ? "new double[] " + Arrays.toString(Arrays.copyOfRange(a, k, k + p.len()))
                            .replace('[', '{').replace(']', '}')
                    : p.ty() == Ty.IARRAY ? "new int[] " + Arrays.toString(Arrays.stream(Arrays.copyOfRange(a, k, k + p.len()))
                            .mapToLong(x -> (long) x).toArray()).replace('[', '{').replace(']', '}')
                    : p.ty() == Ty.BOOLEAN ? Boolean.toString(a[k] != 0) : Long.toString((long) a[k]);
            parts.add(p.name() + "=" + v);
            k += p.slots();
        }
        return String.join(", ", parts);
    }

    static boolean close(double got, double ref) {
        return Math.abs(got - ref) <= TOL * Math.max(1.0, Math.abs(ref));
    }

    static boolean sameBits(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }

    static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // =========================================================================== one method

    /** Reflective handles on the original method and its companion. */
    final class MethodCheck {
        final Program program;
        final Method m;
        final ClassLoader loader;
        final InMemoryCompiler.Result compiled;
        java.lang.reflect.Method original;
        java.lang.reflect.Method fresh;
        /** The forward mode, {@code mTangent(args, tangents)}; null when the companion has none. */
        java.lang.reflect.Method tangent;
        /** {@code mHessian(args)}; null when the companion has none (forward mode alone, or none at all). */
        java.lang.reflect.Method hessian;
        java.lang.reflect.Method into;
        java.lang.reflect.Method pullback;
        java.lang.reflect.Method value;
        java.lang.reflect.Method[] accessors;
        int[] gradIndex;
        Constructor<?> gradientCtor;

        MethodCheck(Program program, Method m, ClassLoader loader, InMemoryCompiler.Result compiled) {
            this.program = program;
            this.m = m;
            this.loader = loader;
            this.compiled = compiled;
        }

        /** Resolves reflective handles; returns an error text if the generated API is off. */
        String resolve() {
            try {
                Class<?> owner = loader.loadClass(program.ownerBinaryName(m));
                original = owner.getDeclaredMethod(m.name(), paramTypes(m));
                original.setAccessible(true);
            } catch (ReflectiveOperationException e) {
                return "original method not found (harness bug): " + e;
            }
            if (!withProcessor) {
                return null;
            }
            String gradName = program.gradBinaryName(m);
            String resultName = gradName + "$" + capitalize(m.name()) + "Gradient";
            try {
                Class<?> grad = loader.loadClass(gradName);
                Class<?> res = loader.loadClass(resultName);
                fresh = grad.getMethod(m.name(), paramTypes(m));
                if (fresh.getReturnType() != res) {
                    return gradName + "." + m.name() + " returns " + fresh.getReturnType() + ", expected " + resultName;
                }
                into = grad.getMethod(m.name(), paramTypes(m, res));
                pullback = grad.getMethod(m.name() + "Pullback", paramTypes(m, double.class, res));
                if (into.getReturnType() != double.class || pullback.getReturnType() != double.class) {
                    return "into/pullback overloads must return double";
                }
                value = res.getMethod("value");
                List<Param> dps = m.differentiated();
                accessors = new java.lang.reflect.Method[dps.size()];
                gradIndex = new int[dps.size()];
                for (int k = 0; k < dps.size(); k++) {
                    accessors[k] = res.getMethod(dps.get(k).name());
                    gradIndex[k] = m.gradOffset(dps.get(k));
                    Class<?> want = dps.get(k).ty() == Ty.DARRAY ? double[].class
                            : dps.get(k).ty() == Ty.DMATRIX ? double[][].class : double.class;
                    if (accessors[k].getReturnType() != want) {
                        return "accessor " + dps.get(k).name() + "() must return " + want.getSimpleName();
                    }
                }
                for (Param p : m.params()) {
                    if (!dps.contains(p)) {
                        try {
                            res.getMethod(p.name());
                            return "MGradient has an accessor for the non-differentiated parameter " + p.ty().java + " "
                                    + p.name() + (m.wrt().isEmpty() ? "" : " (wrt = " + m.wrt() + ")");
                        } catch (NoSuchMethodException expected) {
                            // fine
                        }
                    }
                }
                gradientCtor = res.getConstructor();
                List<Class<?>> tangentTypes = new ArrayList<>(Arrays.asList(paramTypes(m)));
                for (Param p : dps) {
                    tangentTypes.add(tangentTypes.get(m.params().indexOf(p)));
                }
                try {
                    tangent = grad.getMethod(m.name() + "Tangent", tangentTypes.toArray(new Class<?>[0]));
                } catch (NoSuchMethodException none) {
                    tangent = null; // counted in the stats: forward mode refused this program
                }
                try {
                    hessian = grad.getMethod(m.name() + "Hessian", paramTypes(m));
                } catch (NoSuchMethodException none) {
                    hessian = null; // a @DerivativeOf rule on the way: forward mode only
                }
            } catch (ReflectiveOperationException e) {
                return "generated API does not match docs/GENERATED_API.md: " + e;
            }
            return null;
        }

        int run(Stats st, List<Failure> fails) {
            String api = resolve();
            if (api != null) {
                fails.add(failure("API_SHAPE", "API_SHAPE:" + api.replaceAll("[0-9]+", "#"), api, null, null));
                return 0;
            }
            DsInterpreter interp = new DsInterpreter(m, program);
            SplittableRandom r = new SplittableRandom(ProgramGenerator.mix(m.seed(), 99));
            Object intoObj = null;
            Object pbObj = null;
            int fit = 0;
            double[] seeds = {1.0, -2.5, 0.375, 3.0};
            for (int attempt = 0; attempt < cfg.points() * 4 && fit < cfg.points(); attempt++) {
                double[] a = point(m, r);
                Result ref;
                try {
                    ref = interp.eval(a);
                } catch (RuntimeException e) {
                    fails.add(failure("ORACLE_BUG", "ORACLE_BUG:interpreter", "interpreter threw: " + stack(e), a, null));
                    return fit;
                }
                double orig;
                try {
                    orig = (double) original.invoke(null, boxed(m, a));
                } catch (InvocationTargetException e) {
                    fails.add(failure("ORACLE_BUG", "ORACLE_BUG:original threw", "original method threw: " + stack(e.getCause()), a, null));
                    return fit;
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                if (!sameBits(orig, ref.value())) {
                    fails.add(failure("ORACLE_BUG", "ORACLE_BUG:interpreter value differs from compiled method",
                            "interpreter value " + ref.value() + " but the compiled original returns " + orig, a, null));
                    return fit;
                }
                if (!ref.fit()) {
                    st.pointsSkipped++;
                    st.skipReasons.merge(ref.unfitReason().replaceAll("[-0-9.E]+", "#").replaceAll("##+", "#"), 1, Integer::sum);
                    continue;
                }
                fit++;
                st.pointsCompared++;
                if (cfg.centralDifferences()) {
                    centralDifferences(interp, a, ref, st, fails);
                }
                if (!withProcessor) {
                    continue;
                }
                try {
                    if (intoObj == null) {
                        intoObj = gradientCtor.newInstance();
                        pbObj = gradientCtor.newInstance();
                    }
                    List<String> bad = compareAt(a, ref, orig, intoObj, pbObj, seeds[(fit - 1) % seeds.length]);
                    if (bad.isEmpty()) {
                        if (tangent == null) {
                            st.tangentsMissing += fit == 1 ? 1 : 0;
                        } else {
                            bad.addAll(dotProductTest(a, ref));
                            st.tangentsChecked++;
                        }
                        // order 2 costs (n+1)(n+2)/2 coefficients per operation: small programs, first point
                        if (bad.isEmpty() && hessian != null && fit == 1 && m.freeCount() <= 12) {
                            List<String> second = hessianTest(a);
                            if (second != null) {
                                bad.addAll(second);
                                st.hessiansChecked++;
                            }
                        }
                    }
                    if (!bad.isEmpty()) {
                        fails.add(failure("MISMATCH", mismatchKey(bad), String.join("\n", bad), a, ref));
                        return fit;
                    }
                } catch (InvocationTargetException e) {
                    fails.add(failure("GENERATED_CODE_THREW", "THREW:" + e.getCause(), "generated code threw: " + stack(e.getCause()), a, ref));
                    return fit;
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return fit;
        }

        /**
         * mHessian against Hipparchus's order-2 derivatives of the reference interpreter; null when the
         * point is unfit at order 2 (nothing compared).
         */
        List<String> hessianTest(double[] a) throws ReflectiveOperationException {
            Result ref2 = new DsInterpreter(m, program, 2).eval(a);
            if (!ref2.fit()) {
                return null;
            }
            double[][] h = (double[][]) hessian.invoke(null, boxed(m, a));
            double[][] want = ref2.hessian();
            List<String> bad = new ArrayList<>();
            // the Hessian is over the differentiated parameters, the reference over every free variable
            int[] index = new int[h.length];
            int at = 0;
            for (int k = 0; k < m.differentiated().size(); k++) {
                int width = m.differentiated().get(k).ty() == Ty.DARRAY ? m.differentiated().get(k).len()
                        : m.differentiated().get(k).ty() == Ty.DMATRIX ? m.differentiated().get(k).len() * m.differentiated().get(k).cols() : 1;
                for (int e = 0; e < width && at < index.length; e++) {
                    index[at++] = gradIndex[k] + e;
                }
            }
            if (at != h.length) {
                return List.of("mHessian has " + h.length + " rows, the differentiated parameters " + at + " entries");
            }
            double scale = 0;
            for (double[] row : want) {
                for (double x : row) {
                    scale = Math.max(scale, Math.abs(x));
                }
            }
            for (int i = 0; i < h.length; i++) {
                for (int j = 0; j < h.length; j++) {
                    double w = want[index[i]][index[j]];
                    if (!(Math.abs(h[i][j] - w) <= 1e-8 * Math.max(1.0, scale))) {
                        bad.add(String.format(Locale.ROOT, "mHessian[%d][%d] = %s, Hipparchus order 2: %s", i, j, h[i][j], w));
                    }
                }
            }
            return bad;
        }

        /**
         * For a {@code double[]}-valued method (the library's {@code libV}): at two fit points,
         * {@code mJacobian} against the Jacobian of Hipparchus's derivatives of the reference
         * interpreter, and {@code mTangent} along a random u against that Jacobian times u. The
         * library methods are otherwise reached only through their callers' checks.
         */
        void jacobians(Stats st, List<Failure> fails) {
            java.lang.reflect.Method jacobian;
            java.lang.reflect.Method forward;
            try {
                original = loader.loadClass(program.ownerBinaryName(m)).getDeclaredMethod(m.name(), paramTypes(m));
                original.setAccessible(true);
                Class<?> grad = loader.loadClass(program.gradBinaryName(m));
                jacobian = grad.getMethod(m.name() + "Jacobian", paramTypes(m));
                List<Class<?>> tangentTypes = new ArrayList<>(Arrays.asList(paramTypes(m)));
                for (Param p : m.differentiated()) {
                    tangentTypes.add(tangentTypes.get(m.params().indexOf(p)));
                }
                forward = grad.getMethod(m.name() + "Tangent", tangentTypes.toArray(new Class<?>[0]));
            } catch (ReflectiveOperationException e) {
                fails.add(failure("API_SHAPE", "API_SHAPE:mJacobian", "no mJacobian/mTangent for a double[]-valued method: " + e,
                        null, null));
                return;
            }
            // the columns: the differentiated parameters' entries among the interpreter's free variables
            List<Integer> columns = new ArrayList<>();
            for (Param p : m.differentiated()) {
                int width = p.ty() == Ty.DARRAY ? p.len() : p.ty() == Ty.DMATRIX ? p.len() * p.cols() : 1;
                for (int e = 0; e < width; e++) {
                    columns.add(m.gradOffset(p) + e);
                }
            }
            SplittableRandom r = new SplittableRandom(ProgramGenerator.mix(m.seed(), 77));
            int fit = 0;
            for (int attempt = 0; attempt < 8 && fit < 2; attempt++) {
                double[] a = point(m, r);
                DsInterpreter.VectorResult ref;
                double[] orig;
                try {
                    ref = new DsInterpreter(m, program).evalVector(a);
                    orig = (double[]) original.invoke(null, boxed(m, a));
                } catch (RuntimeException e) {
                    fails.add(failure("ORACLE_BUG", "ORACLE_BUG:interpreter", "interpreter threw: " + stack(e), a, null));
                    return;
                } catch (ReflectiveOperationException e) {
                    fails.add(failure("ORACLE_BUG", "ORACLE_BUG:original threw", "original method threw: " + e, a, null));
                    return;
                }
                if (!ref.fit()) {
                    continue;
                }
                if (!Arrays.equals(orig, ref.value())) {
                    fails.add(failure("ORACLE_BUG", "ORACLE_BUG:interpreter value differs from compiled method",
                            "interpreter value " + Arrays.toString(ref.value()) + " but the original returns "
                                    + Arrays.toString(orig), a, null));
                    return;
                }
                fit++;
                List<String> bad = new ArrayList<>();
                try {
                    double[][] got = (double[][]) jacobian.invoke(null, boxed(m, a));
                    double scale = 1;
                    for (double[] row : ref.jacobian()) {
                        for (double x : row) {
                            scale = Math.max(scale, Math.abs(x));
                        }
                    }
                    if (got.length != orig.length) {
                        bad.add("mJacobian has " + got.length + " rows, the value " + orig.length + " entries");
                    }
                    for (int i = 0; i < got.length && bad.isEmpty(); i++) {
                        if (got[i].length != columns.size()) {
                            bad.add("mJacobian row " + i + " has " + got[i].length + " columns, the inputs " + columns.size());
                            break;
                        }
                        for (int j = 0; j < columns.size(); j++) {
                            double w = ref.jacobian()[i][columns.get(j)];
                            if (!(Math.abs(got[i][j] - w) <= 1e-9 * scale)) {
                                bad.add(String.format(Locale.ROOT, "mJacobian: [%d][%d] = %s, Hipparchus %s", i, j, got[i][j], w));
                            }
                        }
                    }
                    // the tangent along u, against J·u
                    Object[] args = boxed(m, a);
                    List<Object> tangents = new ArrayList<>(Arrays.asList(args));
                    double[] u = new double[columns.size()];
                    int at = 0;
                    for (Param p : m.differentiated()) {
                        Object arg = args[m.params().indexOf(p)];
                        if (arg instanceof double[] v) {
                            double[] t = new double[v.length];
                            for (int e = 0; e < t.length; e++) {
                                t[e] = u[at++] = r.nextDouble(-1, 1);
                            }
                            tangents.add(t);
                        } else {
                            u[at] = r.nextDouble(-1, 1);
                            tangents.add(u[at++]);
                        }
                    }
                    double[] dy = (double[]) forward.invoke(null, tangents.toArray());
                    for (int i = 0; i < orig.length && bad.isEmpty(); i++) {
                        double want = 0;
                        double size = 0;
                        for (int j = 0; j < u.length; j++) {
                            double term = ref.jacobian()[i][columns.get(j)] * u[j];
                            want += term;
                            size += Math.abs(term);
                        }
                        if (!(Math.abs(dy[i] - want) <= TOL * Math.max(1.0, size))) {
                            bad.add(String.format(Locale.ROOT, "mTangent of a double[]-valued method: [%d] along u = %s, Hipparchus J·u %s", i, dy[i], want));
                        }
                    }
                } catch (InvocationTargetException e) {
                    fails.add(failure("GENERATED_CODE_THREW", "THREW:" + e.getCause(), "generated code threw: "
                            + stack(e.getCause()), a, null));
                    return;
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                if (!bad.isEmpty()) {
                    fails.add(failure("MISMATCH", mismatchKey(bad), String.join("\n", bad), a, null));
                    return;
                }
                st.jacobiansChecked++;
            }
        }

        /**
         * The dot-product test between tangent and adjoint code: the tangent along a random u
         * equals ⟨∇f, u⟩ with the reference gradient (which the adjoint code has just matched).
         */
        List<String> dotProductTest(double[] a, Result ref) throws ReflectiveOperationException {
            List<Param> dps = m.differentiated();
            Object[] args = boxed(m, a);
            SplittableRandom r = new SplittableRandom(ProgramGenerator.mix(m.seed(), Arrays.hashCode(a)));
            List<Object> tangents = new ArrayList<>(Arrays.asList(args));
            double expected = 0;
            double scale = 0;
            for (int k = 0; k < dps.size(); k++) {
                Object arg = args[m.params().indexOf(dps.get(k))];
                int n = arg instanceof double[] v ? v.length : arg instanceof double[][] w ? w.length * dps.get(k).cols() : 1;
                double[] u = new double[n];
                for (int i = 0; i < n; i++) {
                    u[i] = r.nextDouble(-1, 1);
                    double term = ref.gradient()[gradIndex[k] + i] * u[i];
                    expected += term;
                    scale += Math.abs(term);
                }
                if (arg instanceof double[]) {
                    tangents.add(u);
                } else if (arg instanceof double[][] w) {
                    double[][] shaped = new double[w.length][];
                    for (int row = 0; row < w.length; row++) {
                        shaped[row] = Arrays.copyOfRange(u, row * dps.get(k).cols(), (row + 1) * dps.get(k).cols());
                    }
                    tangents.add(shaped);
                } else {
                    tangents.add(u[0]);
                }
            }
            double got = (double) tangent.invoke(null, tangents.toArray());
            if (Math.abs(got - expected) <= TOL * Math.max(1.0, scale)) {
                return List.of();
            }
            return List.of(String.format(Locale.ROOT, "mTangent along u: %s, but <gradient, u> = %s", got, expected));
        }

        /**
         * Runs the three entry points of the companion at {@code a} and lists every disagreement
         * with the reference (empty: all agree). {@code intoObj}/{@code pbObj} may be reused.
         */
        List<String> compareAt(double[] a, Result ref, double orig, Object intoObj, Object pbObj, double seed)
                throws ReflectiveOperationException {
            List<String> bad = new ArrayList<>();
            Object g = fresh.invoke(null, boxed(m, a));
            compareAll("m(...)", g, ref, 1.0, orig, bad);
            scribble(intoObj);
            scribble(pbObj);
            double rv = (double) into.invoke(null, boxed(m, a, intoObj));
            if (!close(rv, ref.value())) {
                bad.add(String.format(Locale.ROOT, "m(..., into) returned %s, expected %s", rv, ref.value()));
            }
            compareAll("m(..., into) [reused]", intoObj, ref, 1.0, orig, bad);
            double pv = (double) pullback.invoke(null, boxed(m, a, seed, pbObj));
            if (!close(pv, ref.value())) {
                bad.add(String.format(Locale.ROOT, "mPullback returned %s, expected %s", pv, ref.value()));
            }
            compareAll("mPullback(seed=" + seed + ") [reused]", pbObj, ref, seed, orig, bad);
            return bad;
        }

        /**
         * For the reducer: the disagreements at {@code a} (empty: agrees, or the point is unfit,
         * or the oracle itself is inconsistent there). Result objects are used twice, so that
         * stale accumulation shows too.
         */
        List<String> problemsAt(double[] a) {
            String api = resolve();
            if (api != null) {
                return List.of(api);
            }
            Result ref;
            double orig;
            try {
                ref = new DsInterpreter(m, program).eval(a);
                orig = (double) original.invoke(null, boxed(m, a));
            } catch (RuntimeException | ReflectiveOperationException e) {
                return List.of();
            }
            if (!ref.fit() || !sameBits(orig, ref.value())) {
                return List.of();
            }
            try {
                Object intoObj = gradientCtor.newInstance();
                Object pbObj = gradientCtor.newInstance();
                List<String> bad = new ArrayList<>(compareAt(a, ref, orig, intoObj, pbObj, 1.0));
                if (bad.isEmpty()) {
                    bad.addAll(compareAt(a, ref, orig, intoObj, pbObj, -2.5));
                }
                if (!bad.isEmpty()) {
                    bad.add(0, "reference: value=" + ref.value() + " gradient=" + Arrays.toString(ref.gradient()));
                }
                return bad;
            } catch (InvocationTargetException e) {
                return List.of("generated code threw: " + stack(e.getCause()));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        private String mismatchKey(List<String> bad) {
            String first = bad.get(0);
            return "MISMATCH:" + first.substring(0, Math.max(0, first.indexOf(':'))).replaceAll("\\(seed=.*\\)", "");
        }

        /**
         * Writes NaN into every gradient array a reused result object handed out, as a caller scaling a
         * gradient in place would: the next call must overwrite or zero each element, not count on what
         * its last call left there.
         */
        private void scribble(Object g) throws ReflectiveOperationException {
            for (java.lang.reflect.Method accessor : accessors) {
                Object o = accessor.invoke(g);
                if (o instanceof double[] d) {
                    Arrays.fill(d, Double.NaN);
                } else if (o instanceof double[][] w) {
                    for (double[] row : w) {
                        if (row != null) {
                            Arrays.fill(row, Double.NaN);
                        }
                    }
                } else if (o instanceof float[] f) {
                    Arrays.fill(f, Float.NaN);
                }
            }
        }

        private void compareAll(String via, Object g, Result ref, double seed, double orig, List<String> bad)
                throws ReflectiveOperationException {
            double v = (double) value.invoke(g);
            if (!close(v, ref.value())) {
                bad.add(String.format(Locale.ROOT, "%s value(): expected %s, actual %s", via, ref.value(), v));
            } else if (cfg.exactValue() && !sameBits(v, orig) && !(v == 0 && orig == 0)) {
                bad.add(String.format(Locale.ROOT, "%s value() not bit-identical to the original method: expected %s, actual %s",
                        via, orig, v));
            }
            List<Param> dps = m.differentiated();
            for (int k = 0; k < dps.size(); k++) {
                Param p = dps.get(k);
                if (p.ty() == Ty.DMATRIX) {
                    // element by element, row-major in the reference's gradient
                    Object o = accessors[k].invoke(g);
                    boolean shape = o instanceof double[][] w && w.length == p.len();
                    if (shape) {
                        for (double[] row : (double[][]) o) {
                            shape &= row != null && row.length == p.cols();
                        }
                    }
                    if (!shape) {
                        bad.add(String.format(Locale.ROOT, "%s %s(): expected a double[%d][%d], actual %s", via, p.name(), p.len(),
                                p.cols(), o instanceof double[][] w ? Arrays.deepToString(w) : String.valueOf(o)));
                        continue;
                    }
                    double[][] w = (double[][]) o;
                    for (int r = 0; r < p.len(); r++) {
                        for (int c = 0; c < p.cols(); c++) {
                            double want = seed * ref.gradient()[gradIndex[k] + r * p.cols() + c];
                            if (!close(w[r][c], want)) {
                                bad.add(String.format(Locale.ROOT, "%s %s()[%d][%d]: expected %s, actual %s (|diff| %.3g)",
                                        via, p.name(), r, c, want, w[r][c], Math.abs(w[r][c] - want)));
                            }
                        }
                    }
                    continue;
                }
                if (p.ty() == Ty.DARRAY) {
                    Object o = accessors[k].invoke(g);
                    if (!(o instanceof double[] arr) || arr.length != p.len()) {
                        bad.add(String.format(Locale.ROOT, "%s %s(): expected a double[%d], actual %s", via, p.name(), p.len(),
                                o instanceof double[] x ? "double[" + x.length + "]" : String.valueOf(o)));
                        continue;
                    }
                    for (int e = 0; e < arr.length; e++) {
                        double want = seed * ref.gradient()[gradIndex[k] + e];
                        if (!close(arr[e], want)) {
                            bad.add(String.format(Locale.ROOT, "%s %s()[%d]: expected %s, actual %s (|diff| %.3g)",
                                    via, p.name(), e, want, arr[e], Math.abs(arr[e] - want)));
                        }
                    }
                    continue;
                }
                double got = (double) accessors[k].invoke(g);
                double want = seed * ref.gradient()[gradIndex[k]];
                if (!close(got, want)) {
                    bad.add(String.format(Locale.ROOT, "%s %s(): expected %s, actual %s (|diff| %.3g)",
                            via, p.name(), want, got, Math.abs(got - want)));
                }
            }
        }

        Failure failure(String kind, String key, String what, double[] a, Result ref) {
            StringBuilder sb = new StringBuilder();
            sb.append("=== ").append(kind).append(" in ").append(program.ownerBinaryName(m)).append('.').append(m.name()).append('\n');
            sb.append("seed: ").append(seedInfo(program, m)).append('\n');
            sb.append("features: ").append(m.features()).append('\n');
            if (a != null) {
                sb.append("point: ").append(pointText(m, a)).append('\n');
            }
            if (ref != null) {
                sb.append("reference: value=").append(ref.value()).append(" gradient=").append(Arrays.toString(ref.gradient()))
                        .append(" (order ").append(m.doubleParams().stream().map(Param::name).toList()).append(")\n");
            }
            sb.append(what).append('\n');
            sb.append("--- class constants: ");
            for (Ast.ConstDecl c : program.constants()) {
                sb.append(c.modifiers()).append(' ').append(c.ty().java).append(' ').append(c.name()).append(" = ")
                        .append(c.initializer()).append("; ");
            }
            sb.append(program.staticImportMath() ? "(import static java.lang.Math.*)" : "").append('\n');
            sb.append("--- method source (in ").append(program.ownerBinaryName(m)).append(")\n").append(JavaPrinter.method(m));
            return new Failure(kind, key, sb.toString(), program, m, a);
        }

        private void centralDifferences(DsInterpreter interp, double[] a, Result ref, Stats st, List<Failure> fails) {
            List<Integer> dIdx = new ArrayList<>(); // slots of the free variables, in gradient order
            List<String> dName = new ArrayList<>();
            int slot = 0;
            for (Param p : m.params()) {
                if (p.differentiable()) {
                    for (int e = 0; e < p.slots(); e++) {
                        dIdx.add(slot + e);
                        dName.add(p.ty() == Ty.DMATRIX ? p.name() + "[" + e / p.cols() + "][" + e % p.cols() + "]"
                                : p.ty() == Ty.DARRAY ? p.name() + "[" + e + "]" : p.name());
                    }
                }
                slot += p.slots();
            }
            for (int g = 0; g < dIdx.size(); g++) {
                int k = dIdx.get(g);
                double h1 = 1e-3 * Math.max(1, Math.abs(a[k]));
                Double c1 = stencil(interp, a, k, h1, ref.signature());
                Double c2 = c1 == null ? null : stencil(interp, a, k, h1 / 2, ref.signature());
                if (c1 == null || c2 == null || Math.abs(c1 - c2) > 1e-7 * Math.max(1, Math.abs(c1))) {
                    st.cdInconclusive++;
                    continue;
                }
                st.cdCompared++;
                double want = ref.gradient()[g];
                if (Math.abs(c2 - want) > 1e-5 * Math.max(1, Math.abs(want))) {
                    fails.add(failure("REFERENCE_DISAGREES_WITH_CENTRAL_DIFFERENCES", "CD",
                            String.format(Locale.ROOT, "d/d%s: DerivativeStructure %s, central differences %s (h=%s) and %s (h=%s)",
                                    dName.get(g), want, c1, h1, c2, h1 / 2),
                            a, ref));
                }
            }
        }

        /** 4-point central difference, or null if any stencil point leaves the smooth piece. */
        private Double stencil(DsInterpreter interp, double[] a, int k, double h, long signature) {
            double[] f = new double[4];
            double[] off = {-2, -1, 1, 2};
            for (int s = 0; s < 4; s++) {
                double[] b = a.clone();
                b[k] = a[k] + off[s] * h;
                Result r = interp.eval(b);
                if (!r.fit() || r.signature() != signature) {
                    return null;
                }
                f[s] = r.value();
            }
            return (f[0] - 8 * f[1] + 8 * f[2] - f[3]) / (12 * h);
        }
    }

    static String stack(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        return sw.toString();
    }

    // =========================================================================== reporting

    /** Writes all failure reports to a file and returns a summary grouped by key. */
    static String summarize(Outcome o, Config cfg, String title, Path reportFile, List<String> extra) {
        StringBuilder sb = new StringBuilder();
        sb.append(title).append(": seed=").append(cfg.seed()).append(" count=").append(cfg.count())
                .append(" time=").append(o.millis()).append(" ms\n  ").append(o.stats()).append('\n');
        Map<String, Integer> groups = new TreeMap<>();
        for (Failure f : o.failures()) {
            groups.merge(f.key(), 1, Integer::sum);
        }
        if (!o.failures().isEmpty()) {
            sb.append("FAILURES: ").append(o.failures().size()).append(" in ").append(groups.size()).append(" groups\n");
            groups.forEach((k, v) -> sb.append("  ").append(v).append(" x ").append(k).append('\n'));
        }
        StringBuilder full = new StringBuilder(sb);
        for (Failure f : o.failures()) {
            full.append('\n').append(f.report());
        }
        for (String e : extra) {
            full.append('\n').append(e);
        }
        if (reportFile != null) {
            try {
                Files.createDirectories(reportFile.getParent());
                Files.writeString(reportFile, full.toString(), StandardCharsets.UTF_8);
                sb.append("full report: ").append(reportFile.toAbsolutePath()).append('\n');
            } catch (IOException e) {
                sb.append("could not write ").append(reportFile).append(": ").append(e).append('\n');
            }
        }
        return sb.toString();
    }
}
