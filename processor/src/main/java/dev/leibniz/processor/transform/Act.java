package dev.leibniz.processor.transform;

import dev.leibniz.processor.ir.Compute;

/**
 * What a line of the adjoint does to values that vary with the inputs, so that
 * {@link AdjointTangent} can differentiate the adjoint again (forward over reverse). A line
 * without an act touches no such value: branch decisions, trip counts, indices.
 */
sealed interface Act {
    /**
     * The line is linear in the values that vary (a copy, a load or store, a push or pop, a zero, an
     * adjoint's element added to): its tangent is the same line over their tangents.
     *
     * @param before whether the tangent's line goes before this one (a pop: the tangent was pushed last)
     */
    record Linear(boolean before) implements Act {}

    /** The line computes the elementary step again, or for the first time: {@code [T] r = op(a, b)}. */
    record Step(Compute step) implements Act {}

    /**
     * {@code [double] lhs (=|+=|-=) factor * ∂step/∂operand}: a contribution to an adjoint. The factor is an
     * adjoint (or the seed, or an adjoint's element); with no step the partial is 1.
     *
     * @param declares whether the line declares lhs
     */
    record Add(String lhs, boolean declares, String factor, String factorIndex, Compute step, int operand)
            implements Act {}

    /** {@code bar = bar * ∂step/∂self}: an in-place step's own adjoint, scaled by its partials with respect to itself. */
    record Scale(String bar, Compute step) implements Act {}

    /**
     * {@code Workspace workspace = into.field}: the sweep's buffers and tape. The tangents' buffers are
     * the tangent result's workspace (the tape stays one: a value and its tangent go on it together).
     */
    record Workspace(String field) implements Act {}

    /**
     * A call of another method: the lines its tangent takes, built over the tangents of the texts it passes
     * ({@code tangentOf} gives a text's tangent, or null where it does not vary), either after the line or in
     * its place (a pullback's place is taken by the callee's second sweep, which does the pullback's work too).
     */
    record Call(java.util.function.Function<java.util.function.Function<String, String>, java.util.List<Code>> lines,
            boolean replaces) implements Act {}

    /**
     * The line writes nothing that varies (a decision, a count, an index, computed again from values that may):
     * its tangent is nothing, whatever it calls.
     */
    record Inert() implements Act {}

    /** The line has no tangent (second order cannot go through it), for the reason given, which javac's note shows. */
    record Refuse(String why) implements Act {}

    /** A linear line whose tangent goes after it. */
    Act LINEAR = new Linear(false);
    /** A linear line whose tangent goes before it. */
    Act LINEAR_BEFORE = new Linear(true);
    /** A line that writes nothing that varies. */
    Act INERT = new Inert();
}
