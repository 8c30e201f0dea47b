package dev.leibniz.processor.numeric;

import static dev.leibniz.processor.numeric.NumericChecks.assertClosedForm;
import static dev.leibniz.processor.numeric.NumericChecks.assertDerivative;
import static dev.leibniz.processor.numeric.NumericChecks.assertGradient;
import static dev.leibniz.processor.numeric.NumericChecks.vector;

import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CompositeFunctions} against three references: the hand-written closed form, central
 * differences and Hipparchus forward-mode {@link DerivativeStructure}.
 */
class CompositeFunctionsTest {

    private static double mml514Hipparchus(double xv) {
        DSFactory factory = new DSFactory(1, 1);
        DerivativeStructure x = factory.variable(0, xv);
        DerivativeStructure a = x.multiply(x);
        DerivativeStructure c = a.add(a.exp());
        return c.sqrt().add(c.cos()).getPartialDerivative(1);
    }

    private static double[] polynomialHipparchus(double xv, double yv) {
        DSFactory factory = new DSFactory(2, 1);
        DerivativeStructure x = factory.variable(0, xv);
        DerivativeStructure y = factory.variable(1, yv);
        DerivativeStructure f = x.multiply(x).add(x.multiply(y).multiply(2.0)).add(y.pow(3));
        return vector(f.getPartialDerivative(1, 0), f.getPartialDerivative(0, 1));
    }

    private static double[] waveHipparchus(double xv, double yv, double zv) {
        DSFactory factory = new DSFactory(3, 1);
        DerivativeStructure x = factory.variable(0, xv);
        DerivativeStructure y = factory.variable(1, yv);
        DerivativeStructure z = factory.variable(2, zv);
        DerivativeStructure f = x.multiply(x).negate().exp().multiply(y.multiply(z).sin())
                .add(y.multiply(y).log1p().divide(z.multiply(z).add(1.0)));
        return vector(f.getPartialDerivative(1, 0, 0), f.getPartialDerivative(0, 1, 0),
                f.getPartialDerivative(0, 0, 1));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1.5, -0.5, 0.0, 0.3, 1.0, 2.0})
    void mml514AsOneExpression(double x) {
        var g = CompositeFunctionsGrad.mml514(x);
        assertDerivative("MML 5.14", CompositeFunctions::mml514, x, g.value(), g.x(),
                CompositeDerivatives.mml514(x));
        assertClosedForm("MML 5.14 at " + x + " vs Hipparchus", vector(mml514Hipparchus(x)),
                vector(g.x()));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1.5, -0.5, 0.0, 0.3, 1.0, 2.0})
    void mml514WithIntermediateVariables(double x) {
        var g = CompositeFunctionsGrad.mml514Stepwise(x);
        assertDerivative("MML 5.14 stepwise", CompositeFunctions::mml514Stepwise, x, g.value(),
                g.x(), CompositeDerivatives.mml514(x));
        assertClosedForm("MML 5.14 stepwise at " + x + " vs Hipparchus",
                vector(mml514Hipparchus(x)), vector(g.x()));
    }

    @ParameterizedTest
    @CsvSource({"1.0, 2.0", "-1.5, 0.5", "3.0, -2.0", "0.25, -0.75"})
    void polynomial(double x, double y) {
        var g = CompositeFunctionsGrad.polynomial(x, y);
        double[] gradient = vector(g.x(), g.y());
        assertGradient("x^2 + 2xy + y^3", p -> CompositeFunctions.polynomial(p[0], p[1]),
                vector(x, y), g.value(), gradient, CompositeDerivatives.polynomial(x, y));
        assertClosedForm("x^2 + 2xy + y^3 vs Hipparchus", polynomialHipparchus(x, y), gradient);
    }

    @ParameterizedTest
    @CsvSource({"1.0, 2.0", "-1.5, 0.5", "3.0, -2.0", "0.25, -0.75"})
    void polynomialWithPow(double x, double y) {
        var g = CompositeFunctionsGrad.polynomialWithPow(x, y);
        double[] gradient = vector(g.x(), g.y());
        assertGradient("pow(x, 2) + 2xy + pow(y, 3)",
                p -> CompositeFunctions.polynomialWithPow(p[0], p[1]), vector(x, y), g.value(),
                gradient, CompositeDerivatives.polynomial(x, y));
        assertClosedForm("pow(x, 2) + 2xy + pow(y, 3) vs Hipparchus", polynomialHipparchus(x, y),
                gradient);
    }

    @ParameterizedTest
    @CsvSource({"0.5, 1.0, -2.0", "-1.2, 0.3, 0.7", "0.1, -2.0, 1.5"})
    void wave(double x, double y, double z) {
        var g = CompositeFunctionsGrad.wave(x, y, z);
        double[] gradient = vector(g.x(), g.y(), g.z());
        assertGradient("exp(-x^2) sin(yz) + log1p(y^2) / (1 + z^2)",
                p -> CompositeFunctions.wave(p[0], p[1], p[2]), vector(x, y, z), g.value(),
                gradient, CompositeDerivatives.wave(x, y, z));
        assertClosedForm("wave vs Hipparchus", waveHipparchus(x, y, z), gradient);
    }
}
