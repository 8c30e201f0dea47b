package dev.leibniz.processor.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Save only what is needed: which values the forward sweep of a loop pushes on the tape, read
 * off the generated source of one method at a time.
 */
class SavingTest {

    private static String pullback(String method) throws IOException {
        String all = MutantKillersTest.generatedSource(method);
        int start = all.indexOf("Pullback(");
        return all.substring(start, sweepEnd(all, start));
    }

    /**
     * Where the sweep starting at {@code start} has surely ended: at the tangent program's own sweep, the cut
     * sweep or the second sweep (forward over reverse), whichever comes first, as each repeats the pushes.
     */
    private static int sweepEnd(String all, int start) {
        int end = all.length();
        for (String next : new String[] {"Tangent", "ReverseSweep(", "SecondSweep("}) {
            int at = all.indexOf(next, start);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return end;
    }

    private static int pushes(String code) {
        Matcher m = Pattern.compile("tape\\.push\\(").matcher(code);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void sumOfSquaresSavesNothing() throws IOException {
        String code = pullback("""
                @Differentiable static double f(double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += x[i] * x[i];
                    }
                    return s;
                }""");
        assertEquals(0, pushes(code), code);
        assertEquals(-1, code.indexOf("Tape"), "no tape at all: " + code);
    }

    @Test
    void loopCarriedProductSavesTheOldProductOnly() throws IOException {
        String code = pullback("""
                @Differentiable static double f(double[] x) {
                    double p = 1;
                    for (int i = 0; i < x.length; i++) {
                        p *= x[i];
                    }
                    return p;
                }""");
        assertEquals(1, pushes(code), code);
        assertEquals(true, code.contains("tape.push(p);"), code);
    }

    @Test
    void straightLineCodeHasNoTape() throws IOException {
        String code = pullback("""
                @Differentiable static double f(double x, double y) {
                    double a = Math.exp(x * y);
                    if (a > 2) {
                        a = a * Math.sin(y);
                    }
                    return a / x;
                }""");
        assertEquals(-1, code.indexOf("tape"), code);
    }

    @Test
    void branchDecisionsAreRecordedAndNestedTripCountsComputed() throws IOException {
        String code = pullback("""
                @Differentiable static double f(double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        for (int j = 0; j < i; j++) {
                            if (x[j] > 0) {
                                s += x[i] * x[j];
                            }
                        }
                    }
                    return s;
                }""");
        // per inner iteration one decision (pushed where each side of the branch ends, true or false);
        // nothing else: the inner trip count is i, which the reverse loop over i has (see TripCounts)
        assertEquals(2, pushes(code), code);
        assertEquals(true, code.contains("tape.push(true);") && code.contains("tape.push(false);")
                && code.contains("int trips_2 = (int) Math.max(0L, (long) i); // its trip count, from its header"), code);
    }

    /**
     * A value two steps of an iteration read is saved once: {@code t} by its own partial (1 − t²) and
     * by {@code c * t}, {@code c} by its own partial and by {@code cell * c}, {@code c * t} and
     * {@code c * c}. Carried {@code cell} is saved before each step that reads a version of it. The
     * gradient itself is checked on this shape by the gallery's LSTM cells and by the oracle.
     */
    @Test
    void aValueReadTwiceInAnIterationIsSavedOnce() throws IOException {
        String all = MutantKillersTest.generatedSource("""
                @Differentiable static double f(double[] x) {
                    double cell = 0;
                    double total = 0;
                    for (int i = 0; i < x.length; i++) {
                        double t = Math.tanh(x[i] + cell);
                        double c = Math.exp(x[i] * t);
                        cell = cell * c + c * t;
                        total += c * c * t;
                    }
                    return total;
                }""");
        int start = all.indexOf("double fSweep(");
        String code = all.substring(start, sweepEnd(all, start));
        assertEquals(1, count(code, "tape.push(t);"), code);
        assertEquals(1, count(code, "tape.push(c);"), code);
    }

    private static int count(String code, String what) {
        int n = 0;
        for (int at = code.indexOf(what); at >= 0; at = code.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }
}
