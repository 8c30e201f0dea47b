package dev.leibniz.processor.loops;

import dev.leibniz.processor.testing.GradientChecks;
import dev.leibniz.processor.testing.Packing;
import static dev.leibniz.processor.testing.GradientChecks.assertCentral;
import static dev.leibniz.processor.testing.GradientChecks.assertComponentwise;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;
import static dev.leibniz.processor.testing.GradientChecks.assertFinite;
import static dev.leibniz.processor.testing.GradientChecks.vector;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Products}: the gradient of a product is the product of the other factors, computed
 * without dividing by the factor, so a zero factor never makes a NaN.
 */
class ProductsTest {

    /** d/dx[k] of the product: the product of every x[i] with i != k, left to right. */
    static double[] productOfOthers(double[] x) {
        double[] g = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            double p = 1.0;
            for (int i = 0; i < x.length; i++) {
                if (i != k) {
                    p *= x[i];
                }
            }
            g[k] = p;
        }
        return g;
    }

    /** Dyadic factors: every partial product is exact, so the gradient must be exactly this. */
    static Stream<Arguments> exactFactorsWithOneZero() {
        return Stream.of(
                arguments(vector(2.0, -0.5, 0.0, 3.0, 1.5), vector(0.0, 0.0, -4.5, 0.0, 0.0)),
                arguments(vector(0.0, 4.0, -0.25, 2.0), vector(-2.0, 0.0, 0.0, 0.0)),
                arguments(vector(1.5, -2.0, 0.75, 0.0), vector(0.0, 0.0, 0.0, -2.25)),
                arguments(vector(-0.0, 3.0), vector(3.0, -0.0)));
    }

    @ParameterizedTest
    @MethodSource("exactFactorsWithOneZero")
    void oneZeroFactorGivesTheProductOfTheOthers(double[] x, double[] expected) {
        var g = ProductsGrad.product(x);
        String at = "product at " + Arrays.toString(x);
        assertExactly(Products.product(x), g.value(), at + ": value()");
        assertFinite(at, g.x());
        assertExactly(at + " (hand-written)", expected, g.x());
        assertExactly(at + " vs product of the others", productOfOthers(x), g.x());
    }

    @Test
    void oneZeroAmongInexactFactors() {
        double[] x = vector(0.37, -1.3, 0.0, 2.9, 0.61, -0.83);
        var g = ProductsGrad.product(x);
        assertFinite("product with one zero", g.x());
        assertComponentwise("product with one zero", productOfOthers(x), g.x());
        assertCentral("product with one zero", Products::product, x, productOfOthers(x), g.x());
    }

    @Test
    void twoZeroFactorsGiveAZeroGradient() {
        double[] x = vector(1.7, 0.0, -2.3, 0.0, 0.4);
        var g = ProductsGrad.product(x);
        assertExactly(0.0, g.value(), "product with two zeros: value()");
        assertExactly("product with two zeros", new double[5], g.x());
        assertExactly("product with two adjacent zeros", new double[3],
                ProductsGrad.product(vector(0.0, 0.0, 5.0)).x());
    }

    @Test
    void noZeroFactor() {
        double[] x = vector(1.1, -0.7, 2.3, 0.45, -1.9);
        var g = ProductsGrad.product(x);
        assertExactly(Products.product(x), g.value(), "product: value()");
        assertComponentwise("product", productOfOthers(x), g.x());
        assertCentral("product", Products::product, x, productOfOthers(x), g.x());
    }

    @Test
    void singleFactorAndEmptyProduct() {
        assertExactly("product of one factor", vector(1.0), ProductsGrad.product(vector(-3.5)).x());
        var empty = ProductsGrad.product(new double[0]);
        assertExactly(1.0, empty.value(), "empty product: value()");
        assertExactly("empty product", new double[0], empty.x());
    }

    static Stream<Arguments> growthRates() {
        return Stream.of(
                arguments(1000.0, vector(0.05, 0.03, -0.02, 0.07)),
                arguments(2.5, vector(0.5, -0.25, 1.0)),
                arguments(-3.0, vector(0.1, 0.2, 0.3, 0.4, 0.5, 0.6)));
    }

    @ParameterizedTest
    @MethodSource("growthRates")
    void compoundGrowth(double principal, double[] r) {
        var g = ProductsGrad.compound(principal, r);
        String at = "compound(" + principal + ", " + Arrays.toString(r) + ")";
        assertExactly(Products.compound(principal, r), g.value(), at + ": value()");
        double[] factors = new double[r.length];
        double all = 1.0;
        for (int i = 0; i < r.length; i++) {
            factors[i] = 1.0 + r[i];
            all *= factors[i];
        }
        double[] others = productOfOthers(factors);
        double[] expectedR = new double[r.length];
        for (int k = 0; k < r.length; k++) {
            expectedR[k] = principal * others[k];
        }
        assertComponentwise(at + ": d/dprincipal", vector(all), vector(g.principal()));
        assertComponentwise(at + ": d/dr", expectedR, g.r());
        assertCentral(at, p -> {
            var in = new Packing.Reader(p);
            return Products.compound(in.scalar(), in.vector(r));
        }, Packing.flat(principal, r), Packing.flat(all, expectedR),
                Packing.flat(g.principal(), g.r()));
    }
}
