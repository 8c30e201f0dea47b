package dev.leibniz.processor.ir;

import com.sun.source.tree.Tree;
import java.util.Map;

/**
 * {@code target = <code>}, or just {@code <code>;} when target is null: Java the derivative
 * treats as a black box. It is correct only while the code does not depend on a differentiated
 * input; the activity analysis reports an error on {@code tree} otherwise.
 *
 * @param writes the floating arrays the code hands to a method that may write into them, each
 *     with the call that receives it; an error when such an array's values reach the result
 */
public record Opaque(Var target, Template code, Pos pos, Tree tree, Map<Var, Tree> writes) implements Stmt {
    public Opaque {
        writes = Map.copyOf(writes);
    }

    /** Black-box code that hands no array to a method that may write into it. */
    public Opaque(Var target, Template code, Pos pos, Tree tree) {
        this(target, code, pos, tree, Map.of());
    }
}
