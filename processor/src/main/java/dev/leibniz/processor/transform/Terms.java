package dev.leibniz.processor.transform;

/** Builds readable products {@code adjoint * partial}, keeping a leading minus outside. */
final class Terms {
    private Terms() {}

    static String times(String adjoint, String partial) {
        if (partial.equals("1")) {
            return adjoint;
        }
        if (partial.equals("-1")) {
            return "-" + adjoint;
        }
        if (partial.startsWith("-") && !hasTopLevelSum(partial.substring(1))) {
            return "-" + adjoint + " * " + wrap(partial.substring(1));
        }
        return adjoint + " * " + wrap(partial);
    }

    /** Parenthesises anything but a name, a literal, a call or a product. */
    private static String wrap(String e) {
        return hasTopLevelSum(e) || hasTopLevel(e, '/') ? "(" + e + ")" : e;
    }

    private static boolean hasTopLevel(String e, char op) {
        int depth = 0;
        for (int i = 0; i < e.length(); i++) {
            char ch = e.charAt(i);
            depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            if (depth == 0 && ch == op) {
                return true;
            }
        }
        return false;
    }

    /** Whether e has a +, - or ?: outside parentheses (so {@code x * e} would bind wrongly). */
    static boolean hasTopLevelSum(String e) {
        int depth = 0;
        for (int i = 0; i < e.length(); i++) {
            char ch = e.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (depth == 0 && i > 0 && (ch == '+' || ch == '-' || ch == '?' || ch == '=' || ch == '<'
                    || ch == '>') && e.charAt(i - 1) == ' ') {
                return true;
            }
        }
        return false;
    }
}
