package dev.leibniz.processor.rules;

import java.util.List;

/**
 * A derivative from the table as an expression tree over the operands and the result, so that a
 * transform can build it out of elementary steps and differentiate it again (forward mode and
 * second order read the table this way; {@link Elementary#partial} gives the same formula as text).
 */
public sealed interface Expr {
    /** A numeric literal. */
    record Num(double value) implements Expr {}

    /** Operand {@code index} of the step: a, b or c. */
    record Arg(int index) implements Expr {}

    /** The step's own result, r. */
    record Result() implements Expr {}

    /** A constant the formula names, such as {@code Math.PI}. */
    record Named(String text) implements Expr {}

    /** An elementary operation of the table applied to sub-expressions. */
    record Apply(Elementary op, List<Expr> args) implements Expr {
        public Apply {
            args = List.copyOf(args);
        }
    }

    /** {@code left relation right}, as a branch condition: it carries no derivative. */
    record Compare(Expr left, String relation, Expr right) implements Expr {}

    /** {@code test ? then : otherwise}: a piecewise rule, as at a kink or a removable singularity. */
    record Choose(Compare test, Expr then, Expr otherwise) implements Expr {}

    /** Whether the expression reads neither an operand nor the result. */
    static boolean isConstant(Expr e) {
        if (e instanceof Arg || e instanceof Result) {
            return false;
        }
        if (e instanceof Apply a) {
            return a.args().stream().allMatch(Expr::isConstant);
        }
        if (e instanceof Compare c) {
            return isConstant(c.left()) && isConstant(c.right());
        }
        if (e instanceof Choose c) {
            return isConstant(c.test()) && isConstant(c.then()) && isConstant(c.otherwise());
        }
        return true;
    }
}
