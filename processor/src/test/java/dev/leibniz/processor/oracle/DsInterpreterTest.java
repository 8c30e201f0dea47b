package dev.leibniz.processor.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leibniz.processor.oracle.Ast.BExpr;
import dev.leibniz.processor.oracle.Ast.Bin;
import dev.leibniz.processor.oracle.Ast.Call;
import dev.leibniz.processor.oracle.Ast.Cast;
import dev.leibniz.processor.oracle.Ast.Cmp;
import dev.leibniz.processor.oracle.Ast.Compound;
import dev.leibniz.processor.oracle.Ast.Cond;
import dev.leibniz.processor.oracle.Ast.Decl;
import dev.leibniz.processor.oracle.Ast.Expr;
import dev.leibniz.processor.oracle.Ast.Fn;
import dev.leibniz.processor.oracle.Ast.If;
import dev.leibniz.processor.oracle.Ast.Lit;
import dev.leibniz.processor.oracle.Ast.Method;
import dev.leibniz.processor.oracle.Ast.Neg;
import dev.leibniz.processor.oracle.Ast.Param;
import dev.leibniz.processor.oracle.Ast.Return;
import dev.leibniz.processor.oracle.Ast.Stmt;
import dev.leibniz.processor.oracle.Ast.Ty;
import dev.leibniz.processor.oracle.Ast.Var;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reference interpreter against closed forms, including every convention of the contract
 * (abs'(0) = 0, half-and-half ties, zero derivative of floor/ceil/rint/round/signum, exact pow with
 * a constant exponent at u <= 0, branch taken) and Java's value semantics (int division, long
 * round, compound assignment narrowing).
 */
class DsInterpreterTest {

    private static final Expr X = new Var("x", Ty.DOUBLE);
    private static final Expr Y = new Var("y", Ty.DOUBLE);
    private static final Expr N = new Var("n", Ty.INT);

    private static Expr d(double v) {
        return new Lit(v, Ty.DOUBLE);
    }

    private static Expr i(int v) {
        return new Lit(v, Ty.INT);
    }

    private static Expr call(Fn fn, Expr... args) {
        return new Call("Math", fn, List.of(args));
    }

    private static Expr strict(Fn fn, Expr... args) {
        return new Call("StrictMath", fn, List.of(args));
    }

    private static Expr bin(char op, Expr l, Expr r) {
        return new Bin(op, l, r);
    }

    private static Method method(List<Param> ps, Stmt... body) {
        return new Method("static", "double", "f", ps, List.of(body), 0, List.of());
    }

    private static final List<Param> XY = List.of(new Param("x", Ty.DOUBLE), new Param("y", Ty.DOUBLE));
    private static final List<Param> XN = List.of(new Param("x", Ty.DOUBLE), new Param("n", Ty.INT));

    private static DsInterpreter.Result evalXY(Expr e, double x, double y) {
        return new DsInterpreter(method(XY, new Return(e))).eval(new double[] {x, y});
    }

    private static void assertGrad(Expr e, double x, double y, double value, double dx, double dy) {
        DsInterpreter.Result r = evalXY(e, x, y);
        assertTrue(r.fit(), () -> "unfit: " + r.unfitReason());
        assertEquals(value, r.value(), 1e-14 * Math.max(1, Math.abs(value)), "value of " + JavaPrinter.expr(e));
        assertArrayEquals(new double[] {dx, dy}, r.gradient(), 1e-13, "gradient of " + JavaPrinter.expr(e));
    }

    @Test
    void arithmetic() {
        assertGrad(bin('+', bin('*', X, Y), call(Fn.SIN, X)), 0.7, -1.3, 0.7 * -1.3 + Math.sin(0.7), -1.3 + Math.cos(0.7), 0.7);
        assertGrad(bin('/', X, Y), 1.5, 2.0, 0.75, 0.5, -1.5 / 4.0);
        assertGrad(bin('-', new Neg(X), bin('*', i(3), Y)), 1.0, 2.0, -7.0, -1.0, -3.0);
    }

    /**
     * atan2's second derivatives in every quadrant and on the axes, against closed forms
     * (∂²/∂y² = -2xy/r⁴, ∂²/∂x∂y = (y² - x²)/r⁴, ∂²/∂x² = 2xy/r⁴), and exactly 0 at x = 0 under a
     * steep chain, where Hipparchus' own atan2 left -3.8e-8 (oracle seed 72).
     */
    @Test
    void atan2SecondDerivatives() {
        org.hipparchus.analysis.differentiation.DSFactory f = new org.hipparchus.analysis.differentiation.DSFactory(2, 2);
        double[][] points = {{0.3, 1.7}, {1.7, 0.3}, {-0.4, -2.0}, {2.5, -0.1}, {-1.1, 0.0}, {0.0, -3.0}, {0.006, 0.0}};
        for (double[] p : points) {
            double y = p[0];
            double x = p[1];
            double r4 = (x * x + y * y) * (x * x + y * y);
            var a = DsInterpreter.atan2(f.variable(0, y), f.variable(1, x), Math.atan2(y, x));
            String at = "atan2(" + y + ", " + x + ")";
            assertEquals(Math.atan2(y, x), a.getValue(), 0.0, at);
            assertEquals(x / (x * x + y * y), a.getPartialDerivative(1, 0), 1e-15, at + " d/dy");
            assertEquals(-y / (x * x + y * y), a.getPartialDerivative(0, 1), 1e-15, at + " d/dx");
            assertEquals(-2 * x * y / r4, a.getPartialDerivative(2, 0), 1e-12 * Math.abs(1 / r4), at + " d2/dy2");
            assertEquals((y * y - x * x) / r4, a.getPartialDerivative(1, 1), 1e-12 * Math.abs(1 / r4), at + " d2/dxdy");
            assertEquals(2 * x * y / r4, a.getPartialDerivative(0, 2), 1e-12 * Math.abs(1 / r4), at + " d2/dx2");
        }
        org.hipparchus.analysis.differentiation.DSFactory one = new org.hipparchus.analysis.differentiation.DSFactory(1, 2);
        double r = 0.22558761393618632;
        var q = one.variable(0, -0.18575005781683895);
        var y = q.negate().add(r).toDegrees().cos();
        var t = DsInterpreter.atan2(y, one.constant(0.0), Math.atan2(y.getValue(), 0.0));
        assertEquals(0.0, t.getPartialDerivative(1), 0.0, "constant in q: pi/2 whatever y > 0 is");
        assertEquals(0.0, t.getPartialDerivative(2), 0.0);
    }

    @Test
    void elementaryFunctions() {
        double x = 0.3;
        double y = 1.7;
        assertGrad(call(Fn.COS, X), x, y, Math.cos(x), -Math.sin(x), 0);
        assertGrad(call(Fn.TAN, X), x, y, Math.tan(x), 1 + Math.tan(x) * Math.tan(x), 0);
        assertGrad(call(Fn.ASIN, X), x, y, Math.asin(x), 1 / Math.sqrt(1 - x * x), 0);
        assertGrad(call(Fn.ACOS, X), x, y, Math.acos(x), -1 / Math.sqrt(1 - x * x), 0);
        assertGrad(call(Fn.ATAN, X), x, y, Math.atan(x), 1 / (1 + x * x), 0);
        assertGrad(call(Fn.ATAN2, X, Y), x, y, Math.atan2(x, y), y / (x * x + y * y), -x / (x * x + y * y));
        assertGrad(call(Fn.SINH, X), x, y, Math.sinh(x), Math.cosh(x), 0);
        assertGrad(call(Fn.COSH, X), x, y, Math.cosh(x), Math.sinh(x), 0);
        assertGrad(call(Fn.TANH, X), x, y, Math.tanh(x), 1 - Math.tanh(x) * Math.tanh(x), 0);
        assertGrad(call(Fn.EXP, X), x, y, Math.exp(x), Math.exp(x), 0);
        assertGrad(call(Fn.EXPM1, X), x, y, Math.expm1(x), Math.exp(x), 0);
        assertGrad(call(Fn.LOG, Y), x, y, Math.log(y), 0, 1 / y);
        assertGrad(call(Fn.LOG10, Y), x, y, Math.log10(y), 0, 1 / (y * Math.log(10)));
        assertGrad(call(Fn.LOG1P, X), x, y, Math.log1p(x), 1 / (1 + x), 0);
        assertGrad(call(Fn.SQRT, Y), x, y, Math.sqrt(y), 0, 0.5 / Math.sqrt(y));
        assertGrad(call(Fn.CBRT, Y), x, y, Math.cbrt(y), 0, 1 / (3 * Math.cbrt(y) * Math.cbrt(y)));
        assertGrad(call(Fn.HYPOT, X, Y), x, y, Math.hypot(x, y), x / Math.hypot(x, y), y / Math.hypot(x, y));
        assertGrad(call(Fn.TORADIANS, X), x, y, Math.toRadians(x), Math.PI / 180, 0);
        assertGrad(call(Fn.TODEGREES, X), x, y, Math.toDegrees(x), 180 / Math.PI, 0);
        assertGrad(call(Fn.FMA, X, Y, X), x, y, Math.fma(x, y, x), y + 1, x);
        assertGrad(call(Fn.POW, Y, X), x, y, Math.pow(y, x), Math.log(y) * Math.pow(y, x), x * Math.pow(y, x - 1));
        assertGrad(strict(Fn.SIN, X), x, y, StrictMath.sin(x), Math.cos(x), 0);
    }

    @Test
    void conventions() {
        // abs'(0) = 0, also at -0.0
        assertGrad(call(Fn.ABS, X), 0.0, 1.0, 0.0, 0.0, 0.0);
        assertGrad(call(Fn.ABS, X), -0.0, 1.0, 0.0, 0.0, 0.0);
        assertGrad(call(Fn.ABS, X), -2.0, 1.0, 2.0, -1.0, 0.0);
        // max/min tie: each argument half
        assertGrad(call(Fn.MAX, X, Y), 1.25, 1.25, 1.25, 0.5, 0.5);
        assertGrad(call(Fn.MIN, X, Y), 1.25, 1.25, 1.25, 0.5, 0.5);
        assertGrad(call(Fn.MAX, X, X), 0.5, 0.0, 0.5, 1.0, 0.0);
        assertGrad(call(Fn.MAX, bin('*', d(2), X), Y), 1.0, 2.0, 2.0, 1.0, 0.5);
        assertGrad(call(Fn.MIN, X, Y), 3.0, -1.0, -1.0, 0.0, 1.0);
        // piecewise-constant functions
        assertGrad(bin('*', call(Fn.FLOOR, X), Y), 1.7, 3.0, 3.0, 0.0, 1.0);
        assertGrad(bin('*', call(Fn.CEIL, X), Y), 1.2, 3.0, 6.0, 0.0, 2.0);
        assertGrad(bin('*', call(Fn.RINT, X), Y), 2.5, 3.0, 6.0, 0.0, 2.0);
        assertGrad(bin('*', call(Fn.SIGNUM, X), Y), -0.1, 3.0, -3.0, 0.0, -1.0);
        assertGrad(bin('*', call(Fn.ROUND, X), Y), 2.5, 3.0, 9.0, 0.0, 3.0);
        // hypot: derivative 0 at the origin (README), like abs
        assertGrad(call(Fn.HYPOT, X, Y), 0.0, 0.0, 0.0, 0.0, 0.0);
        // pow with a constant exponent is exact at u = 0 and u < 0
        assertGrad(call(Fn.POW, X, i(3)), -2.0, 0.0, -8.0, 12.0, 0.0);
        assertGrad(call(Fn.POW, X, d(2.0)), 0.0, 0.0, 0.0, 0.0, 0.0);
        assertGrad(call(Fn.POW, X, d(1.0)), 0.0, 0.0, 0.0, 1.0, 0.0);
        assertGrad(call(Fn.POW, X, i(0)), -3.0, 0.0, 1.0, 0.0, 0.0);
        assertGrad(call(Fn.POW, X, new Neg(i(1))), -2.0, 0.0, -0.5, -0.25, 0.0);
    }

    @Test
    void javaValueSemantics() {
        // long from round; int division truncates; int/long max overloads stay integral
        assertEquals(Ty.LONG, call(Fn.ROUND, X).ty());
        assertEquals(Ty.INT, call(Fn.MAX, i(1), N).ty());
        assertEquals(Ty.LONG, call(Fn.MAX, call(Fn.ROUND, X), N).ty());
        assertEquals(Ty.DOUBLE, call(Fn.MAX, X, N).ty());
        Method m = method(XN,
                new Decl(Ty.INT, "k", bin('/', bin('+', N, i(3)), i(2))),
                new Compound("k", Ty.INT, '+', X), // k = (int) (k + x)
                new Return(bin('+', new Cast(Ty.DOUBLE, new Var("k", Ty.INT)), bin('*', bin('/', i(1), i(2)), X))));
        DsInterpreter.Result r = new DsInterpreter(m).eval(new double[] {1.7, 0});
        assertEquals(2.0, r.value()); // (0+3)/2 = 1; (int) (1 + 1.7) = 2; 1/2 = 0
        assertArrayEquals(new double[] {0.0}, r.gradient(), 1e-15);
        DsInterpreter.Result neg = new DsInterpreter(m).eval(new double[] {-2.5, -4});
        assertEquals(-2.0, neg.value()); // (-4+3)/2 = 0 (truncation); (int) (0 - 2.5) = -2
        // a negative base with an int parameter exponent is exact too
        Method p = method(XN, new Return(call(Fn.POW, X, N)));
        DsInterpreter.Result pr = new DsInterpreter(p).eval(new double[] {-1.5, 3});
        assertTrue(pr.fit());
        assertEquals(Math.pow(-1.5, 3), pr.value());
        assertEquals(3 * 1.5 * 1.5, pr.gradient()[0], 1e-14);
    }

    @Test
    void branchTakenAndTernary() {
        BExpr gt = new Cmp(">", X, Y);
        Method m = method(XY,
                new If(gt, List.of(new Return(bin('*', X, X))), List.of()),
                new Decl(Ty.DOUBLE, "a", new Cond(new Cmp("<", X, d(0)), bin('*', d(3), Y), X)),
                new Return(bin('*', new Var("a", Ty.DOUBLE), Y)));
        DsInterpreter in = new DsInterpreter(m);
        DsInterpreter.Result r1 = in.eval(new double[] {2, 1});
        assertEquals(4.0, r1.value());
        assertArrayEquals(new double[] {4, 0}, r1.gradient(), 1e-15);
        DsInterpreter.Result r2 = in.eval(new double[] {-1, 2});
        assertEquals(12.0, r2.value());
        assertArrayEquals(new double[] {0, 12}, r2.gradient(), 1e-15);
        DsInterpreter.Result r3 = in.eval(new double[] {0.5, 2});
        assertEquals(1.0, r3.value());
        assertArrayEquals(new double[] {2, 0.5}, r3.gradient(), 1e-15);
        assertTrue(r1.signature() != r2.signature() && r2.signature() != r3.signature());
        // same branches, same signature
        assertEquals(r3.signature(), in.eval(new double[] {0.6, 2}).signature());
    }

    @Test
    void derivativesAreTakenAtJavasOwnValues() {
        // (y - y) * x is -0.0 for x < 0, and atan2(-0.0, -1) = -pi: the derivative of
        // atan2(..) * x with respect to x is atan2(..) + x * 0 = -pi, not +pi
        Expr a = call(Fn.ATAN2, bin('*', bin('-', Y, Y), X), d(-1.0));
        DsInterpreter.Result r = evalXY(bin('*', a, X), -0.5, 1.0);
        assertEquals(Math.PI * 0.5, r.value());
        assertEquals(-Math.PI, r.gradient()[0], 1e-15);
    }

    @Test
    void unfitPointsAreDetected() {
        assertFalse(evalXY(call(Fn.SQRT, X), 0.0, 0).fit()); // sqrt'(0) = +Infinity
        assertFalse(evalXY(call(Fn.LOG, X), -1.0, 0).fit());
        assertFalse(evalXY(call(Fn.ATAN2, X, Y), 0.0, 0.0).fit());
        assertFalse(evalXY(bin('/', X, Y), 1.0, 0.0).fit());
        assertFalse(evalXY(call(Fn.EXP, bin('*', d(20), X)), 1.0, 0).fit()); // beyond the magnitude limit
        // a possibly active exponent on a negative base is outside the supported domain
        assertFalse(evalXY(call(Fn.POW, X, Y), -2.0, 2.0).fit());
        assertTrue(evalXY(call(Fn.POW, X, Y), 2.0, -2.0).fit());
    }

    @Test
    void staticActivity() {
        assertTrue(DsInterpreter.staticallyInactive(bin('*', d(2), new Ast.Const("K", Ty.DOUBLE, 0.5))));
        assertTrue(DsInterpreter.staticallyInactive(N));
        assertTrue(DsInterpreter.staticallyInactive(new Cast(Ty.INT, X)));
        assertFalse(DsInterpreter.staticallyInactive(bin('*', d(0), X)));
    }

    @Test
    void printerRespectsPrecedence() {
        assertEquals("x - (y - x)", JavaPrinter.expr(bin('-', X, bin('-', Y, X))));
        assertEquals("(x + y) * x", JavaPrinter.expr(bin('*', bin('+', X, Y), X)));
        assertEquals("x / (y * x)", JavaPrinter.expr(bin('/', X, bin('*', Y, X))));
        assertEquals("-(-x)", JavaPrinter.expr(new Neg(new Neg(X))));
        assertEquals("x - -1.5", JavaPrinter.expr(bin('-', X, new Neg(d(1.5)))));
        assertEquals("(double) (n + 1)", JavaPrinter.expr(new Cast(Ty.DOUBLE, bin('+', N, i(1)))));
        assertEquals("(x < y ? x : y) * 2", JavaPrinter.expr(bin('*', new Cond(new Cmp("<", X, Y), X, Y), i(2))));
        List<Expr> args = new ArrayList<>(List.of(X));
        assertEquals("StrictMath.sin(x)", JavaPrinter.expr(new Call("StrictMath", Fn.SIN, args)));
    }

    // ------------------------------------------------------------------ arrays and data-flow shapes

    private static final List<Param> XBK = List.of(new Param("x", Ty.DOUBLE), new Param("b", Ty.DARRAY, 2),
            new Param("ks", Ty.IARRAY, 2));

    private static Expr el(String arr, Expr index) {
        return new Ast.Idx(arr, index);
    }

    private static Stmt loop(String var, Expr bound, Stmt... body) {
        return new Ast.For(null, var, i(0), new Cmp("<", new Var(var, Ty.INT), bound), 1, List.of(body));
    }

    /** At x = 0.5, b = {1, 2}, ks = {3, 4}; the gradient is (d/dx, d/db[0], d/db[1]). */
    private static void assertXbk(double value, double[] grad, Stmt... body) {
        Method m = method(XBK, body);
        DsInterpreter.Result r = new DsInterpreter(m).eval(new double[] {0.5, 1.0, 2.0, 3.0, 4.0});
        assertTrue(r.fit(), () -> "unfit: " + r.unfitReason());
        String src = JavaPrinter.method(m);
        assertEquals(value, r.value(), 1e-14, src);
        assertArrayEquals(grad, r.gradient(), 1e-13, src);
    }

    @Test
    void loopLocalFromAnElementThenUpdated() {
        // double s = 0; for (j) { double z = b[j]; z += x; s += z * z; } return s;  (z, not b[j], is squared)
        Var j = new Var("j", Ty.INT);
        Var z = new Var("z", Ty.DOUBLE);
        assertXbk(1.5 * 1.5 + 2.5 * 2.5, new double[] {2 * 1.5 + 2 * 2.5, 2 * 1.5, 2 * 2.5},
                new Decl(Ty.DOUBLE, "s", d(0)),
                loop("j", new Ast.Len("b"), new Decl(Ty.DOUBLE, "z", el("b", j)), new Compound("z", Ty.DOUBLE, '+', X),
                        new Compound("s", Ty.DOUBLE, '+', bin('*', z, z))),
                new Return(new Var("s", Ty.DOUBLE)));
        // Horner: p = b[1]; for (i = 0; i >= 0; i--) p = p * x + b[i];  p = b1 x + b0
        assertXbk(2 * 0.5 + 1, new double[] {2, 1, 0.5},
                new Decl(Ty.DOUBLE, "p", el("b", bin('-', new Ast.Len("b"), i(1)))),
                new Ast.For(null, "i", bin('-', new Ast.Len("b"), i(2)), new Cmp(">=", new Var("i", Ty.INT), i(0)), -1,
                        List.of(new Ast.Assign("p", Ty.DOUBLE, bin('+', bin('*', new Var("p", Ty.DOUBLE), X),
                                el("b", new Var("i", Ty.INT)))))),
                new Return(new Var("p", Ty.DOUBLE)));
    }

    @Test
    void overwritingWithAnInactiveValueKillsTheOldDerivative() {
        Var t = new Var("t", Ty.INT);
        Var y = new Var("y", Ty.DOUBLE);
        // y = x; for (t) y = ks[t]; return y * x;  -> 4x: the int[] element carries no derivative
        assertXbk(4 * 0.5, new double[] {4, 0, 0},
                new Decl(Ty.DOUBLE, "y", X),
                loop("t", new Ast.Len("ks"), new Ast.Assign("y", Ty.DOUBLE, new Ast.Idx("ks", t, Ty.INT))),
                new Return(bin('*', y, X)));
        // a constant table: y = x; for (t) y = tbl[t]; return y;
        assertXbk(2.5, new double[] {0, 0, 0},
                new Ast.ArrInit("tbl", List.of(d(1.5), d(2.5))),
                new Decl(Ty.DOUBLE, "y", X),
                loop("t", new Ast.Len("tbl"), new Ast.Assign("y", Ty.DOUBLE, el("tbl", t))),
                new Return(y));
        // the same with b (the reference differentiates every double[]; wrt only selects accessors)
        assertXbk(2, new double[] {0, 0, 1},
                new Decl(Ty.DOUBLE, "y", X),
                loop("t", new Ast.Len("b"), new Ast.Assign("y", Ty.DOUBLE, el("b", t))),
                new Return(y));
    }

    @Test
    void arrayCallsFollowJavaSemantics() {
        // overlapping arraycopy behaves as if through a temporary: {x, 2x, 3x} -> {x, x, 2x}
        assertXbk(112 * 0.5, new double[] {112, 0, 0},
                new Ast.ArrDecl("a", i(3)),
                new Ast.ArrStore("a", i(0), '=', X),
                new Ast.ArrStore("a", i(1), '=', bin('*', d(2), X)),
                new Ast.ArrStore("a", i(2), '=', bin('*', d(3), X)),
                new Ast.ArrayCopy("a", i(0), "a", i(1), i(2)),
                new Return(bin('+', bin('+', bin('*', el("a", i(0)), d(100)), bin('*', el("a", i(1)), d(10))), el("a", i(2)))));
        // fill, then fill a range with a constant: {x, 5, x}
        assertXbk(0.5 * 5 + 0.5, new double[] {6, 0, 0},
                new Ast.ArrDecl("a", i(3)),
                new Ast.ArrFill("a", null, null, X),
                new Ast.ArrFill("a", i(1), i(2), d(5)),
                new Return(bin('+', bin('*', el("a", i(0)), el("a", i(1))), el("a", i(2)))));
        // copyOf pads with constant zeros: {b0, b1, 0}
        assertXbk(1 * 2 + 0 + 3, new double[] {0, 2, 1},
                new Ast.ArrCopyDecl("c", Ast.CopyKind.COPY_OF, "b", i(3), null),
                new Return(bin('+', bin('+', bin('*', el("c", i(0)), el("c", i(1))), el("c", i(2))), new Ast.Len("c"))));
        // copyOfRange past the end: {b1, 0}
        assertXbk(2 * 0.5 + 0 + 2, new double[] {2, 0, 0.5},
                new Ast.ArrCopyDecl("c", Ast.CopyKind.COPY_OF_RANGE, "b", i(1), i(3)),
                new Return(bin('+', bin('+', bin('*', el("c", i(0)), X), el("c", i(1))), new Ast.Len("c"))));
        // a clone is independent of its source: c[0] = x leaves b[0] alone
        assertXbk(1 + 0.5 * 2, new double[] {2, 1, 0.5},
                new Ast.ArrCopyDecl("c", Ast.CopyKind.CLONE, "b", null, null),
                new Ast.ArrStore("c", i(0), '=', X),
                new Return(bin('+', el("b", i(0)), bin('*', el("c", i(0)), el("c", i(1))))));
    }

    @Test
    void arrayCallsPrintAsJava() {
        Method m = method(XBK,
                new Ast.ArrInit("tbl", List.of(d(1.5), new Neg(d(2.5)))),
                new Ast.ArrCopyDecl("c", Ast.CopyKind.COPY_OF_RANGE, "b", i(0), new Ast.Len("b")),
                new Ast.ArrCopyDecl("e", Ast.CopyKind.CLONE, "tbl", null, null),
                new Ast.ArrayCopy("tbl", i(0), "c", i(1), i(1)),
                new Ast.ArrFill("c", i(0), i(1), new Ast.Idx("ks", i(0), Ty.INT)),
                new Return(X));
        String src = JavaPrinter.method(m);
        assertTrue(src.contains("double[] tbl = {1.5, -2.5};"), src);
        assertTrue(src.contains("double[] c = Arrays.copyOfRange(b, 0, b.length);"), src);
        assertTrue(src.contains("double[] e = tbl.clone();"), src);
        assertTrue(src.contains("System.arraycopy(tbl, 0, c, 1, 1);"), src);
        assertTrue(src.contains("Arrays.fill(c, 0, 1, ks[0]);"), src);
        assertTrue(src.contains("int[] ks"), src);
    }

    // ------------------------------------------------------------------ issue 9 constructs

    private static final List<Param> XW = List.of(new Param("x", Ty.DOUBLE), new Param("w", Ty.DMATRIX, 2, 2));

    @Test
    void aRowIsTheMatrixRowAndItsGradientLandsThere() {
        // double[] row = w[1]; return row[0] * w[1][0] + x * row[1];   (row-major free variables)
        Method m = method(XW,
                new Ast.ArrLocal("row", false, new Ast.Row("w", i(1))),
                new Return(bin('+', bin('*', new Ast.Idx("row", i(0)), new Ast.Idx2("w", i(1), i(0))),
                        bin('*', X, new Ast.Idx("row", i(1))))));
        DsInterpreter.Result r = new DsInterpreter(m).eval(new double[] {2, 1, 2, 3, 4});
        assertEquals(3 * 3 + 2 * 4, r.value());
        // d/dx = w11, d/dw00 = 0, d/dw01 = 0, d/dw10 = 2 w10, d/dw11 = x
        assertArrayEquals(new double[] {4, 0, 0, 6, 2}, r.gradient(), 0);
    }

    @Test
    void sideEffectsInsideExpressionsRunInJavasOrder() {
        // double u = 1; double s = (u = 2 * x) * u + (u = x) * u;  -> 4x^2 + x^2
        Method m = method(XY,
                new Decl(Ty.DOUBLE, "u", d(1)),
                new Decl(Ty.DOUBLE, "s", bin('+', bin('*', new Ast.AssignExpr("u", Ty.DOUBLE, bin('*', d(2), X)), new Var("u", Ty.DOUBLE)),
                        bin('*', new Ast.AssignExpr("u", Ty.DOUBLE, X), new Var("u", Ty.DOUBLE)))),
                new Return(new Var("s", Ty.DOUBLE)));
        DsInterpreter.Result r = new DsInterpreter(m).eval(new double[] {3, 0});
        assertEquals(45, r.value());
        assertArrayEquals(new double[] {30, 0}, r.gradient(), 0);
        // double[] b = new double[2]; int k = 0; b[k++] = x; b[k++] = k * y; while (k-- > 0) s += b[k];
        Method p = method(XY,
                new Ast.ArrLocal("b", false, new Ast.NewArr(i(2))),
                new Decl(Ty.INT, "k", i(0)),
                new Ast.ArrStore("b", new Ast.IncDecExpr("k", Ty.INT, true, false), '=', X),
                new Ast.ArrStore("b", new Ast.IncDecExpr("k", Ty.INT, true, false), '=', bin('*', new Var("k", Ty.INT), Y)),
                new Decl(Ty.DOUBLE, "s", d(0)),
                new Ast.While(null, new Cmp(">", new Ast.IncDecExpr("k", Ty.INT, false, false), i(0)),
                        List.of(new Compound("s", Ty.DOUBLE, '+', bin('*', new Ast.Idx("b", new Var("k", Ty.INT)), d(10))))),
                new Return(bin('+', new Var("s", Ty.DOUBLE), new Var("k", Ty.INT))));
        DsInterpreter.Result q = new DsInterpreter(p).eval(new double[] {3, 5});
        // b = {x, 2y} (k was 1 when k * y was evaluated... after k++ stored at index 1, k = 2 then)
        assertEquals(10 * 3 + 10 * 2 * 5 - 1, q.value());
        assertArrayEquals(new double[] {10, 20}, q.gradient(), 0);
    }

    @Test
    void switchesPickOneArm() {
        // switch (n) { case 0, 1 -> s = x; case 2 -> s = 2 * x; default -> s = 3 * x; } plus a switch expression
        for (int n = 0; n < 4; n++) {
            Method m = method(XN,
                    new Decl(Ty.DOUBLE, "s", d(0)),
                    new Ast.Switch(N, List.of(List.of(0, 1), List.of(2)),
                            List.of(List.of(new Ast.Assign("s", Ty.DOUBLE, X)), List.of(new Ast.Assign("s", Ty.DOUBLE, bin('*', d(2), X)))),
                            List.of(new Ast.Assign("s", Ty.DOUBLE, bin('*', d(3), X))), true),
                    new Return(bin('+', new Var("s", Ty.DOUBLE), new Ast.SwitchExpr(N, List.of(List.of(3)), List.of(X), d(0), false))));
            DsInterpreter.Result r = new DsInterpreter(m).eval(new double[] {2, n});
            double k = n < 2 ? 1 : n == 2 ? 2 : 4;
            assertEquals(2 * k, r.value(), "n = " + n);
            assertArrayEquals(new double[] {k}, r.gradient(), 0, "n = " + n);
        }
    }

    @Test
    void varargsArePackedAndProceduresWriteTheirCallersArrays() {
        Method sum = new Method("static", "double", "libS0", List.of(new Param("vs", Ty.DVARARGS, 3)),
                List.of(new Decl(Ty.DOUBLE, "s", d(0)),
                        new Ast.ForEach(null, "v", "vs", List.of(new Compound("s", Ty.DOUBLE, '+', bin('*', new Var("v", Ty.DOUBLE),
                                new Var("v", Ty.DOUBLE))))),
                        new Return(new Var("s", Ty.DOUBLE))), 0, List.of());
        Method proc = new Method("static", "void", "libP0", List.of(new Param("a", Ty.DARRAY, 1), new Param("x", Ty.DOUBLE),
                new Param("out", Ty.DARRAY, 1)),
                List.of(new Ast.ArrStore("out", i(0), '=', bin('+', bin('*', d(0.5), new Ast.Idx("out", i(0))),
                        bin('*', new Var("x", Ty.DOUBLE), new Ast.Idx("a", i(0)))))), 0, List.of());
        Method vec = new Method("static", "double[]", "libV0", List.of(new Param("a", Ty.DARRAY, 1)),
                List.of(new Ast.ArrDecl("out", new Ast.Len("a")), new Ast.ArrStore("out", i(0), '=', bin('*', d(3), new Ast.Idx("a", i(0)))),
                        new Return(new Var("out", Ty.DARRAY))), 0, List.of());
        // double[] pb = new double[1]; pb[0] = y; libP0(pb, x, pb2)...: s = libS0(x, y) + libS0(pb) + h[0]
        Method m = method(XY,
                new Ast.ArrLocal("pb", false, new Ast.NewArr(i(1))),
                new Ast.ArrStore("pb", i(0), '=', Y),
                new Ast.ArrLocal("in", false, new Ast.NewArr(i(1))),
                new Ast.ArrStore("in", i(0), '=', X),
                new Ast.ExprStmt(new Ast.Invoke("", "libP0", List.of(new Var("in", Ty.DARRAY), X, new Var("pb", Ty.DARRAY)), false)),
                new Ast.ArrLocal("h", false, new Ast.Invoke("", "libV0", List.of(new Var("pb", Ty.DARRAY)), false, Ty.DARRAY)),
                new Return(bin('+', bin('+', new Ast.Invoke("", "libS0", List.of(X, Y), false),
                        new Ast.Invoke("", "libS0", List.of(new Var("pb", Ty.DARRAY)), false)), new Ast.Idx("h", i(0)))));
        Ast.Program prog = new Ast.Program("p", "C", false, List.of(), List.of(), List.of(m), List.of(), List.of(sum, proc, vec));
        DsInterpreter.Result r = new DsInterpreter(m, prog).eval(new double[] {2, 3});
        // pb[0] = 0.5 y + x^2 = 5.5; value = x^2 + y^2 + pb0^2 + 3 pb0
        double pb0 = 5.5;
        assertEquals(4 + 9 + pb0 * pb0 + 3 * pb0, r.value());
        // d/dx = 2x + (2 pb0 + 3) * 2x, d/dy = 2y + (2 pb0 + 3) * 0.5
        assertArrayEquals(new double[] {4 + 14 * 4, 6 + 14 * 0.5}, r.gradient(), 1e-12);
    }
}
