package dev.leibniz;

import java.util.Arrays;

/**
 * The primitive stacks that generated reverse-mode code uses inside loops: the forward sweep
 * pushes the values, branch decisions and trip counts that the reverse sweep needs, and the
 * reverse sweep pops them in the opposite order. Nothing is boxed. Each stack is a list of
 * chunks that double in length up to {@value #MAX_CHUNK} elements and then stay that long, so a
 * tape never copies what it holds to grow and the first call allocates little more than it
 * keeps; the chunks are kept between calls, so a warmed-up tape allocates nothing.
 *
 * <p>Generated code owns its tapes; user code has no reason to call this class.
 */
public final class Tape {
    /** The length of the longest chunk: longer stacks get more chunks of this length. */
    static final int MAX_CHUNK = 1 << 15;

    private double[][] doubleChunks = {new double[16]};
    private int doubleChunk;
    private double[] doubles = doubleChunks[0];
    private int doubleTop;
    private long[][] longChunks = {new long[16]};
    private int longChunk;
    private long[] longs = longChunks[0];
    private int longTop;
    private int[][] intChunks = {new int[16]};
    private int intChunk;
    private int[] ints = intChunks[0];
    private int intTop;
    private boolean[][] booleanChunks = {new boolean[16]};
    private int booleanChunk;
    private boolean[] booleans = booleanChunks[0];
    private int booleanTop;
    private Object[][] objectChunks = {new Object[16]};
    private int objectChunk;
    private Object[] objects = objectChunks[0];
    private int objectTop;
    /** False while a sweep computes a value alone: pushes are then dropped, as nothing will pop them. */
    private boolean recording = true;
    /** Where {@link #mark} left each stack: its chunk and its top, for {@link #rewind}. */
    private final int[] mark = new int[10];

    /** Creates an empty tape. */
    public Tape() {
    }

    /**
     * Empties the tape and says whether pushes are kept: a sweep that computes a value alone,
     * with no reverse sweep to pop them, drops them.
     *
     * @param record whether to keep what is pushed
     * @return this tape
     */
    public Tape clear(boolean record) {
        recording = record;
        return clear();
    }

    /**
     * Remembers where each stack stands, so that what is popped after this can be popped again
     * after {@link #rewind}: a Jacobian replays one recorded forward sweep once per row. Objects
     * popped after the mark are not kept (their slots are cleared for the garbage collector), so
     * only what holds no objects is replayed this way.
     */
    public void mark() {
        mark[0] = doubleChunk;
        mark[1] = doubleTop;
        mark[2] = longChunk;
        mark[3] = longTop;
        mark[4] = intChunk;
        mark[5] = intTop;
        mark[6] = booleanChunk;
        mark[7] = booleanTop;
        mark[8] = objectChunk;
        mark[9] = objectTop;
    }

    /** Puts every stack back where {@link #mark} found it; what was popped since is there again. */
    public void rewind() {
        doubleChunk = mark[0];
        doubles = doubleChunks[doubleChunk];
        doubleTop = mark[1];
        longChunk = mark[2];
        longs = longChunks[longChunk];
        longTop = mark[3];
        intChunk = mark[4];
        ints = intChunks[intChunk];
        intTop = mark[5];
        booleanChunk = mark[6];
        booleans = booleanChunks[booleanChunk];
        booleanTop = mark[7];
        objectChunk = mark[8];
        objects = objectChunks[objectChunk];
        objectTop = mark[9];
    }

    /**
     * Keeps what the tape holds and records what is pushed from now on.
     *
     * @return this tape
     */
    public Tape keep() {
        recording = true;
        return this;
    }

    /**
     * Empties every stack, keeping their chunks.
     *
     * @return this tape
     */
    public Tape clear() {
        if (doubleChunk != 0) {
            doubleChunk = 0;
            doubles = doubleChunks[0];
        }
        doubleTop = 0;
        if (longChunk != 0) {
            longChunk = 0;
            longs = longChunks[0];
        }
        longTop = 0;
        if (intChunk != 0) {
            intChunk = 0;
            ints = intChunks[0];
        }
        intTop = 0;
        if (booleanChunk != 0) {
            booleanChunk = 0;
            booleans = booleanChunks[0];
        }
        booleanTop = 0;
        while (objectChunk != 0 || objectTop != 0) { // keep no caller's object alive between calls
            popObject();
        }
        return this;
    }

    private static int nextLength(int length) {
        return Math.min(MAX_CHUNK, 2 * length);
    }

    /**
     * Pushes a double (a float widens exactly).
     *
     * @param v the value
     */
    public void push(double v) {
        if (!recording) {
            return;
        }
        if (doubleTop == doubles.length) {
            nextDoubles();
        }
        doubles[doubleTop++] = v;
    }

    private void nextDoubles() {
        if (++doubleChunk == doubleChunks.length) {
            doubleChunks = Arrays.copyOf(doubleChunks, 2 * doubleChunk);
        }
        if (doubleChunks[doubleChunk] == null) {
            doubleChunks[doubleChunk] = new double[nextLength(doubles.length)];
        }
        doubles = doubleChunks[doubleChunk];
        doubleTop = 0;
    }

    /**
     * Pushes a long.
     *
     * @param v the value
     */
    public void push(long v) {
        if (!recording) {
            return;
        }
        if (longTop == longs.length) {
            if (++longChunk == longChunks.length) {
                longChunks = Arrays.copyOf(longChunks, 2 * longChunk);
            }
            if (longChunks[longChunk] == null) {
                longChunks[longChunk] = new long[nextLength(longs.length)];
            }
            longs = longChunks[longChunk];
            longTop = 0;
        }
        longs[longTop++] = v;
    }

    /**
     * Pushes an int (also used for short, byte and char).
     *
     * @param v the value
     */
    public void push(int v) {
        if (!recording) {
            return;
        }
        if (intTop == ints.length) {
            if (++intChunk == intChunks.length) {
                intChunks = Arrays.copyOf(intChunks, 2 * intChunk);
            }
            if (intChunks[intChunk] == null) {
                intChunks[intChunk] = new int[nextLength(ints.length)];
            }
            ints = intChunks[intChunk];
            intTop = 0;
        }
        ints[intTop++] = v;
    }

    /**
     * Pushes a branch decision.
     *
     * @param v the decision
     */
    public void push(boolean v) {
        if (!recording) {
            return;
        }
        if (booleanTop == booleans.length) {
            if (++booleanChunk == booleanChunks.length) {
                booleanChunks = Arrays.copyOf(booleanChunks, 2 * booleanChunk);
            }
            if (booleanChunks[booleanChunk] == null) {
                booleanChunks[booleanChunk] = new boolean[nextLength(booleans.length)];
            }
            booleans = booleanChunks[booleanChunk];
            booleanTop = 0;
        }
        booleans[booleanTop++] = v;
    }

    /**
     * Pushes an object reference: an element of an object array that a loop reads, say.
     *
     * @param v the reference
     */
    public void push(Object v) {
        if (!recording) {
            return;
        }
        if (objectTop == objects.length) {
            if (++objectChunk == objectChunks.length) {
                objectChunks = Arrays.copyOf(objectChunks, 2 * objectChunk);
            }
            if (objectChunks[objectChunk] == null) {
                objectChunks[objectChunk] = new Object[nextLength(objects.length)];
            }
            objects = objectChunks[objectChunk];
            objectTop = 0;
        }
        objects[objectTop++] = v;
    }

    /**
     * Pushes every element of an array, then its length: what a call saw of an array that is
     * written afterwards, for the call's reverse.
     *
     * @param values the array; it is not kept
     */
    public void pushAll(double[] values) {
        if (!recording) {
            return;
        }
        int length = values.length;
        if (doubles.length - doubleTop >= length && length <= 16) { // the usual case: a short array that fits
            for (int i = 0; i < length; i++) {
                doubles[doubleTop + i] = values[i];
            }
            doubleTop += length;
            push(length);
            return;
        }
        int from = 0;
        while (from < values.length) {
            if (doubleTop == doubles.length) {
                nextDoubles();
            }
            int n = Math.min(values.length - from, doubles.length - doubleTop);
            System.arraycopy(values, from, doubles, doubleTop, n);
            doubleTop += n;
            from += n;
        }
        push(values.length);
    }

    /**
     * {@link #pushAll(double[])} for a float array (each float widens exactly).
     *
     * @param values the array; it is not kept
     */
    public void pushAll(float[] values) {
        if (!recording) {
            return;
        }
        for (float v : values) {
            push(v);
        }
        push(values.length);
    }

    /**
     * Pops into {@code into} the values {@link #pushAll(double[])} pushed, after their length
     * (popped first, with {@link #popInt()}): the last {@code into.length} doubles, in the order
     * they were pushed.
     *
     * @param into the array to fill, of the length popped
     * @return {@code into}
     */
    public double[] popAll(double[] into) {
        int to = into.length;
        if (doubleTop >= to && to <= 16) { // the usual case: a short array within this chunk
            doubleTop -= to;
            for (int i = 0; i < to; i++) {
                into[i] = doubles[doubleTop + i];
            }
            return into;
        }
        while (to > 0) {
            if (doubleTop == 0) {
                previousDoubles();
            }
            int n = Math.min(to, doubleTop);
            System.arraycopy(doubles, doubleTop - n, into, to - n, n);
            doubleTop -= n;
            to -= n;
        }
        return into;
    }

    private void previousDoubles() {
        doubles = doubleChunks[--doubleChunk];
        doubleTop = doubles.length;
    }

    /**
     * Pops the object pushed last, typed as the variable it is assigned to.
     *
     * @param <T> the type it was pushed as
     * @return the reference
     */
    @SuppressWarnings("unchecked")
    public <T> T popObject() {
        if (objectTop == 0) {
            objects = objectChunks[--objectChunk];
            objectTop = objects.length;
        }
        Object v = objects[--objectTop];
        objects[objectTop] = null;
        return (T) v;
    }

    /**
     * Pops the double pushed last.
     *
     * @return the value
     */
    public double popDouble() {
        if (doubleTop == 0) {
            previousDoubles();
        }
        return doubles[--doubleTop];
    }

    /**
     * Pops the long pushed last.
     *
     * @return the value
     */
    public long popLong() {
        if (longTop == 0) {
            longs = longChunks[--longChunk];
            longTop = longs.length;
        }
        return longs[--longTop];
    }

    /**
     * Pops the int pushed last.
     *
     * @return the value
     */
    public int popInt() {
        if (intTop == 0) {
            ints = intChunks[--intChunk];
            intTop = ints.length;
        }
        return ints[--intTop];
    }

    /**
     * Pops the branch decision pushed last.
     *
     * @return the decision
     */
    public boolean popBoolean() {
        if (booleanTop == 0) {
            booleans = booleanChunks[--booleanChunk];
            booleanTop = booleans.length;
        }
        return booleans[--booleanTop];
    }

    /**
     * The number of values on all stacks together, for tests of what the forward sweep saves.
     *
     * @return how many values are pushed and not popped
     */
    public int size() {
        return filled(doubleChunks, doubleChunk, doubleTop) + filled(longChunks, longChunk, longTop)
                + filled(intChunks, intChunk, intTop) + filled(booleanChunks, booleanChunk, booleanTop)
                + filled(objectChunks, objectChunk, objectTop);
    }

    private static int filled(Object[] chunks, int chunk, int top) {
        int n = top;
        for (int c = 0; c < chunk; c++) {
            n += java.lang.reflect.Array.getLength(chunks[c]);
        }
        return n;
    }
}
