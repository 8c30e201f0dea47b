package dev.leibniz.processor.loops;

import static dev.leibniz.processor.testing.GradientChecks.assertCentral;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;
import static dev.leibniz.processor.testing.GradientChecks.matrix;
import static dev.leibniz.processor.testing.GradientChecks.vector;

import dev.leibniz.processor.testing.Packing;
import org.junit.jupiter.api.Test;

/** {@link Rows}: a row's adjoint lands in that row of the matrix's gradient; central differences throughout. */
class RowsTest {
    private static final double[][] W = matrix(vector(0.2, -0.4, 0.7), vector(-0.3, 0.5, 0.1));
    private static final double[] X = vector(1.1, 0.6, -0.8);

    @Test
    void rowsAsCallArguments() {
        var g = RowsGrad.tanhLayerSum(W, X);
        assertCentral("sum tanh(w_j . x)", p -> { var r = new Packing.Reader(p);
                    return Rows.tanhLayerSum(r.matrix(W), r.vector(X)); },
                Packing.flat(W, X), Packing.flat(g.w(), g.x()));
    }

    @Test
    void forEachOverRows() {
        var g = RowsGrad.squaredPredictions(W, X);
        assertCentral("sum (row . w)²", p -> { var r = new Packing.Reader(p);
                    return Rows.squaredPredictions(r.matrix(W), r.vector(X)); },
                Packing.flat(W, X), Packing.flat(g.xs(), g.w()));
    }

    @Test
    void readOnlyAliases() {
        var g = RowsGrad.firstAndLast(W, X);
        assertCentral("first and last rows", p -> { var r = new Packing.Reader(p);
                    return Rows.firstAndLast(r.matrix(W), r.vector(X)); },
                Packing.flat(W, X), Packing.flat(g.xs(), g.w()));
    }

    @Test
    void rowsOfAConstantMatrix() {
        var g = RowsGrad.constantRows(W, X);
        assertCentral("rows outside wrt", p -> Rows.constantRows(W, p), X, g.w());
    }

    @Test
    void rowsOfALocalMatrix() {
        // h = [x; 2x], s = |x|² + 4|x|²
        assertExactly("d(5|x|²)", vector(11, 6, -8), RowsGrad.rowsOfALocalMatrix(X).x());
    }

    @Test
    void aRowTakenInABranch() {
        for (boolean first : new boolean[] {true, false}) {
            var g = RowsGrad.rowInABranch(W, X, first);
            assertCentral("row in a branch, taken " + first, p -> { var r = new Packing.Reader(p);
                        return Rows.rowInABranch(r.matrix(W), r.vector(X), first); },
                    Packing.flat(W, X), Packing.flat(g.xs(), g.w()));
        }
    }
}
