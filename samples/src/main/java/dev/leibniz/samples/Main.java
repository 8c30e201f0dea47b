package dev.leibniz.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Runs the worked examples and checks every gradient Leibniz generated.
 *
 * <p>For each example it prints the function, the point, the value and the gradient returned by
 * the generated companion class, and beside each partial derivative a central-difference estimate
 * (f(p + h e<sub>i</sub>) &minus; f(p &minus; h e<sub>i</sub>)) / 2h computed from the plain method,
 * with the relative error |g &minus; g<sub>fd</sub>| / |g + g<sub>fd</sub>|. Where the derivative is
 * known in closed form it is printed too. The run fails with an {@link IllegalStateException} when
 * a relative error exceeds {@value #FD_TOLERANCE}, when a closed form disagrees with the generated
 * gradient by more than {@value #CLOSED_FORM_TOLERANCE}, or when a generated value is not exactly
 * the value of the plain method. (It throws rather than calling {@code System.exit}, because the
 * build runs it inside Maven's own JVM.)
 */
public final class Main {

    /** Largest accepted relative error between a generated gradient and its central difference. */
    static final double FD_TOLERANCE = 1e-6;

    /** Largest accepted relative error between a generated gradient and a hand-derived one. */
    static final double CLOSED_FORM_TOLERANCE = 1e-12;

    /** Relative step of the central difference, about the cube root of the machine epsilon. */
    private static final double STEP = 1e-5;

    private final List<String> failures = new ArrayList<>();

    private Main() {
    }

    /**
     * Prints and checks every example.
     *
     * @param args ignored
     * @throws IllegalStateException if any generated value or gradient is wrong
     */
    public static void main(String[] args) {
        Main main = new Main();
        main.polynomial();
        main.mml514();
        main.neuron();
        main.leastSquares();
        main.stableFunctions();
        if (!main.failures.isEmpty()) {
            throw new IllegalStateException(main.failures.size() + " check(s) failed:\n  "
                    + String.join("\n  ", main.failures));
        }
        System.out.println("All values and gradients agree with the plain methods,"
                + " the central differences and the closed forms.");
    }

    private void polynomial() {
        double x = 1;
        double y = 2;
        PolynomialGrad.FGradient g = PolynomialGrad.f(x, y);
        report(new Example("Polynomial", "f(x, y) = x^2 + 2xy + y^3", "f",
                        List.of("x", "y"), new double[] {x, y}, p -> Polynomial.f(p[0], p[1])),
                g.value(), new double[] {g.x(), g.y()},
                new double[] {2 * x + 2 * y, 2 * x + 3 * y * y});
        System.out.println("  closed form: df/dx = 2x + 2y, df/dy = 2x + 3y^2");
        System.out.println();
    }

    private void mml514() {
        double x = 0.5;
        double closedForm = Mml514.closedFormDerivative(x);

        // The plain overload returns a new result object ...
        Mml514Grad.OneExpressionGradient one = Mml514Grad.oneExpression(x);
        report(new Example("MML Example 5.14, one expression",
                        "f(x) = sqrt(x^2 + exp(x^2)) + cos(x^2 + exp(x^2))", "f",
                        List.of("x"), new double[] {x}, p -> Mml514.oneExpression(p[0])),
                one.value(), new double[] {one.x()}, new double[] {closedForm});
        System.out.println();

        // ... the overload taking a result object fills it and returns the value, which lets a
        // loop reuse one object instead of allocating a result per call.
        Mml514Grad.IntermediateVariablesGradient steps =
                new Mml514Grad.IntermediateVariablesGradient();
        double value = Mml514Grad.intermediateVariables(x, steps);
        if (Double.compare(value, steps.value()) != 0) {
            failures.add("Mml514Grad.intermediateVariables returned " + value
                    + " but stored value() = " + steps.value());
        }
        report(new Example("MML Example 5.14, intermediate variables",
                        "a = x^2, b = exp(a), c = a + b, d = sqrt(c), e = cos(c), f = d + e", "f",
                        List.of("x"), new double[] {x}, p -> Mml514.intermediateVariables(p[0])),
                value, new double[] {steps.x()}, new double[] {closedForm});
        System.out.println("  closed form: df/dx = 2x (1 + exp(x^2)) (1 / (2 sqrt(c)) - sin(c)),"
                + " c = x^2 + exp(x^2)");
        System.out.println();
    }

    private void neuron() {
        double w1 = 0.8;
        double w2 = -0.4;
        double b = 0.1;
        double x1 = 1.5;
        double x2 = 2.0;
        double[] point = {w1, w2, b, x1, x2};
        List<String> names = List.of("w1", "w2", "b", "x1", "x2");

        NeuronGrad.OutputGradient g = NeuronGrad.output(w1, w2, b, x1, x2);
        double y = g.value();
        double s = y * (1 - y);
        double[] closedForm = {s * x1, s * x2, s, s * w1, s * w2};
        report(new Example("Sigmoid neuron", "y = 1 / (1 + exp(-(w1*x1 + w2*x2 + b)))", "y",
                        names, point, p -> Neuron.output(p[0], p[1], p[2], p[3], p[4])),
                y, new double[] {g.w1(), g.w2(), g.b(), g.x1(), g.x2()}, closedForm);
        System.out.println("  closed form: dy/dw_i = y(1-y) x_i, dy/db = y(1-y), dy/dx_i = y(1-y) w_i");
        System.out.println();

        // Training: the pullback seeded with dL/dy = y - t gives the gradient of the squared-error
        // loss L = (y - t)^2 / 2 in the same backward sweep, without forming dy/dw first.
        double target = 1;
        NeuronGrad.OutputGradient lossGradient = new NeuronGrad.OutputGradient();
        double yPulled = NeuronGrad.outputPullback(w1, w2, b, x1, x2, y - target, lossGradient);
        double loss = (yPulled - target) * (yPulled - target) / 2;
        double[] closedLoss = new double[closedForm.length];
        for (int i = 0; i < closedForm.length; i++) {
            closedLoss[i] = (y - target) * closedForm[i];
        }
        report(new Example("Sigmoid neuron, loss via pullback (seed dL/dy = y - t, t = 1)",
                        "L = (y - t)^2 / 2", "L", names, point, p -> {
                            double out = Neuron.output(p[0], p[1], p[2], p[3], p[4]);
                            return (out - target) * (out - target) / 2;
                        }),
                loss, new double[] {lossGradient.w1(), lossGradient.w2(), lossGradient.b(),
                        lossGradient.x1(), lossGradient.x2()}, closedLoss);
        System.out.println();
    }

    private void leastSquares() {
        double[][] phi = {{1, 0}, {1, 1}, {1, 2}};
        double[] y = {1, 2, 2};
        double[] theta = {0, 0};
        LeastSquaresGrad.LossGradient g = new LeastSquaresGrad.LossGradient();
        LeastSquaresGrad.loss(theta, phi, y, g);
        double[] closedForm = {
            -2 * ((y[0] - 0) + (y[1] - 0) + (y[2] - 0)),
            -2 * ((y[1] - 0) * 1 + (y[2] - 0) * 2)};
        report(new Example("MML Example 5.11, least squares (loops over arrays)", "L(theta) = ||y - Phi theta||^2",
                        "L", List.of("theta0", "theta1"), theta.clone(), t -> LeastSquares.loss(t, phi, y)),
                g.value(), g.theta().clone(), closedForm);

        // Plain gradient descent, reusing one result object: no allocation per step.
        double rate = 0.05;
        for (int step = 0; step < 2000; step++) {
            LeastSquaresGrad.loss(theta, phi, y, g);
            for (int d = 0; d < theta.length; d++) {
                theta[d] -= rate * g.theta()[d];
            }
        }
        double[] normalEquations = {7.0 / 6, 0.5}; // (Phi^T Phi)^-1 Phi^T y
        System.out.printf(Locale.ROOT, "  gradient descent: theta = (%.10f, %.10f); normal equations (%.10f, %.10f)%n",
                theta[0], theta[1], normalEquations[0], normalEquations[1]);
        if (relativeError(theta, normalEquations) > 1e-9) {
            failures.add("least squares: gradient descent ended at " + theta[0] + ", " + theta[1]);
        }
        System.out.println();
    }

    private void stableFunctions() {
        double w = 0.7;
        double x = 1.3;
        double s = StableFunctions.sigmoid(w * x);
        report(new Example("Stable sigmoid through its @DerivativeOf rule", "y = sigmoid(w x), x = 1.3", "y",
                        List.of("w"), new double[] {w}, p -> StableFunctions.logistic(p[0], x)),
                StableFunctionsGrad.logistic(w, x).value(), new double[] {StableFunctionsGrad.logistic(w, x).w()},
                new double[] {s * (1 - s) * x});
        double far = StableFunctionsGrad.logistic(-800, 1).w();
        System.out.printf(Locale.ROOT, "  at w x = -800 the derivative is %s (the textbook formula gives NaN)%n", far);
        if (!Double.isFinite(far)) {
            failures.add("stable sigmoid: derivative at -800 is " + far);
        }
        System.out.println();

        double[] z = {1.0, 3.0, -2.0};
        StableFunctionsGrad.CrossEntropyGradient ce = StableFunctionsGrad.crossEntropy(z, 0);
        double lse = StableFunctions.logSumExp(z);
        double[] softmaxMinusOneHot = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            softmaxMinusOneHot[i] = Math.exp(z[i] - lse) - (i == 0 ? 1 : 0);
        }
        report(new Example("Cross-entropy through logSumExp's @DerivativeOf rule", "L = -z[0] + logSumExp(z)", "L",
                        List.of("z0", "z1", "z2"), z.clone(), p -> StableFunctions.crossEntropy(p, 0)),
                ce.value(), ce.z().clone(), softmaxMinusOneHot);
        System.out.println();
    }

    /**
     * One example: a function of a point, as the plain (not generated) method computes it.
     *
     * @param title    the heading
     * @param formula  the function as the reader should see it
     * @param output   the name of the function's value, for the labels df/dx, dy/dw1, ...
     * @param names    the parameter names, in order
     * @param point    the point of evaluation, in the same order
     * @param function the plain method, taking the point as an array
     */
    private record Example(String title, String formula, String output, List<String> names,
            double[] point, ToDoubleFunction<double[]> function) {
    }

    private void report(Example ex, double value, double[] gradient, double[] closedForm) {
        int n = ex.names().size();
        double plainValue = ex.function().applyAsDouble(ex.point());
        double[] fd = new double[n];
        for (int i = 0; i < n; i++) {
            fd[i] = centralDifference(ex.function(), ex.point(), i);
        }

        System.out.printf(Locale.ROOT, "== %s%n", ex.title());
        System.out.printf(Locale.ROOT, "  %s%n", ex.formula());
        StringBuilder at = new StringBuilder();
        for (int i = 0; i < n; i++) {
            at.append(i == 0 ? "" : ", ").append(ex.names().get(i)).append(" = ")
                    .append(ex.point()[i]);
        }
        System.out.printf(Locale.ROOT, "  at     %s%n", at);
        boolean sameValue = Double.compare(value, plainValue) == 0;
        System.out.printf(Locale.ROOT, "  %-8s %22.16g   plain method %22.16g   %s%n",
                "value", value, plainValue, sameValue ? "identical" : "DIFFERENT");
        if (!sameValue) {
            failures.add(ex.title() + ": generated value " + value + " != plain method "
                    + plainValue);
        }

        System.out.printf(Locale.ROOT, "  %-8s %22s   %22s   %9s   %22s%n",
                "", "Leibniz", "central difference", "rel. err", "closed form");
        for (int i = 0; i < n; i++) {
            String label = "d" + ex.output() + "/d" + ex.names().get(i);
            double err = relativeError(new double[] {gradient[i]}, new double[] {fd[i]});
            System.out.printf(Locale.ROOT, "  %-8s %22.16g   %22.16g   %9.1e   %22.16g%n",
                    label, gradient[i], fd[i], err, closedForm[i]);
            if (!(err <= FD_TOLERANCE)) {
                failures.add(ex.title() + ": " + label + " = " + gradient[i]
                        + " but central difference gives " + fd[i] + " (relative error " + err + ")");
            }
        }
        double err = relativeError(gradient, fd);
        double closedErr = relativeError(gradient, closedForm);
        System.out.printf(Locale.ROOT,
                "  ||g - g_fd|| / ||g + g_fd|| = %.1e   ||g - g_cf|| / ||g + g_cf|| = %.1e%n",
                err, closedErr);
        if (!(err <= FD_TOLERANCE)) {
            failures.add(ex.title() + ": gradient relative error " + err
                    + " against central differences");
        }
        if (!(closedErr <= CLOSED_FORM_TOLERANCE)) {
            failures.add(ex.title() + ": gradient relative error " + closedErr
                    + " against the closed form");
        }
    }

    /** (f(p + h e_i) - f(p - h e_i)) / 2h, with h scaled to the coordinate. */
    private static double centralDifference(ToDoubleFunction<double[]> f, double[] point, int i) {
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
    private static double relativeError(double[] a, double[] b) {
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
