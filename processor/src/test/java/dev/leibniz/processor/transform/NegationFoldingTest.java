package dev.leibniz.processor.transform;

import static dev.leibniz.processor.testing.GradientChecks.vector;
import static dev.leibniz.processor.transform.MutantKillersTest.check;
import static dev.leibniz.processor.transform.MutantKillersTest.compile;
import static dev.leibniz.processor.transform.MutantKillersTest.generatedSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link NegationFolding} on lines written here (what it folds, what it must leave), and on
 * methods compiled while the test runs, against closed forms and central differences.
 */
class NegationFoldingTest {

    private static List<Code> lines(String... code) {
        List<Code> out = new ArrayList<>();
        for (String c : code) {
            out.add(new Code.Line(c, null));
        }
        return out;
    }

    private static List<String> texts(List<Code> code) {
        List<String> out = new ArrayList<>();
        for (Code c : code) {
            out.add(c instanceof Code.Line l ? l.code() : c.toString());
        }
        return out;
    }

    private static Set<String> names(List<Code> code) {
        return new HashSet<>(ForwardPruning.mentioned(code));
    }

    @Test
    void foldsIntoAccumulationsAndThroughProducts() {
        List<Code> code = lines("double b_bar = -a_bar", "x_bar[i] += b_bar", "double p = b_bar * w", "double q = 2.5 * p",
                "y_bar[j] += q", "z -= p", "v += w * b_bar", "v -= p * 3");
        assertEquals(List.of("x_bar[i] -= a_bar", "double minus_p = a_bar * w", "double minus_q = 2.5 * minus_p",
                "y_bar[j] -= minus_q", "z += minus_p", "v -= w * a_bar", "v += minus_p * 3"),
                texts(NegationFolding.apply(code, names(code))));
    }

    @Test
    void aFreshNameForEachProduct() {
        List<Code> code = lines("double b_bar = -a_bar", "double p = b_bar * w", "s += p", "double minus_p = 1.0", "t += minus_p");
        assertEquals(List.of("double minus_p_2 = a_bar * w", "s -= minus_p_2", "double minus_p = 1.0", "t += minus_p"),
                texts(NegationFolding.apply(code, names(code))));
    }

    @Test
    void consecutiveNegationsAndTakenNames() {
        List<Code> code = lines("double b_bar = -a_bar", "double c_bar = -d_bar", "x += b_bar", "double p = c_bar * w",
                "y += p", "double minus_p = 1.0", "double minus_p_2 = 2.0");
        assertEquals(List.of("x -= a_bar", "double minus_p_3 = d_bar * w", "y -= minus_p_3", "double minus_p = 1.0",
                "double minus_p_2 = 2.0"), texts(NegationFolding.apply(code, names(code))));
    }

    @Test
    void aUseThatChangesTheSourceEndsWhatCanBeFolded() {
        // a_bar -= a_bar is right where it stands, but x would then read the new a_bar
        List<Code> code = lines("double b_bar = -a_bar", "a_bar += b_bar", "x += b_bar");
        assertEquals(texts(code), texts(NegationFolding.apply(code, names(code))));
        List<Code> last = lines("double b_bar = -a_bar", "x += b_bar", "a_bar += b_bar");
        assertEquals(List.of("x -= a_bar", "a_bar -= a_bar"), texts(NegationFolding.apply(last, names(last))));
    }

    @Test
    void leavesWhatItCannotFold() {
        List<List<Code>> cases = List.of(
                lines("double b_bar = -a_bar", "a_bar = 0.0", "x_bar[i] += b_bar"), // the source changes first
                lines("double b_bar = -a_bar", "b_bar += c", "x_bar[i] += b_bar"), // the negation is added to
                lines("double b_bar = -a_bar", "double s = Math.sin(b_bar)", "x += s"), // another use
                lines("double b_bar = -a_bar", "double p = b_bar * b_bar", "x += p"), // a product of two
                lines("double k = -a", "x_bar[(int) k] += k")); // named in the element too
        for (List<Code> c : cases) {
            assertEquals(texts(c), texts(NegationFolding.apply(c, names(c))), texts(c).toString());
        }
        List<Code> nested = new ArrayList<>(lines("double b_bar = -a_bar"));
        nested.add(new Code.Loop(null, "for (int j = 0; j < n; j++)", lines("x_bar[j] += b_bar"), null, null));
        assertEquals(texts(nested), texts(NegationFolding.apply(nested, names(nested))), "a use inside a loop");
        List<Code> inLoop = List.of(new Code.Loop(null, "for (int j = 0; j < n; j++)",
                lines("double b_bar = -a_bar", "x_bar[j] += b_bar"), null, null));
        Code.Loop folded = (Code.Loop) NegationFolding.apply(inLoop, names(inLoop)).get(0);
        assertEquals(List.of("x_bar[j] -= a_bar"), texts(folded.body()), "inside a loop's body, as anywhere");
    }

    @Test
    void rosenbrockSubtractsInsteadOfNegating() throws IOException {
        String m = """
                @Differentiable static double f(double[] x) {
                    double sum = 0;
                    for (int i = 0; i < x.length - 1; i++) {
                        double a = x[i + 1] - x[i] * x[i];
                        double b = 1 - x[i];
                        sum += 100 * a * a + b * b;
                    }
                    return sum;
                }""";
        String source = generatedSource(m);
        String sweep = source.substring(source.indexOf("private static double fSweep("));
        sweep = sweep.substring(0, sweep.indexOf("\n    }\n"));
        assertTrue(sweep.contains("x_bar[i] -= b_bar;"), sweep);
        assertFalse(sweep.contains(" = -a_bar;") || sweep.contains(" = -b_bar;"), sweep);
        double[] x = vector(0.3, -1.2, 0.7, 2.0, -0.4);
        double[] g = new double[x.length];
        for (int i = 0; i < x.length - 1; i++) {
            double a = x[i + 1] - x[i] * x[i];
            g[i] += -400 * a * x[i] - 2 * (1 - x[i]);
            g[i + 1] += 200 * a;
        }
        check(compile(m), "f", g, x);
    }

    @Test
    void differencesInLoopsAndCalls() {
        MutantKillersTest.Compiled c = compile("""
                @Differentiable static double gap(double u, double v) {
                    return Math.exp(u - 2 * v) - v * (u - v);
                }

                @Differentiable static double f(double[] x, double[] y) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        double d = x[i] - y[i];
                        double e = d * y[i] - (1 - x[i]) * (0.5 - d);
                        s -= gap(e, -d) - d * d;
                        for (int j = 0; j < i; j++) {
                            s += (x[j] - x[i]) * (y[i] - y[j]);
                        }
                    }
                    return s;
                }""");
        check(c, "f", null, vector(0.3, -1.2, 0.7, 0.5), vector(1.1, 0.4, -0.6, 0.2));
        check(c, "gap", null, 0.7, -0.3);
    }
}
