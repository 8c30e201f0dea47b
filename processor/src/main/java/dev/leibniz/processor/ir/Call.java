package dev.leibniz.processor.ir;

import com.sun.source.tree.Tree;
import java.util.List;

/**
 * {@code target = callee(args)} for a callee with a derivative: another {@code @Differentiable}
 * method, whose companion's pullback the reverse sweep calls, or a method with a user-supplied
 * {@code @DerivativeOf} rule.
 *
 * @param receiver the object an instance method is called on, or null
 */
public record Call(Var target, Callee callee, Operand receiver, List<Operand> args, Pos pos, Tree tree)
        implements Stmt {
    public Call {
        args = List.copyOf(args);
    }
}
