package dev.leibniz.processor.transform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * A method's sweep split in two for callers that call it in a loop: {@code mRecord} runs the
 * forward sweep in the caller's forward sweep, leaving on the tape of the call site's result
 * object what the reverse sweep reads (what the forward sweep saves, then the locals the reverse
 * sweep names); {@code mReplay} takes those back in the caller's reverse sweep and runs the
 * reverse sweep alone. So the callee's forward sweep runs once per call, not once more in the
 * caller's reverse sweep. Each call site's result object keeps its own tape, which its records
 * fill and its replays, in the reverse order, empty.
 *
 * @param record the body of {@code mRecord}
 * @param replay the body of {@code mReplay}
 * @param reads the parameters whose values the replay reads (which a caller must hand it as they
 *     were when the record ended)
 */
public record SplitSweeps(List<Code> record, List<Code> replay, Set<String> reads) {

    /** {@code Type name = ...}. */
    private static final java.util.regex.Pattern DECLARATION =
            java.util.regex.Pattern.compile("[A-Za-z_$][\\w$.]*(\\[\\])* [A-Za-z_$][\\w$]* = .*");

    /**
     * Splits a sweep, or null when some local the reverse sweep reads cannot go to the tape.
     *
     * @param prelude what both parts start with (workspace, tape, call sites)
     * @param tapeLine the prelude's line taking the tape, emptied, which both parts take as it is instead
     * @param recordTape that line for the record (which records only when its caller does)
     * @param replayTape that line for the replay
     * @param forward the forward sweep
     * @param reverse the reverse sweep and what ends the method, without the lines that report the value
     * @param valueEnd for a method that returns a value, the lines ending the record with it; else empty
     * @param workspace the name of the workspace local
     * @param tape the name of the tape local
     * @param slots new workspace buffer numbers
     */
    static SplitSweeps of(List<Code> prelude, Code tapeLine, Code recordTape, Code replayTape, List<Code> forward,
            List<Code> reverse,
            List<Code> valueEnd, String workspace, String tape, IntSupplier slots) {
        // The locals the forward sweep declares at its top, with their types, that the reverse sweep names.
        Map<String, String> top = new LinkedHashMap<>();
        Map<String, String> initial = new LinkedHashMap<>();
        for (Code c : forward) {
            if (c instanceof Code.Line l) {
                Statement st = Statement.of(l.code());
                if (st.declares() && st.defines() != null) {
                    String code = l.code().trim();
                    int eq = code.indexOf(" = ");
                    String lhs = eq < 0 ? code : code.substring(0, eq);
                    top.put(st.defines(), lhs.substring(0, lhs.lastIndexOf(' ')).trim());
                    initial.put(st.defines(), eq < 0 ? "" : code.substring(eq + 3));
                } else if (declaresWithCall(l.code())) {
                    String code = l.code().trim();
                    String lhs = code.substring(0, code.indexOf(" = "));
                    String name = lhs.substring(lhs.lastIndexOf(' ') + 1);
                    top.put(name, lhs.substring(0, lhs.lastIndexOf(' ')).trim());
                    initial.put(name, code.substring(code.indexOf(" = ") + 3));
                }
            }
        }
        Set<String> named = ForwardPruning.mentioned(reverse);
        List<Code> pushes = new ArrayList<>();
        List<Code> pops = new ArrayList<>();
        for (var e : top.entrySet()) {
            String name = e.getKey();
            if (!named.contains(name) && !named.contains("#" + name)) {
                continue;
            }
            String type = e.getValue();
            String pop;
            String push = tape + ".push(" + name + ")";
            switch (type) {
                case "double" -> pop = tape + ".popDouble()";
                case "float" -> pop = "(float) " + tape + ".popDouble()";
                case "int" -> pop = tape + ".popInt()";
                case "long" -> pop = tape + ".popLong()";
                case "boolean" -> pop = tape + ".popBoolean()";
                case "double[]" -> {
                    if (!initial.get(name).startsWith(workspace + ".doubles(")) {
                        return null; // an array the forward sweep did not make in a buffer of its own
                    }
                    push = tape + ".pushAll(" + name + ")";
                    pop = workspace + ".popAll(" + slots.getAsInt() + ", " + tape + ")";
                }
                default -> {
                    return null;
                }
            }
            pushes.add(new Code.Line(push, "for the replay"));
            pops.add(0, new Code.Line(type + " " + name + " = " + pop, "as the record left it"));
        }
        List<Code> record = new ArrayList<>();
        List<Code> replay = new ArrayList<>();
        for (Code c : prelude) {
            record.add(c == tapeLine ? recordTape : c);
            replay.add(c == tapeLine ? replayTape : c);
        }
        record.addAll(forward);
        record.addAll(pushes);
        record.addAll(valueEnd);
        replay.addAll(pops);
        replay.addAll(reverse);
        Set<String> reads = new HashSet<>();
        for (String n : named) {
            if (!n.startsWith("#")) {
                reads.add(n);
            }
        }
        return new SplitSweeps(record, replay, reads);
    }

    /** {@code T name = call(...)}: a declaration that {@link Statement} keeps as a call. */
    private static boolean declaresWithCall(String code) {
        return DECLARATION.matcher(code).matches();
    }
}
