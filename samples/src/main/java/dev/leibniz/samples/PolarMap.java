package dev.leibniz.samples;

import dev.leibniz.Check;
import java.util.Locale;

/**
 * The Jacobian and its determinant for {@link Polar#polar}, from the generated
 * {@code PolarGrad.polarJacobian}, checked against the closed form, against central differences
 * ({@link Check#jacobian}) and by det J = r; and forward mode ({@code PolarGrad.polarTangent})
 * checked to be J times the tangent.
 */
final class PolarMap {
    private PolarMap() {
    }

    /** The points (r, &theta;) where the Jacobian is checked. */
    static final double[][] POINTS = {{1, 0}, {2, Math.PI / 6}, {0.5, 2.0}, {3, -1}, {1.5, 4.0}};

    /** [[cos &theta;, &minus;r sin &theta;], [sin &theta;, r cos &theta;]], derived by hand. */
    static double[][] closedForm(double r, double theta) {
        return new double[][] {{Math.cos(theta), -r * Math.sin(theta)}, {Math.sin(theta), r * Math.cos(theta)}};
    }

    static void run(Checks checks) {
        System.out.println("== The Jacobian of the polar map (r, theta) -> (r cos theta, r sin theta), a double[]-valued method");
        System.out.println("  you write: double[][] j = PolarGrad.polarJacobian(r, theta);   // j[i][k] = d xy[i] / d (r, theta)[k]");
        System.out.println("             double det = j[0][0] * j[1][1] - j[0][1] * j[1][0];");
        System.out.printf(Locale.ROOT, "  %-18s %-50s %18s %9s %9s%n", "(r, theta)", "polarJacobian(r, theta)", "det",
                "vs closed", "vs c.d.");
        for (double[] point : POINTS) {
            double r = point[0];
            double theta = point[1];
            double[][] j = PolarGrad.polarJacobian(r, theta);
            double det = j[0][0] * j[1][1] - j[0][1] * j[1][0];
            double[][] closed = closedForm(r, theta);
            double err = Checks.relativeError(flat(j), flat(closed));
            Check.Report report = Check.jacobian(q -> Polar.polar(q[0], q[1]), point.clone(), j);
            System.out.printf(Locale.ROOT, "  (%4.1f, %9.6f)  %-50s %18.15f %9.1e %9.1e%n", r, theta, matrix(j), det,
                    err, report.relativeError());
            checks.require(Math.abs(det - r) <= 1e-14 * r, "polar: det J = " + det + " at r = " + r);
            checks.require(err <= Checks.CLOSED_FORM_TOLERANCE,
                    "polar: polarJacobian " + Newton.matrix(j) + " but the closed form is " + Newton.matrix(closed));
            checks.require(report.passes(Checks.FD_TOLERANCE), "polar: Check.jacobian at (" + r + ", " + theta
                    + "): " + report);
        }
        System.out.println("  closed form: [[cos theta, -r sin theta], [sin theta, r cos theta]], det = r;"
                + " c.d.: Check.jacobian(q -> Polar.polar(q[0], q[1]), new double[] {r, theta}, j)");

        double r = 2;
        double theta = Math.PI / 6;
        double dr = 0.1;
        double dTheta = 0.3;
        double[] tangent = PolarGrad.polarTangent(r, theta, dr, dTheta);
        double[][] closed = closedForm(r, theta);
        double[] jv = {closed[0][0] * dr + closed[0][1] * dTheta, closed[1][0] * dr + closed[1][1] * dTheta};
        double err = Checks.relativeError(tangent, jv);
        System.out.println("  you write: double[] dxy = PolarGrad.polarTangent(2, Math.PI / 6, 0.1, 0.3);   // forward mode along (dr, dtheta)");
        System.out.printf(Locale.ROOT, "    polarTangent = %s   closed-form J (dr, dtheta) = %s   rel. err %.1e%n",
                Newton.vector(tangent), Newton.vector(jv), err);
        checks.require(err <= Checks.CLOSED_FORM_TOLERANCE,
                "polar: polarTangent " + Newton.vector(tangent) + " but J (dr, dtheta) = " + Newton.vector(jv));
        System.out.println();
    }

    private static double[] flat(double[][] m) {
        return new double[] {m[0][0], m[0][1], m[1][0], m[1][1]};
    }

    private static String matrix(double[][] m) {
        return String.format(Locale.ROOT, "[[%10.6f, %10.6f], [%10.6f, %10.6f]]", m[0][0], m[0][1], m[1][0], m[1][1]);
    }
}
