package dev.leibniz.processor.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

/**
 * Bytes a call allocates, by the JVM's per-thread allocation counter (bytes, not time), for the
 * contract that a warmed-up {@code into} call allocates nothing.
 */
public final class Allocations {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocations() {}

    private static long allocatedBy(Runnable r) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        r.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    /** Runs {@code call} {@code warmup} times, then asserts that {@code calls} more allocate 0 bytes. */
    public static void assertAllocatesNothingOnceWarm(Runnable call, int warmup, int calls) {
        assumeTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled());
        for (int i = 0; i < warmup; i++) {
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
}
