package dev.leibniz.processor.loops;

import static dev.leibniz.processor.testing.GradientChecks.assertCentral;
import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;
import static dev.leibniz.processor.testing.GradientChecks.matrix;
import static dev.leibniz.processor.testing.GradientChecks.vector;

import dev.leibniz.processor.testing.Packing;
import org.junit.jupiter.api.Test;

/**
 * {@link SilentWrongGradients}: the exact values issue 8 gives, then central differences over
 * every differentiated input.
 */
class SilentWrongGradientsTest {

    @Test
    void loopLocalStartingAtAnElementThenUpdated() {
        var g = SilentWrongGradientsGrad.shiftedSquares(vector(0.5, -1), 2);
        assertExactly("df/db", vector(5, 2), g.b());
        assertExactly(7.0, g.c(), "df/dc");
        var h = SilentWrongGradientsGrad.shiftedSquaresConstantB(vector(0.5, -1), 2);
        assertExactly(7.0, h.c(), "df/dc with b outside wrt");
        double[] b = vector(0.3, -1.7, 2.2);
        assertCentral("shiftedSquares", p -> SilentWrongGradients.shiftedSquares(vector(p[0], p[1], p[2]), p[3]),
                Packing.flat(b, 0.4), Packing.flat(SilentWrongGradientsGrad.shiftedSquares(b, 0.4).b(),
                        SilentWrongGradientsGrad.shiftedSquares(b, 0.4).c()));
    }

    @Test
    void denseLayersWrittenTheUsualWay() {
        double[][] w = matrix(vector(0.2, -0.4, 0.7), vector(-0.3, 0.5, 0.1));
        double[] b1 = vector(0.05, -0.2);
        double[] x = vector(1.1, 0.6, -0.8);
        double[] point = Packing.flat(w, b1, x);
        var relu = SilentWrongGradientsGrad.denseRelu(w, b1, x);
        assertCentral("dense relu", p -> { var r = new Packing.Reader(p);
                    return SilentWrongGradients.denseRelu(r.matrix(w), r.vector(b1), r.vector(x)); },
                point, Packing.flat(relu.w(), relu.b1(), relu.x()));
        var tanh = SilentWrongGradientsGrad.denseTanh(w, b1, x);
        assertCentral("dense tanh", p -> { var r = new Packing.Reader(p);
                    return SilentWrongGradients.denseTanh(r.matrix(w), r.vector(b1), r.vector(x)); },
                point, Packing.flat(tanh.w(), tanh.b1(), tanh.x()));
        var call = SilentWrongGradientsGrad.denseCall(w, b1, x);
        assertCentral("dense with an activation call", p -> { var r = new Packing.Reader(p);
                    return SilentWrongGradients.denseCall(r.matrix(w), r.vector(b1), r.vector(x)); },
                point, Packing.flat(call.w(), call.b1(), call.x()));
    }

    @Test
    void hornerFromTheLeadingCoefficient() {
        double[] c = vector(1, 2, 4);
        var g = SilentWrongGradientsGrad.horner(c, 1.5);
        assertExactly(14.0, g.x(), "dp/dx = 2 + 8x at 1.5");
        assertExactly("dp/dc = powers of x", vector(1, 1.5, 2.25), g.c());
        assertExactly(14.0, SilentWrongGradientsGrad.hornerConstantCoefficients(c, 1.5).x(),
                "dp/dx with c outside wrt");
    }

    @Test
    void eulerWithTheStateReadFromAnArray() {
        double[] init = vector(1.0, -0.5);
        var g = SilentWrongGradientsGrad.euler(init, 2.0, 0.05);
        assertCentral("euler", p -> SilentWrongGradients.euler(vector(p[0], p[1]), p[2], p[3]),
                Packing.flat(init, 2.0, 0.05), Packing.flat(g.init(), g.k(), g.dt()));
    }

    @Test
    void overwrittenByAnInactiveValue() {
        assertExactly(0.0, SilentWrongGradientsGrad.lastObservation(3, vector(1, 2)).a(), "dy/da");
        assertExactly(1.0, SilentWrongGradientsGrad.lastObservation(3, vector()).a(), "dy/da when no loop runs");
        assertExactly(0.0, SilentWrongGradientsGrad.lastOfIntArray(3, new int[] {4, 5}).a(), "int[] element");
        // s = a² + 1.5² + 2² and y = 0.25 at the end: ds/da = 2a.
        assertClose("constant local array", 2 * 0.7, SilentWrongGradientsGrad.lastOfConstantLocalArray(0.7).a());
    }

    @Test
    void teacherForcing() {
        double[] obs = vector(1, 2, 3);
        var g = SilentWrongGradientsGrad.teacherForcing(0.3, 2, obs);
        // Only the first prediction a·k depends on a: d/da (ak - 1)² = 2k(ak - 1).
        assertClose("dloss/da", 2 * 2 * (0.3 * 2 - 1), g.a());
        assertCentral("teacher forcing", p -> SilentWrongGradients.teacherForcing(p[0], p[1], obs),
                vector(0.3, 2), vector(g.a(), g.k()));
    }
}
