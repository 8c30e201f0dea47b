package dev.leibniz.samples;

import dev.leibniz.Check;
import java.util.Arrays;
import java.util.Locale;

/**
 * Newton's method on the Rosenbrock function ({@link Rosenbrock#f(double[])}), with the Hessian
 * the processor generated ({@code RosenbrockGrad.fHessian}) and its gradient, compared with plain
 * gradient descent from the same start.
 *
 * <p>Each Newton step solves the 2&times;2 system H s = &nabla;f directly and moves to p &minus; s.
 * Near the minimum the error squares at every step, where gradient descent shrinks it by a
 * factor 1 &minus; &eta;&lambda;<sub>min</sub> &asymp; 1 &minus; 4&middot;10<sup>&minus;4</sup>
 * per step (the Hessian at (1, 1) has eigenvalues 1001.6 and 0.4).
 *
 * <p>Before it is used, the generated Hessian is checked against the closed form
 * [[2 &minus; 400(y &minus; x&sup2;) + 800x&sup2;, &minus;400x], [&minus;400x, 200]] (at every
 * Newton iterate) and against central differences of the gradient ({@link Check#hessian}); the
 * Hessian-vector product and the Laplacian against the same closed form.
 */
final class Newton {
    private Newton() {
    }

    /** How close to (1, 1) both methods must come. */
    static final double TOLERANCE = 1e-10;
    /** Newton must get there in fewer steps than this. */
    static final int NEWTON_MAX_STEPS = 10;
    /** The step of gradient descent, as in {@link RosenbrockPaths}; 2 / 1330 would diverge. */
    static final double RATE = 1e-3;
    /** Where gradient descent is reported midway. */
    static final int GD_REPORT = 10_000;
    /** Gradient descent gives up after this many steps. */
    static final int GD_MAX_STEPS = 1_000_000;

    /** The Hessian of (1 &minus; x)&sup2; + 100 (y &minus; x&sup2;)&sup2;, derived by hand. */
    static double[][] closedFormHessian(double[] p) {
        double x = p[0];
        double y = p[1];
        return new double[][] {{2 - 400 * (y - x * x) + 800 * x * x, -400 * x}, {-400 * x, 200}};
    }

    static void run(Checks checks) {
        double[] start = RosenbrockPaths.START.clone();
        System.out.println("== Newton's method on the Rosenbrock function, with the generated Hessian");
        System.out.println("  f(x, y) = (1 - x)^2 + 100 (y - x^2)^2, the method Rosenbrock.f(double[] p) above");
        checkSecondOrder(checks, start);

        System.out.println("  Newton: p <- p - H^-1 grad f, the 2x2 system H s = grad f solved by Cramer's rule");
        System.out.println("  you write: RosenbrockGrad.FGradient g = RosenbrockGrad.f(p); double[][] h = RosenbrockGrad.fHessian(p);");
        System.out.printf(Locale.ROOT, "  %3s  %-40s %12s %12s %14s%n", "k", "(x, y)", "f", "||grad f||",
                "||p - (1, 1)||");
        double[] p = start.clone();
        RosenbrockGrad.FGradient g = new RosenbrockGrad.FGradient();
        int k = 0;
        double worstHessian = 0;
        double previous = Double.POSITIVE_INFINITY;
        StringBuilder rises = new StringBuilder();
        while (true) {
            double f = RosenbrockGrad.f(p, g);
            if (f > previous) {
                rises.append(rises.length() == 0 ? "" : ", ").append(k);
            }
            previous = f;
            double[] grad = g.p();
            double distance = distanceToMinimum(p);
            System.out.printf(Locale.ROOT, "  %3d  (%18.15f, %18.15f) %12.4e %12.4e %14.4e%n", k, p[0], p[1], f,
                    norm(grad), distance);
            if (distance <= TOLERANCE || k >= 2 * NEWTON_MAX_STEPS) {
                break;
            }
            double[][] h = RosenbrockGrad.fHessian(p);
            worstHessian = Math.max(worstHessian, Checks.relativeError(flat(h), flat(closedFormHessian(p))));
            double det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
            double s0 = (h[1][1] * grad[0] - h[0][1] * grad[1]) / det;
            double s1 = (h[0][0] * grad[1] - h[1][0] * grad[0]) / det;
            p[0] -= s0;
            p[1] -= s1;
            k++;
        }
        System.out.printf(Locale.ROOT, "  Newton: within %.0e of (1, 1) after %d steps (check: fewer than %d);"
                + " fHessian at every iterate vs closed form: rel. err <= %.1e%n", TOLERANCE, k, NEWTON_MAX_STEPS,
                worstHessian);
        if (rises.length() > 0) {
            System.out.println("  (pure Newton, without a line search: f rises at step"
                    + (rises.indexOf(",") >= 0 ? "s " : " ") + rises
                    + ", where the quadratic model overshoots along the curved valley)");
        }
        checks.require(distanceToMinimum(p) <= TOLERANCE && k < NEWTON_MAX_STEPS,
                "Newton on Rosenbrock: after " + k + " steps at " + Arrays.toString(p));
        checks.require(worstHessian <= Checks.CLOSED_FORM_TOLERANCE,
                "Newton on Rosenbrock: fHessian differs from the closed form along the path by " + worstHessian);

        gradientDescent(checks, start, k);
        System.out.println();
    }

    /** fHessian, fHvp and fLaplacian at one point, against the closed form and central differences. */
    private static void checkSecondOrder(Checks checks, double[] p) {
        System.out.printf(Locale.ROOT, "  at     x = %s, y = %s%n", p[0], p[1]);
        double[][] h = RosenbrockGrad.fHessian(p);
        double[][] closed = closedFormHessian(p);
        double err = Checks.relativeError(flat(h), flat(closed));
        System.out.println("  you write: double[][] h = RosenbrockGrad.fHessian(p);   // h[i][j] = d2f / dp[i] dp[j]");
        System.out.printf(Locale.ROOT, "  fHessian(p)  = %s%n", matrix(h));
        System.out.printf(Locale.ROOT, "  closed form  = %s   rel. err %.1e%n", matrix(closed), err);
        System.out.println("                 [[2 - 400(y - x^2) + 800x^2, -400x], [-400x, 200]]");
        checks.require(err <= Checks.CLOSED_FORM_TOLERANCE,
                "Rosenbrock: fHessian " + matrix(h) + " but the closed form is " + matrix(closed));

        Check.Report report = Check.hessian(q -> RosenbrockGrad.f(q).p(), p, h);
        System.out.println("  you write: Check.hessian(q -> RosenbrockGrad.f(q).p(), p, h)");
        System.out.println("    " + report);
        checks.require(report.passes(Checks.FD_TOLERANCE), "Rosenbrock: Check.hessian: " + report);

        double[] v = {0.3, -0.7};
        double[] hv = RosenbrockGrad.fHvp(p, v);
        double[] closedHv = {closed[0][0] * v[0] + closed[0][1] * v[1], closed[1][0] * v[0] + closed[1][1] * v[1]};
        double hvErr = Checks.relativeError(hv, closedHv);
        System.out.println("  you write: double[] hv = RosenbrockGrad.fHvp(p, new double[] {0.3, -0.7});   // H v, no H formed");
        System.out.printf(Locale.ROOT, "  fHvp(p, v)   = %s   closed-form H times v = %s   rel. err %.1e%n",
                vector(hv), vector(closedHv), hvErr);
        checks.require(hvErr <= Checks.CLOSED_FORM_TOLERANCE,
                "Rosenbrock: fHvp " + vector(hv) + " but H v = " + vector(closedHv));

        double laplacian = RosenbrockGrad.fLaplacian(p);
        double trace = closed[0][0] + closed[1][1];
        double lapErr = Checks.relativeError(new double[] {laplacian}, new double[] {trace});
        System.out.println("  you write: double lap = RosenbrockGrad.fLaplacian(p);   // d2f/dx2 + d2f/dy2");
        System.out.printf(Locale.ROOT, "  fLaplacian(p) = %.16g   trace of the closed form = %.16g   rel. err %.1e%n",
                laplacian, trace, lapErr);
        checks.require(lapErr <= Checks.CLOSED_FORM_TOLERANCE,
                "Rosenbrock: fLaplacian " + laplacian + " but the trace is " + trace);
    }

    /** Gradient descent from the same start, until it is as close to (1, 1) as Newton got. */
    private static void gradientDescent(Checks checks, double[] start, int newtonSteps) {
        double[] p = start.clone();
        RosenbrockGrad.FGradient g = new RosenbrockGrad.FGradient();
        int steps = 0;
        double[] midway = null;
        while (distanceToMinimum(p) > TOLERANCE && steps < GD_MAX_STEPS) {
            RosenbrockGrad.f(p, g);
            p[0] -= RATE * g.p()[0];
            p[1] -= RATE * g.p()[1];
            steps++;
            if (steps == GD_REPORT) {
                midway = p.clone();
            }
        }
        System.out.println("  gradient descent from the same start: p <- p - eta grad f, eta = " + RATE);
        if (midway != null) {
            System.out.printf(Locale.ROOT, "    after %,d steps at (%.10f, %.10f), f = %.3e, ||p - (1, 1)|| = %.3e%n",
                    GD_REPORT, midway[0], midway[1], Rosenbrock.f(midway), distanceToMinimum(midway));
        }
        boolean reached = distanceToMinimum(p) <= TOLERANCE;
        System.out.printf(Locale.ROOT, "    within %.0e of (1, 1) after %,d steps%s (Newton: %d)%n", TOLERANCE, steps,
                reached ? "" : " (gave up)", newtonSteps);
        checks.require(reached && steps > 1000,
                "Rosenbrock: gradient descent took " + steps + " steps to " + Arrays.toString(p));
    }

    private static double distanceToMinimum(double[] p) {
        return Math.hypot(p[0] - 1, p[1] - 1);
    }

    private static double norm(double[] v) {
        return Math.hypot(v[0], v[1]);
    }

    private static double[] flat(double[][] m) {
        return new double[] {m[0][0], m[0][1], m[1][0], m[1][1]};
    }

    static String vector(double[] v) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.12g", v[i]));
        }
        return s.append(')').toString();
    }

    static String matrix(double[][] m) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < m.length; i++) {
            s.append(i == 0 ? "" : ", ").append('[');
            for (int j = 0; j < m[i].length; j++) {
                s.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.12g", m[i][j]));
            }
            s.append(']');
        }
        return s.append(']').toString();
    }
}
