package dev.leibniz.processor.ir;

import java.util.List;

/** {@code array[i] = value} into a local array; the element's old adjoint is consumed. */
public record Store(Var array, List<Operand> index, Operand value, Pos pos) implements Stmt {
    public Store {
        index = List.copyOf(index);
    }
}
