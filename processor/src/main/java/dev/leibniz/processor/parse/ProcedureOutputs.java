package dev.leibniz.processor.parse;

import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * Which array parameters a procedure of this compilation writes, decided by that procedure's own
 * parse so that its callers pass exactly the seeds its pullback takes.
 */
public interface ProcedureOutputs {
    /**
     * @param procedure a {@code @Differentiable void} method compiled in this round
     * @return the positions of the parameters it writes; empty if it cannot be differentiated (its own
     *     error says why); null if finding them leads back to a procedure still being parsed (recursion)
     */
    List<Integer> outputsOf(ExecutableElement procedure);

    /**
     * Whether a {@code double[]}-valued method may return one of its arguments, or a row of one,
     * rather than an array of its own: then writing into what it returned writes into the caller's
     * array, as Java shares arrays.
     *
     * @param method a {@code double[]}-valued method with a derivative
     * @return false only when it is known to return arrays it made
     */
    default boolean mayReturnArgument(ExecutableElement method) {
        return true;
    }

    /**
     * The outputs of a procedure whose values on entry it reads, so that its derivative needs
     * them; the others it only writes.
     *
     * @param procedure a procedure compiled in this round
     * @return positions, a subset of {@link #outputsOf}
     */
    default List<Integer> outputsRead(ExecutableElement procedure) {
        List<Integer> all = outputsOf(procedure);
        return all == null ? List.of() : all;
    }

    /**
     * The outputs of a procedure whose values on entry its accumulating pullback reads: those of
     * {@link #outputsRead} that its reverse sweep, or the forward sweep cut to what that reads,
     * still reads (callers have the rest from their own forward sweeps).
     *
     * @param procedure a procedure compiled in this round
     * @return positions, a subset of {@link #outputsRead}
     */
    default List<Integer> accumulatingReads(ExecutableElement procedure) {
        return outputsRead(procedure);
    }

    /**
     * For a method whose sweep splits into a record and a replay ({@code SplitSweeps}), the
     * parameters whose values the replay reads; null when it does not split.
     *
     * @param method a method with a derivative compiled in this round
     * @return positions, or null
     */
    default List<Integer> replayReads(ExecutableElement method) {
        return null;
    }

    /**
     * The outputs a procedure writes in full, each with the parameter bounding the loop that fills
     * it ({@link dev.leibniz.processor.analysis.Fills}).
     *
     * @param procedure a procedure compiled in this round
     * @return output position to parameter position; empty when none is known
     */
    default java.util.Map<Integer, Integer> fills(ExecutableElement procedure) {
        return java.util.Map.of();
    }
}
