package dev.leibniz;

import java.util.Arrays;

/**
 * The primitive stacks that generated reverse-mode code uses inside loops: the forward sweep
 * pushes the values, branch decisions and trip counts that the reverse sweep needs, and the
 * reverse sweep pops them in the opposite order. Nothing is boxed; the arrays grow by doubling
 * and are kept between calls, so a warmed-up tape allocates nothing.
 *
 * <p>Generated code owns its tapes; user code has no reason to call this class.
 */
public final class Tape {
    private double[] doubles = new double[16];
    private int doubleTop;
    private long[] longs = new long[16];
    private int longTop;
    private int[] ints = new int[16];
    private int intTop;
    private boolean[] booleans = new boolean[16];
    private int booleanTop;
    private Object[] objects = new Object[16];
    private int objectTop;
    /** False while a sweep computes a value alone: pushes are then dropped, as nothing will pop them. */
    private boolean recording = true;

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
     * Empties every stack, keeping their capacity.
     *
     * @return this tape
     */
    public Tape clear() {
        doubleTop = 0;
        longTop = 0;
        intTop = 0;
        booleanTop = 0;
        Arrays.fill(objects, 0, objectTop, null); // keep no caller's object alive between calls
        objectTop = 0;
        return this;
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
            doubles = Arrays.copyOf(doubles, 2 * doubleTop);
        }
        doubles[doubleTop++] = v;
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
            longs = Arrays.copyOf(longs, 2 * longTop);
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
            ints = Arrays.copyOf(ints, 2 * intTop);
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
            booleans = Arrays.copyOf(booleans, 2 * booleanTop);
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
            objects = Arrays.copyOf(objects, 2 * objectTop);
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
        for (double v : values) {
            push(v);
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
     * Pops the object pushed last, typed as the variable it is assigned to.
     *
     * @param <T> the type it was pushed as
     * @return the reference
     */
    @SuppressWarnings("unchecked")
    public <T> T popObject() {
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
        return doubles[--doubleTop];
    }

    /**
     * Pops the long pushed last.
     *
     * @return the value
     */
    public long popLong() {
        return longs[--longTop];
    }

    /**
     * Pops the int pushed last.
     *
     * @return the value
     */
    public int popInt() {
        return ints[--intTop];
    }

    /**
     * Pops the branch decision pushed last.
     *
     * @return the decision
     */
    public boolean popBoolean() {
        return booleans[--booleanTop];
    }

    /**
     * The number of values on all stacks together, for tests of what the forward sweep saves.
     *
     * @return how many values are pushed and not popped
     */
    public int size() {
        return doubleTop + longTop + intTop + booleanTop + objectTop;
    }
}
