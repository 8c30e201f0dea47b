package dev.leibniz.processor.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;
import org.junit.jupiter.api.Test;

/**
 * The oracle must be able to fail, and must not fail without cause. A fake processor writes
 * companions with the documented API that take value and gradient from the reference at run
 * time: exactly right, it must pass; with one planted bug (zero gradient, wrong value, results
 * accumulated into a reused MGradient, pullback ignoring the seed, swapped accessors, companion
 * that does not compile, processor that throws), it must be caught.
 */
class HarnessCanaryTest {

    /** The bug a fake companion has. */
    enum Bug {
        NONE, ZERO_GRADIENT, WRONG_VALUE, ACCUMULATES_INTO, IGNORES_SEED, SWAPPED_ACCESSORS, BROKEN_SOURCE, THROWS
    }

    /**
     * Writes a companion with the documented API that asks {@link CanaryReference} (the reference
     * interpreter) for value and gradient at run time, with one planted bug.
     */
    static final class FakeProcessor extends AbstractProcessor {
        private final Bug bug;

        FakeProcessor(Bug bug) {
            this.bug = bug;
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("dev.leibniz.Differentiable");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment env) {
            if (bug == Bug.THROWS && !annotations.isEmpty()) {
                throw new IllegalStateException("planted processor crash");
            }
            Map<TypeElement, List<ExecutableElement>> byClass = new LinkedHashMap<>();
            for (TypeElement a : annotations) {
                for (Element e : env.getElementsAnnotatedWith(a)) {
                    byClass.computeIfAbsent((TypeElement) e.getEnclosingElement(), k -> new ArrayList<>())
                            .add((ExecutableElement) e);
                }
            }
            byClass.forEach(this::write);
            return true;
        }

        private void write(TypeElement owner, List<ExecutableElement> methods) {
            Elements el = processingEnv.getElementUtils();
            String pkg = el.getPackageOf(owner).getQualifiedName().toString();
            String binary = el.getBinaryName(owner).toString();
            String simple = owner.getQualifiedName().toString().substring(pkg.length() + 1).replace('.', '_') + "Grad";
            StringBuilder sb = new StringBuilder("package " + pkg + ";\n\npublic final class " + simple + " {\n");
            sb.append("    private ").append(simple).append("() {}\n");
            for (ExecutableElement m : methods) {
                String name = m.getSimpleName().toString();
                String res = Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Gradient";
                List<String> params = new ArrayList<>();
                List<String> args = new ArrayList<>();
                List<String> asDouble = new ArrayList<>();
                List<String> doubles = new ArrayList<>();
                for (VariableElement p : m.getParameters()) {
                    String n = p.getSimpleName().toString();
                    params.add(p.asType() + " " + n);
                    args.add(n);
                    TypeKind k = p.asType().getKind();
                    asDouble.add(k == TypeKind.BOOLEAN ? "(" + n + " ? 1.0 : 0.0)" : k == TypeKind.DOUBLE ? n : "(double) " + n);
                    if (p.asType().getKind() == TypeKind.DOUBLE) {
                        doubles.add(n);
                    }
                }
                String ps = String.join(", ", params);
                String as = String.join(", ", args);
                sb.append("    public static final class ").append(res).append(" {\n        double value;\n");
                for (String d : doubles) {
                    sb.append("        double ").append(d).append(";\n");
                }
                for (int i = 0; i < doubles.size(); i++) {
                    String field = bug == Bug.SWAPPED_ACCESSORS && doubles.size() > 1 ? doubles.get((i + 1) % doubles.size())
                            : doubles.get(i);
                    sb.append("        public double ").append(doubles.get(i)).append("() { return ").append(field).append("; }\n");
                }
                sb.append("        public double value() { return value; }\n    }\n");
                sb.append("    public static ").append(res).append(' ').append(name).append('(').append(ps).append(") {\n")
                        .append("        ").append(res).append(" g = new ").append(res).append("();\n")
                        .append("        ").append(name).append('(').append(as).append(", g);\n")
                        .append("        return g;\n    }\n");
                sb.append("    public static double ").append(name).append('(').append(ps).append(", ").append(res)
                        .append(" into) {\n        return ").append(name).append("Pullback(").append(as)
                        .append(", 1.0, into);\n    }\n");
                sb.append("    public static double ").append(name).append("Pullback(").append(ps).append(", double seed, ")
                        .append(res).append(" into) {\n");
                sb.append("        double[] ref__ = dev.leibniz.processor.oracle.CanaryReference.eval(\"").append(binary)
                        .append("\", \"").append(name).append("\", new double[] {").append(String.join(", ", asDouble))
                        .append("});\n");
                String assign = bug == Bug.ACCUMULATES_INTO ? " += " : " = ";
                sb.append("        into.value").append(assign).append("ref__[0]").append(bug == Bug.WRONG_VALUE ? " * 1.000001" : "")
                        .append(";\n");
                for (int i = 0; i < doubles.size(); i++) {
                    String g = bug == Bug.ZERO_GRADIENT ? "0.0"
                            : bug == Bug.IGNORES_SEED ? "ref__[" + (i + 1) + "]" : "seed * ref__[" + (i + 1) + "]";
                    sb.append("        into.").append(doubles.get(i)).append(assign).append(g).append(";\n");
                }
                sb.append("        return ref__[0];\n    }\n");
            }
            if (bug == Bug.BROKEN_SOURCE) {
                sb.append("    static double broken() { return undefinedVariable; }\n");
            }
            sb.append("}\n");
            try (Writer w = processingEnv.getFiler().createSourceFile(pkg + "." + simple).openWriter()) {
                w.write(sb.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static OracleHarness.Outcome run(Bug bug, int count) {
        // wrt would need a real processor (the fake gives every double parameter an accessor), and
        // the fake uses the names seed, into and g itself
        OracleHarness.Config cfg = new OracleHarness.Config(99, count, 20, 3, Set.of("wrt", "trickyNames", "arrays", "calls", "rules"), true, false, 1, 0, 5);
        OracleHarness h = new OracleHarness(cfg, () -> new FakeProcessor(bug));
        ProgramGenerator gen = new ProgramGenerator(cfg.disabled());
        for (int b = 0; b * cfg.methodsPerClass() < count; b++) {
            Ast.Program p = gen.program(h.classSeed(b), "Prog" + b, Math.min(cfg.methodsPerClass(), count - b * cfg.methodsPerClass()));
            for (Ast.Method m : p.allMethods()) {
                CanaryReference.register(p.ownerBinaryName(m), m);
            }
        }
        return h.run();
    }

    private static long count(OracleHarness.Outcome o, String kind) {
        return o.failures().stream().filter(f -> f.kind().equals(kind)).count();
    }

    private static String kinds(OracleHarness.Outcome o) {
        return o.failures().stream().map(OracleHarness.Failure::key).toList().toString();
    }

    @Test
    void aCorrectCompanionPasses() {
        OracleHarness.Outcome o = run(Bug.NONE, 60);
        assertEquals(List.of(), o.failures().stream().map(OracleHarness.Failure::report).toList());
        assertTrue(o.stats().checked >= 50);
    }

    @Test
    void theCheckOfAcceptedMutantsJudgesCompanionsRight() {
        OracleHarness.Config cfg = new OracleHarness.Config(5, 12, 12, 3, Set.of("wrt", "trickyNames", "arrays", "calls", "rules"), true, false, 1, 0, 5);
        Ast.Program p = new ProgramGenerator(cfg.disabled()).program(77, "Acc0", 12);
        for (Ast.Method m : p.allMethods()) {
            CanaryReference.register(p.ownerBinaryName(m), m);
        }
        int wrongJudged = 0;
        for (Bug bug : List.of(Bug.NONE, Bug.ZERO_GRADIENT, Bug.WRONG_VALUE)) {
            String src = JavaPrinter.print(p).source();
            InMemoryCompiler.Result r = InMemoryCompiler.compile(p.binaryName(), src, List.of(new FakeProcessor(bug)));
            assertTrue(r.success(), r::diagnosticsText);
            for (Ast.Method m : p.allMethods()) {
                String verdict = MutationRobustnessTest.checkAccepted(p, m, r);
                if (bug == Bug.NONE) {
                    assertEquals(null, verdict, () -> JavaPrinter.method(m));
                } else if (verdict != null) {
                    wrongJudged++;
                }
            }
        }
        assertTrue(wrongJudged >= 12, "wrong companions judged wrong: " + wrongJudged + " of 24");
    }

    @Test
    void aZeroGradientIsCaught() {
        OracleHarness.Outcome o = run(Bug.ZERO_GRADIENT, 40);
        assertTrue(count(o, "MISMATCH") >= 20, () -> "expected many mismatches, got " + kinds(o));
        assertEquals(o.failures().size(), count(o, "MISMATCH"), () -> kinds(o));
    }

    @Test
    void aWrongValueIsCaught() {
        OracleHarness.Outcome o = run(Bug.WRONG_VALUE, 20);
        assertTrue(o.failures().stream().allMatch(f -> f.kind().equals("MISMATCH") && f.report().contains("value()")), () -> kinds(o));
        assertTrue(o.failures().size() >= 15, () -> kinds(o));
    }

    @Test
    void staleAccumulationInAReusedResultIsCaught() {
        OracleHarness.Outcome o = run(Bug.ACCUMULATES_INTO, 20);
        // a fresh result is right, so only the reused one (from the second point on) can show it
        assertTrue(o.failures().size() >= 15, () -> kinds(o));
        assertTrue(o.failures().stream().allMatch(f -> f.report().contains("[reused]") && !f.report().contains("m(...) ")),
                () -> kinds(o));
    }

    @Test
    void aPullbackIgnoringTheSeedIsCaught() {
        OracleHarness.Outcome o = run(Bug.IGNORES_SEED, 20);
        assertTrue(o.failures().stream().anyMatch(f -> f.report().contains("mPullback(seed=")), () -> kinds(o));
    }

    @Test
    void swappedAccessorsAreCaught() {
        OracleHarness.Outcome o = run(Bug.SWAPPED_ACCESSORS, 30);
        assertTrue(count(o, "MISMATCH") >= 5, () -> kinds(o));
    }

    @Test
    void brokenGeneratedCodeIsCaught() {
        OracleHarness.Outcome o = run(Bug.BROKEN_SOURCE, 8);
        assertTrue(count(o, "GENERATED_CODE_DOES_NOT_COMPILE") >= 1, () -> kinds(o));
    }

    @Test
    void aProcessorCrashIsCaught() {
        OracleHarness.Outcome o = run(Bug.THROWS, 8);
        assertTrue(count(o, "CRASH") >= 1, () -> kinds(o));
    }
}
