package dev.leibniz.processor.ir;

import java.util.List;

/**
 * A method a differentiable method calls, and how to get its derivative.
 *
 * @param primal how the forward sweep calls it, e.g. {@code p.Layers.dense} (a receiver is put first)
 * @param differentiated for each parameter, whether the callee's derivative covers it
 * @param pullback the companion's pullback, e.g. {@code p.LayersGrad.densePullback}, or null
 * @param gradientType the companion's result type, for the pullback's {@code into}; null for a rule
 * @param rule for a {@code @DerivativeOf} rule: the method to call, e.g. {@code p.Rules.sigmoidPullback}
 * @param ruleReturns for a rule: "void", "double" or "double[]"
 * @param description the callee as the user wrote it, for messages
 * @param method the callee itself
 * @param outputs for a procedure (a void method), the positions of the array parameters it writes, in order;
 *     empty for a method that returns its value
 * @param outputsRead for a procedure, the outputs whose values on entry it reads (its derivative needs them)
 * @param partial the companion's partial pullback, which fills only the gradients a mask asks for; null if none
 * @param value the companion's value-only method, e.g. {@code p.LayersGrad.denseValue}, which the forward sweep
 *     calls instead of the user's method so that nothing is allocated; null for a rule
 * @param accumulating the companion's accumulating pullback, which adds into the caller's adjoints of the array
 *     arguments in place instead of returning gradients of whole arrays; null if none
 * @param accumulatingReads for a procedure with an accumulating pullback, the outputs whose values on entry that
 *     pullback reads (it may run a forward sweep cut to what its reverse sweep reads, which reads fewer than
 *     {@code outputsRead}); null for {@code outputsRead}
 * @param record the companion's {@code mRecord}, which a caller's forward sweep runs for a call in a loop in place of
 *     the value method, leaving what the callee's reverse sweep reads on the call site's tape; null if none
 * @param replay the companion's {@code mReplay}, the caller's reverse sweep's call for such a call; null if none
 * @param replayReads the parameters whose values the replay reads: the array arguments a caller must hand it as they
 *     were when the record ended
 * @param fills for a procedure, per output it writes in full ({@code out[0 .. p-1]}, see
 *     {@link dev.leibniz.processor.analysis.Fills}), the position of the parameter {@code p}; empty if none
 */
public record Callee(String primal, List<Boolean> differentiated, List<String> paramNames, String pullback,
        String gradientType, String rule, String ruleReturns, String description,
        javax.lang.model.element.ExecutableElement method, List<Integer> outputs, List<Integer> outputsRead,
        String value, String partial, String accumulating, List<Integer> accumulatingReads, String record,
        String replay, List<Integer> replayReads, java.util.Map<Integer, Integer> fills) {
    public Callee {
        fills = fills == null ? java.util.Map.of() : java.util.Map.copyOf(fills);
        outputs = List.copyOf(outputs);
        outputsRead = List.copyOf(outputsRead);
        accumulatingReads = accumulatingReads == null ? outputsRead : List.copyOf(accumulatingReads);
        replayReads = replayReads == null ? List.of() : List.copyOf(replayReads);
    }

    /** A callee without an accumulating pullback. */
    public Callee(String primal, List<Boolean> differentiated, List<String> paramNames, String pullback,
            String gradientType, String rule, String ruleReturns, String description,
            javax.lang.model.element.ExecutableElement method, List<Integer> outputs, List<Integer> outputsRead,
            String value, String partial) {
        this(primal, differentiated, paramNames, pullback, gradientType, rule, ruleReturns, description, method,
                outputs, outputsRead, value, partial, null, null, null, null, null, null);
    }
}
