package dev.leibniz.processor.transform;

import dev.leibniz.processor.analysis.Activity;
import dev.leibniz.processor.ir.Compute;
import dev.leibniz.processor.ir.Func;
import dev.leibniz.processor.ir.Load;
import dev.leibniz.processor.ir.Loop;
import dev.leibniz.processor.ir.Opaque;
import dev.leibniz.processor.ir.Return;
import dev.leibniz.processor.ir.Stmt;
import dev.leibniz.processor.ir.Var;
import dev.leibniz.processor.ir.Walk;
import dev.leibniz.processor.rules.Partials;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A loop whose reverse runs inside its forward sweep, each iteration's reverse right after the
 * iteration, instead of in a second pass over the iterations backwards: one pass over the data,
 * nothing kept for later, nothing loaded or computed again.
 *
 * <p>In general the reverse of iteration {@code i} needs adjoints that iterations after {@code i}
 * and the code after the loop make, and the forward values of iteration {@code i}. A loop
 * qualifies when neither is a problem, which {@link #find} checks statement by statement:
 * <ol>
 *   <li><b>The adjoints coming in are known before the loop starts.</b> The loop is the last
 *       statement of the method with a reverse: after it come only steps without a derivative
 *       and then the method's one {@code return r}. So the adjoint of {@code r} after the loop is
 *       the seed, and that of every other value the loop leaves is zero.
 *   <li><b>No iteration's reverse reads what a later one's writes.</b> Every value with a
 *       derivative that the body makes is made fresh in each iteration (defined once, read only
 *       after), except {@code r}, which the body only sums into ({@code r = r + t},
 *       {@code r = t + r}, {@code r = r - t}): the adjoint of such a sum passes {@code r}'s adjoint on
 *       unchanged, so it is the seed in every iteration, and nothing else in the body adds to it.
 *       Adjoints of array elements are only added to (the body stores into no array).
 *   <li><b>The reverse reads the iteration's own values where they are.</b> The body is straight
 *       line code (steps, loads, black-box Java: no branch, inner loop, call, store, exit or row),
 *       and every value its reverse reads still holds, at the end of the iteration, what it held
 *       when read: made before the loop and not changed by it, made once in this iteration
 *       before it is read, or the counted loop's own index (which the header changes only after
 *       the body).
 * </ol>
 * Reordering the reverse this way changes only the order in which contributions are added into
 * an adjoint, as any reverse sweep may.
 */
final class Fusion {
    /** Bodies longer than this are left alone: the fused method repeats the loop for the value alone. */
    static final int MAX_STATEMENTS = 200;
    /** A sum of the marked terms (\u0001 the index, \u0002 the symbol) and small integers. */
    private static final java.util.regex.Pattern SUM_OF_TERMS =
            java.util.regex.Pattern.compile("[-+]?(\u0001|\u0002|\\d{1,6})([-+](\u0001|\u0002|\\d{1,6}))*");

    private Fusion() {}

    /** The method's fused loop, or null when none qualifies. */
    static Loop find(Func f, Activity activity, Layout layout) {
        if (f.isProcedure() || f.returnsArray()) {
            return null;
        }
        List<Stmt> top = f.body().stmts();
        int[] returns = {0};
        Walk.statements(f.body(), s -> returns[0] += s instanceof Return ? 1 : 0);
        if (returns[0] != 1 || top.isEmpty() || !(top.get(top.size() - 1) instanceof Return ret)
                || !(ret.value() instanceof Var result) || !activity.isActive(result)) {
            return null;
        }
        Loop loop = null;
        for (int k = top.size() - 2; k >= 0 && loop == null; k--) {
            Stmt s = top.get(k);
            if (s instanceof Loop l) {
                loop = l;
            } else if (!(s instanceof Compute || s instanceof Load || s instanceof Opaque) || layout.acts(s)) {
                return null; // code after the loop whose reverse would come before the loop's
            }
        }
        if (loop == null || !straightLine(loop) || !pureCondition(loop)) {
            return null;
        }
        List<Stmt> body = loop.body().stmts();
        boolean acting = false;
        for (Stmt s : body) {
            acting |= layout.acts(s);
            Var t = Layout.target(s);
            if (t != null && activity.isActive(t) && !freshEachIteration(t, loop, layout)
                    && !(t == result && sumsInto(s, result))) {
                return null; // a value carried to the next iteration whose adjoint the later iterations change
            }
            if (layout.contributions.getOrDefault(s, java.util.Set.of()).contains(result) && !sumsInto(s, result)) {
                return null; // something else adds to the result's adjoint: it would differ from iteration to iteration
            }
        }
        if (!acting) {
            return null;
        }
        for (int k = 0; k < body.size(); k++) {
            Stmt s = body.get(k);
            if (!layout.acts(s)) {
                continue;
            }
            List<Var> reads = new ArrayList<>(layout.reads(s));
            if (layout.readsResult(s)) {
                reads.add(Layout.target(s));
            }
            for (Var v : reads) {
                if (!layout.definedIn(v, loop) || loop.counted() != null && v == loop.counted().index()) {
                    continue; // the body never changes it
                }
                int def = body.indexOf(layout.definition(v));
                if (!freshEachIteration(v, loop, layout) || def < 0 || def > k) {
                    return null; // by the end of the iteration it may hold another value
                }
            }
        }
        return loop;
    }

    /**
     * Where a load reads: the fused loop's index plus {@code constant}, plus {@code symbol} (a
     * variable the loop does not change) unless that is null.
     */
    record Offset(Var symbol, int constant) {}

    /**
     * The offset of every load of {@code p} in the fused loop whose reverse adds to p's adjoint,
     * or null unless all of them have one and share its symbol, and the loop counts by 1 or -1
     * from a start it does not change. Then iteration j reaches exactly the elements
     * {@code start + symbol + step·j + c} for the constants c, and nothing else in the loop's
     * reverse touches p's adjoint: an element's first contribution can be an assignment (see
     * ReverseTransform.fusedSection).
     */
    static Map<Load, Offset> offsets(Loop l, Var p, Layout layout, Activity activity) {
        Loop.Counted c = l.counted();
        if (c == null || Math.abs(c.step()) != 1
                || p.type() != dev.leibniz.processor.ir.Type.DOUBLE_ARRAY && p.type() != dev.leibniz.processor.ir.Type.FLOAT_ARRAY
                || c.start() instanceof Var start && layout.definedIn(start, l)) {
            return null;
        }
        Map<Load, Offset> out = new java.util.LinkedHashMap<>();
        for (Stmt s : l.body().stmts()) {
            if (!(s instanceof Load ld) || ld.array() != p || !layout.acts(ld)) {
                continue;
            }
            Offset o = ld.index().size() == 1 ? offset(ld.index().get(0), l, layout) : null;
            if (o == null || !out.isEmpty() && out.values().iterator().next().symbol() != o.symbol()) {
                return null;
            }
            out.put(ld, o);
        }
        return out.isEmpty() ? null : out;
    }

    private static Offset offset(dev.leibniz.processor.ir.Operand index, Loop l, Layout layout) {
        Var i = l.counted().index();
        if (index == i) {
            return new Offset(null, 0);
        }
        if (!(index instanceof Var k) || !freshEachIteration(k, l, layout)
                || !(layout.definition(k) instanceof Opaque def)) {
            return null;
        }
        // i + 1, i - 2, 3 + i, off + i, i + off - 1: the index once, one other int variable at most, int literals
        // (the markers \u0001 and \u0002 stand for them: no Java text holds those characters)
        StringBuilder text = new StringBuilder();
        Var symbol = null;
        for (Object part : def.code().parts()) {
            if (part == i) {
                text.append(" \u0001 ");
            } else if (part instanceof Var v) {
                if (symbol != null || v.type() != dev.leibniz.processor.ir.Type.INT || layout.definedIn(v, l)) {
                    return null;
                }
                symbol = v;
                text.append(" \u0002 ");
            } else {
                text.append((String) part);
            }
        }
        String t = text.toString().replace(" ", "");
        if (!SUM_OF_TERMS.matcher(t).matches()) {
            return null;
        }
        int constant = 0;
        int indexes = 0;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([-+]?)(\u0001|\u0002|\\d+)").matcher(t);
        while (m.find()) {
            boolean minus = m.group(1).equals("-");
            switch (m.group(2)) {
                case "\u0001" -> {
                    if (minus) {
                        return null;
                    }
                    indexes++;
                }
                case "\u0002" -> {
                    if (minus) {
                        return null;
                    }
                }
                default -> constant += (minus ? -1 : 1) * Integer.parseInt(m.group(2));
            }
        }
        return indexes == 1 ? new Offset(symbol, constant) : null;
    }

    /** {@code .length}, then nothing or minus an int literal: the rest of a bound {@code a.length - c}. */
    private static final java.util.regex.Pattern LENGTH_MINUS =
            java.util.regex.Pattern.compile("\\.length\\s*(?:-\\s*(\\d{1,6}))?\\s*");

    /**
     * Whether the fused loop's last iteration reaches {@code p}'s last element through a load at
     * offset {@code max}, so no element past the iterations' reach is left to zero: the loop counts
     * up by 1 to {@code p.length - c} ({@code i < p.length - c}, or {@code i <= p.length - c - 1})
     * with {@code c <= max}, and nothing in the method assigns {@code p} another array. The loop
     * then runs {@code max(0, p.length - c - start)} times and reaches {@code start + trips + max},
     * which is at least {@code p.length} whether or not it runs at all. (A fused loop has no exit.)
     */
    static boolean reachesEnd(Loop l, Var p, int max, Layout layout) {
        TripCounts.Header h = TripCounts.of(l);
        if (h == null || l.counted().step() != 1 || layout.definitionCount(p) > 0) {
            return false;
        }
        // The bound's parts: p, then text only (the literals may come as pieces of their own).
        List<Object> parts = h.bound().parts();
        int at = parts.indexOf(p);
        if (at < 0) {
            return false;
        }
        StringBuilder rest = new StringBuilder();
        for (int k = 0; k < parts.size(); k++) {
            Object part = parts.get(k);
            if (k < at ? !(part instanceof String text && text.isBlank()) : k > at && !(part instanceof String)) {
                return false;
            }
            if (k > at) {
                rest.append((String) part);
            }
        }
        java.util.regex.Matcher m = LENGTH_MINUS.matcher(rest);
        if (!m.matches()) {
            return false;
        }
        int c = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        if (h.op().equals("<=")) {
            c--;
        }
        return c <= max;
    }

    /** Steps, loads and black-box Java only, none of them taking a row. */
    private static boolean straightLine(Loop l) {
        if (l.body().stmts().size() > MAX_STATEMENTS) {
            return false;
        }
        for (Stmt s : l.body().stmts()) {
            if (!(s instanceof Compute || s instanceof Load || s instanceof Opaque)) {
                return false;
            }
            if (s instanceof Load ld && ld.array().kind() == Var.Kind.VIEW) {
                return false; // its adjoint is bound at the top of the reverse of the block that took the row
            }
        }
        return true;
    }

    /** A loop condition that changes no variable (it is evaluated between the fused iterations). */
    private static boolean pureCondition(Loop l) {
        if (l.condition() == null) {
            return true;
        }
        for (String t : l.condition().text()) {
            if (t.contains("++") || t.contains("--") || t.matches("(?s).*[^<>=!]=[^=].*") || t.startsWith("=")) {
                return false;
            }
        }
        return true;
    }

    /** Defined once, in this loop's body itself, and not carried from one iteration to the next. */
    private static boolean freshEachIteration(Var v, Loop l, Layout layout) {
        // (not Var.isMutable: every variable declared in a loop is, being one location for all iterations)
        return (v.kind() == Var.Kind.LOCAL || v.kind() == Var.Kind.TEMP) && !v.isCarried()
                && layout.definitionCount(v) == 1 && layout.home.get(v) == l.body();
    }

    /** {@code r = r + t}, {@code r = t + r} or {@code r = r - t}: r once among the operands, with partial 1. */
    static boolean sumsInto(Stmt s, Var r) {
        if (!(s instanceof Compute c) || c.target() != r) {
            return false;
        }
        int found = -1;
        for (int i = 0; i < c.args().size(); i++) {
            if (c.args().get(i) == r) {
                if (found >= 0) {
                    return false;
                }
                found = i;
            }
        }
        return found >= 0 && "1".equals(Partials.of(c, found));
    }
}
