package dev.leibniz.samples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

/**
 * Runs the worked examples, checks every gradient Leibniz generated, trains on real data and
 * draws the plots.
 *
 * <p>For each example it prints what the user writes, the value and the gradient returned by the
 * generated companion class, and beside each partial derivative a central-difference estimate
 * and, where there is one, the closed form ({@link Checks} says how they are compared). The run
 * fails with an {@link IllegalStateException} when any check fails, so the build fails. (It throws
 * rather than calling {@code System.exit}, because the build runs it inside Maven's own JVM.)
 *
 * <p>The only argument is the build directory ({@code target} by default): the plots go to its
 * {@code plots} folder, and the generated sources are in its
 * {@code generated-sources/annotations}.
 */
public final class Main {

    private final Checks checks = new Checks();

    private Main() {
    }

    /**
     * Prints and checks every example.
     *
     * @param args the build directory, {@code target} if absent
     * @throws IllegalStateException if any generated value or gradient is wrong, or a model
     *                               trains worse than it should
     */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true"); // the plots need no display
        long start = System.nanoTime();
        Path target = Paths.get(args.length > 0 ? args[0] : "target");
        Path plots = target.resolve("plots");
        Main main = new Main();
        main.whereTheGeneratedCodeIs(target);
        main.polynomial();
        main.chainRule();
        main.mml514();
        main.neuron();
        main.leastSquares();
        main.stableFunctions();
        BreastCancer.run(main.checks);
        DigitsTraining.run(main.checks, plots);
        ActivationPlots.run(main.checks, plots);
        RosenbrockPaths.run(main.checks, plots);
        Newton.run(main.checks);
        Taylor.run(main.checks, plots);
        PolarMap.run(main.checks);
        List<String> failures = main.checks.failures();
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " check(s) failed:\n  "
                    + String.join("\n  ", failures));
        }
        System.out.println("All values and gradients agree with the plain methods,"
                + " the central differences and the closed forms; every model reached its accuracy.");
        System.out.printf(Locale.ROOT, "(samples ran in %.1f s)%n", (System.nanoTime() - start) / 1e9);
    }

    /** A path relative to the working directory, as the reader would type it. */
    static Path shown(Path path) {
        return Paths.get("").toAbsolutePath().relativize(path.toAbsolutePath());
    }

    private void whereTheGeneratedCodeIs(Path target) {
        Path generated = target.resolve("generated-sources/annotations/dev/leibniz/samples");
        System.out.println("The companion classes Leibniz generated for these samples are plain Java in");
        System.out.println("  " + shown(generated) + "/" + (Files.isDirectory(generated) ? "" : " (not found here)"));
        System.out.println("  for example ChainRuleGrad.java, MlpGrad.java, ActivationsGrad.java");
        System.out.println();
    }

    private void polynomial() {
        double x = 1;
        double y = 2;
        PolynomialGrad.FGradient g = PolynomialGrad.f(x, y);
        checks.report(new Checks.Example("Polynomial", "f(x, y) = x^2 + 2xy + y^3",
                        "PolynomialGrad.FGradient g = PolynomialGrad.f(1, 2); g.value(); g.x(); g.y();",
                        "f", List.of("x", "y"), new double[] {x, y}, p -> Polynomial.f(p[0], p[1])),
                g.value(), new double[] {g.x(), g.y()},
                new double[] {2 * x + 2 * y, 2 * x + 3 * y * y});
        System.out.println("  closed form: df/dx = 2x + 2y, df/dy = 2x + 3y^2");
        System.out.println();
    }

    private void chainRule() {
        double x = 1.5;
        ChainRuleGrad.FGradient g = ChainRuleGrad.f(x);
        double u = x * x;
        double closedForm = Math.exp(Math.sin(u)) * Math.cos(u) * 2 * x;
        checks.report(new Checks.Example("The chain rule across methods",
                        "f(x) = outer(inner(x)), inner(x) = x^2, outer(u) = exp(sin u)",
                        "ChainRuleGrad.f(1.5).x()", "f", List.of("x"), new double[] {x},
                        p -> ChainRule.f(p[0])),
                g.value(), new double[] {g.x()}, new double[] {closedForm});
        // The chain rule by hand, from the two inner companions: outer'(inner(x)) * inner'(x).
        double product = ChainRuleGrad.outer(ChainRule.inner(x)).u() * ChainRuleGrad.inner(x).x();
        System.out.printf(Locale.ROOT, "  ChainRuleGrad.outer(inner(x)).u() * ChainRuleGrad.inner(x).x() = %.16g%n",
                product);
        System.out.println("  closed form: f'(x) = exp(sin x^2) cos(x^2) 2x");
        checks.require(Checks.relativeError(new double[] {product}, new double[] {g.x()})
                <= Checks.CLOSED_FORM_TOLERANCE, "chain rule: outer' * inner' = " + product
                + " but f' = " + g.x());
        System.out.println();
    }

    private void mml514() {
        double x = 0.5;
        double closedForm = Mml514.closedFormDerivative(x);

        // The plain overload returns a new result object ...
        Mml514Grad.OneExpressionGradient one = Mml514Grad.oneExpression(x);
        checks.report(new Checks.Example("MML Example 5.14, one expression",
                        "f(x) = sqrt(x^2 + exp(x^2)) + cos(x^2 + exp(x^2))",
                        "Mml514Grad.oneExpression(0.5).x()", "f",
                        List.of("x"), new double[] {x}, p -> Mml514.oneExpression(p[0])),
                one.value(), new double[] {one.x()}, new double[] {closedForm});
        System.out.println();

        // ... the overload taking a result object fills it and returns the value, which lets a
        // loop reuse one object instead of allocating a result per call.
        Mml514Grad.IntermediateVariablesGradient steps =
                new Mml514Grad.IntermediateVariablesGradient();
        double value = Mml514Grad.intermediateVariables(x, steps);
        checks.require(Double.compare(value, steps.value()) == 0,
                "Mml514Grad.intermediateVariables returned " + value + " but stored value() = "
                        + steps.value());
        checks.report(new Checks.Example("MML Example 5.14, intermediate variables",
                        "a = x^2, b = exp(a), c = a + b, d = sqrt(c), e = cos(c), f = d + e",
                        "double f = Mml514Grad.intermediateVariables(0.5, into); into.x()", "f",
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
        checks.report(new Checks.Example("Sigmoid neuron", "y = 1 / (1 + exp(-(w1*x1 + w2*x2 + b)))",
                        "NeuronGrad.OutputGradient g = NeuronGrad.output(w1, w2, b, x1, x2); g.w1(); ...",
                        "y", names, point, p -> Neuron.output(p[0], p[1], p[2], p[3], p[4])),
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
        checks.report(new Checks.Example("Sigmoid neuron, loss via pullback (seed dL/dy = y - t, t = 1)",
                        "L = (y - t)^2 / 2",
                        "NeuronGrad.outputPullback(w1, w2, b, x1, x2, y - t, into); into.w1(); ...",
                        "L", names, point, p -> {
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
        checks.report(new Checks.Example("MML Example 5.11, least squares (loops over arrays)",
                        "L(theta) = ||y - Phi theta||^2",
                        "LeastSquaresGrad.loss(theta, phi, y, into); into.theta()",
                        "L", List.of("theta0", "theta1"), theta.clone(), t -> LeastSquares.loss(t, phi, y)),
                g.value(), g.theta().clone(), closedForm);
        System.out.println("  closed form: dL/dtheta = -2 Phi^T (y - Phi theta)");

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
        checks.require(Checks.relativeError(theta, normalEquations) <= 1e-9,
                "least squares: gradient descent ended at " + theta[0] + ", " + theta[1]);
        System.out.println();
    }

    private void stableFunctions() {
        double w = 0.7;
        double x = 1.3;
        double s = StableFunctions.sigmoid(w * x);
        checks.report(new Checks.Example("Stable sigmoid through its @DerivativeOf rule", "y = sigmoid(w x), x = 1.3",
                        "StableFunctionsGrad.logistic(0.7, 1.3).w()", "y",
                        List.of("w"), new double[] {w}, p -> StableFunctions.logistic(p[0], x)),
                StableFunctionsGrad.logistic(w, x).value(), new double[] {StableFunctionsGrad.logistic(w, x).w()},
                new double[] {s * (1 - s) * x});
        double far = StableFunctionsGrad.logistic(-800, 1).w();
        System.out.printf(Locale.ROOT, "  at w x = -800 the derivative is %s (the textbook formula gives NaN)%n", far);
        checks.require(Double.isFinite(far), "stable sigmoid: derivative at -800 is " + far);
        System.out.println();

        double[] z = {1.0, 3.0, -2.0};
        StableFunctionsGrad.CrossEntropyGradient ce = StableFunctionsGrad.crossEntropy(z, 0);
        double lse = StableFunctions.logSumExp(z);
        double[] softmaxMinusOneHot = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            softmaxMinusOneHot[i] = Math.exp(z[i] - lse) - (i == 0 ? 1 : 0);
        }
        checks.report(new Checks.Example("Cross-entropy through logSumExp's @DerivativeOf rule", "L = -z[0] + logSumExp(z)",
                        "StableFunctionsGrad.crossEntropy(z, 0).z()", "L",
                        List.of("z0", "z1", "z2"), z.clone(), p -> StableFunctions.crossEntropy(p, 0)),
                ce.value(), ce.z().clone(), softmaxMinusOneHot);
        System.out.println();
    }
}
