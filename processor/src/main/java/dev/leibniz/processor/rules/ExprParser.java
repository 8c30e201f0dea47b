package dev.leibniz.processor.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a table formula, rendered over markers for the operands and the result, back into an
 * {@link Expr}. The formulas use a small part of Java: literals, {@code Math.f(...)} calls and
 * constants, the four arithmetic operators, unary minus, comparisons and {@code ?:}.
 */
final class ExprParser {
    /** Marks operand k as {@code ARG + k + ARG} in the rendered text. */
    static final char ARG = '\u0001';
    /** Marks the result. */
    static final char RESULT = '\u0002';

    /** The marker that stands for operand k in a rendered formula. */
    static String arg(int k) {
        return "" + ARG + k + ARG;
    }

    /** The marker that stands for the result in a rendered formula. */
    static String result() {
        return String.valueOf(RESULT);
    }

    private final String s;
    private int at;

    private ExprParser(String s) {
        this.s = s;
    }

    static Expr parse(String text) {
        ExprParser p = new ExprParser(text);
        Expr e = p.ternary();
        p.space();
        if (p.at != text.length()) {
            throw new IllegalStateException("cannot read the derivative formula '" + text + "' at " + p.at);
        }
        return e;
    }

    private Expr ternary() {
        Expr test = comparison();
        if (!eat("?")) {
            return test;
        }
        Expr then = ternary();
        expect(":");
        Expr otherwise = ternary();
        if (!(test instanceof Expr.Compare c)) {
            throw new IllegalStateException("a condition must be a comparison in '" + s + "'");
        }
        return new Expr.Choose(c, then, otherwise);
    }

    private Expr comparison() {
        Expr left = additive();
        for (String rel : List.of("==", "!=", "<=", ">=", "<", ">")) {
            if (eat(rel)) {
                return new Expr.Compare(left, rel, additive());
            }
        }
        return left;
    }

    private Expr additive() {
        Expr e = multiplicative();
        while (true) {
            if (eat("+")) {
                e = new Expr.Apply(Elementary.ADD, List.of(e, multiplicative()));
            } else if (peekMinus()) {
                at++;
                e = new Expr.Apply(Elementary.SUB, List.of(e, multiplicative()));
            } else {
                return e;
            }
        }
    }

    private boolean peekMinus() {
        space();
        return at < s.length() && s.charAt(at) == '-';
    }

    private Expr multiplicative() {
        Expr e = unary();
        while (true) {
            if (eat("*")) {
                e = new Expr.Apply(Elementary.MUL, List.of(e, unary()));
            } else if (eat("/")) {
                e = new Expr.Apply(Elementary.DIV, List.of(e, unary()));
            } else {
                return e;
            }
        }
    }

    private Expr unary() {
        if (eat("-")) {
            Expr e = unary();
            return e instanceof Expr.Num n ? new Expr.Num(-n.value()) : new Expr.Apply(Elementary.NEG, List.of(e));
        }
        return primary();
    }

    private Expr primary() {
        space();
        char ch = s.charAt(at);
        if (eat("(")) {
            Expr e = ternary();
            expect(")");
            return e;
        }
        if (ch == ARG) {
            int end = s.indexOf(ARG, at + 1);
            int k = Integer.parseInt(s.substring(at + 1, end));
            at = end + 1;
            return new Expr.Arg(k);
        }
        if (ch == RESULT) {
            at++;
            return new Expr.Result();
        }
        if (Character.isDigit(ch) || ch == '.') {
            int start = at;
            while (at < s.length() && (Character.isLetterOrDigit(s.charAt(at)) || s.charAt(at) == '.'
                    || (s.charAt(at) == '-' || s.charAt(at) == '+') && "eE".indexOf(s.charAt(at - 1)) >= 0)) {
                at++;
            }
            return new Expr.Num(Double.parseDouble(s.substring(start, at)));
        }
        int start = at;
        while (at < s.length() && (Character.isJavaIdentifierPart(s.charAt(at)) || s.charAt(at) == '.')) {
            at++;
        }
        String name = s.substring(start, at);
        if (name.isEmpty()) {
            throw new IllegalStateException("cannot read the derivative formula '" + s + "' at " + start);
        }
        if (!eat("(")) {
            return new Expr.Named(name);
        }
        List<Expr> args = new ArrayList<>();
        if (!eat(")")) {
            do {
                args.add(ternary());
            } while (eat(","));
            expect(")");
        }
        Elementary op = Elementary.ofMethod(name.substring(name.lastIndexOf('.') + 1), args.size());
        if (op == null) {
            throw new IllegalStateException("the derivative formula '" + s + "' calls " + name
                    + ", which has no row in the table");
        }
        return new Expr.Apply(op, args);
    }

    private void space() {
        while (at < s.length() && s.charAt(at) == ' ') {
            at++;
        }
    }

    private boolean eat(String token) {
        space();
        if (s.startsWith(token, at)) {
            at += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!eat(token)) {
            throw new IllegalStateException("expected '" + token + "' in the derivative formula '" + s + "' at " + at);
        }
    }
}
