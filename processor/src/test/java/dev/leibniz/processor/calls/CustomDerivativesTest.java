package dev.leibniz.processor.calls;

import dev.leibniz.processor.testing.GradientChecks;
import dev.leibniz.processor.testing.Packing;
import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;
import static dev.leibniz.processor.testing.GradientChecks.assertFinite;
import static dev.leibniz.processor.testing.GradientChecks.assertGradient;
import static dev.leibniz.processor.testing.GradientChecks.vector;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code @DerivativeOf} rules used where their methods are called: a stable sigmoid, a rule
 * that deliberately differs from the method's own derivative, an array rule, rules returning
 * several partials, and a rule for a {@code java.lang.Math} method.
 */
class CustomDerivativesTest {

    /** The sigmoid without overflow (e^x / (1 + e^x) below 0), as the reference. */
    private static double sigma(double x) {
        if (x >= 0.0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    private static double sigmaPrime(double x) {
        return sigma(x) * (1.0 - sigma(x));
    }

    @ParameterizedTest
    @CsvSource({"0.3, 1.2", "-1.5, 0.8", "2.0, -2.5", "0.0, 4.0"})
    void stableSigmoidAtRegularPoints(double x, double y) {
        var g = StableSigmoidGrad.activation(x, y);
        double d = 2.0 * sigmaPrime(x * y);
        assertGradient("activation", p -> StableSigmoid.activation(p[0], p[1]), vector(x, y),
                g.value(), vector(g.x(), g.y()), vector(d * y, d * x));
    }

    /**
     * Far left, e^800 overflows: the value is still right (0.5), and the rule keeps the
     * gradient finite where the naive adjoint of 1 / (1 + e^-x) is (-0) * infinity = NaN.
     */
    @ParameterizedTest
    @ValueSource(doubles = {-800.0, -745.0, -710.0, -1e6})
    void stableSigmoidWhereTheNaiveDerivativeOverflows(double x) {
        var g = StableSigmoidGrad.activation(x, 1.0);
        assertExactly(StableSigmoid.activation(x, 1.0), g.value(), "activation(" + x + ", 1)");
        assertExactly(0.5, g.value(), "activation(" + x + ", 1) is 2 * 0 + 0.5");
        assertFinite("activation gradient at x = " + x, g.x(), g.y());
        double d = 2.0 * sigmaPrime(x);
        assertClose("activation d/dx at " + x, d, g.x());
        assertClose("activation d/dy at " + x, d * x, g.y());
        assertTrue(Math.abs(g.x()) < 1e-300 && Math.abs(g.y()) < 1e-300,
                () -> "the derivative at " + x + " is 0 or tiny, but was " + g.x() + ", "
                        + g.y());
    }

    /** A moderately negative point where the derivative is tiny but not 0. */
    @Test
    void stableSigmoidTinyButNonZero() {
        var g = StableSigmoidGrad.activation(-30.0, 1.0);
        assertClose("activation d/dx at -30", 2.0 * sigmaPrime(-30.0), g.x());
        assertTrue(g.x() > 0.0, "d/dx at -30 is positive");
    }

    /**
     * quantize's own derivative is 0 (floor); its rule says 1 (straight-through). The caller
     * must see the rule: d/dx [x quantize(x)] = quantize(x) + x. Central differences of the
     * plain method would give quantize(x) alone, so the closed form of the rule is the
     * reference here.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.6, -1.3, 2.05, 0.1})
    void ruleIsUsedInsteadOfTheMethodsOwnDerivative(double x) {
        double q = Math.floor(4.0 * x) / 4.0;
        var own = StableSigmoidGrad.quantize(x);
        assertExactly(q, own.value(), "quantize(" + x + ")");
        assertExactly(0.0, own.x(), "quantize's own derivative (floor) at " + x);
        var g = StableSigmoidGrad.quantizedProduct(x);
        assertExactly(StableSigmoid.quantizedProduct(x), g.value(),
                "quantizedProduct(" + x + ")");
        assertClose("quantizedProduct' with the straight-through rule at " + x, q + x, g.x());
    }

    /** t LSE(x) + logAddExp(t, x[0]): d/dx = t softmax(x) + sigma(x0 - t) e0. */
    @ParameterizedTest
    @CsvSource({"0.5, 0.0", "-1.5, 1.0", "2.0, 1000.0"})
    void logSumExpArrayRule(double t, double shift) {
        double[] x = vector(0.3 + shift, -1.2 + shift, 0.9 + shift, 0.05 + shift);
        var g = ReductionsGrad.scaledLogSumExp(x, t);
        double lse = Reductions.logSumExp(x);
        double[] dx = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            dx[i] = t * Math.exp(x[i] - lse);
        }
        dx[0] += sigma(x[0] - t);
        double dt = lse + sigma(t - x[0]);
        assertFinite("scaledLogSumExp gradient", Packing.flat(g.x(), g.t()));
        assertGradient("scaledLogSumExp, shift " + shift, p -> {
            var in = new Packing.Reader(p);
            return Reductions.scaledLogSumExp(in.vector(x), in.scalar());
        }, Packing.flat(x, t), g.value(), Packing.flat(g.x(), g.t()), Packing.flat(dx, dt));
    }

    /** The rule adds into the adjoint of a local array: z[i] = w x[i]^2. */
    @ParameterizedTest
    @ValueSource(doubles = {0.7, -2.0, 300.0})
    void logSumExpOfALocalArray(double w) {
        double[] x = vector(0.5, -1.1, 1.4);
        var g = ReductionsGrad.logSumExpOfLocal(x, w);
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = w * x[i] * x[i];
        }
        double lse = Reductions.logSumExp(z);
        double[] dx = new double[x.length];
        double dw = 0.0;
        for (int i = 0; i < x.length; i++) {
            double softmax = Math.exp(z[i] - lse);
            dx[i] = softmax * 2.0 * w * x[i];
            dw += softmax * x[i] * x[i];
        }
        assertGradient("logSumExpOfLocal, w = " + w, p -> {
            var in = new Packing.Reader(p);
            return Reductions.logSumExpOfLocal(in.vector(x), in.scalar());
        }, Packing.flat(x, w), g.value(), Packing.flat(g.x(), g.w()), Packing.flat(dx, dw));
    }

    /** The smooth maximum log(sum of e^(s x[i])) and its gradient, by hand. */
    private static double[] smoothMaxGradient(double[] x, double s) {
        double m = Double.NEGATIVE_INFINITY;
        for (double xi : x) {
            m = Math.max(m, s * xi);
        }
        double sum = 0.0;
        for (double xi : x) {
            sum += Math.exp(s * xi - m);
        }
        double[] dx = new double[x.length];
        double ds = 0.0;
        for (int i = 0; i < x.length; i++) {
            double softmax = Math.exp(s * x[i] - m) / sum;
            dx[i] = s * softmax;
            ds += softmax * x[i];
        }
        return Packing.flat(dx, ds);
    }

    private static final double[] SMOOTH_MAX_X = vector(0.4, -0.9, 1.6, 0.2, -0.3);

    /**
     * logAddExp (two scalars, a double[] rule) in a loop, its result assigned straight back to
     * its first argument: acc = logAddExp(acc, s x[i]). The smooth maximum
     * log(sum of e^(s x[i])) has d/dx[i] = s softmax(s x)[i], d/ds = sum softmax[i] x[i].
     */
    @ParameterizedTest
    @ValueSource(doubles = {1.0, 0.3, -2.5, 50.0})
    void twoScalarRuleInALoop(double s) {
        double[] x = SMOOTH_MAX_X;
        var g = ReductionsGrad.smoothMax(x, s);
        assertGradient("smoothMax, s = " + s, p -> {
            var in = new Packing.Reader(p);
            return Reductions.smoothMax(in.vector(x), in.scalar());
        }, Packing.flat(x, s), g.value(), Packing.flat(g.x(), g.s()), smoothMaxGradient(x, s));
    }

    /** The same with the call's result in a fresh local first: next = logAddExp(acc, ...). */
    @ParameterizedTest
    @ValueSource(doubles = {1.0, 0.3, -2.5, 50.0})
    void twoScalarRuleInALoopViaALocal(double s) {
        double[] x = SMOOTH_MAX_X;
        var g = ReductionsGrad.smoothMaxViaLocal(x, s);
        assertGradient("smoothMaxViaLocal, s = " + s, p -> {
            var in = new Packing.Reader(p);
            return Reductions.smoothMaxViaLocal(in.vector(x), in.scalar());
        }, Packing.flat(x, s), g.value(), Packing.flat(g.x(), g.s()), smoothMaxGradient(x, s));
    }

    /**
     * pick(a, v, k, b) = a v[k] + b^2: a rule returning the two scalars' partials in a double[]
     * and adding into v's accumulator. picks(a, v, b) = a sum k v[k] + n b^2.
     */
    @Test
    void mixedScalarAndArrayRule() {
        double a = 0.8;
        double b = -1.3;
        double[] v = vector(1.5, -0.5, 2.5, 0.75);
        var g = ReductionsGrad.picks(a, v, b);
        double da = 0.0;
        double[] dv = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            da += k * v[k];
            dv[k] = a * k;
        }
        assertGradient("picks", p -> {
            var in = new Packing.Reader(p);
            return Reductions.picks(in.scalar(), in.vector(v), in.scalar());
        }, Packing.flat(a, v, b), g.value(), Packing.flat(g.a(), g.v(), g.b()),
                Packing.flat(da, dv, 2.0 * v.length * b));
    }

    /** copySign(x^2, y) + x y = sign(y) x^2 + x y, through a rule registered for Math. */
    @ParameterizedTest
    @CsvSource({"1.5, 0.7", "-1.5, 0.7", "1.5, -0.7", "-0.4, -2.0", "0.0, 3.0"})
    void ruleForAMathMethod(double x, double y) {
        var g = CopySignGrad.signedSquare(x, y);
        assertGradient("signedSquare", p -> CopySign.signedSquare(p[0], p[1]), vector(x, y),
                g.value(), vector(g.x(), g.y()), vector(2.0 * x * Math.signum(y) + y, x));
    }
}
