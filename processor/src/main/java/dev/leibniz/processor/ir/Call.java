package dev.leibniz.processor.ir;

import com.sun.source.tree.Tree;
import java.util.List;

/**
 * {@code target = callee(args)} for a callee with a derivative: another {@code @Differentiable}
 * method, whose companion's pullback the reverse sweep calls, or a method with a user-supplied
 * {@code @DerivativeOf} rule. A call of a procedure has no target: it defines the arrays it
 * writes, its {@link #outputs()}.
 *
 * @param target the variable the value goes to; null for a procedure
 * @param receiver the object an instance method is called on, or null
 */
public record Call(Var target, Callee callee, Operand receiver, List<Operand> args, Pos pos, Tree tree)
        implements Stmt {
    public Call {
        args = List.copyOf(args);
    }

    /** The array arguments a procedure writes (arrays or rows), in parameter order; empty for other calls. */
    public List<Var> outputs() {
        java.util.List<Var> out = new java.util.ArrayList<>();
        for (int i : callee.outputs()) {
            out.add((Var) args.get(i));
        }
        return out;
    }

    /** The values this call defines: its target, or the arrays a procedure writes. */
    public List<Var> defines() {
        return target != null ? List.of(target) : outputs();
    }

    /** Whether argument i is one the callee writes. */
    public boolean writes(int i) {
        return callee.outputs().contains(i);
    }
}
