package dev.leibniz.processor.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.leibniz.Tape;
import dev.leibniz.Workspace;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The tape's stacks are chunked: what is pushed comes back in the opposite order across chunk
 * boundaries, for every type and for whole arrays, after clearing too, and a warm tape
 * allocates nothing while a cold one allocates little more than it holds.
 */
class TapeTest {

    /** Far more than one chunk of each stack, interleaved, then popped back. */
    private static void roundTrip(Tape t, int n) {
        for (int i = 0; i < n; i++) {
            t.push(i * 0.5);
            t.push((long) i * 3);
            t.push(i);
            t.push(i % 3 == 0);
            t.push((Object) ("o" + i % 7));
        }
        assertEquals(5 * n, t.size());
        for (int i = n - 1; i >= 0; i--) {
            assertEquals("o" + i % 7, t.popObject());
            assertEquals(i % 3 == 0, t.popBoolean());
            assertEquals(i, t.popInt());
            assertEquals((long) i * 3, t.popLong());
            assertEquals(i * 0.5, t.popDouble(), 0.0);
        }
        assertEquals(0, t.size());
    }

    @Test
    void valuesComeBackInTheOppositeOrderAcrossChunks() {
        Tape t = new Tape();
        roundTrip(t, 200_000);
        roundTrip(t, 17); // the chunks kept from before
        roundTrip(t, 200_001);
    }

    @Test
    void arraysComeBackWholeAcrossChunks() {
        Tape t = new Tape();
        Workspace w = new Workspace();
        double[][] pushed = new double[3000][];
        for (int k = 0; k < pushed.length; k++) {
            pushed[k] = new double[k % 50];
            for (int i = 0; i < pushed[k].length; i++) {
                pushed[k][i] = k + i / 100.0;
            }
            t.push(-k * 1.0); // a single value between arrays
            t.pushAll(pushed[k]);
        }
        for (int k = pushed.length - 1; k >= 0; k--) {
            assertArrayEquals(pushed[k], w.popAll(k % 4, t), "array " + k);
            assertEquals(-k * 1.0, t.popDouble(), 0.0);
        }
        assertEquals(0, t.size());
    }

    @Test
    void clearingEmptiesAndDropsReferences() {
        Tape t = new Tape();
        for (int i = 0; i < 100_000; i++) {
            t.push((Object) new double[1]);
            t.push(i);
        }
        t.clear(true);
        assertEquals(0, t.size());
        t.push((Object) "kept");
        t.push(7);
        assertEquals("kept", t.popObject());
        assertEquals(7, t.popInt());
        t.clear(false); // a value alone: pushes are dropped
        t.push(1.0);
        t.pushAll(new double[] {1, 2});
        assertEquals(0, t.size());
        t.clear(true);
        for (int i = 0; i < 40_000; i++) {
            t.push((Object) null);
        }
        for (int i = 0; i < 40_000; i++) {
            assertNull(t.popObject());
        }
    }

    /** Cold: not much more than the values themselves; warm: nothing. */
    @Test
    void allocatesAboutWhatItHoldsAndNothingWhenWarm() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int n = 1_000_000;
        Tape t = new Tape();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < n; i++) {
            t.push(i * 1.0);
        }
        long cold = threads.getCurrentThreadAllocatedBytes() - before;
        // doubling arrays would have allocated about 2 n doubles (16 MB); chunks about n (8 MB) and the chunk list
        assertEquals(true, cold < 8L * n * 1.2, "cold: " + cold + " bytes for " + 8L * n);
        t.clear(true);
        before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < n; i++) {
            t.push(i * 1.0);
        }
        for (int i = 0; i < n; i++) {
            t.popDouble();
        }
        long warm = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(true, warm < 1000, "warm: " + warm + " bytes");
    }
}
