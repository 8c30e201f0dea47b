package dev.leibniz.processor.calls;

import static dev.leibniz.processor.testing.GradientChecks.assertCentral;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;
import static dev.leibniz.processor.testing.GradientChecks.vector;

import org.junit.jupiter.api.Test;

/** {@link Varargs}: the companion's allocating overload is varargs too, and spread calls differentiate. */
class VarargsTest {

    @Test
    void theCompanionTakesSeparateNumbers() {
        assertExactly("d(sum x²)", vector(2, 4, 6), VarargsGrad.sumOfSquares(1, 2, 3).xs());
        assertExactly("no numbers at all", vector(), VarargsGrad.sumOfSquares().xs());
    }

    @Test
    void callsThatSpreadNumbers() {
        var g = VarargsGrad.caller(0.7, -1.3);
        assertCentral("spread calls", p -> Varargs.caller(p[0], p[1]), vector(0.7, -1.3), vector(g.a(), g.b()));
    }
}
