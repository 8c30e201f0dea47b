package dev.leibniz.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The contract's promise for the {@code into} overloads of the ADBench objectives: once
 * {@code into} has been used with inputs of the same shape, a call allocates nothing. Measured
 * with the JVM's per-thread allocation counter, as {@code loops.AllocationTest} does.
 */
class AdbenchAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long allocatedBy(Runnable r) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        r.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    private static void assertAllocatesNothingOnceWarm(Runnable call, int calls) {
        assumeTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled());
        for (int i = 0; i < 20; i++) {
            call.run();
        }
        // The measuring itself allocates a little the first time; take the smallest of a few tries.
        long least = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 5; attempt++) {
            least = Math.min(least, allocatedBy(() -> {
                for (int i = 0; i < calls; i++) {
                    call.run();
                }
            }));
        }
        assertEquals(0, least, "bytes allocated by " + calls + " warmed-up into calls");
    }

    @Test
    void gmmObjective() {
        var in = GmmTest.IN;
        var into = new GmmGrad.GmmObjectiveGradient();
        assertAllocatesNothingOnceWarm(() -> GmmGrad.gmmObjective(in.d(), in.k(), in.n(),
                in.alphas(), in.means(), in.icf(), in.x(), in.wishart(), into), 200);
    }

    @Test
    void lstmObjective() {
        var in = LstmTest.IN;
        var into = new LstmGrad.LstmObjectiveGradient();
        assertAllocatesNothingOnceWarm(() -> LstmGrad.lstmObjective(in.l(), in.c(), in.b(),
                in.mainParams(), in.extraParams(), in.state(), in.sequence(), into), 3);
    }
}
