package dev.leibniz.processor.calls;

import dev.leibniz.processor.testing.GradientChecks;
import dev.leibniz.processor.testing.Packing;
import static dev.leibniz.processor.testing.GradientChecks.assertGradient;
import static dev.leibniz.processor.testing.GradientChecks.vector;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Spring}: instance methods, whose companions take the receiver first, calling each
 * other through {@code this} and without a qualifier; the receiver's fields are constants.
 */
class SpringTest {

    @ParameterizedTest
    @CsvSource({"2.0, 5.0, 0.3, -1.2", "0.5, 0.1, -2.0, 0.7", "1.0, 1.0, 0.0, 0.0"})
    void energyCallsKineticAndPotential(double m, double k, double x, double v) {
        Spring s = new Spring(m, k);
        var g = SpringGrad.energy(s, x, v);
        assertGradient("energy of spring m=" + m + " k=" + k, p -> s.energy(p[0], p[1]),
                vector(x, v), g.value(), vector(g.x(), g.v()), vector(k * x, m * v));
    }

    @Test
    void eachReceiverGivesItsOwnGradient() {
        Spring soft = new Spring(1.0, 0.5);
        Spring stiff = new Spring(3.0, 40.0);
        var a = SpringGrad.kinetic(soft, 2.0);
        var b = SpringGrad.kinetic(stiff, 2.0);
        assertGradient("kinetic, soft", p -> soft.kinetic(p[0]), vector(2.0), a.value(),
                vector(a.v()), vector(1.0 * 2.0));
        assertGradient("kinetic, stiff", p -> stiff.kinetic(p[0]), vector(2.0), b.value(),
                vector(b.v()), vector(3.0 * 2.0));
        var c = SpringGrad.potential(stiff, -0.25);
        assertGradient("potential, stiff", p -> stiff.potential(p[0]), vector(-0.25),
                c.value(), vector(c.x()), vector(40.0 * -0.25));
    }

    @Test
    void callsInALoopOnTheReceiver() {
        Spring s = new Spring(1.5, 4.0);
        double[] xs = vector(0.1, -0.3, 0.8, 0.2);
        double[] vs = vector(1.0, 0.4, -0.6, 2.0);
        double dt = 0.05;
        var g = SpringGrad.action(s, xs, vs, dt);
        double[] dxs = new double[xs.length];
        double[] dvs = new double[xs.length];
        double lagrangian = 0.0;
        for (int i = 0; i < xs.length; i++) {
            dxs[i] = -4.0 * xs[i] * dt;
            dvs[i] = 1.5 * vs[i] * dt;
            lagrangian += 0.5 * 1.5 * vs[i] * vs[i] - 0.5 * 4.0 * xs[i] * xs[i];
        }
        assertGradient("action", p -> {
            var in = new Packing.Reader(p);
            return s.action(in.vector(xs), in.vector(vs), in.scalar());
        }, Packing.flat(xs, vs, dt), g.value(), Packing.flat(g.xs(), g.vs(), g.dt()),
                Packing.flat(dxs, dvs, lagrangian));
    }

    @ParameterizedTest
    @CsvSource({"0.3, -1.2", "2.0, 0.5"})
    void staticMethodCallingInstanceMethodsOnParameters(double x, double v) {
        Spring a = new Spring(2.0, 3.0);
        Spring b = new Spring(0.5, 7.0);
        var g = SpringGrad.pairEnergy(a, b, x, v);
        // a.energy(x, v) + b.energy(v, x) = ma v^2/2 + ka x^2/2 + mb x^2/2 + kb v^2/2.
        assertGradient("pairEnergy", p -> Spring.pairEnergy(a, b, p[0], p[1]), vector(x, v),
                g.value(), vector(g.x(), g.v()), vector((3.0 + 0.5) * x, (2.0 + 7.0) * v));
    }

    /** Fields read through the receiver are constants: no accessor for them. */
    @Test
    void receiverFieldsHaveNoGradient() {
        assertThrows(NoSuchMethodException.class,
                () -> SpringGrad.EnergyGradient.class.getMethod("mass"));
        assertThrows(NoSuchMethodException.class,
                () -> SpringGrad.EnergyGradient.class.getMethod("self"));
    }
}
