package dev.leibniz.processor.analysis;

import dev.leibniz.processor.diag.Unsupported;
import dev.leibniz.processor.ir.ArrayNew;
import dev.leibniz.processor.ir.Call;
import dev.leibniz.processor.ir.Func;
import dev.leibniz.processor.ir.Loop;
import dev.leibniz.processor.ir.Placed;
import dev.leibniz.processor.ir.Stmt;
import dev.leibniz.processor.ir.Store;
import dev.leibniz.processor.ir.Type;
import dev.leibniz.processor.ir.Var;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Availability of the arrays a call reads. A call's derivative is computed again in the reverse
 * sweep from the call's arguments, so the arrays it is passed must hold then what the call saw.
 * An array still does when nothing writes it after the call (nor in a loop around the call that
 * keeps the same array); else the forward sweep saves a copy of its values on the tape just
 * before the call (a snapshot) and the reverse sweep hands the callee that copy. A snapshot is
 * also taken of every array the call itself writes (a procedure's outputs: its derivative needs
 * their values on entry) and of an array made anew in each iteration of a loop, which then lives
 * in one reused buffer instead of a new array per iteration.
 */
public final class ArrayWrites {
    private ArrayWrites() {}

    /** Per call whose derivative is needed, the positions of the array arguments it needs a snapshot of. */
    public static Map<Call, Set<Integer>> snapshots(Func f, Activity activity) throws Unsupported {
        List<Placed> all = Placed.of(f.body(), null);
        Map<Call, Set<Integer>> out = new LinkedHashMap<>();
        for (Placed call : all) {
            if (!(call.stmt() instanceof Call k) || k.callee().pullback() == null && k.callee().rule() == null
                    || !activity.acts(k)) {
                continue;
            }
            for (int i = 0; i < k.args().size(); i++) {
                if (!(k.args().get(i) instanceof Var passed) || !passed.type().isFloatingArray()) {
                    continue;
                }
                String why = recorded(k, !call.loops().isEmpty(), activity) ? whyCopyAfter(k, i, passed.base(), call, all)
                        : whySnapshot(k, i, passed.base(), call, all);
                if (why == null) {
                    continue;
                }
                if (passed.type() == Type.DOUBLE_MATRIX) {
                    throw new Unsupported(k.tree(), "the matrix '" + passed.baseName() + "' is passed to '"
                            + k.callee().description() + "' and " + why + "; its derivative is computed later from the "
                            + "values the call saw, and Leibniz keeps copies of double[] arguments only, so finish "
                            + "writing the matrix before the call, or pass its rows");
                }
                out.computeIfAbsent(k, x -> new TreeSet<>()).add(i);
            }
        }
        return out;
    }

    /**
     * Whether the call is recorded in the forward sweep and replayed in the reverse sweep
     * ({@code mRecord}, {@code mReplay}): a call in a loop of a callee that splits, whose derivative
     * is needed. Its copies are taken right after the call, of what the replay reads.
     */
    public static boolean recorded(Call k, boolean inLoop, Activity activity) {
        return inLoop && k.callee().record() != null && k.callee().accumulating() != null && activity.acts(k)
                && (k.target() == null || activity.isActive(k.target()));
    }

    /**
     * For a recorded call: why the array must be copied right after the call for the replay, or
     * null when the array still holds then what the record left in it (or the replay reads nothing of it).
     */
    private static String whyCopyAfter(Call k, int i, Var array, Placed call, List<Placed> all) {
        List<Loop> madeIn = allocatedIn(array, all);
        boolean reads = k.callee().replayReads().contains(i);
        if (madeAnew(call, madeIn) && (reads || k.callee().outputsRead().contains(i))) {
            // a copy in a reused buffer is what keeps an array made in every iteration from being allocated
            return "made anew in every iteration";
        }
        if (!reads) {
            return null;
        }
        return writtenAgain(array, call, madeIn, all);
    }

    /** Why the array must be copied for this call's reverse, or null when it still holds what the call saw. */
    private static String whySnapshot(Call k, int i, Var array, Placed call, List<Placed> all) {
        if (k.writes(i)) {
            // Its derivative needs the values it had on entry only if it reads them; else the reverse
            // call may refill the array itself, unless that is the caller's own output.
            // (the reverse sweep calls the accumulating pullback when there is one, which may read fewer)
            List<Integer> read = k.callee().accumulating() != null ? k.callee().accumulatingReads() : k.callee().outputsRead();
            if (read.contains(i) || array.kind() == Var.Kind.PARAM) {
                return "written by it";
            }
            List<Loop> madeIn = allocatedIn(array, all);
            if (k.callee().outputsRead().contains(i) && madeAnew(call, madeIn)) {
                // a copy in a reused buffer is what keeps an array made in every iteration from being allocated
                return "made anew in every iteration";
            }
            return null;
        }
        List<Loop> madeIn = allocatedIn(array, all);
        if (madeAnew(call, madeIn)) {
            return "made anew in every iteration"; // into one buffer, which the next iteration refills
        }
        return writtenAgain(array, call, madeIn, all);
    }

    /** Whether the array is made anew in every iteration of a loop around the call (madeIn: its loops). */
    private static boolean madeAnew(Placed call, List<Loop> madeIn) {
        return !madeIn.isEmpty() && call.loops().containsAll(madeIn);
    }

    /** Why the array no longer holds, in the reverse sweep, what it held at the call: a later write, or null. */
    private static String writtenAgain(Var array, Placed call, List<Loop> madeIn, List<Placed> all) {
        for (Placed w : all) {
            if (writes(w.stmt(), array) && (w.order() > call.order() || shareLoopOutside(w, call, madeIn))) {
                return "written again afterwards (line " + line(w.stmt()) + ")";
            }
        }
        return null;
    }

    /** Whether the statement writes elements of the array: a store into it, or a call it is an output of. */
    static boolean writes(Stmt s, Var array) {
        if (s instanceof Store st) {
            return st.array().base() == array;
        }
        return s instanceof Call k && k.outputs().stream().anyMatch(v -> v.base() == array);
    }

    private static long line(Stmt s) {
        return s instanceof Store st ? st.pos().line() : ((Call) s).pos().line();
    }

    /**
     * Whether a and b share a loop that does not also make the array anew: an array made in the
     * loop's body is a fresh one in every iteration, so the next iteration's writes cannot
     * change what this iteration's call saw.
     */
    private static boolean shareLoopOutside(Placed a, Placed b, List<Loop> madeIn) {
        for (Loop l : a.loops()) {
            if (b.loops().contains(l) && !madeIn.contains(l)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The loops around the making of a local array or the call that returned it (whose value
     * lives in a buffer of the call's result object); empty when made outside loops, or a parameter.
     */
    private static List<Loop> allocatedIn(Var array, List<Placed> all) {
        for (Placed p : all) {
            if (p.stmt() instanceof ArrayNew n && n.target() == array || p.stmt() instanceof Call k && k.target() == array) {
                return p.loops();
            }
        }
        return List.of();
    }
}
