package dev.leibniz.samples;

import dev.leibniz.Differentiable;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * A second-order Taylor approximation of f(x, y) = sin(x) e<sup>y/2</sup> along a line through
 * p = (1, 0.5) in the direction d = (1, &minus;1):
 *
 * <pre>
 *   T1(t) = f(p) + t &nabla;f&middot;d
 *   T2(t) = T1(t) + &frac12; t&sup2; d&#7488;Hd
 * </pre>
 *
 * <p>with &nabla;f from the gradient, &nabla;f&middot;d also from forward mode ({@code fTangent},
 * one sweep, no gradient formed) and d&#7488;Hd from the Hessian-vector product ({@code fHvp}).
 * The error of T1 shrinks like t&sup2; and that of T2 like t&sup3;, so halving t divides them by
 * about 4 and 8: a wrong Hessian would leave T2's error shrinking like t&sup2;.
 */
public final class Taylor {
    private Taylor() {
    }

    /** The point the approximation is built at. */
    static final double[] P = {1.0, 0.5};
    /** The direction of the line. */
    static final double[] D = {1.0, -1.0};

    /**
     * Evaluates f(x, y) = sin(x) e<sup>y/2</sup>.
     *
     * @param x the first variable
     * @param y the second variable
     * @return sin(x) e<sup>y/2</sup>
     */
    @Differentiable
    public static double f(double x, double y) {
        return Math.sin(x) * Math.exp(y / 2);
    }

    /** f along the line, f(p + t d), from the plain method. */
    static double along(double t) {
        return f(P[0] + t * D[0], P[1] + t * D[1]);
    }

    static void run(Checks checks, Path plots) {
        double x = P[0];
        double y = P[1];
        double dx = D[0];
        double dy = D[1];
        System.out.println("== A second-order Taylor approximation along a line, from the gradient, fTangent and fHvp");
        System.out.println("  f(x, y) = sin(x) exp(y/2) at p = (1, 0.5), along d = (1, -1):");
        System.out.println("  T1(t) = f(p) + t grad f . d,  T2(t) = T1(t) + t^2 d^T H d / 2");

        // Closed forms, with e = exp(y/2): grad f = (cos x e, sin x e / 2),
        // H = [[-sin x e, cos x e / 2], [cos x e / 2, sin x e / 4]].
        double e = Math.exp(y / 2);
        double[] closedGrad = {Math.cos(x) * e, Math.sin(x) * e / 2};
        double[][] closedH = {{-Math.sin(x) * e, Math.cos(x) * e / 2}, {Math.cos(x) * e / 2, Math.sin(x) * e / 4}};
        double[] closedHd = {closedH[0][0] * dx + closedH[0][1] * dy, closedH[1][0] * dx + closedH[1][1] * dy};
        double closedSlope = closedGrad[0] * dx + closedGrad[1] * dy;
        double closedCurvature = dx * closedHd[0] + dy * closedHd[1];

        TaylorGrad.FGradient g = TaylorGrad.f(x, y);
        double f0 = g.value();
        double slope = g.x() * dx + g.y() * dy;
        System.out.println("  you write: TaylorGrad.FGradient g = TaylorGrad.f(1, 0.5); double slope = g.x() * dx + g.y() * dy;   // d = (dx, dy) = (1, -1)");
        System.out.printf(Locale.ROOT, "    f(p) = %.16g   grad f = (%.16g, %.16g)   grad f . d = %.16g%n", f0, g.x(),
                g.y(), slope);
        double tangent = TaylorGrad.fTangent(x, y, dx, dy);
        System.out.println("  you write: double slope = TaylorGrad.fTangent(1, 0.5, 1, -1);   // forward mode, one sweep");
        System.out.printf(Locale.ROOT, "    fTangent = %.16g   closed form (cos x - sin x / 2) e^(y/2) = %.16g%n", tangent,
                closedSlope);
        double[] hd = TaylorGrad.fHvp(x, y, D.clone());
        double curvature = dx * hd[0] + dy * hd[1];
        System.out.println("  you write: double[] hd = TaylorGrad.fHvp(1, 0.5, new double[] {1, -1}); double dHd = dx * hd[0] + dy * hd[1];");
        System.out.printf(Locale.ROOT, "    H d = %s   closed-form H times d = %s%n", Newton.vector(hd), Newton.vector(closedHd));
        System.out.printf(Locale.ROOT, "    d^T H d = %.16g   closed form = %.16g%n", curvature, closedCurvature);

        double slopeAgree = Checks.relativeError(new double[] {slope}, new double[] {tangent});
        double slopeErr = Checks.relativeError(new double[] {tangent, g.x(), g.y()},
                new double[] {closedSlope, closedGrad[0], closedGrad[1]});
        double hdErr = Checks.relativeError(hd, closedHd);
        System.out.printf(Locale.ROOT, "  grad f . d vs fTangent: rel. err %.1e;  gradient and fTangent vs closed form %.1e;"
                + "  fHvp vs closed form %.1e%n", slopeAgree, slopeErr, hdErr);
        checks.require(Double.compare(f0, f(x, y)) == 0, "Taylor: generated value " + f0 + " != plain " + f(x, y));
        checks.require(slopeAgree <= Checks.CLOSED_FORM_TOLERANCE,
                "Taylor: gradient . d = " + slope + " but fTangent = " + tangent);
        checks.require(slopeErr <= Checks.CLOSED_FORM_TOLERANCE,
                "Taylor: gradient or fTangent differs from the closed form by " + slopeErr);
        checks.require(hdErr <= Checks.CLOSED_FORM_TOLERANCE,
                "Taylor: fHvp " + Newton.vector(hd) + " but H d = " + Newton.vector(closedHd));

        System.out.printf(Locale.ROOT, "  %6s %13s %13s %13s %12s %12s%n", "t", "f(p + t d)", "T1(t)", "T2(t)",
                "|f - T1|", "|f - T2|");
        for (int i = -4; i <= 4; i++) {
            double t = i / 4.0;
            double ft = along(t);
            double t1 = f0 + t * tangent;
            double t2 = t1 + 0.5 * t * t * curvature;
            System.out.printf(Locale.ROOT, "  %6.2f %13.8f %13.8f %13.8f %12.3e %12.3e%n", t, ft, t1, t2,
                    Math.abs(ft - t1), Math.abs(ft - t2));
        }

        // Halving t divides the first-order error by about 4 and the second-order one by about 8.
        System.out.println("  halving t: the error of T1 falls like t^2 (ratio ~4), that of T2 like t^3 (ratio ~8)");
        System.out.printf(Locale.ROOT, "  %8s %12s %12s %10s %10s%n", "t", "|f - T1|", "|f - T2|", "T1 ratio", "T2 ratio");
        double worst1 = 0;
        double worst2 = 0;
        for (double sign : new double[] {1, -1}) {
            for (double t = 0.2; t > 0.01; t /= 2) {
                double[] at = errors(sign * t, f0, tangent, curvature);
                double[] half = errors(sign * t / 2, f0, tangent, curvature);
                double r1 = at[0] / half[0];
                double r2 = at[1] / half[1];
                worst1 = Math.max(worst1, Math.abs(r1 - 4));
                worst2 = Math.max(worst2, Math.abs(r2 - 8));
                System.out.printf(Locale.ROOT, "  %8.4f %12.3e %12.3e %10.3f %10.3f%n", sign * t, at[0], at[1], r1, r2);
            }
        }
        System.out.printf(Locale.ROOT, "  ratios within 4 +- %.2f and 8 +- %.2f (check: within 0.5)%n", worst1, worst2);
        checks.require(worst1 <= 0.5, "Taylor: the first-order error does not fall like t^2 (ratio off 4 by "
                + worst1 + ")");
        checks.require(worst2 <= 0.5, "Taylor: the second-order error does not fall like t^3 (ratio off 8 by "
                + worst2 + "): is d^T H d right?");

        System.out.println("  plot: " + Main.shown(plot(f0, tangent, curvature, plots)));
        System.out.println();
    }

    /** {|f - T1|, |f - T2|} at t. */
    private static double[] errors(double t, double f0, double slope, double curvature) {
        double ft = along(t);
        double t1 = f0 + t * slope;
        double t2 = t1 + 0.5 * t * t * curvature;
        return new double[] {Math.abs(ft - t1), Math.abs(ft - t2)};
    }

    /** f, T1 and T2 along the line, and the two errors on log-log axes. */
    private static Path plot(double f0, double slope, double curvature, Path plots) {
        int n = 201;
        double[] t = new double[n];
        double[] f = new double[n];
        double[] t1 = new double[n];
        double[] t2 = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = -1.5 + 3.0 * i / (n - 1);
            f[i] = along(t[i]);
            t1[i] = f0 + t[i] * slope;
            t2[i] = t1[i] + 0.5 * t[i] * t[i] * curvature;
        }
        XYChart line = Plots.lineChart("f(p + t d) and its Taylor approximations at t = 0", "t", null, 450, 360);
        line.getStyler().setLegendPosition(Styler.LegendPosition.InsideS);
        Plots.line(line, "f = sin(x) exp(y/2)", t, f, Plots.COLOURS[0], 3f);
        Plots.line(line, "first order (fTangent)", t, t1, Plots.COLOURS[2], 2f);
        Plots.line(line, "second order (fHvp)", t, t2, Plots.COLOURS[1], 2f);

        int m = 61;
        double[] s = new double[m];
        double[] e1 = new double[m];
        double[] e2 = new double[m];
        for (int i = 0; i < m; i++) {
            s[i] = Math.pow(10, -3 + 3.0 * i / (m - 1));
            double[] err = errors(s[i], f0, slope, curvature);
            e1[i] = err[0];
            e2[i] = err[1];
        }
        XYChart log = Plots.lineChart("|error| for t > 0: slopes 2 and 3 on log-log axes", "t", null, 450, 360);
        log.getStyler().setXAxisLogarithmic(true);
        log.getStyler().setYAxisLogarithmic(true);
        log.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        Plots.line(log, "|f - first order|", s, e1, Plots.COLOURS[2], 2f);
        Plots.line(log, "|f - second order|", s, e2, Plots.COLOURS[1], 2f);
        return Plots.save(List.of(line, log), 1, 2, plots, "taylor");
    }
}
