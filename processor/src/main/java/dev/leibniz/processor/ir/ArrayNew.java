package dev.leibniz.processor.ir;

import java.util.List;

/**
 * {@code target = new double[d0]} or {@code new double[d0][d1]}: a zero-filled local array.
 *
 * @param reusable whether the array never leaves the method, so a buffer kept from the last
 *     call can stand in for it
 * @param tree the code that makes the array, for errors
 */
public record ArrayNew(Var target, List<Operand> dims, boolean reusable, Pos pos, com.sun.source.tree.Tree tree)
        implements Stmt {
    public ArrayNew {
        dims = List.copyOf(dims);
    }
}
