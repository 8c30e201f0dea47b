package dev.leibniz.processor.oracle;

import static org.junit.jupiter.api.Assertions.fail;

import dev.leibniz.processor.oracle.Ast.Method;
import dev.leibniz.processor.oracle.Ast.Program;
import dev.leibniz.processor.oracle.JavaPrinter.LineRange;
import dev.leibniz.processor.oracle.Mutations.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Robustness: random valid methods are mutated into constructs outside the supported subset
 * (lambdas, method references, anonymous and local classes, field and array writes, unknown
 * calls, try/catch, switch, synchronized, throw, assert, labels, loops, non-double return,
 * instance and generic methods, a parameter named value, bad wrt) or into malformed Java (unknown
 * symbols and types, type errors, wrong argument count, missing return). See {@link Mutations}.
 *
 * <p>Unsupported (but valid Java, which plain javac confirms first) must get an ERROR diagnostic
 * from the processor, located in the mutated method (or at least present when the method is
 * compiled alone). For every mutant: no exception may escape the processor and no error may be
 * located in a generated *Grad.java file. {@code -Doracle.mutation.rounds=N} (default 6) and
 * {@code -Doracle.seed}.
 */
class MutationRobustnessTest {

    private static final List<Kind> UNSUPPORTED = List.of(Kind.values()).stream().filter(k -> k.validJava).toList();
    private static final List<Kind> MALFORMED = List.of(Kind.values()).stream().filter(k -> !k.validJava).toList();

    private final long seed = Long.getLong("oracle.seed", RandomProgramOracleTest.DEFAULT_SEED);
    private final int rounds = Integer.getInteger("oracle.mutation.rounds", 6);
    private final OracleHarness plain = new OracleHarness(OracleHarness.fromSystemProperties(seed, 0), false);
    private final OracleHarness leibniz = new OracleHarness(OracleHarness.fromSystemProperties(seed, 0), true);
    // Mutants are made from the straight-line subset: calls and rules need the library and softplus,
    // which the mutant programs do not carry, and the mutations' own loops and array writes would
    // meet generated ones (with these four off the generator draws exactly what it drew before them).
    // (the issue 9 shapes too: switches and assignments inside expressions are supported now, and the
    // mutations' own analysis of assigned variables does not look inside expressions)
    private final ProgramGenerator gen = new ProgramGenerator(Set.of("calls", "rules", "loops", "arrays", "rows", "varLocals",
            "loopArrays", "arrayValued", "sideEffects", "varargs", "switches", "procedureCalls"));

    /** A program of mutants, one per kind, all in the outer class. */
    private Program mutants(long classSeed, String className, List<Kind> kinds) {
        Program base = gen.program(classSeed, className, Math.max(6, kinds.size() * 2));
        List<Method> pool = new ArrayList<>(base.allMethods());
        List<Method> out = new ArrayList<>();
        for (Kind k : kinds) {
            for (int i = 0; i < pool.size(); i++) {
                if (Mutations.applicable(k, pool.get(i))) {
                    out.add(Mutations.apply(k, pool.remove(i), className));
                    break;
                }
            }
        }
        return new Program(base.pkg(), className, base.staticImportMath(), base.constants(), Mutations.EXTRA_MEMBERS,
                out, List.of());
    }

    private static String kindOf(Method m) {
        for (String f : m.features()) {
            if (f.startsWith("mutation:")) {
                return f.substring("mutation:".length());
            }
        }
        return "?";
    }

    /** Crash and errors-in-generated-code checks shared by all mutants. */
    private static void checkNoCrashNoBrokenOutput(InMemoryCompiler.Result r, String what, String source, List<String> fails) {
        String crash = r.crash();
        if (crash != null) {
            fails.add("=== PROCESSOR_CRASH on " + what + "\n" + crash + "\n--- source\n" + OracleHarness.numbered(source));
        }
        for (Diagnostic<? extends JavaFileObject> d : r.errors()) {
            if (InMemoryCompiler.fileName(d).endsWith("Grad.java")) {
                StringBuilder sb = new StringBuilder("=== GENERATED_CODE_DOES_NOT_COMPILE for " + what + "\n");
                sb.append(r.diagnosticsText()).append("--- source\n").append(OracleHarness.numbered(source));
                r.generatedSources().forEach((k, v) -> sb.append("--- generated ").append(k).append('\n')
                        .append(OracleHarness.numbered(v)));
                fails.add(sb.toString());
                return;
            }
        }
    }

    private static boolean hasSourceError(InMemoryCompiler.Result r, LineRange range) {
        for (Diagnostic<? extends JavaFileObject> d : r.errors()) {
            if (!InMemoryCompiler.fileName(d).endsWith("Grad.java") && (range == null || range.contains(d.getLineNumber()))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void unsupportedConstructsAreRejectedWithAnError() {
        List<String> fails = new ArrayList<>();
        int mutants = 0;
        int accepted = 0;
        for (int round = 0; round < rounds; round++) {
            String cls = "Mut" + round;
            Program p = mutants(ProgramGenerator.mix(seed, 10_000 + round), cls, UNSUPPORTED);
            JavaPrinter.Printed pr = JavaPrinter.print(p);
            // the mutants must be valid Java: otherwise an error would prove nothing about Leibniz
            InMemoryCompiler.Result javacOnly = plain.compile(p);
            if (!javacOnly.errors().isEmpty() || javacOnly.crash() != null) {
                fails.add("=== ORACLE_BUG: mutants are not valid Java\n" + javacOnly.diagnosticsText()
                        + OracleHarness.numbered(pr.source()));
                continue;
            }
            InMemoryCompiler.Result r = leibniz.compile(p);
            checkNoCrashNoBrokenOutput(r, cls + " (all mutants together)", pr.source(), fails);
            for (Method m : p.outer()) {
                mutants++;
                if (r.crash() == null && hasSourceError(r, pr.methodLines().get(m.name()))) {
                    continue;
                }
                // not attributable in the batch: compile the mutant alone
                Program alone = p.withMethods(List.of(m), List.of());
                String src = JavaPrinter.print(alone).source();
                InMemoryCompiler.Result ra = leibniz.compile(alone);
                checkNoCrashNoBrokenOutput(ra, kindOf(m) + " mutant " + m.name(), src, fails);
                Kind kind = Kind.valueOf(kindOf(m));
                if (ra.crash() == null && ra.errors().isEmpty() && kind.mayBecomeSupported) {
                    // accepted: then it must be right
                    String wrong = checkAccepted(alone, m, ra);
                    if (wrong != null) {
                        fails.add("=== ACCEPTED_BUT_WRONG " + kind + ": " + cls + "." + m.name() + " (seed " + seed + ", round "
                                + round + ")\n" + wrong + "\n--- source\n" + OracleHarness.numbered(src)
                                + ra.generatedSources().entrySet().stream().map(e -> "--- generated " + e.getKey() + "\n"
                                        + OracleHarness.numbered(e.getValue())).reduce("", String::concat));
                    } else {
                        accepted++;
                    }
                    continue;
                }
                if (ra.crash() == null && !hasSourceError(ra, null)) {
                    StringBuilder sb = new StringBuilder("=== ACCEPTED_UNSUPPORTED " + kindOf(m) + ": no ERROR diagnostic for "
                            + cls + "." + m.name() + " (seed " + seed + ", round " + round + ")\n");
                    sb.append(ra.diagnosticsText()).append("--- source\n").append(OracleHarness.numbered(src));
                    ra.generatedSources().forEach((k, v) -> sb.append("--- generated ").append(k).append('\n')
                            .append(OracleHarness.numbered(v)));
                    fails.add(sb.toString());
                }
            }
        }
        report("unsupported", mutants + " (accepted and verified: " + accepted + ")", fails);
    }

    @Test
    void malformedProgramsDoNotCrashTheProcessor() {
        List<String> fails = new ArrayList<>();
        int mutants = 0;
        for (int round = 0; round < rounds; round++) {
            for (Kind k : MALFORMED) {
                String cls = "Bad" + round + k.ordinal();
                Program p = mutants(ProgramGenerator.mix(seed, 20_000 + round * 100 + k.ordinal()), cls, List.of(k));
                // keep one valid method beside the malformed one
                Program base = gen.program(ProgramGenerator.mix(seed, 30_000 + round), cls, 1);
                List<Method> ms = new ArrayList<>(p.outer());
                ms.add(base.allMethods().get(0).withName("valid0"));
                p = p.withMethods(ms, List.of());
                String src = JavaPrinter.print(p).source();
                mutants++;
                InMemoryCompiler.Result javacOnly = plain.compile(p);
                if (javacOnly.errors().isEmpty()) {
                    fails.add("=== ORACLE_BUG: malformed mutant " + k + " compiles\n" + OracleHarness.numbered(src));
                    continue;
                }
                InMemoryCompiler.Result r = leibniz.compile(p);
                checkNoCrashNoBrokenOutput(r, k + " mutant", src, fails);
                if (r.errors().isEmpty() && r.crash() == null) {
                    fails.add("=== MALFORMED_PROGRAM_COMPILED " + k + " with the processor\n" + OracleHarness.numbered(src));
                }
            }
        }
        report("malformed", Integer.toString(mutants), fails);
    }

    /**
     * For a mutant the processor accepted (a construct the contract plans to support): the
     * companion's value must equal the compiled original's and its gradient must agree with
     * central differences of the original wherever they are conclusive. Returns null if right.
     */
    static String checkAccepted(Program alone, Method m, InMemoryCompiler.Result r) {
        if (r.errors().size() > 0 || !r.success()) {
            return "compiled with errors:\n" + r.diagnosticsText();
        }
        try {
            ClassLoader loader = new InMemoryCompiler.MemoryClassLoader(r.classes(), MutationRobustnessTest.class.getClassLoader());
            Class<?> owner = loader.loadClass(alone.ownerBinaryName(m));
            boolean instance = !m.modifiers().contains("static");
            java.lang.reflect.Method original = owner.getDeclaredMethod(m.name(), OracleHarness.paramTypes(m));
            original.setAccessible(true);
            Object self = null;
            if (instance) {
                java.lang.reflect.Constructor<?> k = owner.getDeclaredConstructor();
                k.setAccessible(true);
                self = k.newInstance();
            }
            Class<?> grad = loader.loadClass(alone.gradBinaryName(m));
            Class<?> res = loader.loadClass(alone.gradBinaryName(m) + "$" + OracleHarness.capitalize(m.name()) + "Gradient");
            Class<?>[] types = OracleHarness.paramTypes(m);
            if (instance) {
                Class<?>[] withSelf = new Class<?>[types.length + 1];
                withSelf[0] = owner;
                System.arraycopy(types, 0, withSelf, 1, types.length);
                types = withSelf;
            }
            java.lang.reflect.Method fresh = grad.getMethod(m.name(), types);
            java.util.SplittableRandom rnd = new java.util.SplittableRandom(m.seed());
            StringBuilder bad = new StringBuilder();
            for (int pt = 0; pt < 3; pt++) {
                double[] a = OracleHarness.point(m, rnd);
                Object[] args = OracleHarness.boxed(m, a);
                double f0 = (double) original.invoke(self, args);
                Object[] gargs = args;
                if (instance) {
                    gargs = new Object[args.length + 1];
                    gargs[0] = self;
                    System.arraycopy(args, 0, gargs, 1, args.length);
                }
                Object g = fresh.invoke(null, gargs);
                double v = (double) res.getMethod("value").invoke(g);
                if (Double.isFinite(f0) && !OracleHarness.close(v, f0)) {
                    bad.append("point ").append(OracleHarness.pointText(m, a)).append(": value() ").append(v)
                            .append(", original ").append(f0).append('\n');
                }
                for (int k = 0; k < a.length; k++) {
                    if (m.params().get(k).ty() != Ast.Ty.DOUBLE
                            || !m.wrt().isEmpty() && !m.wrt().contains(m.params().get(k).name())) {
                        continue; // no accessor: not differentiated
                    }
                    double h = 1e-4 * Math.max(1, Math.abs(a[k]));
                    Double c1 = centralDifference(original, self, m, a, k, h);
                    Double c2 = centralDifference(original, self, m, a, k, h / 2);
                    if (c1 == null || c2 == null || Math.abs(c1 - c2) > 1e-6 * Math.max(1, Math.abs(c1))) {
                        continue; // not smooth enough here to judge
                    }
                    double got = (double) res.getMethod(m.params().get(k).name()).invoke(g);
                    if (!(Math.abs(got - c2) <= 1e-5 * Math.max(1, Math.abs(c2)))) {
                        bad.append("point ").append(OracleHarness.pointText(m, a)).append(": d/d").append(m.params().get(k).name())
                                .append(" = ").append(got).append(", central differences ").append(c2).append('\n');
                    }
                }
            }
            return bad.length() == 0 ? null : bad.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "could not run the accepted companion: " + OracleHarness.stack(e);
        }
    }

    private static Double centralDifference(java.lang.reflect.Method f, Object self, Method m, double[] a, int k, double h)
            throws ReflectiveOperationException {
        double[] off = {-2, -1, 1, 2};
        double[] v = new double[4];
        for (int s = 0; s < 4; s++) {
            double[] b = a.clone();
            b[k] += off[s] * h;
            v[s] = (double) f.invoke(self, OracleHarness.boxed(m, b));
            if (!Double.isFinite(v[s])) {
                return null;
            }
        }
        return (v[0] - 8 * v[1] + 8 * v[2] - v[3]) / (12 * h);
    }

    private void report(String what, String mutants, List<String> fails) {
        String head = "MutationRobustnessTest(" + what + "): seed=" + seed + " rounds=" + rounds + " mutants=" + mutants
                + " failures=" + fails.size();
        System.out.println(head);
        Path file = Path.of("target", "oracle", "mutations-" + what + "-" + seed + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, head + "\n" + String.join("\n", fails), StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.out.println("could not write " + file + ": " + e);
        }
        if (!fails.isEmpty()) {
            StringBuilder sb = new StringBuilder(head + " (full report: " + file.toAbsolutePath() + ")\n");
            fails.stream().limit(20).forEach(f -> sb.append(f).append('\n'));
            fail(sb.toString());
        }
    }
}
