package dev.leibniz.processor.regressions;

import static dev.leibniz.processor.testing.GradientChecks.assertGradient;
import static dev.leibniz.processor.testing.GradientChecks.vector;

import dev.leibniz.processor.testing.Packing;
import org.junit.jupiter.api.Test;

/**
 * {@link FalseErrors}: code Leibniz used to refuse with a false error now compiles (the fixture
 * would not, before the fix) and its gradient matches a closed form and central differences.
 */
class FalseErrorsTest {
    private static final double[] X = vector(0.7, -1.3, 0.4, 2.1);

    /** 12: z = shifts[j]; z += x[j]: d/dx_j (shifts_j + x_j)^2 = 2 (shifts_j + x_j). */
    @Test
    void loopLocalStartingFromAStaticField() {
        var g = FalseErrorsGrad.staticFieldStart(X);
        double[] expected = new double[X.length];
        for (int j = 0; j < X.length; j++) {
            expected[j] = 2 * (FalseErrors.shifts[j] + X[j]);
        }
        assertGradient("z = shifts[j]; z += x[j]", FalseErrors::staticFieldStart, X, g.value(), g.x(), expected);
    }

    /** 12: z = SCALES[j]; z *= x[j]: d/dx_j (c_j x_j)^2 = 2 c_j^2 x_j. */
    @Test
    void loopLocalStartingFromAStaticFinalArray() {
        var g = FalseErrorsGrad.staticFinalArrayStart(X);
        double[] expected = new double[X.length];
        for (int j = 0; j < X.length; j++) {
            expected[j] = 2 * FalseErrors.SCALES[j] * FalseErrors.SCALES[j] * X[j];
        }
        assertGradient("z = SCALES[j]; z *= x[j]", FalseErrors::staticFinalArrayStart, X, g.value(), g.x(), expected);
    }

    /** 12: z = offsets[j]; z += x[j] in an instance method: 3 (o_j + x_j)^2. */
    @Test
    void loopLocalStartingFromAnInstanceField() {
        FalseErrors self = new FalseErrors(vector(1.0, 0.5, -2.0, 0.3));
        var g = FalseErrorsGrad.instanceFieldStart(self, X);
        double[] expected = new double[X.length];
        for (int j = 0; j < X.length; j++) {
            double z = self.offsets[j] + X[j];
            expected[j] = 3 * z * z;
        }
        assertGradient("z = offsets[j]; z += x[j]", self::instanceFieldStart, X, g.value(), g.x(), expected);
    }

    /** 12: z = (k - 0.8) - 0.7; z += x[j]: 2 (k - 1.5 + x_j). */
    @Test
    void loopLocalStartingFromAnIntExpression() {
        int k = 3;
        var g = FalseErrorsGrad.intExpressionStart(X, k);
        double[] expected = new double[X.length];
        for (int j = 0; j < X.length; j++) {
            expected[j] = 2 * ((k - 0.8) - 0.7 + X[j]);
        }
        assertGradient("z = (k - 0.8) - 0.7; z += x[j]", p -> FalseErrors.intExpressionStart(p, k), X, g.value(),
                g.x(), expected);
    }

    /** 12: z = act(2 - k); z += x[j], act a plain method: 2 (tanh(2 - k) + x_j). */
    @Test
    void loopLocalStartingFromAPlainCall() {
        int k = 1;
        var g = FalseErrorsGrad.callStart(X, k);
        double[] expected = new double[X.length];
        for (int j = 0; j < X.length; j++) {
            expected[j] = 2 * (Math.tanh(2.0 - k) + X[j]);
        }
        assertGradient("z = act(2 - k); z += x[j]", p -> FalseErrors.callStart(p, k), X, g.value(), g.x(), expected);
    }

    /** 12: z = k / 4.0 assigned in a while loop, then z += x[j]; p *= z: p / (c + x_j). */
    @Test
    void loopLocalAssignedABlackBoxValue() {
        int k = 2;
        var g = FalseErrorsGrad.assignedStart(X, k);
        double c = k / 4.0;
        double product = 1.0;
        for (double v : X) {
            product *= c + v;
        }
        double[] expected = new double[X.length];
        for (int j = 0; j < X.length; j++) {
            expected[j] = product / (c + X[j]);
        }
        assertGradient("z = k / 4.0; z += x[j]; p *= z", p -> FalseErrors.assignedStart(p, k), X, g.value(), g.x(),
                expected);
    }

    /** 18: Point p = new Point(3, 4); 2 dist(p, c): d/dc = -2 (p - c) / |p - c|. */
    @Test
    void explicitlyTypedLocalObjectPassedToACall() {
        double cx = 0.5;
        double cy = -1.0;
        var g = FalseErrorsGrad.localPoint(cx, cy);
        double r = Math.hypot(3 - cx, 4 - cy);
        assertGradient("Point p = new Point(3, 4); dist(p, cx, cy) * 2", p -> FalseErrors.localPoint(p[0], p[1]),
                vector(cx, cy), g.value(), vector(g.cx(), g.cy()), vector(-2 * (3 - cx) / r, -2 * (4 - cy) / r));
    }

    /** 13: Point p = pts[0]; dist(p, c) + 0.5 dist(q, c). */
    @Test
    void arrayElementObjectPassedToACall() {
        FalseErrors.Point[] pts = {new FalseErrors.Point(1, 2), new FalseErrors.Point(-2, 0.5)};
        double cx = 0.3;
        double cy = 0.9;
        var g = FalseErrorsGrad.elementPoints(pts, cx, cy);
        double r0 = Math.hypot(1 - cx, 2 - cy);
        double r1 = Math.hypot(-2 - cx, 0.5 - cy);
        double[] expected = vector(-(1 - cx) / r0 - 0.5 * (-2 - cx) / r1, -(2 - cy) / r0 - 0.5 * (0.5 - cy) / r1);
        assertGradient("Point p = pts[0]; dist(p, cx, cy)", p -> FalseErrors.elementPoints(pts, p[0], p[1]),
                vector(cx, cy), g.value(), vector(g.cx(), g.cy()), expected);
    }

    /** 13: ms[0].predict(x) + 3 ms[1].predict(x) = (w0 + 3 w1) x^2, derivative 2 (w0 + 3 w1) x. */
    @Test
    void instanceMethodCalledOnAnArrayElement() {
        FalseErrors.Model[] ms = {new FalseErrors.Model(1.5), new FalseErrors.Model(-0.25)};
        double x = 1.7;
        var g = FalseErrorsGrad.elementModels(ms, x);
        assertGradient("ms[k].predict(x)", p -> FalseErrors.elementModels(ms, p[0]), vector(x), g.value(),
                vector(g.x()), vector(2 * (1.5 + 3 * -0.25) * x));
    }

    /** 13: objects made before a loop and used by calls in it: d/dc_i = r_i - c_i (px - c_i) / r_i + 4 c_i. */
    @Test
    void objectsMadeBeforeALoopPassedToCallsInIt() {
        FalseErrors.Point[] pts = {new FalseErrors.Point(1, 2)};
        double[] c = vector(0.3, -0.7, 1.9);
        var g = FalseErrorsGrad.objectsMadeBeforeTheLoop(pts, c);
        double[] expected = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            double r = Math.hypot(1 - c[i], 2 - 1.0);
            expected[i] = r - c[i] * (1 - c[i]) / r + 2 * 2.0 * c[i];
        }
        assertGradient("dist(p, c[i], 1) and m.predict(c[i]) in a loop",
                p -> FalseErrors.objectsMadeBeforeTheLoop(pts, p), c, g.value(), g.c(), expected);
    }

    /** 17: weight(0.5 m, x.length) x_0 + scaled(x_1, x.length): d/dx_0 = 0.5 m / n, d/dx_1 = n. */
    @Test
    void arrayLengthPassedAsAnIntArgument() {
        int m = 3;
        var g = FalseErrorsGrad.lengthArgument(X, m);
        int n = X.length;
        assertGradient("weight(0.5 * m, x.length) * x[0]", p -> FalseErrors.lengthArgument(p, m), X, g.value(), g.x(),
                vector(0.5 * m / n, n, 0, 0));
    }

    /** 19: tagged(x, "abc") + indexed(x, {2}) + withObject(x, "any") = 3x^2 + 2x^3 + sin x. */
    @Test
    void calleesWithStringArrayAndObjectParameters() {
        double x = 0.8;
        var g = FalseErrorsGrad.objectParameters(x);
        assertGradient("String, int[] and Object parameters", p -> FalseErrors.objectParameters(p[0]), vector(x),
                g.value(), vector(g.x()), vector(6 * x + 6 * x * x + Math.cos(x)));
    }

    /** 20: N1.N2.sum(x) + N1.N2.cube(x_0): 2 x_i, plus 3 x_0^2 on x_0. */
    @Test
    void callIntoAClassNestedTwoLevelsDeep() {
        var g = FalseErrorsGrad.twoLevels(X);
        double[] expected = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            expected[i] = 2 * X[i];
        }
        expected[0] += 3 * X[0] * X[0];
        assertGradient("N1.N2.sum(x) + N1.N2.cube(x[0])", FalseErrors::twoLevels, X, g.value(), g.x(), expected);
    }

    /** 14: 3 Act.Inner.sq(x) = 3 x^2 sin x, Act imported from another package. */
    @Test
    void nestedClassReachedThroughAnImportedOuterClass() {
        double x = 1.1;
        var g = FalseErrorsGrad.importedNested(x);
        assertGradient("Act.Inner.sq(x)", p -> FalseErrors.importedNested(p[0]), vector(x), g.value(), vector(g.x()),
                vector(3 * (2 * x * Math.sin(x) + x * x * Math.cos(x))));
    }

    /** 15: the same through a record parameter (r.mu, r.sigma), read through the accessors. */
    @Test
    void recordComponentsReadThroughAParameter() {
        var r = new FalseErrors.Standardizer(-0.3, 0.8);
        double x = 1.4;
        var g = FalseErrorsGrad.standardized(r, x);
        assertGradient("(x - r.mu) / r.sigma", p -> FalseErrors.standardized(r, p[0]), vector(x), g.value(),
                vector(g.x()), vector(2 * (x + 0.3) / (0.8 * 0.8)));
    }

    /** 15: a record reading its components: d/dx ((x - mu) / sigma)^2 = 2 (x - mu) / sigma^2. */
    @Test
    void recordMethodReadingItsComponents() {
        var r = new FalseErrors.Standardizer(0.4, 1.7);
        double x = -0.9;
        var g = FalseErrors_StandardizerGrad.z2(r, x);
        assertGradient("(x - mu) / sigma in a record", p -> r.z2(p[0]), Packing.flat(x), g.value(), vector(g.x()),
                vector(2 * (x - 0.4) / (1.7 * 1.7)));
    }
}
