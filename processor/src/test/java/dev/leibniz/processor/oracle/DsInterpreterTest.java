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
}
