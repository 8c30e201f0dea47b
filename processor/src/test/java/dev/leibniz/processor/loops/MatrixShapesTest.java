package dev.leibniz.processor.loops;

import dev.leibniz.processor.testing.GradientChecks;
import dev.leibniz.processor.testing.Packing;
import static dev.leibniz.processor.testing.GradientChecks.assertCentral;
import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;
import static dev.leibniz.processor.testing.GradientChecks.matrix;
import static dev.leibniz.processor.testing.GradientChecks.vector;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link MatrixShapes}: a double[][] gradient has exactly the parameter's shape, row by row. */
class MatrixShapesTest {

    static Stream<Arguments> shapes() {
        return Stream.of(
                arguments((Object) matrix(vector(0.5, -1.25, 2.0), vector(1.5, 0.75, -0.5))),
                arguments((Object) matrix(vector(0.5), vector(-1.25), vector(2.0))),
                // Ragged, with an empty row.
                arguments((Object) matrix(vector(0.5, -1.25, 2.0), vector(3.0), new double[0],
                        vector(-0.75, 1.5))),
                arguments((Object) new double[0][]));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void gradientHasTheShapeOfTheParameter(double[][] w) {
        var g = MatrixShapesGrad.rowWeightedSquares(w);
        String at = "row-weighted squares at " + Arrays.deepToString(w);
        assertExactly(MatrixShapes.rowWeightedSquares(w), g.value(), at + ": value()");
        double[][] expected = new double[w.length][];
        for (int i = 0; i < w.length; i++) {
            expected[i] = new double[w[i].length];
            for (int j = 0; j < w[i].length; j++) {
                expected[i][j] = 2.0 * (i + 1) * w[i][j];
            }
        }
        // Dyadic entries and small integer weights: exact.
        assertExactly(at, expected, g.w());
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void inexactEntries(double[][] w) {
        double[][] v = new double[w.length][];
        for (int i = 0; i < w.length; i++) {
            v[i] = new double[w[i].length];
            for (int j = 0; j < w[i].length; j++) {
                v[i][j] = w[i][j] * 0.37 + 0.011 * (j + 1);
            }
        }
        var g = MatrixShapesGrad.rowWeightedSquares(v);
        double[][] expected = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            expected[i] = new double[v[i].length];
            for (int j = 0; j < v[i].length; j++) {
                expected[i][j] = 2.0 * (i + 1) * v[i][j];
            }
        }
        assertClose("row-weighted squares", expected, g.w());
        assertCentral("row-weighted squares at " + Arrays.deepToString(v),
                p -> MatrixShapes.rowWeightedSquares(new Packing.Reader(p).matrix(v)),
                Packing.flat(v), Packing.flat(expected), Packing.flat(g.w()));
    }

    @ParameterizedTest
    @MethodSource("rectangles")
    void localArrayIndexedByColumn(double[][] w) {
        var g = MatrixShapesGrad.squaredColumnSums(w);
        assertExactly(MatrixShapes.squaredColumnSums(w), g.value(), "column sums: value()");
        double[] columnSums = new double[w[0].length];
        for (double[] row : w) {
            for (int j = 0; j < row.length; j++) {
                columnSums[j] += row[j];
            }
        }
        double[][] expected = new double[w.length][w[0].length];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w[0].length; j++) {
                expected[i][j] = 2.0 * columnSums[j];
            }
        }
        assertClose("column sums", expected, g.w());
        assertCentral("column sums at " + Arrays.deepToString(w),
                p -> MatrixShapes.squaredColumnSums(new Packing.Reader(p).matrix(w)),
                Packing.flat(w), Packing.flat(expected), Packing.flat(g.w()));
    }

    static Stream<Arguments> rectangles() {
        return Stream.of(
                arguments((Object) matrix(vector(0.31, -1.7, 2.9), vector(1.4, 0.22, -0.65))),
                arguments((Object) matrix(vector(0.31), vector(-1.7), vector(2.9),
                        vector(0.05))));
    }
}
