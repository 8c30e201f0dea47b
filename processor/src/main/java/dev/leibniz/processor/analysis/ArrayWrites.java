package dev.leibniz.processor.analysis;

import dev.leibniz.processor.diag.Unsupported;
import dev.leibniz.processor.ir.Block;
import dev.leibniz.processor.ir.Call;
import dev.leibniz.processor.ir.Func;
import dev.leibniz.processor.ir.If;
import dev.leibniz.processor.ir.Loop;
import dev.leibniz.processor.ir.Operand;
import dev.leibniz.processor.ir.Stmt;
import dev.leibniz.processor.ir.Store;
import dev.leibniz.processor.ir.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * A call's derivative is computed again in the reverse sweep from the call's arguments, so a
 * local array passed to a differentiable call must still hold what the call saw: no write to it
 * may follow the call, nor sit in a loop around the call.
 */
final class ArrayWrites {
    private record Placed(Stmt stmt, int order, List<Loop> loops) {}

    private ArrayWrites() {}

    static void checkCalls(Func f) throws Unsupported {
        List<Placed> all = new ArrayList<>();
        place(f.body(), List.of(), all);
        for (Placed call : all) {
            if (!(call.stmt() instanceof Call k)) {
                continue;
            }
            for (Operand a : k.args()) {
                if (!(a instanceof Var passed) || !passed.type().isFloatingArray()) {
                    continue;
                }
                Var array = passed.kind() == Var.Kind.VIEW ? parentOf(passed, all) : passed; // a row: its matrix is written
                if (array == null || array.kind() == Var.Kind.PARAM) {
                    continue;
                }
                List<Loop> madeIn = allocatedIn(array, all);
                for (Placed w : all) {
                    if (w.stmt() instanceof Store st && st.array() == array
                            && (w.order() > call.order() || shareLoopOutside(w, call, madeIn))) {
                        throw new Unsupported(k.tree(), "the array '" + array.baseName() + "' is passed to '"
                                + k.callee().description() + "' and written again afterwards (line " + st.pos().line()
                                + "); its derivative is computed later from the values the call saw, so finish "
                                + "writing the array before the call, or pass a copy");
                    }
                }
            }
        }
    }

    private static Var parentOf(Var view, List<Placed> all) {
        for (Placed p : all) {
            if (p.stmt() instanceof dev.leibniz.processor.ir.RowView r && r.target() == view) {
                return r.parent();
            }
        }
        return null;
    }

    /**
     * Whether a and b share a loop that does not also make the array anew: an array made in the
     * loop's body is a fresh one in every iteration, so the next iteration's writes cannot
     * change what this iteration's call saw (the tape keeps each iteration's array).
     */
    private static boolean shareLoopOutside(Placed a, Placed b, List<Loop> madeIn) {
        for (Loop l : a.loops()) {
            if (b.loops().contains(l) && !madeIn.contains(l)) {
                return true;
            }
        }
        return false;
    }

    /** The loops around the allocation of a local array; empty when made outside loops or unknown. */
    static List<Loop> allocatedIn(Var array, List<Placed> all) {
        for (Placed p : all) {
            if (p.stmt() instanceof dev.leibniz.processor.ir.ArrayNew n && n.target() == array) {
                return p.loops();
            }
        }
        return List.of();
    }

    private static void place(Block b, List<Loop> loops, List<Placed> out) {
        for (Stmt s : b.stmts()) {
            out.add(new Placed(s, out.size(), loops));
            if (s instanceof If i) {
                place(i.then(), loops, out);
                place(i.otherwise(), loops, out);
            } else if (s instanceof Loop l) {
                List<Loop> inner = new ArrayList<>(loops);
                inner.add(l);
                place(l.body(), inner, out);
            }
        }
    }
}
