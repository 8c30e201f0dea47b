package dev.leibniz.processor.rules;

import static dev.leibniz.processor.rules.Partial.formula;

import java.util.List;
import java.util.Locale;

/**
 * THE table of derivatives. Every elementary operation the processor differentiates has one row:
 * how it is written in Java, and its partial derivative with respect to each operand, written
 * over the operands {@code a, b, c} and the result {@code r}. Transforms read derivatives from
 * here and nowhere else.
 *
 * <p>Conventions at non-differentiable points follow JAX and PyTorch: {@code abs'(0) = 0}; at a
 * tie {@code max} and {@code min} give each argument half; {@code floor, ceil, rint, round,
 * signum} have derivative 0; {@code sqrt'(0) = +Infinity}; {@code hypot} has derivative 0 at the
 * origin, as {@code abs} does.
 */
public enum Elementary {
    // ---- operators ------------------------------------------------------------------------
    /** d(a + b) = da + db */
    ADD("a + b", formula("1"), formula("1")),
    /** d(a - b) = da - db */
    SUB("a - b", formula("1"), formula("-1")),
    /** d(a b) = b da + a db */
    MUL("a * b", formula("b"), formula("a")),
    /** d(a / b) = da / b - (a / b²) db = da / b - (r / b) db */
    DIV("a / b", formula("1.0 / b"), formula("-r / b")),
    /** d(a % b) = da - trunc(a / b) db */
    REM("a % b", formula("1"), formula("-((a - r) / b)")),
    /** d(-a) = -da */
    NEG("-a", formula("-1")),
    /** Plain copy: a variable's new version, a phi at a join, an identity cast. */
    COPY("a", formula("1")),
    /** Widening to double keeps the derivative. */
    TO_DOUBLE("(double) a", formula("1")),
    /** Narrowing to float keeps the derivative (rounded like the value). */
    TO_FLOAT("(float) a", formula("1")),
    /** Gradients.stop(a): the value of a, held constant: derivative 0. */
    STOP("a"),

    // ---- java.lang.Math / StrictMath -------------------------------------------------------
    /** sin' = cos */
    SIN(call("sin"), formula("Math.cos(a)")),
    /** cos' = -sin */
    COS(call("cos"), formula("-Math.sin(a)")),
    /** tan' = 1 + tan² */
    TAN(call("tan"), formula("1.0 + r * r")),
    /** asin' = 1 / √(1 - a²) */
    ASIN(call("asin"), formula("1.0 / Math.sqrt(1.0 - a * a)")),
    /** acos' = -1 / √(1 - a²) */
    ACOS(call("acos"), formula("-1.0 / Math.sqrt(1.0 - a * a)")),
    /** atan' = 1 / (1 + a²) */
    ATAN(call("atan"), formula("1.0 / (1.0 + a * a)")),
    /** atan2(a, b): ∂a = b / (a² + b²), ∂b = -a / (a² + b²) */
    ATAN2(call("atan2"), formula("b / (a * a + b * b)"), formula("-a / (a * a + b * b)")),
    /** sinh' = cosh */
    SINH(call("sinh"), formula("Math.cosh(a)")),
    /** cosh' = sinh */
    COSH(call("cosh"), formula("Math.sinh(a)")),
    /** tanh' = 1 - tanh² */
    TANH(call("tanh"), formula("1.0 - r * r")),
    /** exp' = exp */
    EXP(call("exp"), formula("r")),
    /** expm1' = exp = expm1 + 1 */
    EXPM1(call("expm1"), formula("r + 1.0")),
    /** log' = 1 / a */
    LOG(call("log"), formula("1.0 / a")),
    /** log10' = 1 / (a ln 10) */
    LOG10(call("log10"), formula("1.0 / (a * Math.log(10.0))")),
    /** log1p' = 1 / (1 + a) */
    LOG1P(call("log1p"), formula("1.0 / (1.0 + a)")),
    /** sqrt' = 1 / (2 √a); +Infinity at 0, never clamped */
    SQRT(call("sqrt"), formula("0.5 / r")),
    /** cbrt' = 1 / (3 ∛a²) */
    CBRT(call("cbrt"), formula("1.0 / (3.0 * r * r)")),
    /**
     * pow(a, b): ∂a = b a^(b-1), ∂b = a^b ln a. The power rule never divides by a, so it is
     * exact at a = 0 and for a < 0; ∂a is 0 when b = 0, and ∂b is 0 at a = 0 (as in JAX). The
     * guard on ∂a covers only a = b = 0 (0 · 0^-1 would be NaN): guarding every b = 0 would make
     * ∂a's own derivative in b, a^-1 there, 0 to second order.
     */
    POW(call("pow"), Elementary::powerRule, formula("a == 0.0 ? 0.0 : r * Math.log(a)")),
    /** hypot(a, b): ∂a = a / r, ∂b = b / r; 0 at the origin, like abs */
    HYPOT(call("hypot"), formula("r == 0.0 ? 0.0 : a / r"), formula("r == 0.0 ? 0.0 : b / r")),
    /** abs' = signum, so abs'(0) = 0 */
    ABS(call("abs"), formula("Math.signum(a)")),
    /** max(a, b): the larger argument gets the derivative; a tie gives each half */
    MAX(call("max"), formula("a > b ? 1.0 : a == b ? 0.5 : 0.0"),
            formula("b > a ? 1.0 : a == b ? 0.5 : 0.0")),
    /** min(a, b): the smaller argument gets the derivative; a tie gives each half */
    MIN(call("min"), formula("a < b ? 1.0 : a == b ? 0.5 : 0.0"),
            formula("b < a ? 1.0 : a == b ? 0.5 : 0.0")),
    /** toRadians' = π / 180 */
    TO_RADIANS(call("toRadians"), formula("Math.PI / 180.0")),
    /** toDegrees' = 180 / π */
    TO_DEGREES(call("toDegrees"), formula("180.0 / Math.PI")),
    /** fma(a, b, c) = a b + c */
    FMA(call("fma"), formula("b"), formula("a"), formula("1")),
    /** floor is piecewise constant: derivative 0 */
    FLOOR(call("floor")),
    /** ceil is piecewise constant: derivative 0 */
    CEIL(call("ceil")),
    /** rint is piecewise constant: derivative 0 */
    RINT(call("rint")),
    /** round is piecewise constant (and integer-valued): derivative 0 */
    ROUND(call("round")),
    /** signum is piecewise constant: derivative 0 */
    SIGNUM(call("signum"));

    private final String syntax;
    private final List<Partial> partials;
    private final int arity;

    Elementary(String syntax, Partial... partials) {
        this.syntax = syntax;
        this.partials = List.of(partials);
        this.arity = partials.length == 0 ? 1 : partials.length;
    }

    private static String call(String method) {
        return "Math." + method + "(";
    }

    /** a^b: d/da = b a^(b-1), folded when b is a literal so x³ reads 3.0 * Math.pow(x, 2.0). */
    private static String powerRule(List<String> args, String r, List<Double> literals) {
        Double n = literals.get(1);
        if (n == null) {
            return Formula.substitute("a == 0.0 ? (b == 0.0 ? 0.0 : b * Math.pow(a, b - 1.0)) : b * Math.pow(a, b - 1.0)",
                    args, r);
        }
        if (n == 0.0) {
            return null;
        }
        if (n == 1.0) {
            return "1";
        }
        String a = args.get(0);
        if (n == 2.0) {
            return "2.0 * " + a;
        }
        String lit = literal(n);
        return n - 1.0 == 1.0 ? lit + " * " + a : lit + " * Math.pow(" + a + ", " + literal(n - 1.0) + ")";
    }

    private static String literal(double v) {
        String s = v == Math.rint(v) && Math.abs(v) < 1e15 ? (long) v + ".0" : Double.toString(v);
        return v < 0 ? "(" + s + ")" : s;
    }

    /** The Math method name, or null for an operator. */
    public String methodName() {
        return syntax.startsWith("Math.") ? syntax.substring(5, syntax.length() - 1) : null;
    }

    public int arity() {
        return arity;
    }

    /** Piecewise-constant operations pass no derivative at all. */
    public boolean isPiecewiseConstant() {
        return partials.isEmpty();
    }

    /**
     * The Java expression computing this operation.
     *
     * @param mathClass {@code Math} or {@code StrictMath}, as the user wrote it
     */
    public String primal(List<String> args, String mathClass) {
        if (methodName() != null) {
            return mathClass + "." + methodName() + "(" + String.join(", ", args) + ")";
        }
        return Formula.substitute(syntax, args, "r");
    }

    /**
     * The partial derivative with respect to operand {@code i}, or null when it is zero.
     *
     * @param literals each operand's literal value, or null where it is not a literal
     * @param mathClass the class whose functions the formula calls, so StrictMath stays strict
     */
    public String partial(int i, List<String> args, String r, List<Double> literals, String mathClass) {
        if (partials.isEmpty()) {
            return null;
        }
        String d = partials.get(i).render(args, r, literals);
        if (d == null || mathClass.equals("Math")) {
            return d;
        }
        return d.replaceAll("(?<![\\w.])Math\\.", mathClass + ".");
    }

    /**
     * The partial derivative with respect to operand {@code i} as an expression tree over the
     * operands and the result, or null when it is zero: the same formula as {@link #partial}, in a
     * form a transform can build from steps of this table and differentiate again.
     */
    public Expr partialExpr(int i, List<Double> literals) {
        List<String> markers = new java.util.ArrayList<>();
        for (int k = 0; k < arity; k++) {
            markers.add(ExprParser.arg(k));
        }
        String d = partial(i, markers, ExprParser.result(), literals, "Math");
        return d == null ? null : ExprParser.parse(d);
    }

    /** Looks up a Math/StrictMath method by name and argument count. */
    public static Elementary ofMethod(String name, int argCount) {
        for (Elementary e : values()) {
            if (name.equals(e.methodName()) && e.arity == argCount) {
                return e;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
