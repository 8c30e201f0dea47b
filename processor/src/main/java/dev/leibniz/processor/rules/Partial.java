package dev.leibniz.processor.rules;

import java.util.List;

/**
 * One partial derivative of an elementary operation, as Java source over the operands' source
 * texts {@code args} and the result's name {@code r}. Returns null where the partial is zero.
 */
@FunctionalInterface
public interface Partial {
    String render(List<String> args, String r, List<Double> literals);

    /**
     * A partial written as a formula in {@code a}, {@code b}, {@code c} (the operands) and
     * {@code r} (the result), like a row in a calculus textbook's table.
     */
    static Partial formula(String formula) {
        return (args, r, literals) -> Formula.substitute(formula, args, r);
    }
}
