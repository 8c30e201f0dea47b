package dev.leibniz.processor.analysis;

import dev.leibniz.processor.ir.Break;
import dev.leibniz.processor.ir.Func;
import dev.leibniz.processor.ir.Loop;
import dev.leibniz.processor.ir.Operand;
import dev.leibniz.processor.ir.Param;
import dev.leibniz.processor.ir.Return;
import dev.leibniz.processor.ir.Stmt;
import dev.leibniz.processor.ir.Store;
import dev.leibniz.processor.ir.Template;
import dev.leibniz.processor.ir.Var;
import dev.leibniz.processor.ir.Walk;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outputs a procedure writes in full: {@code out[0 .. p-1]} for a parameter {@code p}, by a
 * loop at the top of its body, {@code for (int i = 0; i < p; i++) { ... out[i] = ...; ... }},
 * which nothing can leave early and which stores into {@code out[i]} on every iteration. A caller
 * that passes an array of length {@code p} knows that afterwards every element of it is what
 * the procedure computed from its other arguments, whatever the array held before; so it can
 * compute the array again instead of saving a copy ({@link ArrayWrites}). A loop to
 * {@code out.length} fills {@code out} whatever its length: its bound is {@code out}'s own position.
 */
public final class Fills {
    private Fills() {}

    /**
     * Per output position, the position of the parameter that bounds the loop filling it (the
     * output's own position for a loop to its length).
     */
    public static Map<Integer, Integer> of(Func f) {
        Map<Integer, Integer> out = new HashMap<>();
        if (!f.isProcedure() || hasEarlyReturn(f)) {
            return out;
        }
        List<Param> params = f.params();
        Set<Var> valuesRead = null; // (walked only for a loop to an output's length, once)
        for (Stmt s : f.body().stmts()) {
            if (!(s instanceof Loop l) || l.doWhile() || l.counted() == null || l.counted().step() != 1
                    || !isZero(l.counted().start()) || leavesEarly(l)) {
                continue;
            }
            Var bound = bound(l.condition(), l.counted().index());
            int p = bound == null ? -1 : position(params, bound);
            if (p < 0 || assigned(f, bound)) {
                continue;
            }
            // i < p fills out[0 .. p-1] of any output; i < out.length fills out itself, whatever its length,
            // which callers may take as the procedure's own when it reads no element of out (only measures it)
            boolean measured = bound.type().isFloatingArray();
            if (measured && valuesRead == null) {
                valuesRead = ArraysRead.of(f, false);
            }
            if (measured && valuesRead.contains(bound)) {
                continue;
            }
            for (Stmt t : l.body().stmts()) { // the body's own statements run on every iteration
                if (t instanceof Store st && st.index().size() == 1 && st.index().get(0) == l.counted().index()
                        && (!measured || st.array() == bound)) {
                    int o = position(params, st.array());
                    if (o >= 0 && params.get(o).var().type().isFloatingArray()) {
                        out.putIfAbsent(o, p);
                    }
                }
            }
        }
        return out;
    }

    /**
     * {@code index < p} or {@code index < a.length}, with nothing else in the condition: p, or the
     * floating array a; else null.
     */
    private static Var bound(Template condition, Var index) {
        if (condition == null) {
            return null;
        }
        List<Object> parts = new java.util.ArrayList<>(condition.parts());
        while (!parts.isEmpty() && parts.get(parts.size() - 1) instanceof String tail && tail.isBlank()) {
            parts.remove(parts.size() - 1);
        }
        if (parts.size() == 4 && parts.get(3) instanceof String length && length.trim().equals(".length")
                && parts.get(2) instanceof Var a && a.type().isFloatingArray()) {
            parts.remove(3);
        }
        if (parts.size() != 3 || parts.get(0) != index || !(parts.get(1) instanceof String op)
                || !op.trim().equals("<") || !(parts.get(2) instanceof Var p)) {
            return null;
        }
        return p;
    }

    private static boolean isZero(Operand o) {
        return o instanceof dev.leibniz.processor.ir.Const c && c.text().equals("0");
    }

    private static int position(List<Param> params, Var v) {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).var() == v) {
                return i;
            }
        }
        return -1;
    }

    private static boolean leavesEarly(Loop l) {
        boolean[] found = {false};
        Walk.statements(l.body(), s -> found[0] |= s instanceof Break || s instanceof Return);
        return found[0];
    }

    /** A return before the end would skip the loops after it. */
    private static boolean hasEarlyReturn(Func f) {
        List<Stmt> top = f.body().stmts();
        boolean[] found = {false};
        Walk.statements(f.body(), s -> found[0] |= s instanceof Return && s != top.get(top.size() - 1));
        return found[0];
    }

    /** Whether the method assigns v anywhere (a parameter of a loop bound must keep its value). */
    private static boolean assigned(Func f, Var v) {
        boolean[] found = {false};
        Walk.statements(f.body(), s -> found[0] |= Refills.defines(s, v));
        return found[0];
    }
}
