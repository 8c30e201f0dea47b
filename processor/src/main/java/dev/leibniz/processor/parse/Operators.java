package dev.leibniz.processor.parse;

import com.sun.source.tree.Tree;

/** Java operator spellings for the tree kinds the printer re-emits. */
final class Operators {
    private Operators() {}

    static String binary(Tree.Kind k) {
        return switch (k) {
            case PLUS -> "+";
            case MINUS -> "-";
            case MULTIPLY -> "*";
            case DIVIDE -> "/";
            case REMAINDER -> "%";
            case LESS_THAN -> "<";
            case LESS_THAN_EQUAL -> "<=";
            case GREATER_THAN -> ">";
            case GREATER_THAN_EQUAL -> ">=";
            case EQUAL_TO -> "==";
            case NOT_EQUAL_TO -> "!=";
            case CONDITIONAL_AND -> "&&";
            case CONDITIONAL_OR -> "||";
            case AND -> "&";
            case OR -> "|";
            case XOR -> "^";
            case LEFT_SHIFT -> "<<";
            case RIGHT_SHIFT -> ">>";
            case UNSIGNED_RIGHT_SHIFT -> ">>>";
            default -> throw new IllegalArgumentException(k.toString());
        };
    }

    static String unary(Tree.Kind k) {
        return switch (k) {
            case UNARY_MINUS -> "-";
            case UNARY_PLUS -> "+";
            case LOGICAL_COMPLEMENT -> "!";
            case BITWISE_COMPLEMENT -> "~";
            default -> throw new IllegalArgumentException(k.toString());
        };
    }
}
