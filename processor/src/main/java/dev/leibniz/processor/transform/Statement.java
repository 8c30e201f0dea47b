package dev.leibniz.processor.transform;

import java.util.Set;

/**
 * What a generated statement does, as far as the passes over generated code need
 * ({@link ForwardPruning}, {@link AdjointPeephole}, {@link SplitSweeps}): the local (or array, for
 * an element write) it alone defines, or null when it must stay whatever it defines.
 */
record Statement(String defines, boolean declares, boolean element) {
    private static final Statement KEEP = new Statement(null, false, false);
    /** Words followed by a parenthesis that call nothing. */
    private static final Set<String> KEYWORDS = Set.of("for", "while", "if", "switch", "return", "throw");

    static Statement of(String code) {
        String t = code.trim();
        if (!pure(t) || t.startsWith("break") || t.startsWith("continue") || t.startsWith("return")
                || t.startsWith("throw") || t.startsWith("assert")) {
            return KEEP;
        }
        int eq = assignment(t);
        if (eq < 0) {
            if (t.matches("[A-Za-z_$][\\w$]*\\s*(\\+\\+|--)") || t.matches("(\\+\\+|--)\\s*[A-Za-z_$][\\w$]*")) {
                return new Statement(t.replaceAll("\\+\\+|--", "").trim(), false, false);
            }
            String[] parts = t.split("\\s+");
            return parts.length == 2 && isType(parts[0]) && isName(parts[1]) ? new Statement(parts[1], true, false) : KEEP;
        }
        String lhs = t.substring(0, eq).trim();
        while (!lhs.isEmpty() && "+-*/%&|^<>".indexOf(lhs.charAt(lhs.length() - 1)) >= 0) {
            lhs = lhs.substring(0, lhs.length() - 1).trim(); // a compound assignment's operator
        }
        if (isName(lhs)) {
            return new Statement(lhs, false, false);
        }
        int space = lhs.lastIndexOf(' ');
        if (space > 0 && isType(lhs.substring(0, space).trim()) && isName(lhs.substring(space + 1))) {
            return new Statement(lhs.substring(space + 1), true, false);
        }
        int bracket = lhs.indexOf('[');
        if (bracket > 0 && isName(lhs.substring(0, bracket).trim())) {
            return new Statement(lhs.substring(0, bracket).trim(), false, true); // an element: the array's contents
        }
        return KEEP;
    }

    /** The index of the statement's assignment operator's '=', or -1. */
    private static int assignment(String t) {
        int depth = 0;
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch == '(' || ch == '[') {
                depth++;
            } else if (ch == ')' || ch == ']') {
                depth--;
            } else if (ch == '=' && depth == 0) {
                boolean comparison = i + 1 < t.length() && t.charAt(i + 1) == '='
                        || i > 0 && (t.charAt(i - 1) == '!' || t.charAt(i - 1) == '=');
                return comparison ? -1 : i;
            }
        }
        return -1;
    }

    /** No call but Math's, no {@code new}, no string or character literal: nothing but values. */
    static boolean pure(String t) {
        if (t.indexOf('"') >= 0 || t.indexOf('\'') >= 0 || t.matches(".*\\bnew\\b.*")) {
            return false;
        }
        for (int i = t.indexOf('('); i >= 0; i = t.indexOf('(', i + 1)) {
            int j = i - 1;
            while (j >= 0 && t.charAt(j) == ' ') {
                j--;
            }
            int end = j + 1;
            while (j >= 0 && (Character.isJavaIdentifierPart(t.charAt(j)) || t.charAt(j) == '.')) {
                j--;
            }
            String callee = t.substring(j + 1, end);
            if (!callee.isEmpty() && !isMath(callee) && !KEYWORDS.contains(callee)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMath(String callee) {
        int dot = callee.lastIndexOf('.');
        String owner = dot < 0 ? "" : callee.substring(0, dot);
        return owner.equals("Math") || owner.equals("java.lang.Math") || owner.equals("StrictMath")
                || owner.equals("java.lang.StrictMath");
    }

    private static boolean isName(String s) {
        return s.matches("[A-Za-z_$][\\w$]*");
    }

    private static boolean isType(String s) {
        return s.matches("[A-Za-z_$][\\w$.]*(\\[\\])*");
    }
}
