package dev.leibniz.processor.loops;

import dev.leibniz.processor.testing.GradientChecks;
import dev.leibniz.processor.testing.Packing;
import static dev.leibniz.processor.testing.GradientChecks.assertCentral;
import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;
import static dev.leibniz.processor.testing.GradientChecks.matrix;
import static dev.leibniz.processor.testing.GradientChecks.vector;
import static dev.leibniz.processor.loops.Matrices.multiply;
import static dev.leibniz.processor.loops.Matrices.outer;
import static dev.leibniz.processor.loops.Matrices.scale;
import static dev.leibniz.processor.loops.Matrices.transpose;

import org.junit.jupiter.api.Test;

/**
 * {@link LinearAlgebra}: {@code double[]} and {@code double[][]} gradients of products reduced
 * to a scalar, against closed forms written with {@link Matrices}; non-square shapes so that a
 * swapped index shows.
 */
class LinearAlgebraTest {

    private static final double[][] A = matrix(
            vector(0.5, -1.2, 2.0),
            vector(1.5, 0.3, -0.7));
    private static final double[][] B = matrix(
            vector(1.0, -0.4, 0.25, 2.2),
            vector(-1.3, 0.6, 0.9, -0.1),
            vector(0.8, 1.7, -2.0, 0.35));
    private static final double[][] W = matrix(
            vector(0.3, -1.0, 2.0, 0.5),
            vector(-0.75, 1.25, 0.1, -0.6));

    @Test
    void dotProduct() {
        double[] x = vector(0.5, -1.25, 3.0, 2.0);
        double[] y = vector(-2.0, 0.75, 1.5, -0.125);
        var g = LinearAlgebraGrad.dot(x, y);
        assertExactly(LinearAlgebra.dot(x, y), g.value(), "x . y: value()");
        // Each component is one product with 1.0: exact.
        assertExactly("x . y: d/dx", y, g.x());
        assertExactly("x . y: d/dy", x, g.y());
    }

    @Test
    void dotProductOfInexactVectors() {
        double[] x = vector(0.31, -1.7, 2.9);
        double[] y = vector(-0.44, 1.13, 0.58);
        var g = LinearAlgebraGrad.dot(x, y);
        assertExactly("x . y: d/dx", y, g.x());
        assertExactly("x . y: d/dy", x, g.y());
        assertCentral("x . y", p -> {
            var in = new Packing.Reader(p);
            return LinearAlgebra.dot(in.vector(x), in.vector(y));
        }, Packing.flat(x, y), Packing.flat(y, x), Packing.flat(g.x(), g.y()));
    }

    @Test
    void weightedMatrixVectorProduct() {
        double[] c = vector(0.7, -1.1);
        double[] x = vector(1.3, -0.2, 0.9);
        var g = LinearAlgebraGrad.weightedMatVec(c, A, x);
        assertExactly(LinearAlgebra.weightedMatVec(c, A, x), g.value(), "c . Ax: value()");
        double[] expectedC = multiply(A, x);
        double[][] expectedA = outer(c, x);
        double[] expectedX = multiply(transpose(A), c);
        assertClose("c . Ax: d/dc", expectedC, g.c());
        assertClose("c . Ax: d/dA", expectedA, g.a());
        assertClose("c . Ax: d/dx", expectedX, g.x());
        assertCentral("c . Ax", p -> {
            var in = new Packing.Reader(p);
            return LinearAlgebra.weightedMatVec(in.vector(c), in.matrix(A), in.vector(x));
        }, Packing.flat(c, A, x), Packing.flat(expectedC, expectedA, expectedX),
                Packing.flat(g.c(), g.a(), g.x()));
    }

    @Test
    void squaredNormOfMatrixVectorProduct() {
        double[] x = vector(-0.6, 1.4, 0.25);
        var g = LinearAlgebraGrad.squaredMatVec(A, x);
        assertExactly(LinearAlgebra.squaredMatVec(A, x), g.value(), "||Ax||^2: value()");
        double[] ax = multiply(A, x);
        double[][] expectedA = scale(2.0, outer(ax, x));
        double[] expectedX = scale(2.0, multiply(transpose(A), ax));
        assertClose("||Ax||^2: d/dA", expectedA, g.a());
        assertClose("||Ax||^2: d/dx", expectedX, g.x());
        assertCentral("||Ax||^2", p -> {
            var in = new Packing.Reader(p);
            return LinearAlgebra.squaredMatVec(in.matrix(A), in.vector(x));
        }, Packing.flat(A, x), Packing.flat(expectedA, expectedX), Packing.flat(g.a(), g.x()));
    }

    @Test
    void squaredFrobeniusNormOfMatrixProduct() {
        var g = LinearAlgebraGrad.squaredMatMat(A, B);
        assertExactly(LinearAlgebra.squaredMatMat(A, B), g.value(), "||AB||^2: value()");
        double[][] ab = multiply(A, B);
        double[][] expectedA = scale(2.0, multiply(ab, transpose(B)));
        double[][] expectedB = scale(2.0, multiply(transpose(A), ab));
        assertClose("||AB||^2: d/dA", expectedA, g.a());
        assertClose("||AB||^2: d/dB", expectedB, g.b());
        assertCentral("||AB||^2", p -> {
            var in = new Packing.Reader(p);
            return LinearAlgebra.squaredMatMat(in.matrix(A), in.matrix(B));
        }, Packing.flat(A, B), Packing.flat(expectedA, expectedB), Packing.flat(g.a(), g.b()));
    }

    @Test
    void weightedSumOfMatrixProduct() {
        var g = LinearAlgebraGrad.weightedMatMat(W, A, B);
        assertExactly(LinearAlgebra.weightedMatMat(W, A, B), g.value(), "sum W .* AB: value()");
        double[][] expectedA = multiply(W, transpose(B));
        double[][] expectedB = multiply(transpose(A), W);
        assertClose("sum W .* AB: d/dA", expectedA, g.a());
        assertClose("sum W .* AB: d/dB", expectedB, g.b());
        assertCentral("sum W .* AB", p -> {
            var in = new Packing.Reader(p);
            return LinearAlgebra.weightedMatMat(W, in.matrix(A), in.matrix(B));
        }, Packing.flat(A, B), Packing.flat(expectedA, expectedB), Packing.flat(g.a(), g.b()));
    }
}
