package dev.leibniz.processor.parse;

import dev.leibniz.processor.ir.Block;
import java.util.List;
import dev.leibniz.processor.ir.Compute;
import dev.leibniz.processor.ir.If;
import dev.leibniz.processor.ir.Load;
import dev.leibniz.processor.ir.Opaque;
import dev.leibniz.processor.ir.Operand;
import dev.leibniz.processor.ir.Return;
import dev.leibniz.processor.ir.Stmt;
import dev.leibniz.processor.ir.Store;
import dev.leibniz.processor.ir.Var;
import dev.leibniz.processor.ir.Walk;
import dev.leibniz.processor.rules.Partials;

/**
 * Decides whether a loop may take over a variable's own location, so that {@code s} in the
 * loop is the {@code s} declared before it, rather than a copy. That is safe when nothing has
 * read the value yet, and it was computed by an elementary step (a black-box value must stay a
 * constant) that does not need it again in the reverse sweep.
 */
final class Carrying {
    private Carrying() {}

    static boolean canTakeOver(List<Block> built, Block here, Var v) {
        if (v.kind() != Var.Kind.LOCAL && v.kind() != Var.Kind.TEMP) {
            return false;
        }
        Stmt def = null;
        for (Stmt s : here.stmts()) {
            if (s instanceof Compute c && c.target() == v || s instanceof Load l && l.target() == v) {
                def = s;
            }
        }
        if (def == null) {
            return false; // defined in a branch or elsewhere: keep the copy
        }
        if (def instanceof Compute c) {
            for (int i = 0; i < c.args().size(); i++) {
                if (Partials.readsResult(c, i)) {
                    return false;
                }
            }
        }
        boolean[] read = {false};
        for (Block b : built) {
            Walk.statements(b, s -> read[0] |= reads(s, v));
        }
        return !read[0];
    }

    private static boolean reads(Stmt s, Var v) {
        if (s instanceof Compute c) {
            return c.args().contains(v);
        }
        if (s instanceof Opaque o) {
            return o.code().vars().contains(v);
        }
        if (s instanceof If i) {
            return i.condition().vars().contains(v);
        }
        if (s instanceof Return r) {
            return r.value() == v;
        }
        if (s instanceof Load l) {
            return l.array() == v || l.index().contains((Operand) v);
        }
        if (s instanceof dev.leibniz.processor.ir.Call k) {
            return k.args().contains((Operand) v) || k.receiver() == v;
        }
        if (s instanceof Store st) {
            return st.array() == v || st.index().contains((Operand) v) || st.value() == v;
        }
        if (s instanceof dev.leibniz.processor.ir.Loop l) {
            return l.condition() != null && l.condition().vars().contains(v);
        }
        return false;
    }
}
