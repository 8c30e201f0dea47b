package dev.leibniz.processor.transform;

import dev.leibniz.processor.ir.Break;
import dev.leibniz.processor.ir.Loop;
import dev.leibniz.processor.ir.Return;
import dev.leibniz.processor.ir.Template;
import dev.leibniz.processor.ir.Type;
import dev.leibniz.processor.ir.Var;
import dev.leibniz.processor.ir.Walk;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trip count of a counted loop nested in another, computed again in the reverse sweep from
 * the loop's header ({@code for (int j = i + 1; j < d; j++)} runs {@code max(0, d - (i + 1))}
 * times) instead of pushed after every run of the loop and popped before its reverse. That holds
 * when the body cannot leave the loop early and the bound is integer arithmetic over values the
 * reverse sweep has as they were ({@link Layout} decides which), so it counts the same.
 */
final class TripCounts {
    private TripCounts() {}

    /** The header's comparison ({@code <}, {@code <=}, {@code >}, {@code >=}) and what the index is compared with. */
    record Header(String op, Template bound) {}

    private static final Pattern COMPARISON = Pattern.compile("^\\s*(<=|>=|<|>)(?![=<>])");
    /** What the bound's text may hold between its variables: int literals and arithmetic. */
    private static final Pattern ARITHMETIC = Pattern.compile("[\\s\\d+\\-*/()]*");

    /** {@code index op bound}, or null when the loop's condition is anything else or its body may exit early. */
    static Header of(Loop l) {
        Loop.Counted c = l.counted();
        if (c == null || l.doWhile() || l.condition() == null || exits(l)) {
            return null;
        }
        List<Object> parts = l.condition().parts();
        if (parts.size() < 2 || parts.get(0) != c.index() || !(parts.get(1) instanceof String first)) {
            return null;
        }
        Matcher m = COMPARISON.matcher(first);
        if (!m.find() || c.step() > 0 != m.group(1).startsWith("<")) {
            return null; // a loop counting away from its bound never ends, or never starts
        }
        List<Object> bound = new ArrayList<>();
        bound.add(first.substring(m.end()));
        for (Object p : parts.subList(2, parts.size())) { // adjacent texts as one ("]" ".length" is "].length")
            if (p instanceof String text && bound.get(bound.size() - 1) instanceof String before) {
                bound.set(bound.size() - 1, before + text);
            } else {
                bound.add(p);
            }
        }
        for (int k = 0; k < bound.size(); k++) {
            Object p = bound.get(k);
            if (p instanceof Var v) {
                if (v == c.index() || v.type() != Type.INT && !measured(bound, k) && !rowMeasured(bound, k)) {
                    return null;
                }
            } else {
                String text = (String) p;
                if (k > 0 && bound.get(k - 1) instanceof Var v && v.type() != Type.INT) {
                    if (!measured(bound, k - 1)) {
                        continue; // the "[" of m[r].length, checked by rowMeasured
                    }
                    text = text.substring(".length".length());
                } else if (k > 2 && rowMeasured(bound, k - 3)) {
                    text = text.substring(ROW_LENGTH.length());
                }
                if (!ARITHMETIC.matcher(text).matches()) {
                    return null;
                }
            }
        }
        return new Header(m.group(1), new Template(bound));
    }

    /** The trip count as Java text, from the start and bound as rendered where the reverse sweep reads them. */
    static String formula(Header h, String start, int step) {
        String bound = operand(h.bound().render().trim());
        String from = start.equals("0") ? "" : " - " + operand(start);
        String span = h.op().startsWith("<") ? "(long) " + bound + from : "(long) " + operand(start) + " - " + bound;
        if (h.op().endsWith("=")) {
            span += " + 1";
        }
        int stride = Math.abs(step);
        String count = stride == 1 ? span : "(" + span + " + " + (stride - 1) + ") / " + stride;
        return "(int) Math.max(0L, " + count + ")";
    }

    /** Java text as an operand of a cast or a subtraction: parenthesised unless a name or a length. */
    private static String operand(String text) {
        return text.matches("[\\w$.]+") ? text : "(" + text + ")";
    }

    /** Whether the variable at k is an array the bound only measures ({@code a.length}). */
    private static boolean measured(List<Object> bound, int k) {
        Var v = (Var) bound.get(k);
        return v.javaType().endsWith("]") && k + 1 < bound.size() && bound.get(k + 1) instanceof String s
                && s.startsWith(".length") && (s.length() == 7 || !Character.isJavaIdentifierPart(s.charAt(7)));
    }

    private static final String ROW_LENGTH = "].length";

    /**
     * Whether the bound's part k is a matrix whose row, at an int variable, is measured: {@code m[r].length}.
     * The reverse sweep measures the same row only if no step replaces a row of m ({@link #rowsMeasured}).
     */
    private static boolean rowMeasured(List<Object> bound, int k) {
        return k + 3 < bound.size() && bound.get(k) instanceof Var m && m.type() == Type.DOUBLE_MATRIX
                && "[".equals(bound.get(k + 1)) && bound.get(k + 2) instanceof Var r && r.type() == Type.INT
                && bound.get(k + 3) instanceof String s && s.startsWith(ROW_LENGTH)
                && (s.length() == ROW_LENGTH.length() || !Character.isJavaIdentifierPart(s.charAt(ROW_LENGTH.length())));
    }

    /** The matrices whose rows the header measures ({@code m[r].length}). */
    static List<Var> rowsMeasured(Header h) {
        List<Var> out = new ArrayList<>();
        List<Object> parts = h.bound().parts();
        for (int k = 0; k < parts.size(); k++) {
            if (rowMeasured(parts, k)) {
                out.add((Var) parts.get(k));
            }
        }
        return out;
    }

    /** Whether l's body may leave it early: a return anywhere in it, a break not inside a loop nested in it. */
    private static boolean exits(Loop l) {
        boolean[] found = {false};
        Walk.statements(l.body(), s -> found[0] |= s instanceof Return);
        return found[0] || breaks(l.body());
    }

    /** A break that leaves the loop whose body b is (or is part of): one outside the loops nested in b. */
    private static boolean breaks(dev.leibniz.processor.ir.Block b) {
        for (dev.leibniz.processor.ir.Stmt s : b.stmts()) {
            if (s instanceof Break || s instanceof dev.leibniz.processor.ir.If i && (breaks(i.then()) || breaks(i.otherwise()))) {
                return true;
            }
        }
        return false;
    }
}
