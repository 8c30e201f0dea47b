package dev.leibniz.processor.ir;

import java.util.List;

/** {@code target = array[i]} or {@code array[i][j]}; its adjoint goes back to that element. */
public record Load(Var target, Var array, List<Operand> index, Pos pos) implements Stmt {
    public Load {
        index = List.copyOf(index);
    }
}
