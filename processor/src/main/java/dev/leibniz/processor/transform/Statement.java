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

    // Compiled once: these run for every generated line, and String.matches compiles its pattern on each call.
    private static final java.util.regex.Pattern TYPE = java.util.regex.Pattern.compile("[A-Za-z_$][\\w$.]*(\\[\\])*");
    private static final java.util.regex.Pattern POSTFIX_STEP =
            java.util.regex.Pattern.compile("[A-Za-z_$][\\w$]*\\s*(\\+\\+|--)");
    private static final java.util.regex.Pattern PREFIX_STEP =
            java.util.regex.Pattern.compile("(\\+\\+|--)\\s*[A-Za-z_$][\\w$]*");
    private static final java.util.regex.Pattern STEP = java.util.regex.Pattern.compile("\\+\\+|--");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern NEW = java.util.regex.Pattern.compile("\\bnew\\b");

    static Statement of(String code) {
        String t = code.trim();
        if (!pure(t) || t.startsWith("break") || t.startsWith("continue") || t.startsWith("return")
                || t.startsWith("throw") || t.startsWith("assert")) {
            return KEEP;
        }
        int eq = assignment(t);
        if (eq < 0) {
            if (POSTFIX_STEP.matcher(t).matches() || PREFIX_STEP.matcher(t).matches()) {
                return new Statement(STEP.matcher(t).replaceAll("").trim(), false, false);
            }
            String[] parts = SPACES.split(t);
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
    static int assignment(String t) {
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
        if (t.indexOf('"') >= 0 || t.indexOf('\'') >= 0 || t.contains("new") && NEW.matcher(t).find()) {
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

    static boolean isName(String s) {
        if (s.isEmpty() || !nameChar(s.charAt(0)) || Character.isDigit(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!nameChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** [A-Za-z0-9_$]: what {@code [\\w$]} matches. */
    private static boolean nameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$';
    }

    private static boolean isType(String s) {
        return TYPE.matcher(s).matches();
    }
}
