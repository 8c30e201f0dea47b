package dev.leibniz.processor.loops;

import static dev.leibniz.processor.testing.GradientChecks.assertCentral;
import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;
import static dev.leibniz.processor.testing.GradientChecks.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.leibniz.processor.testing.Packing;
import org.junit.jupiter.api.Test;

/** {@link ArrayCopies}: exact values where the issue gives them, central differences everywhere. */
class ArrayCopiesTest {

    @Test
    void arraycopyPassesTheDerivativeThrough() {
        assertExactly("d(sum y²)/dx, y a copy of x", vector(2, 4, 6), ArrayCopiesGrad.arraycopyThenSquares(vector(1, 2, 3)).x());
    }

    @Test
    void overwrittenFillValuesGiveUpTheirAdjoint() {
        double[] x = vector(1, 2, 3);
        var g = ArrayCopiesGrad.fillThenCopyInto(x, 0.7);
        // y = {a, a, x1, x2, a}: ds/da = 2a(1 + 2 + 5), ds/dx1 = 2·3·x1, ds/dx2 = 2·4·x2.
        assertExactly("ds/dx", vector(0, 12, 24), g.x());
        assertClose("ds/da", 2 * 0.7 * 8, g.a());
        assertCentral("fill then copy", p -> ArrayCopies.fillThenCopyInto(vector(p[0], p[1], p[2]), p[3]),
                Packing.flat(x, 0.7), Packing.flat(g.x(), g.a()));
    }

    @Test
    void fillOfARange() {
        var g = ArrayCopiesGrad.fillRange(0.3, 1.7);
        // y = {b, a, a, b}: f = b a + a² b, df/da = b + 2ab, df/db = a + a².
        assertExactly(1.7 + 2 * 0.3 * 1.7, g.a(), "df/da");
        assertExactly(0.3 + 0.3 * 0.3, g.b(), "df/db");
    }

    @Test
    void cloneCopyOfAndCopyOfRange() {
        double[] x = vector(1, 2, 3, 4);
        var g = ArrayCopiesGrad.copies(x);
        assertCentral("clone, copyOf, copyOfRange", p -> ArrayCopies.copies(p), x, g.x());
        assertExactly(ArrayCopies.copies(x), g.value(), "value");
    }

    @Test
    void floatCopy() {
        float[] x = {0.5f, -1.5f};
        float[] g = ArrayCopiesGrad.floatCopy(x).x();
        assertArrayEquals(new float[] {3 * 0.25f, 3 * 2.25f}, g, 1e-6f); // d(v³)/dv = 3v², exact in float
    }

    @Test
    void copyOfRangeFailsWhereTheLibraryCallFails() {
        double[] x = vector(1, 2, 3);
        var g = ArrayCopiesGrad.partOf(x, 1);
        assertExactly("d(x1 x2)/dx", vector(0, 3, 2), g.x());
        assertThrows(IndexOutOfBoundsException.class, () -> ArrayCopies.partOf(x, 4), "the plain method");
        assertThrows(IndexOutOfBoundsException.class, () -> ArrayCopiesGrad.partOf(x, 4), "the companion");
    }

    @Test
    void copiesWithinOneArray() {
        double[] x = vector(0.5, -1.5, 2.0, 0.75);
        assertCentral("overlapping copies", ArrayCopies::shiftsInPlace, x, ArrayCopiesGrad.shiftsInPlace(x).x());
        assertExactly(ArrayCopies.shiftsInPlace(x), ArrayCopiesGrad.shiftsInPlace(x).value(), "value");
    }
}
