package dev.leibniz.processor.regressions;

import dev.leibniz.DerivativeOf;
import dev.leibniz.Differentiable;
import dev.leibniz.processor.regressions.lib.Act;

/**
 * Code that is fine but that Leibniz used to refuse with a false or misleading error (issue 8,
 * defects 12 to 15 and 17 to 20). Each method compiling at all is half the regression test; the
 * other half, in {@code FalseErrorsTest}, checks its gradient.
 */
final class FalseErrors {
    static double[] shifts = {0.5, -1.0, 2.0, 0.25};
    static final double[] SCALES = {1.5, -0.5, 2.0, 3.0};
    final double[] offsets;

    FalseErrors(double[] offsets) {
        this.offsets = offsets;
    }

    // ---- 12: a loop local that starts from a black-box value and is then updated ----------

    /** sum_j (shifts[j] + x_j)^2, with shifts a static field. */
    @Differentiable
    static double staticFieldStart(double[] x) {
        double s = 0.0;
        for (int j = 0; j < x.length; j++) {
            double z = shifts[j];
            z += x[j];
            s += z * z;
        }
        return s;
    }

    /** sum_j (SCALES[j] x_j)^2, with SCALES a static final array. */
    @Differentiable
    static double staticFinalArrayStart(double[] x) {
        double s = 0.0;
        for (int j = 0; j < x.length; j++) {
            double z = SCALES[j];
            z *= x[j];
            s += z * z;
        }
        return s;
    }

    /** sum_j (offsets[j] + x_j)^3, with offsets an instance field. */
    @Differentiable
    double instanceFieldStart(double[] x) {
        double s = 0.0;
        for (int j = 0; j < x.length; j++) {
            double z = offsets[j];
            z += x[j];
            s += z * z * z;
        }
        return s;
    }

    /** sum_j ((k - 0.8) - 0.7 + x_j)^2 with k an int. */
    @Differentiable
    static double intExpressionStart(double[] x, int k) {
        double s = 0.0;
        for (int j = 0; j < x.length; j++) {
            double z = (k - 0.8) - 0.7;
            z += x[j];
            s += z * z;
        }
        return s;
    }

    /** A helper nobody differentiates: its result is a constant to the derivative. */
    static double act(double v) {
        return Math.tanh(v);
    }

    /** sum_j (tanh(2 - k) + x_j)^2, the start computed by a plain method. */
    @Differentiable
    static double callStart(double[] x, int k) {
        double s = 0.0;
        for (int j = 0; j < x.length; j++) {
            double z = FalseErrors.act(2.0 - k);
            z += x[j];
            s += z * z;
        }
        return s;
    }

    /** The same start assigned, not declared, inside a while loop: prod_j (c + x_j) with c = k / 4. */
    @Differentiable
    static double assignedStart(double[] x, int k) {
        double p = 1.0;
        double z = 0.0;
        int j = 0;
        while (j < x.length) {
            z = k / 4.0;
            z += x[j];
            p *= z;
            j++;
        }
        return p;
    }

    // ---- 13 and 18: objects passed to @Differentiable methods ----------------------------

    /** A plain value class. */
    static final class Point {
        final double x;
        final double y;

        Point(double x, double y) {
            this.x = x;
            this.y = y;
        }
    }

    /** A model with a @Differentiable instance method. */
    static final class Model {
        final double w;

        Model(double w) {
            this.w = w;
        }

        /** w x^2. */
        @Differentiable
        double predict(double x) {
            return w * x * x;
        }
    }

    /** The distance from p to (cx, cy). */
    @Differentiable
    static double dist(Point p, double cx, double cy) {
        return Math.hypot(p.x - cx, p.y - cy);
    }

    /** 2 dist((3, 4), (cx, cy)) with the point an explicitly typed local. */
    @Differentiable
    static double localPoint(double cx, double cy) {
        Point p = new Point(3, 4);
        return dist(p, cx, cy) * 2;
    }

    /** dist(pts[0], c) + dist(pts[1], c) through a local element. */
    @Differentiable
    static double elementPoints(Point[] pts, double cx, double cy) {
        Point p = pts[0];
        Point q = pts[1];
        return dist(p, cx, cy) + 0.5 * dist(q, cx, cy);
    }

    /** ms[0].predict(x) + ms[1].predict(x): instance methods called on array elements. */
    @Differentiable
    static double elementModels(Model[] ms, double x) {
        return ms[0].predict(x) + 3 * ms[1].predict(x);
    }

    /** sum_i c_i dist(p, (c_i, 1)) + m.predict(c_i), the objects made before the loop. */
    @Differentiable
    static double objectsMadeBeforeTheLoop(Point[] pts, double[] c) {
        double s = 0.0;
        Point p = pts[0];
        Model m = new Model(2.0);
        for (int i = 0; i < c.length; i++) {
            s += c[i] * dist(p, c[i], 1.0) + m.predict(c[i]);
        }
        return s;
    }

    // ---- 17: an int argument read off a differentiated array -------------------------------

    /** Not differentiable: fine, its arguments do not depend on x. */
    static double weight(double m, int n) {
        return m / n;
    }

    /** weight(0.5 m, n) x_0 with n = x.length, and x.length in a @Differentiable call too. */
    @Differentiable
    static double lengthArgument(double[] x, int m) {
        return weight(0.5 * m, x.length) * x[0] + scaled(x[1], x.length);
    }

    /** u n. */
    @Differentiable
    static double scaled(double u, int n) {
        return u * n;
    }

    // ---- 19: @Differentiable callees with String, int[] and Object parameters ---------------

    /** tag.length() x^2. */
    @Differentiable
    static double tagged(double x, String tag) {
        return tag.length() * x * x;
    }

    /** idx[0] x^3. */
    @Differentiable
    static double indexed(double x, int[] idx) {
        return idx[0] * x * x * x;
    }

    /** sin x, whatever the object. */
    @Differentiable
    static double withObject(double x, Object o) {
        return o == null ? 0.0 : Math.sin(x);
    }

    /** 3x^2 + 2x^3 + sin x through callees with object parameters. */
    @Differentiable
    static double objectParameters(double x) {
        int[] idx = new int[] {2};
        String tag = "abc";
        return tagged(x, tag) + indexed(x, idx) + withObject(x, "any");
    }

    // ---- 20 and 14: calls into nested classes ----------------------------------------------

    static final class N1 {
        private N1() {}

        static final class N2 {
            private N2() {}

            /** sum x_i^2. */
            @Differentiable
            static double sum(double[] x) {
                double s = 0.0;
                for (double v : x) {
                    s += v * v;
                }
                return s;
            }

            /** x^3, with a hand-written rule. */
            static double cube(double x) {
                return x * x * x;
            }

            @DerivativeOf("cube")
            static double cubePullback(double x, double seed) {
                return seed * 3 * x * x;
            }
        }
    }

    /** sum x_i^2 + x_0^3 through a class nested two levels deep. */
    @Differentiable
    static double twoLevels(double[] x) {
        return N1.N2.sum(x) + N1.N2.cube(x[0]);
    }

    /** 3 x^2 sin x through a library's nested class reached by its imported outer class. */
    @Differentiable
    static double importedNested(double x) {
        return 3 * Act.Inner.sq(x);
    }

    // ---- 15: a record reading its own components --------------------------------------------

    /** ((x - r.mu) / r.sigma)^2: private record components read through another instance. */
    @Differentiable
    static double standardized(Standardizer r, double x) {
        double z = (x - r.mu) / r.sigma;
        return z * z;
    }

    /** A record whose method reads its private component fields. */
    record Standardizer(double mu, double sigma) {
        /** (x - mu) / sigma, squared. */
        @Differentiable
        double z2(double x) {
            double z = (x - mu) / this.sigma;
            return z * z;
        }
    }
}
