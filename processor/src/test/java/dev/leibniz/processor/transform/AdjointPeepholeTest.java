package dev.leibniz.processor.transform;

import static dev.leibniz.processor.transform.CodeFixtures.line;
import static dev.leibniz.processor.transform.CodeFixtures.loop;
import static dev.leibniz.processor.transform.CodeFixtures.text;
import static dev.leibniz.processor.transform.MutantKillersTest.check;
import static dev.leibniz.processor.transform.MutantKillersTest.compile;
import static dev.leibniz.processor.transform.MutantKillersTest.generatedSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link AdjointPeephole}: an element updated in place passes its adjoint through, and an adjoint
 * element a loop adds to at a fixed index is summed in a local. Each rewrite on small pieces of
 * code, where it applies and where it must not (another read of the array, an index the loop
 * changes, a jump out of the loop, an array that may alias another), then through the processor
 * with gradients against central differences.
 */
class AdjointPeepholeTest {

    private static final Set<String> ARRAYS = Set.of("out_bar", "x_bar");

    @Test
    void anElementUpdatedInPlaceKeepsItsAdjoint() {
        List<Code> code = List.of(
                line("double sum_bar = out_bar[j]"),
                line("out_bar[j] = 0"),
                line("double out_j_bar = sum_bar"),
                line("double prod_bar = sum_bar"),
                line("w_bar += prod_bar * v"),
                line("out_bar[j] += out_j_bar"));
        assertEquals("double sum_bar = out_bar[j]; double prod_bar = sum_bar; w_bar += prod_bar * v; ",
                text(AdjointPeephole.apply(code, ARRAYS)));
    }

    @Test
    void theZeroStaysWhenTheArrayIsReadBetweenOrTheCopyGetsMore() {
        List<Code> readBetween = List.of(
                line("double sum_bar = out_bar[j]"),
                line("out_bar[j] = 0"),
                line("double out_j_bar = sum_bar"),
                line("double t = out_bar[k]"),
                line("out_bar[j] += out_j_bar"));
        assertEquals(text(readBetween), text(AdjointPeephole.apply(readBetween, ARRAYS)));
        List<Code> more = List.of(
                line("double sum_bar = out_bar[j]"),
                line("out_bar[j] = 0"),
                line("double out_j_bar = sum_bar"),
                line("out_j_bar += 2 * sum_bar"),
                line("out_bar[j] += out_j_bar"));
        assertEquals(text(more), text(AdjointPeephole.apply(more, ARRAYS)));
        List<Code> indexMoves = List.of(
                line("double sum_bar = out_bar[j]"),
                line("out_bar[j] = 0"),
                line("double out_j_bar = sum_bar"),
                line("j = j - 1"),
                line("out_bar[j] += out_j_bar"));
        assertEquals(text(indexMoves), text(AdjointPeephole.apply(indexMoves, ARRAYS)));
        List<Code> aliased = List.of( // a row of a matrix's adjoint is not in the set
                line("double sum_bar = r_bar[j]"),
                line("r_bar[j] = 0"),
                line("double r_j_bar = sum_bar"),
                line("r_bar[j] += r_j_bar"));
        assertEquals(text(aliased), text(AdjointPeephole.apply(aliased, ARRAYS)));
    }

    @Test
    void aFixedElementALoopAddsToIsSummedInALocal() {
        List<Code> code = List.of(loop("for (int j = n - 1; j >= k; j--)",
                line("double x_i = x[i]"),
                line("x_bar[i] += w[j] * x_i"),
                line("x_bar[i] -= v[j]")));
        assertEquals("double x_bar_i = 0.0; for (int j = n - 1; j >= k; j--) { double x_i = x[i]; x_bar_i += w[j] * x_i; "
                + "x_bar_i -= v[j]; } x_bar[i] += x_bar_i; ", text(AdjointPeephole.apply(code, ARRAYS)));
    }

    @Test
    void noLocalSumWhereTheLoopMovesTheIndexReadsTheArrayJumpsOrNarrows() {
        List<List<Code>> cases = List.of(
                List.of(loop("for (int j = n - 1; j >= 0; j--)", line("x_bar[j] += w[j]"))),
                List.of(loop("for (int j = n - 1; j >= 0; j--)", line("i = i + 1"), line("x_bar[i] += w[j]"))),
                List.of(loop("for (int j = n - 1; j >= 0; j--)", line("x_bar[i] += w[j]"), line("double t = x_bar[j]"))),
                List.of(loop("for (int j = n - 1; j >= 0; j--)", line("x_bar[i] += w[j]"), line("x_bar[j] = 0"))),
                List.of(loop("for (int j = n - 1; j >= 0; j--)", line("x_bar[i] += w[j]"),
                        line("p.CGrad.gAccumulatingPullback(w, 1.0, 2L, into.gCall, x_bar)"))),
                List.of(loop("for (int j = n - 1; j >= 0; j--)", line("x_bar[i] += w[j]"), line("break"))),
                List.of(loop("for (int j = n - 1; j >= 0; j--)", line("x_bar[i] += (float) w[j]"))),
                List.of(loop("for (int j = n - 1; j >= 0; j--)", line("r_bar[i] += w[j]"))));
        for (List<Code> c : cases) {
            assertEquals(text(c), text(AdjointPeephole.apply(c, ARRAYS)));
        }
    }

    @Test
    void aFreshNameForTheSum() {
        List<Code> code = List.of(line("double x_bar_i = 3"), loop("for (int j = 0; j < n; j++)", line("x_bar[i] += w[j]")),
                line("y = x_bar_i"));
        assertTrue(text(AdjointPeephole.apply(code, ARRAYS)).contains("double x_bar_i_2 = 0.0"));
    }

    // ---- through the processor ------------------------------------------------------------------

    /** The shapes the rewrites are for, called from a loop: no copy of what the callee only updates in place. */
    @Test
    void aMatrixVectorProductUpdatedInPlace() throws IOException {
        String methods = """
                @Differentiable static void lower(int d, double[] l, double[] x, double[] out) {
                    for (int i = 0; i < d; i++) {
                        out[i] = x[i];
                    }
                    int idx = 0;
                    for (int i = 0; i < d; i++) {
                        for (int j = i + 1; j < d; j++) {
                            out[j] = out[j] + l[idx] * x[i];
                            idx++;
                        }
                    }
                }

                @Differentiable static double f(double[] l, double[] xs) {
                    double[] x = new double[3];
                    double[] out = new double[3];
                    double s = 0;
                    for (int n = 0; n < 2; n++) {
                        for (int i = 0; i < 3; i++) {
                            x[i] = Math.sin(xs[3 * n + i]);
                        }
                        lower(3, l, x, out);
                        for (int i = 0; i < 3; i++) {
                            s += out[i] * out[i] * x[i];
                        }
                    }
                    return s;
                }""";
        String source = generatedSource(methods);
        int cut = source.indexOf("public static void lowerReplay("); // the call is in a loop: recorded, replayed
        String lower = source.substring(cut, source.indexOf("\n    }\n", cut));
        assertTrue(lower.matches("(?s).*double x_bar_i\\w* = 0\\.0;.*"), lower);
        assertEquals(-1, lower.indexOf("out_bar[j] = 0;"), lower);
        String f = source.substring(source.indexOf("private static double fSweep("));
        assertEquals(-1, f.substring(0, f.indexOf("\n    }\n")).indexOf("tape.pushAll(out)"),
                "lower's replay reads nothing of out, so f saves no copy of it");
        check(compile(methods), "f", null, new double[] {0.3, -0.7, 1.1}, new double[] {1.0, 2.0, -0.5, 0.25, -1.5, 0.75});
    }
}
