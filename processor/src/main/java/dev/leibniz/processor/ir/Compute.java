package dev.leibniz.processor.ir;

import dev.leibniz.processor.rules.Elementary;
import java.util.List;

/**
 * {@code target = op(args)}: one elementary operation from the derivative table.
 *
 * @param mathClass {@code Math} or {@code StrictMath}, for calls
 */
public record Compute(Var target, Elementary op, List<Operand> args, String mathClass, Pos pos)
        implements Stmt {
    public Compute {
        args = List.copyOf(args);
    }
}
