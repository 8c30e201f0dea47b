package dev.leibniz.processor.loops;

import dev.leibniz.Differentiable;

/**
 * Issue 8's methods whose companions did not compile: loops left only by return, an element of
 * an object array passed to a call inside a loop, and local arrays made inside a branch.
 */
final class CompileRegressions {
    private CompileRegressions() {}

    @Differentiable
    static double newtonFor(double a) {
        double x = a;
        for (;;) {
            double next = 0.5 * (x + a / x);
            if (Math.abs(next - x) < 1e-12) {
                return next;
            }
            x = next;
        }
    }

    @Differentiable
    static double newtonWhile(double a) {
        double x = a;
        while (true) {
            double next = 0.5 * (x + a / x);
            if (Math.abs(next - x) < 1e-12) {
                return next;
            }
            x = next;
        }
    }

    @Differentiable
    static double newtonDo(double a) {
        double x = a;
        do {
            double next = 0.5 * (x + a / x);
            if (Math.abs(next - x) < 1e-12) {
                return next;
            }
            x = next;
        } while (true);
    }

    record Point(double x, double y) {}

    @Differentiable
    static double dist(Point p, double cx, double cy) {
        double dx = p.x() - cx;
        double dy = p.y() - cy;
        return Math.sqrt(dx * dx + dy * dy);
    }

    @Differentiable
    static double totalDistance(Point[] pts, double cx, double cy) {
        double s = 0;
        for (int i = 0; i < pts.length; i++) {
            s += dist(pts[i], cx, cy);
        }
        return s;
    }

    @Differentiable
    static double arrayInBranch(double[] x, boolean b) {
        double s = 0;
        if (b) {
            double[] range = new double[2];
            range[0] = x[0] * 2;
            range[1] = x[1];
            s = range[0] * range[1];
        }
        return s;
    }

    @Differentiable
    static double arrayInBranchWithLoop(double[] x, boolean b) {
        double s = x[0];
        if (b) {
            double[] range = new double[2];
            for (int i = 0; i < 2; i++) {
                range[i] = x[i] * x[i];
            }
            s = range[0] * range[1];
        }
        return s;
    }

    static final class Model {
        final double w;

        Model(double w) {
            this.w = w;
        }

        @Differentiable
        double predict(double x) {
            return w * x * x;
        }
    }

    @Differentiable
    static double ensemble(Model[] ms, double x) {
        double s = 0;
        for (int k = 0; k < ms.length; k++) {
            Model m = ms[k];
            s += m.predict(x) + ms[k].predict(x * 2);
        }
        return s;
    }
}
