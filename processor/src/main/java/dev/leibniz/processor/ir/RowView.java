package dev.leibniz.processor.ir;

import com.sun.source.tree.Tree;
import java.util.List;

/**
 * {@code target = parent[i]}: a row of a {@code double[][]}, read-only (a procedure may write it), as a local, a loop
 * variable or a call argument. It aliases the row, so its adjoint is the same row of the
 * parent's adjoint; the reverse sweep binds both again where it needs them.
 */
public record RowView(Var target, Var parent, List<Operand> index, Pos pos, Tree tree) implements Stmt {
    public RowView {
        index = List.copyOf(index);
        target.setViewOf(parent);
    }
}
