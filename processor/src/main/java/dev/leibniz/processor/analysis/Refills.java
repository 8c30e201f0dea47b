package dev.leibniz.processor.analysis;

import dev.leibniz.processor.ir.ArrayNew;
import dev.leibniz.processor.ir.Block;
import dev.leibniz.processor.ir.Call;
import dev.leibniz.processor.ir.Compute;
import dev.leibniz.processor.ir.Const;
import dev.leibniz.processor.ir.Func;
import dev.leibniz.processor.ir.If;
import dev.leibniz.processor.ir.Loop;
import dev.leibniz.processor.ir.Opaque;
import dev.leibniz.processor.ir.Operand;
import dev.leibniz.processor.ir.Placed;
import dev.leibniz.processor.ir.RowView;
import dev.leibniz.processor.ir.Stmt;
import dev.leibniz.processor.ir.Var;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Snapshots the reverse sweep can do without: an array a call reads (or left) that one earlier
 * call of a procedure fills in full from values still at hand in the reverse sweep, so the
 * reverse sweep calls that procedure's value method again, into a buffer, instead of popping a
 * copy from the tape. In ADBench's GMM, {@code subtract(d, x, ix * d, means, ik * d, xcentered)}
 * before {@code qtimesx(..., xcentered, ...)}: d subtractions again instead of d numbers pushed
 * and popped per point and component (measured 5–7 % faster, half the tape).
 *
 * <p>It must give exactly the values the copy would hold, so every condition is checked:
 * <ul>
 *   <li>the array is a local made once ({@code new double[n]}), and the procedure's call (the
 *       writer) is the only statement anywhere that writes it: no store, no other call, no
 *       black-box code it escapes to;</li>
 *   <li>the writer fills it in full: its own loop writes {@code out[0 .. p-1]} ({@link Fills})
 *       and the caller passes for {@code p} the very {@code n} the array was made with;</li>
 *   <li>the writer comes before the call in the same block, so it ran right before it;</li>
 *   <li>its other arguments are at hand in the reverse sweep: arrays the method never writes,
 *       parameters it never assigns, the index of a loop rebuilt around both, or an arithmetic
 *       step over those, computed inline;</li>
 *   <li>it has a value method and is not recorded (its call site's tape is not to be touched),
 *       is static, and writes only that array.</li>
 * </ul>
 */
public final class Refills {
    private Refills() {}

    /**
     * How to compute a snapshot's array again.
     *
     * @param writer the call that fills it
     * @param output the position of the array among the writer's arguments
     * @param length the length it was made with
     * @param steps the writer's arguments made by one arithmetic step ({@code ix * d}: a {@link Compute} or
     *     black-box integer arithmetic), which the reverse sweep computes inline
     */
    public record Refill(Call writer, int output, Operand length, Map<Var, Stmt> steps) {}

    /**
     * The snapshots of {@code snapshots} that can be computed again, per call and argument position.
     *
     * @param atHand whether a variable holds, at the reverse of the given call, what it held when
     *     the call ran (for a loop index: the loop is rebuilt)
     */
    public static Map<Call, Map<Integer, Refill>> of(Func f, Activity activity, Map<Call, Set<Integer>> snapshots,
            BiPredicate<Var, Call> atHand) {
        Map<Call, Map<Integer, Refill>> out = new LinkedHashMap<>();
        if (snapshots.isEmpty()) {
            return out;
        }
        List<Placed> all = Placed.of(f.body(), null);
        for (var e : snapshots.entrySet()) {
            Call k = e.getKey();
            for (int i : e.getValue()) {
                Refill r = refill(f, activity, all, k, i, atHand);
                if (r != null) {
                    out.computeIfAbsent(k, x -> new LinkedHashMap<>()).put(i, r);
                }
            }
        }
        return out;
    }

    private static Refill refill(Func f, Activity activity, List<Placed> all, Call k, int i,
            BiPredicate<Var, Call> atHand) {
        if (!(k.args().get(i) instanceof Var a) || a.base() != a || a.kind() == Var.Kind.PARAM || k.writes(i)
                || a.type() != dev.leibniz.processor.ir.Type.DOUBLE_ARRAY) {
            return null;
        }
        ArrayNew made = null;
        Call writer = null;
        int news = 0;
        int writes = 0;
        for (Placed p : all) {
            Stmt s = p.stmt();
            if (s instanceof ArrayNew n && n.target() == a) {
                made = n;
                news++;
            } else if (written(s, a) || s instanceof Opaque o && o.target() == a
                    || s instanceof RowView r && r.parent() == a) {
                writer = s instanceof Call c ? c : null;
                writes++;
            }
        }
        if (news != 1 || made.dims().size() != 1 || writer == null || writes != 1 || writer.receiver() != null
                || writer.callee().value() == null || writer.callee().rule() != null || writer.callee().outputs().size() != 1
                || !sameBlockBefore(f.body(), writer, k)) {
            return null;
        }
        int output = writer.callee().outputs().get(0);
        Integer bound = writer.callee().fills().get(output);
        // (a fill to the output's own length reads none of its elements, Fills checked: outputsRead counts lengths)
        if (writer.args().get(output) != a || bound == null || bound != output
                && (writer.callee().outputsRead().contains(output) || !same(writer.args().get(bound), made.dims().get(0)))) {
            return null;
        }
        Placed at = placed(all, writer);
        if (ArrayWrites.recorded(writer, !at.loops().isEmpty(), activity)) {
            return null;
        }
        Map<Var, Stmt> steps = new HashMap<>();
        for (int j = 0; j < writer.args().size(); j++) {
            Operand o = writer.args().get(j);
            if (j == output || o instanceof Const) {
                continue;
            }
            Var v = (Var) o;
            if (v.type().isFloatingArray() || v.type() == dev.leibniz.processor.ir.Type.DOUBLE_MATRIX) {
                if (v.base().kind() != Var.Kind.PARAM || all.stream().anyMatch(p -> written(p.stmt(), v.base()))) {
                    return null;
                }
            } else if (!steady(f, all, v, k, at, atHand)) {
                Stmt step = onlyDefinition(all, v);
                List<Operand> operands = step instanceof Compute c ? c.args()
                        : step instanceof Opaque black ? List.copyOf(black.code().vars()) : null;
                if (operands == null || !operands.stream().allMatch(x -> x instanceof Const
                        || x instanceof Var w && steady(f, all, w, k, at, atHand))) {
                    return null;
                }
                steps.put(v, step);
            }
        }
        Operand length = made.dims().get(0);
        if (length instanceof Var n && !steady(f, all, n, k, at, atHand)) {
            return null;
        }
        return new Refill(writer, output, length, steps);
    }

    /** A parameter never assigned, or the index of a loop around the writer that the reverse sweep rebuilds. */
    private static boolean steady(Func f, List<Placed> all, Var v, Call k, Placed writer, BiPredicate<Var, Call> atHand) {
        if (v.kind() == Var.Kind.PARAM && !v.type().isFloatingArray() && !assigned(all, v)) {
            return true;
        }
        for (Loop l : writer.loops()) {
            if (l.counted() != null && l.counted().index() == v) {
                return atHand.test(v, k);
            }
        }
        return false;
    }

    private static boolean same(Operand x, Operand y) {
        return x == y || x instanceof Const c && y instanceof Const d && c.text().equals(d.text());
    }

    /** Whether some block holds both, the writer first. */
    private static boolean sameBlockBefore(Block b, Stmt writer, Stmt k) {
        int w = b.stmts().indexOf(writer);
        int c = b.stmts().indexOf(k);
        if (w >= 0 || c >= 0) {
            return w >= 0 && c > w;
        }
        for (Stmt s : b.stmts()) {
            if (s instanceof If i && (sameBlockBefore(i.then(), writer, k) || sameBlockBefore(i.otherwise(), writer, k))
                    || s instanceof Loop l && sameBlockBefore(l.body(), writer, k)) {
                return true;
            }
        }
        return false;
    }

    private static Placed placed(List<Placed> all, Stmt s) {
        return all.stream().filter(p -> p.stmt() == s).findFirst().orElseThrow();
    }

    /** The one statement defining v, if it is a step or black-box arithmetic (no call, no assignment). */
    private static Stmt onlyDefinition(List<Placed> all, Var v) {
        Stmt found = null;
        int defs = 0;
        for (Placed p : all) {
            if (defines(p.stmt(), v)) {
                defs++;
                found = p.stmt() instanceof Compute c && c.target() == v ? c
                        : p.stmt() instanceof Opaque o && o.target() == v && o.writes().isEmpty() && arithmetic(o) ? o
                        : null;
            }
        }
        return defs == 1 ? found : null;
    }

    /** Operators, literals and variables only. */
    private static boolean arithmetic(Opaque o) {
        for (Object part : o.code().parts()) {
            if (part instanceof String text && !ARITHMETIC.matcher(text).matches()) {
                return false;
            }
        }
        return true;
    }

    private static final java.util.regex.Pattern ARITHMETIC = java.util.regex.Pattern.compile("[\\s\\d+\\-*/%]*");

    private static boolean assigned(List<Placed> all, Var v) {
        return all.stream().anyMatch(p -> defines(p.stmt(), v));
    }

    /** Whether the statement assigns v: its result, black-box code writing it, a loop's index or a branch's merge. */
    static boolean defines(Stmt s, Var v) {
        return Stmt.target(s) == v || s instanceof Opaque o && o.writes().containsKey(v)
                || s instanceof Loop l && l.counted() != null && l.counted().index() == v
                || s instanceof If i && i.phis().contains(v);
    }

    /** Whether the statement may change the array's elements: a store, a call's output, black-box code it reaches. */
    private static boolean written(Stmt s, Var array) {
        return ArrayWrites.writes(s, array)
                || s instanceof Opaque o && (o.writes().containsKey(array) || o.code().escaping().contains(array));
    }
}
