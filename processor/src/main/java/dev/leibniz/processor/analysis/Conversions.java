package dev.leibniz.processor.analysis;

import com.sun.source.tree.Tree;

/**
 * Explicit conversions to an integer: a cast, or a compound assignment or increment of an
 * integer variable (which casts implicitly). Their derivative is 0 by the contract, unlike a
 * black-box call, whose integer result may still carry a derivative the processor cannot see.
 */
final class Conversions {
    private Conversions() {}

    static boolean isExplicit(Tree t) {
        if (t == null) {
            return true; // flags and bookkeeping the processor wrote itself
        }
        return switch (t.getKind()) {
            case TYPE_CAST, PLUS_ASSIGNMENT, MINUS_ASSIGNMENT, MULTIPLY_ASSIGNMENT, DIVIDE_ASSIGNMENT,
                    REMAINDER_ASSIGNMENT, PREFIX_INCREMENT, POSTFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_DECREMENT,
                    LESS_THAN, LESS_THAN_EQUAL, GREATER_THAN, GREATER_THAN_EQUAL, EQUAL_TO, NOT_EQUAL_TO,
                    CONDITIONAL_AND, CONDITIONAL_OR, LOGICAL_COMPLEMENT, INSTANCE_OF, MEMBER_SELECT -> true;
            default -> false;
        };
    }
}
