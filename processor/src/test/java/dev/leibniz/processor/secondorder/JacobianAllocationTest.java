package dev.leibniz.processor.secondorder;

import static org.junit.jupiter.api.Assertions.assertSame;

import dev.leibniz.processor.testing.Allocations;
import org.junit.jupiter.api.Test;

/** A warm mJacobian with a kept work object allocates nothing, in forward and in reverse mode. */
class JacobianAllocationTest {
    private static void assertAllocatesNothingOnceWarm(Runnable call) {
        Allocations.assertAllocatesNothingOnceWarm(call, 50, 200);
    }

    @Test
    void forwardModeColumns() {
        double[][] a = {{0.2, -0.5}, {1.1, 0.3}, {-0.7, 0.4}}; // 2 inputs, 3 outputs
        double[] x = {0.3, -0.4};
        double[] b = {0.1, 0.2, 0.3};
        ClosedFormsGrad.TanhLayerJacobian work = new ClosedFormsGrad.TanhLayerJacobian();
        double[][] j = ClosedFormsGrad.tanhLayerJacobian(a, x, b, work);
        assertSame(j, work.jacobian());
        assertAllocatesNothingOnceWarm(() -> ClosedFormsGrad.tanhLayerJacobian(a, x, b, work));
    }

    @Test
    void reverseModeRows() {
        double[][] a = {{0.2, -0.5, 0.9}, {1.1, 0.3, -0.2}}; // 3 inputs, 2 outputs
        double[] x = {0.3, -0.4, 0.8};
        double[] b = {0.1, 0.2};
        ClosedFormsGrad.TanhLayerJacobian work = new ClosedFormsGrad.TanhLayerJacobian();
        assertAllocatesNothingOnceWarm(() -> ClosedFormsGrad.tanhLayerJacobian(a, x, b, work));
    }

    @Test
    void forwardModeColumnsInOneSweep() {
        double[] theta = {0.3, -1.1, 0.8, 0.25}; // 4 inputs, 8 outputs: all columns from one sweep
        double[] lengths = {1.0, 0.7, 0.5, 0.3};
        JacobianColumnsGrad.ArmJacobian work = new JacobianColumnsGrad.ArmJacobian();
        assertSame(JacobianColumnsGrad.armJacobian(theta, lengths, work), work.jacobian());
        assertAllocatesNothingOnceWarm(() -> JacobianColumnsGrad.armJacobian(theta, lengths, work));
    }
}
