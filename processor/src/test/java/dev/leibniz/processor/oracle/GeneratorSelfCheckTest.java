package dev.leibniz.processor.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.leibniz.processor.oracle.Ast.Fn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Checks the oracle itself, without the Leibniz processor: the random programs are valid,
 * lint-clean Java; the interpreter's value is bit-for-bit the compiled method's at every point; the
 * Hipparchus gradient agrees with central differences wherever the neighbourhood is smooth; and
 * the generator covers every supported function and feature.
 *
 * <p>{@code -Doracle.selfcheck.count=N} (default 400) and {@code -Doracle.seed}.
 */
class GeneratorSelfCheckTest {

    @Test
    void generatedProgramsAreValidAndTheReferenceIsConsistent() {
        OracleHarness.Config base = OracleHarness.fromSystemProperties(RandomProgramOracleTest.DEFAULT_SEED, 400);
        int count = Integer.getInteger("oracle.selfcheck.count", 400);
        // 50 methods per class: more classes, so class-level features (static import, nested
        // class, private constant) show up too
        // no processor here, so the known-bug switches stay on unless oracle.disable is given
        java.util.Set<String> disabled = System.getProperty("oracle.disable") == null ? java.util.Set.of() : base.disabled();
        OracleHarness.Config cfg = new OracleHarness.Config(base.seed(), count, 50, base.points(),
                disabled, base.exactValue(), true, base.threads(), 0, base.maxReported());
        OracleHarness.Outcome o = new OracleHarness(cfg, false).run();
        String summary = OracleHarness.summarize(o, cfg, "GeneratorSelfCheckTest",
                Path.of("target", "oracle", "selfcheck-" + cfg.seed() + ".txt"), List.of());
        System.out.println(summary);
        if (!o.failures().isEmpty()) {
            StringBuilder sb = new StringBuilder(summary);
            o.failures().stream().limit(cfg.maxReported()).forEach(f -> sb.append('\n').append(f.report()));
            fail(sb.toString());
        }
        OracleHarness.Stats st = o.stats();
        assertEquals(count, st.generated);
        assertTrue(st.checked >= 0.9 * count, "too few programs had a usable point:\n" + summary);
        assertTrue(st.pointsSkipped <= 0.2 * (st.pointsCompared + st.pointsSkipped), "too many unfit points:\n" + summary);
        assertTrue(st.cdCompared >= st.pointsCompared, "too few central-difference comparisons:\n" + summary);
        if (cfg.disabled().isEmpty() && count >= 400) {
            List<String> missing = new ArrayList<>();
            for (Fn fn : Fn.values()) {
                if (!st.featureCounts.containsKey(fn.javaName())) {
                    missing.add(fn.javaName());
                }
            }
            for (String f : ProgramGenerator.FEATURES) {
                if (!st.featureCounts.containsKey(f)) {
                    missing.add(f);
                }
            }
            // every data-flow shape: each target history with each operand source it takes
            // (docs/ORACLE.md, "Data-flow shapes"), so that no pair can silently drop out again
            for (String combo : ProgramGenerator.flowCombos()) {
                if (!st.featureCounts.containsKey(combo)) {
                    missing.add(combo);
                }
            }
            // every issue 9 shape (rows, arrays in loops, array-valued methods, side effects, varargs,
            // switches, procedures), each under its own switch
            ProgramGenerator.SHAPES.forEach((sw, shapes) -> {
                for (String shape : shapes) {
                    if (!st.featureCounts.containsKey(shape)) {
                        missing.add(sw + ":" + shape);
                    }
                }
            });
            assertEquals(List.of(), missing, "features never generated:\n" + summary);
        }
    }

    @Test
    void generationIsDeterministic() {
        ProgramGenerator g = new ProgramGenerator(Set.of());
        String a = JavaPrinter.print(g.program(42, "Prog0", 20)).source();
        String b = JavaPrinter.print(new ProgramGenerator(Set.of()).program(42, "Prog0", 20)).source();
        assertEquals(a, b);
        String c = JavaPrinter.print(g.program(43, "Prog0", 20)).source();
        assertTrue(!a.equals(c));
    }
}
