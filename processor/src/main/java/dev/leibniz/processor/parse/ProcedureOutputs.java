package dev.leibniz.processor.parse;

import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * Which array parameters a procedure of this compilation writes, decided by that procedure's own
 * parse so that its callers pass exactly the seeds its pullback takes.
 */
@FunctionalInterface
public interface ProcedureOutputs {
    /**
     * @param procedure a {@code @Differentiable void} method compiled in this round
     * @return the positions of the parameters it writes; empty if it cannot be differentiated (its own
     *     error says why); null if finding them leads back to a procedure still being parsed (recursion)
     */
    List<Integer> outputsOf(ExecutableElement procedure);
}
