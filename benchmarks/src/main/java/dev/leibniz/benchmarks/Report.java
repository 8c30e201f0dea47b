package dev.leibniz.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Writes BENCHMARKS.md from one JMH run ({@code -rf json}), the processor-time result of
 * {@link ProcessorTime} and the first-call allocations of {@link FirstCall}. Every ratio is
 * taken between scores of the same run; its error combines the two scores' JMH errors
 * (99.9 % confidence half-widths) in quadrature of relative errors.
 *
 * <p>{@code java -cp benchmarks.jar dev.leibniz.benchmarks.Report jmh.json processor.properties
 * BENCHMARKS.md "command"}
 */
public final class Report {
    private Report() {}

    /** A score and its error, in µs/op, with the bytes allocated per operation. */
    record Score(double value, double error, double allocBytes) {
        Score over(Score o) {
            double r = value / o.value;
            double rel = Math.hypot(error / value, o.error / o.value);
            return new Score(r, r * rel, Double.NaN); // NaN when a score has no error (1 iteration)
        }
    }

    /** The objectives' benchmark classes, the parameter that names the instance, and peers. */
    private static final String[][] OBJECTIVES = {
        {"Rosenbrock", "RosenbrockBench", "RosenbrockPeers", "n"},
        {"MLP", "MlpBench", "", "shape"},
        {"ADBench GMM", "GmmBench", "GmmPeers", "instance"},
        {"ADBench LSTM", "LstmBench", "LstmPeers", "instance"},
        {"ADBench BA (whole Jacobian)", "BaBench", "BaBench", "instance"},
        {"Forward-mode Jacobian of tanh(Ax + b) in x (outputs × inputs)", "JacobianBench", "JacobianBench", "size"},
    };

    private static final String[] METHODS = {"primal", "gradientInto", "gradientFresh",
        "handWritten", "hipparchus", "centralDifferences"};

    private static final String[] HEADERS = {"primal", "generated `into`", "generated fresh",
        "hand-written", "Hipparchus forward", "central differences"};

    /** Where a peer is skipped, and why. */
    private static final String SKIPPED = """
            - **Hipparchus forward mode** is skipped for Rosenbrock n = 100,000 (10⁵ partials through
              each of ~6·10⁵ operations), the MLP (101,770 partials through ~3·10⁶ operations), GMM
              d10 K25 and d20 K10 (1,650 and 2,310 partials through millions of operations) and both
              LSTM instances (266 / 490 partials through ~10⁶ operations): seconds to minutes per
              gradient, each.
            - **Central differences** are skipped for Rosenbrock n = 100,000 (2·10⁵ evaluations of
              10⁵ terms), the MLP (203,540 evaluations of the loss), GMM d10 K25 and d20 K10
              (3,300 and 4,620 evaluations of a millisecond-scale objective) and LSTM l4
              (980 evaluations), and for the tanh layer's Jacobian, whose reference is its closed form
              (written by hand, the “hand-written” column).
            """;

    static Map<String, Score> scores(List<Object> runs) {
        Map<String, Score> out = new LinkedHashMap<>();
        for (Object o : runs) {
            @SuppressWarnings("unchecked")
            Map<String, Object> run = (Map<String, Object>) o;
            String bench = (String) run.get("benchmark");
            bench = bench.substring("dev.leibniz.benchmarks.".length());
            String param = "";
            Object params = run.get("params");
            if (params instanceof Map<?, ?> p) {
                param = String.valueOf(p.values().iterator().next());
                if (p.containsKey("shape")) {
                    param = p.get("shape") + ", batch " + p.get("batch");
                }
            }
            Map<?, ?> primary = (Map<?, ?>) run.get("primaryMetric");
            double alloc = Double.NaN;
            Object secondary = run.get("secondaryMetrics");
            if (secondary instanceof Map<?, ?> sec && sec.get("gc.alloc.rate.norm") instanceof Map<?, ?> a) {
                alloc = number(a.get("score"));
            }
            out.put(bench + "|" + param, new Score(number(primary.get("score")),
                    number(primary.get("scoreError")), alloc));
        }
        return out;
    }

    private static double number(Object o) {
        return o instanceof Double d ? d : Double.NaN;
    }

    static String time(Score s) {
        if (s == null) {
            return "–";
        }
        double v = s.value;
        double e = s.error;
        String unit = "µs";
        if (v >= 10_000) {
            v /= 1000;
            e /= 1000;
            unit = "ms";
        }
        return fmt(v) + " ± " + fmt(e) + " " + unit;
    }

    static String ratio(Score a, Score b) {
        if (a == null || b == null) {
            return "–";
        }
        Score r = a.over(b);
        return fmt(r.value) + " ± " + fmt(r.error) + "×";
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "?";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String bytes(double b) {
        if (Double.isNaN(b)) {
            return "–";
        }
        if (b < 1024) {
            return String.format(Locale.ROOT, "%.0f B", b);
        }
        if (b < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", b / 1024);
        }
        return String.format(Locale.ROOT, "%.1f MB", b / 1024 / 1024);
    }

    private static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static Score get(Map<String, Score> s, String cls, String method, String param) {
        return s.get(cls + "." + method + "|" + param);
    }

    private static List<String> params(Map<String, Score> s, String cls) {
        List<String> out = new ArrayList<>();
        for (String key : s.keySet()) {
            if (key.startsWith(cls + ".")) {
                String p = key.substring(key.indexOf('|') + 1);
                if (!out.contains(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static Score peer(Map<String, Score> s, String[] obj, String method, String param) {
        Score v = get(s, obj[1], method, param);
        if (v == null && !obj[2].isEmpty()) {
            v = get(s, obj[2], method, param);
        }
        return v;
    }

    public static void main(String[] args) throws IOException {
        Path jmh = Path.of(args[0]);
        Path processor = Path.of(args[1]);
        Path md = Path.of(args[2]);
        String command = args.length > 3 ? args[3] : "benchmarks/run.sh";
        @SuppressWarnings("unchecked")
        List<Object> runs = (List<Object>) Json.parse(Files.readString(jmh));
        Map<String, Score> s = scores(runs);
        Map<?, ?> first = (Map<?, ?>) runs.get(0);
        Properties pt = new Properties();
        if (Files.exists(processor)) {
            try (var r = Files.newBufferedReader(processor)) {
                pt.load(r);
            }
        }
        Map<String, FirstCall.Bytes> firstCalls = FirstCall.run();

        StringBuilder b = new StringBuilder();
        b.append("# Benchmarks\n\n");
        b.append("Written by `").append(command).append("` (issue 10). Do not edit by hand: run it again.\n\n");
        b.append("| | |\n|---|---|\n");
        b.append("| date | ").append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)).append(" |\n");
        b.append("| machine | ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(cpu()).append(", ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.version")).append(" |\n");
        b.append("| JDK | ").append(first.get("vmName")).append(' ').append(first.get("vmVersion"))
                .append(" (").append(first.get("jdkVersion")).append(") |\n");
        b.append("| JMH | ").append(first.get("jmhVersion")).append(", ")
                .append(fmtInt(first.get("forks"))).append(" fork, ")
                .append(fmtInt(first.get("warmupIterations"))).append(" × ").append(first.get("warmupTime"))
                .append(" warm-up, ").append(fmtInt(first.get("measurementIterations"))).append(" × ")
                .append(first.get("measurementTime")).append(" measured, average time, `-prof gc` |\n\n");
        b.append("Each figure is JMH's score ± its error (99.9 % confidence half-width over the measured "
                + "iterations of the one fork). Each ratio divides two scores of this run; its error "
                + "combines their relative errors in quadrature. The machine is shared and noisy: "
                + "read ratios, not absolute times, and distrust differences within the errors.\n\n");

        // Headline: issue 10's table.
        b.append("## Issue 10's figures\n\n");
        b.append("| figure | this run | target | met |\n|---|---|---|---|\n");
        String[] rosenN = {"10", "100", "1000", "100000"};
        List<String> cells = new ArrayList<>();
        boolean rosenMet = true;
        for (String n : rosenN) {
            Score a = get(s, "RosenbrockBench", "gradientInto", n);
            Score h = get(s, "RosenbrockBench", "handWritten", n);
            cells.add(ratio(a, h));
            rosenMet &= a != null && h != null && a.over(h).value <= 1.15;
        }
        b.append("| Rosenbrock, generated `into` / hand-written, n = 10 / 100 / 1,000 / 100,000 | ")
                .append(String.join(" / ", cells)).append(" | ≤ 1.15× | ").append(yes(rosenMet)).append(" |\n");
        cells.clear();
        boolean mlpMet = true;
        for (String shape : params(s, "MlpBench")) {
            Score r = ratioScore(get(s, "MlpBench", "gradientInto", shape), get(s, "MlpBench", "handWritten", shape));
            cells.add(shape + ": " + ratio(get(s, "MlpBench", "gradientInto", shape),
                    get(s, "MlpBench", "handWritten", shape)));
            mlpMet &= r != null && r.value <= 1.15;
        }
        b.append("| MLP loss, batch 32, generated `into` / hand backprop | ").append(String.join("<br>", cells))
                .append(" | ≤ 1.15× | ").append(yes(mlpMet && !cells.isEmpty())).append(" |\n");
        cells.clear();
        boolean gmmMet = true;
        List<String> gmmNames = params(s, "GmmBench");
        for (String inst : gmmNames) {
            Score r = ratioScore(get(s, "GmmBench", "gradientInto", inst), get(s, "GmmBench", "primal", inst));
            cells.add(inst + ": " + ratio(get(s, "GmmBench", "gradientInto", inst), get(s, "GmmBench", "primal", inst)));
            gmmMet &= r != null && r.value <= 3;
        }
        b.append("| ADBench GMM, gradient (`into`) / objective | ").append(String.join("<br>", cells))
                .append(" | ≤ 3× (ADBench's hand-written C++: 1.9–7.2×) | ").append(yes(gmmMet)).append(" |\n");
        cells.clear();
        List<String> gmmHand = new ArrayList<>();
        for (String inst : gmmNames) {
            gmmHand.add(inst + ": " + ratio(get(s, "GmmBench", "handWritten", inst), get(s, "GmmBench", "primal", inst)));
        }
        b.append("| (for reference) GMM hand-written adjoint / objective | ").append(String.join("<br>", gmmHand))
                .append(" | | |\n");
        boolean lstmMet = true;
        for (String inst : params(s, "LstmBench")) {
            Score r = ratioScore(get(s, "LstmBench", "gradientInto", inst), get(s, "LstmBench", "primal", inst));
            cells.add(inst + ": " + ratio(get(s, "LstmBench", "gradientInto", inst), get(s, "LstmBench", "primal", inst)));
            lstmMet &= r != null && r.value <= 3;
        }
        b.append("| ADBench LSTM, gradient (`into`) / objective | ").append(String.join("<br>", cells))
                .append(" | ≤ 3× | ").append(yes(lstmMet)).append(" |\n");
        cells.clear();
        Score hip = ratioScore(get(s, "RosenbrockPeers", "hipparchus", "100"), get(s, "RosenbrockBench", "gradientInto", "100"));
        b.append("| Hipparchus forward mode / Leibniz, Rosenbrock n = 100 | ")
                .append(ratio(get(s, "RosenbrockPeers", "hipparchus", "100"), get(s, "RosenbrockBench", "gradientInto", "100")))
                .append(" | keep ≥ 30× | ").append(yes(hip != null && hip.value >= 30)).append(" |\n");
        FirstCall.Bytes tape = firstCalls.get("GMM 1k-gmm_d10_K25");
        if (tape != null) {
            b.append("| first `into` call of a GMM d10 K25 gradient (workspace and tape) | ")
                    .append(bytes(tape.first())).append(" (hand-written adjoint's buffers: ")
                    .append(bytes(tape.hand())).append(") | what the reverse sweep truly needs | ")
                    .append(yes(tape.first() <= 10 * tape.hand())).append(" (")
                    .append(fmt((double) tape.first() / tape.hand())).append("× the hand-written's) |\n");
        }
        if (pt.getProperty("addedMs") != null) {
            double added = Double.parseDouble(pt.getProperty("addedMs"));
            b.append("| javac on ").append(pt.getProperty("methods")).append(" `@Differentiable` methods, time the processor adds | +")
                    .append(fmt(added / 1000)).append(" s (")
                    .append(fmt(Double.parseDouble(pt.getProperty("leibnizMs")) / Double.parseDouble(pt.getProperty("plainMs"))))
                    .append("× plain javac; warm, median of ").append(pt.getProperty("repetitions")).append(") | < 2 s | ")
                    .append(yes(added < 2000)).append(" |\n");
        }
        long worstWarm = 0;
        String worstWhat = "";
        for (var e : firstCalls.entrySet()) {
            if (e.getValue().second() > worstWarm) {
                worstWarm = e.getValue().second();
                worstWhat = e.getKey();
            }
        }
        b.append("| bytes allocated by a warm `into` call, every objective | ")
                .append(worstWarm == 0 ? "0 B" : bytes(worstWarm) + " (" + worstWhat + ")")
                .append(" | 0 B | ").append(yes(worstWarm == 0)).append(" |\n\n");
        b.append("Targets are issue 10's. “Met” compares the score alone, without its error; for the "
                + "first call's memory, “met” means within 10× of what the hand-written adjoint "
                + "allocates on its first call.\n\n");

        List<String> sizes = params(s, "JacobianBench");
        if (!sizes.isEmpty()) {
            b.append("## Issue 11: forward-mode Jacobian columns in one sweep\n\n")
                    .append("| outputs × inputs | all columns in one sweep / one tangent sweep per column "
                            + "| generated / hand-written (closed form) | Hipparchus / Leibniz |\n|---|---:|---:|---:|\n");
            for (String p : sizes) {
                Score into = get(s, "JacobianBench", "gradientInto", p);
                b.append("| ").append(p).append(" | ").append(ratio(into, get(s, "JacobianBench", "perColumn", p)))
                        .append(" | ").append(ratio(into, get(s, "JacobianBench", "handWritten", p)))
                        .append(" | ").append(ratio(get(s, "JacobianBench", "hipparchus", p), into)).append(" |\n");
            }
            b.append("\n“One tangent sweep per column” calls `tanhLayerTangentValue` once per unit "
                    + "direction, as `mJacobian` did before the columns shared the primal.\n\n");
        }

        // Per objective: times and ratios.
        b.append("## Time per call\n\n");
        for (String[] obj : OBJECTIVES) {
            List<String> ps = params(s, obj[1]);
            if (ps.isEmpty()) {
                continue;
            }
            b.append("### ").append(obj[0]).append("\n\n| ").append(obj[3]);
            for (String h : HEADERS) {
                b.append(" | ").append(h);
            }
            b.append(" |\n|---");
            for (int i = 0; i < HEADERS.length; i++) {
                b.append("|---:");
            }
            b.append("|\n");
            for (String p : ps) {
                b.append("| ").append(p);
                for (String m : METHODS) {
                    b.append(" | ").append(time(peer(s, obj, m, p)));
                }
                b.append(" |\n");
            }
            b.append("\n| ").append(obj[3]).append(" | generated / primal | hand-written / primal | "
                    + "generated / hand-written | fresh / `into` | Hipparchus / Leibniz | central differences / Leibniz |\n"
                    + "|---|---:|---:|---:|---:|---:|---:|\n");
            for (String p : ps) {
                Score into = peer(s, obj, "gradientInto", p);
                b.append("| ").append(p)
                        .append(" | ").append(ratio(into, peer(s, obj, "primal", p)))
                        .append(" | ").append(ratio(peer(s, obj, "handWritten", p), peer(s, obj, "primal", p)))
                        .append(" | ").append(ratio(into, peer(s, obj, "handWritten", p)))
                        .append(" | ").append(ratio(peer(s, obj, "gradientFresh", p), into))
                        .append(" | ").append(ratio(peer(s, obj, "hipparchus", p), into))
                        .append(" | ").append(ratio(peer(s, obj, "centralDifferences", p), into))
                        .append(" |\n");
            }
            b.append('\n');
        }
        b.append("“Leibniz” and “generated” are the `into` overload (a warm result object). For BA, a "
                + "call is the whole sparse Jacobian of ba1 (31,843 observations: two pullbacks of the "
                + "2-residual method and one gradient of the weight residual each). “–” is a peer not "
                + "run:\n\n").append(SKIPPED).append('\n');

        // Heap per call.
        b.append("## Heap per call\n\n`gc.alloc.rate.norm` of `-prof gc`: bytes allocated per "
                + "operation, averaged over the measured iterations.\n\n| benchmark | ");
        for (String h : HEADERS) {
            b.append(h).append(" | ");
        }
        b.append("\n|---|");
        for (int i = 0; i < HEADERS.length; i++) {
            b.append("---:|");
        }
        b.append('\n');
        for (String[] obj : OBJECTIVES) {
            for (String p : params(s, obj[1])) {
                b.append("| ").append(obj[0]).append(' ').append(p).append(" | ");
                for (String m : METHODS) {
                    Score v = peer(s, obj, m, p);
                    b.append(v == null ? "–" : bytes(v.allocBytes)).append(" | ");
                }
                b.append('\n');
            }
        }
        b.append("\nA warm `into` call should allocate nothing; a few bytes per operation there are "
                + "JMH's own measuring, spread over the operations. The first call on a new result "
                + "object allocates its workspace and tape; measured with the JVM's per-thread "
                + "counter (outputs of the hand-written adjoints are preallocated and not counted):\n\n"
                + "| objective | first `into` call | second call | hand-written adjoint, first call |\n"
                + "|---|---:|---:|---:|\n");
        for (var e : firstCalls.entrySet()) {
            b.append("| ").append(e.getKey()).append(" | ").append(bytes(e.getValue().first()))
                    .append(" | ").append(bytes(e.getValue().second())).append(" | ")
                    .append(bytes(e.getValue().hand())).append(" |\n");
        }

        // Processor time.
        b.append("\n## Processor time\n\n");
        if (pt.getProperty("addedMs") == null) {
            b.append("Not measured in this run.\n");
        } else {
            b.append("`ProcessorTime` writes one class of ").append(pt.getProperty("methods"))
                    .append(" `@Differentiable` methods (").append(pt.getProperty("sourceLines"))
                    .append(" lines; eight templates in the objectives' shapes: array loops, a tanh layer, "
                            + "straight-line math, branches, logsumexp, an LSTM cell calling a helper, a "
                            + "`double[]`-valued softmax, a procedure) and compiles it in-process with "
                            + "javax.tools, alternately with `-proc:none` and with the Leibniz processor. "
                            + "The companion has ").append(pt.getProperty("companionLines")).append(" lines.\n\n")
                    .append("| | plain javac | javac + Leibniz | added |\n|---|---:|---:|---:|\n")
                    .append("| warm, median of ").append(pt.getProperty("repetitions")).append(" (after ")
                    .append(pt.getProperty("warmup")).append(" warm-up pairs) | ")
                    .append(pt.getProperty("plainMs")).append(" ms | ").append(pt.getProperty("leibnizMs"))
                    .append(" ms | +").append(pt.getProperty("addedMs")).append(" ms |\n")
                    .append("| cold (first compilation in the JVM) | ").append(pt.getProperty("coldPlainMs"))
                    .append(" ms | ").append(pt.getProperty("coldLeibnizMs")).append(" ms | +")
                    .append(fmt(Double.parseDouble(pt.getProperty("coldLeibnizMs"))
                            - Double.parseDouble(pt.getProperty("coldPlainMs"))))
                    .append(" ms |\n\nAll warm runs (ms): plain ").append(pt.getProperty("plainAllMs"))
                    .append("; with Leibniz ").append(pt.getProperty("leibnizAllMs")).append(".\n");
        }
        Files.writeString(md, b.toString());
        System.out.println("wrote " + md);
    }

    private static Score ratioScore(Score a, Score b) {
        return a == null || b == null ? null : a.over(b);
    }

    private static String yes(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static String fmtInt(Object o) {
        return o instanceof Double d ? String.valueOf(d.intValue()) : String.valueOf(o);
    }
}
