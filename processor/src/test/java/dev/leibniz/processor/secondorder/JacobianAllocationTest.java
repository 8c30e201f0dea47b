package dev.leibniz.processor.secondorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** A warm mJacobian with a kept work object allocates nothing, in forward and in reverse mode. */
class JacobianAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long allocatedBy(Runnable r) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        r.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    private static void assertAllocatesNothingOnceWarm(Runnable call) {
        assumeTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled());
        for (int i = 0; i < 50; i++) {
            call.run();
        }
        long least = Long.MAX_VALUE; // the measuring allocates a little the first time
        for (int attempt = 0; attempt < 5; attempt++) {
            least = Math.min(least, allocatedBy(() -> {
                for (int i = 0; i < 200; i++) {
                    call.run();
                }
            }));
        }
        assertEquals(0, least, "bytes allocated by 200 warmed-up mJacobian calls");
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
}
