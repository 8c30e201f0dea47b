package dev.leibniz.processor.loops;

import static dev.leibniz.processor.testing.GradientChecks.assertCentral;
import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static dev.leibniz.processor.testing.GradientChecks.matrix;
import static dev.leibniz.processor.testing.GradientChecks.vector;

import dev.leibniz.processor.testing.Packing;
import org.junit.jupiter.api.Test;

/** {@link ArrayChoices} against closed forms and central differences. */
class ArrayChoicesTest {

    @Test
    void eachSideOfTheChoiceGetsItsOwnGradient() {
        double[] a = vector(0.3, -0.5);
        double[] b = vector(1.2, 0.7);
        // x > 0: |a|² x, so ∂/∂a = 2 a x, ∂/∂b = 0, ∂/∂x = |a|².
        var g = ArrayChoicesGrad.pickOne(a, b, 0.8);
        assertClose("d/da", vector(2 * 0.3 * 0.8, 2 * -0.5 * 0.8), g.a());
        assertClose("d/db", vector(0, 0), g.b());
        assertClose("d/dx", 0.09 + 0.25, g.x());
        var h = ArrayChoicesGrad.pickOne(a, b, -0.4);
        assertClose("d/da", vector(0, 0), h.a());
        assertClose("d/db", vector(2 * 1.2 * -0.4, 2 * 0.7 * -0.4), h.b());
        assertClose("d/dx", 1.44 + 0.49, h.x());
    }

    @Test
    void rowsAndAVectorChosenInALoop() {
        double[][] w = matrix(vector(0.2, -0.4), vector(0.5, 0.1), vector(-0.3, 0.8), vector(0.6, 0.25));
        double[] x = vector(0.9, -0.6);
        for (int k = 0; k < 2; k++) {
            int pick = k;
            var g = ArrayChoicesGrad.pickRows(w, x, pick);
            assertCentral("k = " + k, p -> { var r = new Packing.Reader(p);
                        return ArrayChoices.pickRows(r.matrix(w), r.vector(x), pick); },
                    Packing.flat(w, x), Packing.flat(g.w(), g.x()));
        }
    }

    @Test
    void aChoiceAsACallArgument() {
        double[] x = vector(0.3, -0.5);
        double[] h = vector(1.2, 0.7);
        var t = ArrayChoicesGrad.choiceAsArgument(x, h, true);
        assertClose("c: ∂(h·x)/∂x = h", h, t.x());
        assertClose("c: ∂(h·x)/∂h = x", x, t.h());
        var f = ArrayChoicesGrad.choiceAsArgument(x, h, false);
        assertClose("!c: ∂(h·h)/∂x = 0", vector(0, 0), f.x());
        assertClose("!c: ∂(h·h)/∂h = 2h", vector(2.4, 1.4), f.h());
    }

    @Test
    void copiesOfRows() {
        double[][] m = matrix(vector(0.4, 1.5), vector(-0.7, 0.2));
        var g = ArrayChoicesGrad.rowCopies(m);
        assertCentral("row copies", p -> ArrayChoices.rowCopies(new Packing.Reader(p).matrix(m)), Packing.flat(m),
                Packing.flat(g.m()));
    }
}
