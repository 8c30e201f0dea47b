package dev.leibniz.processor.transform;

import static dev.leibniz.processor.transform.CodeFixtures.line;
import static dev.leibniz.processor.transform.CodeFixtures.loop;
import static dev.leibniz.processor.transform.CodeFixtures.text;
import static dev.leibniz.processor.transform.MutantKillersTest.check;
import static dev.leibniz.processor.transform.MutantKillersTest.compile;
import static dev.leibniz.processor.transform.MutantKillersTest.generatedSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leibniz.processor.transform.MutantKillersTest.Compiled;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link ForwardPruning}: the forward sweep a callee's pullback runs in its caller's reverse
 * sweep keeps what the callee's reverse sweep reads and nothing else. First the pass on small
 * pieces of code, then callees in callers' loops, whose gradients are checked against central
 * differences (a dropped statement the reverse sweep needed shows there as a wrong number).
 */
class ForwardPruningTest {

    @Test
    void productsNoReverseReadsGoButTripCountsStay() {
        List<Code> forward = List.of(
                line("int trips = 0"),
                loop("for (int i = 0; i < n; i++)",
                        line("trips++"),
                        line("double x_i = x[i]"),
                        line("double prod = x_i * w"),
                        line("out[i] = prod")));
        List<Code> reverse = List.of(loop("for (int i = trips - 1; i >= 0; i--)",
                line("double x_i"),
                line("x_i = x[i]"),
                line("double prod_bar = out_bar[i]"),
                line("w_bar += prod_bar * x_i")),
                line("double[] out_bar = dev.leibniz.Workspace.zeroed(into.out, out.length)"));
        assertEquals("int trips = 0; for (int i = 0; i < n; i++) { trips++; } ",
                text(ForwardPruning.prune(forward, reverse, Set.of())));
    }

    @Test
    void anArrayTheReverseSweepReadsKeepsItsWritesAndWhatTheyRead() {
        List<Code> forward = List.of(
                line("double[] t = workspace.doubles(0, n)"),
                loop("for (int i = 0; i < n; i++)",
                        line("double x_i = x[i]"),
                        line("double sq = x_i * x_i"),
                        line("t[i] = sq"),
                        line("double dead = sq + 1")));
        List<Code> reverse = List.of(loop("for (int i = n - 1; i >= 0; i--)", line("double t_i = t[i]")));
        assertEquals("double[] t = workspace.doubles(0, n); for (int i = 0; i < n; i++) { double x_i = x[i]; "
                + "double sq = x_i * x_i; t[i] = sq; } ", text(ForwardPruning.prune(forward, reverse, Set.of())));
    }

    @Test
    void pushesCallsAndJumpsStayWithWhatTheyRead() {
        List<Code> forward = List.of(loop("for (int i = 0; i < n; i++)",
                line("double a = x[i] * 2"),
                line("tape.push(a)"),
                line("double b = a * a"),
                line("double c = Math.exp(b)"),
                line("double h = p.C.helperValue(c, into.helperCall)"),
                line("double e = c * 3"),
                line("double dead = e * h"),
                new Code.Branch("e > 1", List.of(line("break")), List.of(), null)));
        String kept = text(ForwardPruning.prune(forward, List.of(), Set.of()));
        assertEquals("for (int i = 0; i < n; i++) { double a = x[i] * 2; tape.push(a); double b = a * a; "
                + "double c = Math.exp(b); double h = p.C.helperValue(c, into.helperCall); double e = c * 3; "
                + "if (e > 1) { break; } else { } } ", kept);
    }

    @Test
    void aTopLevelValueTheReverseSweepNamesStays() {
        List<Code> forward = List.of(
                line("double s = 0"),
                loop("for (int i = 0; i < n; i++)", line("double x_i = x[i]"), line("s = s + x_i * x_i")),
                line("double r = Math.sqrt(s)"),
                loop("for (int i = 0; i < n; i++)", line("double dead = x[i] * r")));
        List<Code> reverse = List.of(line("double s_bar = seed / (2 * r)"));
        assertEquals("double s = 0; for (int i = 0; i < n; i++) { double x_i = x[i]; s = s + x_i * x_i; } "
                + "double r = Math.sqrt(s); ", text(ForwardPruning.prune(forward, reverse, Set.of())));
    }

    @Test
    void nothingDroppedInALoopMeansNoCutSweep() {
        List<Code> forward = List.of(line("double a = x * x"), line("double dead = a + 1"),
                loop("for (int i = 0; i < n; i++)", line("s = s + x_i")));
        assertNull(ForwardPruning.prune(forward, List.of(line("double a_bar = s * a")), Set.of()));
    }

    @Test
    void statementsAreReadByShape() {
        assertEquals(new Statement("x_bar", false, true), Statement.of("x_bar[k] += t"));
        assertEquals(new Statement("v", true, false), Statement.of("double[] v = w[i]"));
        assertEquals(new Statement("k", false, false), Statement.of("k++"));
        assertEquals(new Statement("k", false, false), Statement.of("k <<= 2"));
        assertEquals(new Statement("b", true, false), Statement.of("boolean b = x == y"));
        assertNull(Statement.of("into.value = v").defines());
        assertNull(Statement.of("double v = f(x)").defines());
        assertNull(Statement.of("double[] v = new double[3]").defines());
        assertNull(Statement.of("String s = \"a\"").defines());
        assertEquals(Set.of("a", "#b", "i"), Mentions.mentioned("a[i] = b.length + 1.5e3 + a.x"));
    }

    // ---- through the processor ------------------------------------------------------------------

    /**
     * GMM's qtimesx called once (a call in a loop is recorded instead, see SplitSweepsTest): the
     * cut sweep its accumulating pullback runs writes no product; the gradient is right.
     */
    @Test
    void aLinearProcedureRunsNoProductsInItsCallersReverseSweep() throws IOException {
        String methods = CodeFixtures.LOWER + """
                @Differentiable static double f(double[] q, double[] l, double[] xs) {
                    double[] x = new double[3];
                    double[] out = new double[3];
                    for (int i = 0; i < 3; i++) {
                        x[i] = Math.sin(xs[i]);
                    }
                    lower(3, q, l, x, out);
                    double s = 0;
                    for (int i = 0; i < 3; i++) {
                        s += out[i] * out[i] * x[i];
                    }
                    return s;
                }""";
        String source = generatedSource(methods);
        int cut = source.indexOf("private static void lowerReverseSweep(");
        assertTrue(cut > 0, source);
        String forward = source.substring(cut, source.indexOf("// Reverse sweep", cut));
        assertEquals(-1, forward.indexOf("out["), forward);
        assertTrue(source.contains("lowerReverseSweep(d, q, l, x, out, outSeed, true"), "the accumulating pullback runs it");
        Compiled c = compile(methods);
        check(c, "f", null, new double[] {0.5, -1.2, 2.0}, new double[] {0.3, -0.7, 1.1}, new double[] {1.0, 2.0, -0.5});
    }

    /**
     * A local array the callee's reverse sweep reloads must still be filled by the cut sweep. (The
     * callee computes a gradient eagerly, which keeps it from being split into a record and a replay,
     * so its calls in the loop run the cut sweep; and its last loop is not fused with the return.)
     */
    @Test
    void aLocalArrayTheCalleesReverseSweepReloadsIsStillFilled() throws IOException {
        String methods = """
                @Differentiable static double bump(double u) {
                    return u * u + 1;
                }

                @Differentiable static double energy(double[] v, int n) {
                    double w = bump(v[0]);
                    double[] t = new double[n];
                    for (int i = 0; i < n; i++) {
                        t[i] = v[i] * v[i] * w;
                    }
                    double e = 0;
                    for (int i = 0; i < n; i++) {
                        e += Math.sin(t[i]) * t[i];
                    }
                    return e + w;
                }

                @Differentiable static double f(double[] v, double w) {
                    double s = 0;
                    for (int k = 0; k < 3; k++) {
                        s += w * energy(v, 2 + k % 2);
                    }
                    return s;
                }""";
        String source = generatedSource(methods);
        assertTrue(source.contains("energyReverseSweep(v, n, seed, true"), "the cut sweep runs");
        assertEquals(-1, source.indexOf("energyRecord("), "no record: energy computes bump's gradient eagerly");
        check(compile(methods), "f", null, new double[] {0.4, -1.1, 0.8}, 1.3);
    }

    /** The callee's value is not needed by its caller's reverse sweep, but the sqrt's derivative reads it. */
    @Test
    void aValueTheCalleesDerivativeReadsIsKept() throws IOException {
        String methods = """
                @Differentiable static double bump(double u) {
                    return u * u + 1;
                }

                @Differentiable static double norm(double[] v) {
                    double c = bump(v[0]);
                    double s = 0;
                    for (int i = 0; i < v.length; i++) {
                        s += v[i] * v[i] * c;
                    }
                    double r = Math.sqrt(s);
                    double u = 0;
                    for (int i = 0; i < v.length; i++) {
                        u += v[i] / r;
                    }
                    return u + c;
                }

                @Differentiable static double f(double[] v) {
                    double p = 1;
                    for (int k = 0; k < 2; k++) {
                        p *= norm(v);
                    }
                    return p;
                }""";
        assertTrue(generatedSource(methods).contains("normReverseSweep("), "the cut sweep runs");
        check(compile(methods), "f", null, new double[] {0.4, -1.1, 0.8});
    }
}
