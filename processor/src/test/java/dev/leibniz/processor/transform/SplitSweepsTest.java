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

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SplitSweeps}: a callee called in a loop is recorded in its caller's forward sweep and
 * replayed in its caller's reverse sweep, so its forward sweep runs once. First how a sweep is
 * split (what goes to the tape), then callers of the shapes the objectives have (GMM's in-place
 * product, an LSTM layer calling a cell in a loop, itself called in a loop, locals and local
 * arrays the callee's reverse sweep reads), each gradient against central differences and
 * computed three times through one result object (a record left on a tape would show).
 */
class SplitSweepsTest {

    @Test
    void theLocalsTheReverseSweepNamesGoToTheTapeAndComeBackInReverse() {
        Code tapeLine = line("dev.leibniz.Tape tape = workspace.tape(gradient)");
        Code kept = line("dev.leibniz.Tape tape = workspace.kept()");
        Code recording = line("dev.leibniz.Tape tape = gradient ? workspace.kept() : workspace.tape(false)");
        List<Code> prelude = List.of(line("dev.leibniz.Workspace workspace = into.workspace"), tapeLine);
        List<Code> forward = List.of(
                line("double[] t = workspace.doubles(0, n)"),
                line("int trips = 0"),
                new Code.Loop(null, "for (int i = 0; i < n; i++)", new ArrayList<>(List.of(line("trips++"),
                        line("double inner = x[i]"), line("t[i] = inner"))), null, null),
                line("double r = Math.sqrt(t[0])"),
                line("boolean taken = r > 1"),
                line("double unused = r + 1"));
        List<Code> reverse = List.of(line("double r_bar = seed"),
                new Code.Loop(null, "for (int i = trips - 1; i >= 0; i--)", new ArrayList<>(List.of(
                        line("double inner"), line("x_bar[i] += t[i] * r_bar * x[i]"))), null, null),
                line("x_bar[0] += taken ? 1 : 0"));
        SplitSweeps split = SplitSweeps.of(prelude, tapeLine, recording, kept, forward, reverse,
                List.of(line("into.value = value"), line("return value")), "workspace", "tape", () -> 7);
        String record = text(split.record());
        assertTrue(record.startsWith("dev.leibniz.Workspace workspace = into.workspace; dev.leibniz.Tape tape = "
                + "gradient ? workspace.kept() : workspace.tape(false); double[] t = workspace.doubles(0, n);"), record);
        assertTrue(record.endsWith("tape.pushAll(t); tape.push(trips); tape.push(taken); into.value = value; "
                + "return value; "), record);
        String replay = text(split.replay());
        assertTrue(replay.startsWith("dev.leibniz.Workspace workspace = into.workspace; dev.leibniz.Tape tape = "
                + "workspace.kept(); boolean taken = tape.popBoolean(); int trips = tape.popInt(); "
                + "double[] t = workspace.popAll(7, tape); double r_bar = seed;"), replay);
        assertTrue(split.reads().contains("x") && split.reads().contains("t"), split.reads().toString());
    }

    @Test
    void noSplitWhenALocalTheReverseSweepNamesCannotGoToTheTape() {
        Code tapeLine = line("dev.leibniz.Tape tape = workspace.tape(gradient)");
        for (String local : List.of("double[] h_bar = null", "dev.leibniz.Tape hReturned = workspace.returned(0, gradient)",
                "double[][] m = workspace.doubles(0, n, n)", "double[] h = p.CGrad.gValue(x, into.gCall)")) {
            String name = local.substring(local.indexOf(' ') + 1, local.indexOf(" = "));
            assertNull(SplitSweeps.of(List.of(tapeLine), tapeLine, line("record"), line("kept"), List.of(line(local)),
                    List.of(line("use(" + name + ")")), List.of(), "workspace", "tape", () -> 0), local);
        }
    }

    // ---- through the processor ------------------------------------------------------------------

    private static final String IN_PLACE = CodeFixtures.LOWER + """
                @Differentiable static double f(double[] q, double[] l, double[] xs) {
                    double[] x = new double[3];
                    double[] out = new double[3];
                    double s = 0;
                    for (int n = 0; n < 2; n++) {
                        for (int i = 0; i < 3; i++) {
                            x[i] = xs[3 * n + i];
                        }
                        lower(3, q, l, x, out);
                        for (int i = 0; i < 3; i++) {
                            s += out[i] * out[i];
                        }
                    }
                    return s;
                }""";

    @Test
    void anInPlaceProductInALoopIsRecordedAndReplayed() throws IOException {
        String methods = IN_PLACE;
        String source = generatedSource(methods);
        int at = source.indexOf("public static void lowerReplay(");
        String replay = source.substring(at, source.indexOf("\n    }\n", at));
        String code = replay.replaceAll("//.*", "");
        assertEquals(-1, code.indexOf("out["), "the replay writes nothing forward: " + replay);
        assertEquals(-1, code.indexOf("q_i *"), "the replay multiplies nothing forward: " + replay);
        assertTrue(replay.contains("int idx = tape.popInt();"), "the counter as the record left it: " + replay);
        int fAt = source.indexOf("private static double fSweep(");
        String f = source.substring(fAt, source.indexOf("\n    }\n", fAt));
        assertTrue(f.contains("lowerRecord(3, q, l, x, out, gradient, into.lowerCall); //"), f);
        assertTrue(f.contains("tape.pushAll(x); // what the call left in x"), f);
        assertEquals(-1, f.indexOf("tape.pushAll(out)"), f);
        check(compile(methods), "f", null, new double[] {0.5, -1.2, 2.0}, new double[] {0.3, -0.7, 1.1},
                new double[] {1.0, 2.0, -0.5, 0.25, -1.5, 0.75});
    }

    /** A caller computing its value alone records nothing: the call site's tape stays empty. */
    @Test
    void theValueAloneLeavesNoRecord() throws Exception {
        MutantKillersTest.Compiled c = compile(IN_PLACE);
        java.lang.reflect.Method value = MutantKillersTest.only(c.companion(), "fValue", 4);
        Object into = value.getParameterTypes()[3].getDeclaredConstructor().newInstance();
        double[] q = {0.5, -1.2, 2.0};
        double[] l = {0.3, -0.7, 1.1};
        double[] xs = {1.0, 2.0, -0.5, 0.25, -1.5, 0.75};
        for (int round = 0; round < 5; round++) {
            MutantKillersTest.call(value, null, q, l, xs, into);
        }
        Object site = field(into, "lowerCall");
        dev.leibniz.Tape tape = (dev.leibniz.Tape) field(field(site, "workspace"), "tape");
        assertEquals(0, tape.size(), "records left by value-alone calls");
        MutantKillersTest.Compiled again = c;
        java.lang.reflect.Method gradient = MutantKillersTest.only(again.companion(), "f", 4);
        MutantKillersTest.call(gradient, null, q, l, xs, into);
        assertEquals(0, tape.size(), "records left by a gradient: every record is replayed");
    }

    private static Object field(Object o, String name) throws ReflectiveOperationException {
        java.lang.reflect.Field f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
    }

    /** The LSTM's shape: a layer writes a state in place from a cell, in a loop, and is called in a loop. */
    @Test
    void recordsInsideRecords() throws IOException {
        String methods = """
                @Differentiable static double sigmoid(double x) {
                    return 1 / (1 + Math.exp(-x));
                }

                @Differentiable static void cell(int h, double[] w, int off, double[] state, double[] input) {
                    for (int i = 0; i < h; i++) {
                        double g = sigmoid(input[i] * w[off + i] + state[i]);
                        double c = Math.tanh(state[h + i] * w[off + h + i]);
                        state[h + i] = state[h + i] * g + c;
                        state[i] = g * Math.tanh(state[h + i]);
                    }
                }

                @Differentiable static void layer(int layers, int h, double[] w, double[] state, double[] in,
                        double[] out) {
                    double[] x = new double[h];
                    for (int i = 0; i < h; i++) {
                        x[i] = in[i] * w[i];
                    }
                    for (int k = 0; k < layers; k++) {
                        cell(h, w, 2 * h * k, state, x);
                        for (int i = 0; i < h; i++) {
                            x[i] = state[i];
                        }
                    }
                    for (int i = 0; i < h; i++) {
                        out[i] = x[i] * w[i + h];
                    }
                }

                @Differentiable(wrt = {"w"})
                static double f(double[] w, double[] seq) {
                    double[] state = new double[4];
                    double[] y = new double[2];
                    double total = 0;
                    for (int t = 0; t < 3; t++) {
                        double[] in = new double[2];
                        in[0] = seq[2 * t];
                        in[1] = seq[2 * t + 1];
                        layer(2, 2, w, state, in, y);
                        total += y[0] * seq[2 * t + 2] - Math.log(1 + y[1] * y[1]);
                    }
                    return total;
                }""";
        String source = generatedSource(methods);
        assertTrue(source.contains("layerRecord(") && source.contains("cellRecord("), "both split");
        check(compile(methods), "f", null, new double[] {0.3, -0.5, 0.8, 0.1, -0.4, 0.6, 0.2, -0.7},
                new double[] {0.5, -0.2, 0.9, 0.4, -0.6, 0.3, 0.7, -0.1});
    }

    /** A local array and a scalar of the callee's forward sweep that its reverse sweep reads go to the tape. */
    @Test
    void localsOfTheCalleeAsTheRecordLeftThem() throws IOException {
        String methods = """
                @Differentiable static double energy(double[] v, int n) {
                    double[] t = new double[n];
                    for (int i = 0; i < n; i++) {
                        t[i] = v[i] * v[i];
                    }
                    double e = 0;
                    for (int i = 0; i < n; i++) {
                        e += Math.sin(t[i]) * t[i];
                    }
                    double r = Math.sqrt(e + 1);
                    return r * t[0];
                }

                @Differentiable static double f(double[] v, double w) {
                    double[] z = new double[3];
                    for (int i = 0; i < 3; i++) {
                        z[i] = v[i];
                    }
                    double s = 0;
                    for (int k = 0; k < 3; k++) {
                        s += w * energy(z, 2 + k % 2);
                        z[0] = z[0] * 0.5 + s; // after the call: the replay needs z as the call left it
                    }
                    return s;
                }""";
        String source = generatedSource(methods);
        assertTrue(source.contains("energyRecord(") && source.contains("tape.pushAll(t); // for the replay")
                && source.contains("tape.pushAll(z); // what the call left in z"), source);
        check(compile(methods), "f", null, new double[] {0.4, -1.1, 0.8}, 1.3);
    }
}
