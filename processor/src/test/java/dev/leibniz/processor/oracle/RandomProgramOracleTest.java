package dev.leibniz.processor.oracle;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.leibniz.processor.oracle.OracleHarness.Failure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Differential test of the Leibniz processor against an independent reference: random
 * {@code @Differentiable} programs are compiled in-process with the processor and every generated
 * companion is compared with {@link DsInterpreter} (Hipparchus DerivativeStructure) at random
 * points, with tolerance |got - ref| <= 1e-10 * max(1, |ref|). See docs/ORACLE.md.
 *
 * <p>System properties: {@code oracle.seed} (default {@value #DEFAULT_SEED}), {@code oracle.count}
 * (programs, default 2000), {@code oracle.methodsPerClass} (100), {@code oracle.points} (3),
 * {@code oracle.threads}, {@code oracle.disable} (comma-separated generator features),
 * {@code oracle.exactValue} (value() must be bit-identical to the original method, default true),
 * {@code oracle.reduce} (failures to minimise, default 3), {@code oracle.reduceMillis} (30000
 * each), {@code oracle.maxReported} (30). The full report goes to target/oracle/random-SEED.txt.
 */
class RandomProgramOracleTest {

    static final long DEFAULT_SEED = 20240611L;

    private static final List<String> KIND_ORDER = List.of("MISMATCH", "GENERATED_CODE_THREW", "CRASH",
            "GENERATED_CODE_DOES_NOT_COMPILE", "REJECTED_VALID_PROGRAM", "API_SHAPE", "GENERATED_CODE_NOT_LINT_CLEAN");

    @Test
    void randomProgramsAgreeWithTheReference() {
        OracleHarness.Config cfg = OracleHarness.fromSystemProperties(DEFAULT_SEED, 2000);
        OracleHarness h = new OracleHarness(cfg, true);
        OracleHarness.Outcome o = h.run();
        List<String> reduced = new ArrayList<>();
        Reducer reducer = new Reducer(h);
        // one failure per distinct key first (wrong results before lint), then further ones,
        // up to oracle.reduce
        List<Failure> order = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        List<Failure> byKind = new ArrayList<>(o.failures());
        byKind.sort(Comparator.comparingInt(f -> KIND_ORDER.indexOf(f.kind()) < 0 ? 99 : KIND_ORDER.indexOf(f.kind())));
        for (Failure f : byKind) {
            if (keys.add(f.key())) {
                order.add(f);
            }
        }
        for (Failure f : byKind) {
            if (!order.contains(f)) {
                order.add(f);
            }
        }
        for (Failure f : order) {
            if (reduced.size() >= cfg.reduce()) {
                break;
            }
            String r = reducer.reduce(f, Long.getLong("oracle.reduceMillis", 30_000L));
            if (r != null) {
                reduced.add(r);
            }
        }
        String summary = OracleHarness.summarize(o, cfg, "RandomProgramOracleTest",
                Path.of("target", "oracle", "random-" + cfg.seed() + ".txt"), reduced);
        System.out.println(summary);
        if (!o.failures().isEmpty()) {
            StringBuilder sb = new StringBuilder(summary);
            reduced.forEach(r -> sb.append('\n').append(r));
            o.failures().stream().limit(cfg.maxReported()).forEach(f -> sb.append('\n').append(f.report()));
            if (o.failures().size() > cfg.maxReported()) {
                sb.append("\n... ").append(o.failures().size() - cfg.maxReported()).append(" more in the report file\n");
            }
            fail(sb.toString());
        }
        OracleHarness.Stats st = o.stats();
        assertTrue(st.checked >= 0.9 * cfg.count(), "too few programs had a usable point:\n" + summary);
        assertTrue(st.pointsSkipped <= 0.2 * (st.pointsCompared + st.pointsSkipped), "too many unfit points:\n" + summary);
        // forward mode must cover nearly every program, or the dot-product test proves little
        assertTrue(st.tangentsMissing <= 0.05 * st.checked && st.tangentsChecked > 0, "too few tangents:\n" + summary);
        assertTrue(st.hessiansChecked >= 0.2 * st.checked, "too few Hessians checked:\n" + summary);
        // about one double[]-valued library method in two per class of 100 programs, two points each
        boolean vectors = !cfg.disabled().contains("calls") && !cfg.disabled().contains("arrays")
                && !cfg.disabled().contains("arrayValued");
        assertTrue(!vectors || st.jacobiansChecked >= 0.01 * st.checked, "too few Jacobians checked:\n" + summary);
    }
}
