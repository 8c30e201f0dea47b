package dev.leibniz.processor.calls;

import dev.leibniz.processor.testing.GradientChecks;
import dev.leibniz.processor.testing.Packing;
import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;
import static dev.leibniz.processor.testing.GradientChecks.assertGradient;
import static dev.leibniz.processor.testing.GradientChecks.vector;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Recursion}: methods that call themselves, against closed forms. */
class RecursionTest {

    @ParameterizedTest
    @CsvSource({"1.3, 0", "1.3, 1", "1.3, 2", "1.3, 7", "-0.8, 5", "-0.8, 6", "2.0, 10",
            "0.0, 1"})
    void powByRecursion(double x, int n) {
        var g = RecursionGrad.pow(x, n);
        double closedForm = n == 0 ? 0.0 : n * Math.pow(x, n - 1);
        assertGradient("pow n=" + n, p -> Recursion.pow(p[0], n), vector(x), g.value(),
                vector(g.x()), vector(closedForm));
    }

    /** At x = 0 the derivative of x^n (n >= 2) is exactly 0; central differences give h^2. */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 6})
    void powAtZero(int n) {
        var g = RecursionGrad.pow(0.0, n);
        assertExactly(0.0, g.value(), "0^" + n);
        assertExactly(0.0, g.x(), "d/dx x^" + n + " at 0");
    }

    @Test
    void powResultReusedAcrossDepths() {
        var into = new RecursionGrad.PowGradient();
        RecursionGrad.pow(1.1, 8, into);
        RecursionGrad.pow(-0.9, 3, into);
        assertExactly(Recursion.pow(-0.9, 3), into.value(), "pow(-0.9, 3) after pow(1.1, 8)");
        assertClose("d/dx pow(-0.9, 3) after a deeper call", 3.0 * -0.9 * -0.9, into.x());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 4})
    void sumOfSquaresFromIndex(int start) {
        double[] x = vector(0.5, -1.5, 2.0, 0.25);
        var g = RecursionGrad.sumOfSquaresFrom(x, start);
        double[] closedForm = new double[x.length];
        for (int j = start; j < x.length; j++) {
            closedForm[j] = 2.0 * x[j];
        }
        assertGradient("sumOfSquaresFrom " + start,
                p -> Recursion.sumOfSquaresFrom(p, start), x.clone(), g.value(), g.x(),
                closedForm);
    }

    /** T_n'(x) = n sin(n t) / sin t at x = cos t, and n sinh(n t) / sinh t at x = cosh t. */
    @ParameterizedTest
    @CsvSource({"0.3, 2", "0.3, 5", "-0.7, 6", "0.95, 4", "1.3, 3", "1.3, 7", "0.5, 1",
            "0.5, 0"})
    void chebyshevWithTwoRecursiveCalls(double x, int n) {
        double closedForm;
        if (n == 0) {
            closedForm = 0.0;
        } else if (Math.abs(x) < 1.0) {
            double t = Math.acos(x);
            closedForm = n * Math.sin(n * t) / Math.sin(t);
        } else {
            double t = Math.log(x + Math.sqrt(x * x - 1.0)); // acosh
            closedForm = n * Math.sinh(n * t) / Math.sinh(t);
        }
        var g = RecursionGrad.chebyshev(x, n);
        assertGradient("chebyshev T_" + n, p -> Recursion.chebyshev(p[0], n), vector(x),
                g.value(), vector(g.x()), vector(closedForm));
    }

    /**
     * A method calling itself has forward mode and a second sweep too: its tangent program calls itself, as its
     * second sweep does. T_n'' from Chebyshev's equation (1 - x²) T'' - x T' + n² T = 0, at x = cos t.
     */
    @ParameterizedTest
    @CsvSource({"0.3, 2", "0.3, 5", "-0.7, 6", "0.95, 4", "0.5, 1", "0.5, 0"})
    void chebyshevsTangentAndSecondDerivative(double x, int n) {
        double t = Math.acos(x);
        double value = Math.cos(n * t);
        double first = n == 0 ? 0.0 : n * Math.sin(n * t) / Math.sin(t);
        double second = n < 2 ? 0.0 : (x * first - n * n * value) / (1 - x * x);
        double dx = 0.75;
        assertClose("T_" + n + "' dx", vector(first * dx), vector(RecursionGrad.chebyshevTangent(x, n, dx)));
        assertClose("T_" + n + "''", vector(second), vector(RecursionGrad.chebyshevHessian(x, n)[0][0]));
    }

    /** Methods calling each other have forward mode and second sweeps too: up(x, n) = 2^⌊n/2⌋ xⁿ. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 6})
    void mutualRecursionsTangentAndSecondDerivative(int n) {
        double x = 1.3;
        double c = Math.pow(2, n / 2);
        double first = n == 0 ? 0.0 : c * n * Math.pow(x, n - 1);
        double second = n < 2 ? 0.0 : c * n * (n - 1) * Math.pow(x, n - 2);
        assertClose("up' dx, n=" + n, vector(first * 0.5), vector(RecursionGrad.upTangent(x, n, 0.5)));
        assertClose("up'', n=" + n, vector(second), vector(RecursionGrad.upHessian(x, n)[0][0]));
    }

    /** horner(c, x, i) = sum over j >= i of c[j] x^(j - i). */
    @ParameterizedTest
    @CsvSource({"0.7, 0", "-1.4, 0", "2.0, 1", "0.5, 3"})
    void hornerByRecursion(double x, int start) {
        double[] c = vector(1.0, -2.0, 0.5, 3.0);
        double[] dc = new double[c.length];
        double dx = 0.0;
        for (int j = start; j < c.length; j++) {
            dc[j] = Math.pow(x, j - start);
            if (j > start) {
                dx += (j - start) * c[j] * Math.pow(x, j - start - 1);
            }
        }
        var g = RecursionGrad.horner(c, x, start);
        assertGradient("horner from " + start, p -> {
            var in = new Packing.Reader(p);
            return Recursion.horner(in.vector(c), in.scalar(), start);
        }, Packing.flat(c, x), g.value(), Packing.flat(g.c(), g.x()), Packing.flat(dc, dx));
    }
}
