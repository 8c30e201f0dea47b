package dev.leibniz.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Prints a gradient beside its central-difference estimate and closed form, and collects every
 * disagreement, so that {@link Main} can fail the run at the end rather than at the first one.
 *
 * <p>The central difference is (f(p + h e<sub>i</sub>) &minus; f(p &minus; h e<sub>i</sub>)) / 2h,
 * computed from the plain method, and the relative error is |g &minus; g<sub>fd</sub>| / |g +
 * g<sub>fd</sub>|. A check fails when that error exceeds {@value #FD_TOLERANCE}, when a closed form
 * disagrees by more than {@value #CLOSED_FORM_TOLERANCE}, or when a generated value is not exactly
 * the plain method's value.
 */
final class Checks {

    /** Largest accepted relative error between a generated gradient and its central difference. */
    static final double FD_TOLERANCE = 1e-6;

    /** Largest accepted relative error between a generated gradient and a hand-derived one. */
    static final double CLOSED_FORM_TOLERANCE = 1e-12;

    /** Relative step of the central difference, about the cube root of the machine epsilon. */
    private static final double STEP = 1e-5;

    private final List<String> failures = new ArrayList<>();

    /**
     * One example: a function of a point, as the plain (not generated) method computes it.
     *
     * @param title    the heading
     * @param formula  the function as the reader should see it
     * @param code     what the user writes to get the value and the gradient
     * @param output   the name of the function's value, for the labels df/dx, dy/dw1, ...
     * @param names    the parameter names, in order
     * @param point    the point of evaluation, in the same order
     * @param function the plain method, taking the point as an array
     */
    record Example(String title, String formula, String code, String output, List<String> names,
            double[] point, ToDoubleFunction<double[]> function) {
    }

    /** The failures so far, one line each. */
    List<String> failures() {
        return failures;
    }

    /** Records a failure unless {@code ok}. */
    void require(boolean ok, String failure) {
        if (!ok) {
            failures.add(failure);
        }
    }

    /** Prints the example and checks the generated value and gradient. */
    void report(Example ex, double value, double[] gradient, double[] closedForm) {
        int n = ex.names().size();
        double plainValue = ex.function().applyAsDouble(ex.point());
        double[] fd = new double[n];
        for (int i = 0; i < n; i++) {
            fd[i] = centralDifference(ex.function(), ex.point(), i);
        }

        System.out.printf(Locale.ROOT, "== %s%n", ex.title());
        System.out.printf(Locale.ROOT, "  %s%n", ex.formula());
        System.out.printf(Locale.ROOT, "  you write: %s%n", ex.code());
        StringBuilder at = new StringBuilder();
        for (int i = 0; i < n; i++) {
            at.append(i == 0 ? "" : ", ").append(ex.names().get(i)).append(" = ")
                    .append(ex.point()[i]);
        }
        System.out.printf(Locale.ROOT, "  at     %s%n", at);
        boolean sameValue = Double.compare(value, plainValue) == 0;
        System.out.printf(Locale.ROOT, "  %-8s %22.16g   plain method %22.16g   %s%n",
                "value", value, plainValue, sameValue ? "identical" : "DIFFERENT");
        require(sameValue, ex.title() + ": generated value " + value + " != plain method "
                + plainValue);

        System.out.printf(Locale.ROOT, "  %-8s %22s   %22s   %9s   %22s%n",
                "", "Leibniz", "central difference", "rel. err", "closed form");
        for (int i = 0; i < n; i++) {
            String label = "d" + ex.output() + "/d" + ex.names().get(i);
            double err = relativeError(new double[] {gradient[i]}, new double[] {fd[i]});
            System.out.printf(Locale.ROOT, "  %-8s %22.16g   %22.16g   %9.1e   %22.16g%n",
                    label, gradient[i], fd[i], err, closedForm[i]);
            require(err <= FD_TOLERANCE, ex.title() + ": " + label + " = " + gradient[i]
                    + " but central difference gives " + fd[i] + " (relative error " + err + ")");
        }
        double err = relativeError(gradient, fd);
        double closedErr = relativeError(gradient, closedForm);
        System.out.printf(Locale.ROOT,
                "  ||g - g_fd|| / ||g + g_fd|| = %.1e   ||g - g_cf|| / ||g + g_cf|| = %.1e%n",
                err, closedErr);
        require(err <= FD_TOLERANCE, ex.title() + ": gradient relative error " + err
                + " against central differences");
        require(closedErr <= CLOSED_FORM_TOLERANCE, ex.title() + ": gradient relative error "
                + closedErr + " against the closed form");
    }

    /** (f(p + h e_i) - f(p - h e_i)) / 2h, with h scaled to the coordinate. */
    static double centralDifference(ToDoubleFunction<double[]> f, double[] point, int i) {
        double h = STEP * Math.max(1, Math.abs(point[i]));
        double[] q = point.clone();
        double up = point[i] + h;
        double down = point[i] - h;
        q[i] = up;
        double fUp = f.applyAsDouble(q);
        q[i] = down;
        double fDown = f.applyAsDouble(q);
        // Divide by the step actually taken, which rounding may have changed slightly.
        return (fUp - fDown) / (up - down);
    }

    /** ||a - b|| / ||a + b|| in the Euclidean norm; 0 when a and b are both zero. */
    static double relativeError(double[] a, double[] b) {
        double diff = 0;
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - b[i]) * (a[i] - b[i]);
            sum += (a[i] + b[i]) * (a[i] + b[i]);
        }
        if (diff == 0) {
            return 0;
        }
        return Math.sqrt(diff) / Math.sqrt(sum);
    }
}
