package dev.leibniz;

import java.util.Arrays;

/**
 * Memory that generated code reuses from one call to the next: the tape, and zero-filled arrays
 * for local arrays and their adjoints. A result object of a method with loops or arrays holds one,
 * so calling the {@code into} overload again with inputs of the same shape allocates nothing.
 *
 * <p>Generated code owns its workspaces; user code has no reason to call this class.
 */
public final class Workspace {
    private final Tape tape = new Tape();
    private Tape[] returned = new Tape[0];
    private double[][] doubles = new double[4][];
    private double[][][] matrices = new double[4][][];
    private float[][] floats = new float[4][];

    /** Creates an empty workspace. */
    public Workspace() {
    }

    /**
     * The tape, emptied.
     *
     * @return the tape
     */
    public Tape tape() {
        return tape.clear(true);
    }

    /**
     * The tape, emptied, keeping what is pushed only when {@code record} is true (a sweep that
     * computes the value alone drops its pushes).
     *
     * @param record whether the reverse sweep will pop what is pushed
     * @return the tape
     */
    public Tape tape(boolean record) {
        return tape.clear(record);
    }

    /**
     * The tape as it is, recording: what a call site's earlier records left on it stays, for their
     * replays (a method's {@code mRecord} and {@code mReplay}, which its callers' sweeps run for a
     * call in a loop).
     *
     * @return the tape
     */
    public Tape kept() {
        return tape.keep();
    }

    /** Marks the tape where it stands ({@link Tape#mark}): a Jacobian's rows replay one record. */
    public void mark() {
        tape.mark();
    }

    /** Rewinds the tape to its mark ({@link Tape#rewind}). */
    public void rewind() {
        tape.rewind();
    }

    /**
     * A stack of its own for one call site inside a loop, emptied: the arrays the call returns,
     * which the reverse sweep takes back at the top of each iteration, apart from the tape's
     * values popped step by step.
     *
     * @param site which call of the method this is
     * @return the stack
     */
    public Tape returned(int site) {
        if (site >= returned.length) {
            returned = Arrays.copyOf(returned, site + 1);
        }
        if (returned[site] == null) {
            returned[site] = new Tape();
        }
        return returned[site].clear(true);
    }

    /**
     * {@link #returned(int)}, keeping what is pushed only when {@code record} is true.
     *
     * @param site which call of the method this is
     * @param record whether the reverse sweep will pop what is pushed
     * @return the stack
     */
    public Tape returned(int site, boolean record) {
        return returned(site).clear(record);
    }

    /**
     * A zero-filled {@code double[length]}, the same array as last time for this slot when the
     * length is the same.
     *
     * @param slot which array of the method this is
     * @param length its length
     * @return a zero-filled array
     */
    public double[] doubles(int slot, int length) {
        if (slot >= doubles.length) {
            doubles = Arrays.copyOf(doubles, Math.max(2 * doubles.length, slot + 1));
        }
        doubles[slot] = zeroed(doubles[slot], length);
        return doubles[slot];
    }

    /**
     * A zero-filled {@code double[rows][columns]}, reused like {@link #doubles(int, int)}.
     *
     * @param slot which array of the method this is
     * @param rows the number of rows
     * @param columns the length of every row
     * @return a zero-filled matrix
     */
    public double[][] doubles(int slot, int rows, int columns) {
        if (slot >= matrices.length) {
            matrices = Arrays.copyOf(matrices, Math.max(2 * matrices.length, slot + 1));
        }
        double[][] m = matrices[slot];
        if (m == null || m.length != rows) {
            m = new double[rows][];
        }
        for (int i = 0; i < rows; i++) {
            m[i] = zeroed(m[i], columns);
        }
        matrices[slot] = m;
        return m;
    }

    /**
     * A zero-filled {@code float[length]}, reused like {@link #doubles(int, int)}.
     *
     * @param slot which array of the method this is
     * @param length its length
     * @return a zero-filled array
     */
    public float[] floats(int slot, int length) {
        if (slot >= floats.length) {
            floats = Arrays.copyOf(floats, Math.max(2 * floats.length, slot + 1));
        }
        float[] f = floats[slot];
        if (f == null || f.length != length) {
            f = new float[length];
        } else {
            Arrays.fill(f, 0f);
        }
        floats[slot] = f;
        return f;
    }

    /**
     * Pops an array that {@link Tape#pushAll(double[])} pushed into this slot's buffer, the same
     * array as last time when the length is the same.
     *
     * @param slot which buffer of the method this is
     * @param tape the tape it was pushed on
     * @return the buffer, holding the values as they were pushed
     */
    public double[] popAll(int slot, Tape tape) {
        int length = tape.popInt();
        if (slot >= doubles.length) {
            doubles = Arrays.copyOf(doubles, Math.max(2 * doubles.length, slot + 1));
        }
        doubles[slot] = sized(doubles[slot], length); // every element is overwritten
        return tape.popAll(doubles[slot]);
    }

    /**
     * {@link #popAll(int, Tape)} for a float array pushed by {@link Tape#pushAll(float[])}.
     *
     * @param slot which buffer of the method this is
     * @param tape the tape it was pushed on
     * @return the buffer, holding the values as they were pushed
     */
    public float[] popAllFloats(int slot, Tape tape) {
        float[] a = floats(slot, tape.popInt());
        for (int i = a.length - 1; i >= 0; i--) {
            a[i] = (float) tape.popDouble();
        }
        return a;
    }

    /**
     * Copies {@code from} into {@code to}: how a caller takes the adjoint a procedure passed back
     * for an array it wrote, which replaces the adjoint the array had after the call.
     *
     * @param to the caller's adjoint of the array
     * @param from the callee's adjoint with respect to the array's values on entry
     */
    public static void replace(double[] to, double[] from) {
        System.arraycopy(from, 0, to, 0, to.length);
    }

    /**
     * {@code reuse} filled with zeros if it has the given length, else a new array.
     *
     * @param reuse an array to reuse, or null
     * @param length the length wanted
     * @return a zero-filled array of that length
     */
    public static double[] zeroed(double[] reuse, int length) {
        if (reuse == null || reuse.length != length) {
            return new double[length];
        }
        Arrays.fill(reuse, 0.0);
        return reuse;
    }

    /**
     * {@code reuse} filled with zeros if it has the shape of {@code like}, else a new array of
     * that shape (rows may differ in length).
     *
     * @param reuse an array to reuse, or null
     * @param like the array whose shape is wanted
     * @return a zero-filled array shaped like {@code like}
     */
    public static double[][] zeroed(double[][] reuse, double[][] like) {
        double[][] m = reuse != null && reuse.length == like.length ? reuse : new double[like.length][];
        for (int i = 0; i < like.length; i++) {
            m[i] = zeroed(m[i], like[i].length);
        }
        return m;
    }

    /**
     * {@code reuse} filled with zeros if it has the given length, else a new array.
     *
     * @param reuse an array to reuse, or null
     * @param length the length wanted
     * @return a zero-filled array of that length
     */
    public static float[] zeroed(float[] reuse, int length) {
        if (reuse == null || reuse.length != length) {
            return new float[length];
        }
        Arrays.fill(reuse, 0f);
        return reuse;
    }

    /**
     * Sets the elements of {@code a} from {@code from} (inclusive) to {@code to} (exclusive) to
     * zero, clipped to the array: the elements of a gradient that a loop whose reverse assigns
     * each element it reaches did not reach.
     *
     * @param a the array
     * @param from the first index, may be below 0
     * @param to the index after the last, may be beyond the end
     */
    public static void zero(double[] a, long from, long to) {
        int start = (int) Math.max(0, from);
        int end = (int) Math.min(a.length, to);
        if (start < end) {
            Arrays.fill(a, start, end, 0.0);
        }
    }

    /**
     * {@link #zero(double[], long, long)} for a float array.
     *
     * @param a the array
     * @param from the first index, may be below 0
     * @param to the index after the last, may be beyond the end
     */
    public static void zero(float[] a, long from, long to) {
        int start = (int) Math.max(0, from);
        int end = (int) Math.min(a.length, to);
        if (start < end) {
            Arrays.fill(a, start, end, 0f);
        }
    }

    /**
     * Whether {@code held}, an array a result object hands out (a gradient, a value), and
     * {@code arg}, an argument of the next call with that object, share storage: they are the
     * same array, one is a row of the other, or two matrices have the same row at the same
     * index (rows shared in another order are not looked for: that would cost rows² comparisons
     * a call). The sweep must then not reuse {@code held} as a buffer.
     *
     * @param held the result's array ({@code double[]}, {@code float[]} or {@code double[][]}), or null
     * @param arg an argument, or null
     * @return whether they share storage
     */
    public static boolean shares(Object held, Object arg) {
        if (held == null || arg == null) {
            return false;
        }
        if (held == arg) {
            return true;
        }
        if (held instanceof double[][] matrix) {
            if (arg instanceof double[] row) {
                return holds(matrix, row);
            }
            if (arg instanceof double[][] other) {
                for (int r = Math.min(matrix.length, other.length) - 1; r >= 0; r--) {
                    if (matrix[r] != null && matrix[r] == other[r]) {
                        return true;
                    }
                }
            }
            return false;
        }
        return held instanceof double[] row && arg instanceof double[][] matrix && holds(matrix, row);
    }

    private static boolean holds(double[][] matrix, double[] row) {
        for (double[] r : matrix) {
            if (r == row) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code reuse} as it is if it has the given length, else a new array: a buffer whose
     * contents do not matter (a gradient no caller reads).
     *
     * @param reuse an array to reuse, or null
     * @param length the length wanted
     * @return an array of that length, not zeroed
     */
    public static double[] sized(double[] reuse, int length) {
        return reuse != null && reuse.length == length ? reuse : new double[length];
    }

    /**
     * {@link #sized(double[], int)} for a matrix shaped like {@code like}.
     *
     * @param reuse a matrix to reuse, or null
     * @param like the matrix whose shape is wanted
     * @return a matrix of that shape, not zeroed
     */
    public static double[][] sized(double[][] reuse, double[][] like) {
        if (reuse == null || reuse.length != like.length) {
            return zeroed(null, like);
        }
        for (int i = 0; i < like.length; i++) {
            reuse[i] = sized(reuse[i], like[i].length);
        }
        return reuse;
    }

    /**
     * {@link #sized(double[], int)} for a float array.
     *
     * @param reuse an array to reuse, or null
     * @param length the length wanted
     * @return an array of that length, not zeroed
     */
    public static float[] sized(float[] reuse, int length) {
        return reuse != null && reuse.length == length ? reuse : new float[length];
    }

    /**
     * Adds {@code gradient} element by element into {@code adjoint}: how a caller collects the
     * derivative a call passed back for an array argument.
     *
     * @param adjoint the caller's adjoint of the array
     * @param gradient the callee's gradient with respect to it
     */
    public static void accumulate(double[] adjoint, double[] gradient) {
        for (int i = 0; i < adjoint.length; i++) {
            adjoint[i] += gradient[i];
        }
    }

    /**
     * Adds {@code scale} times {@code gradient} element by element into {@code adjoint}: how a
     * caller takes a gradient the callee computed at once with seed 1.
     *
     * @param adjoint the caller's adjoint of the array
     * @param gradient the callee's gradient with respect to it
     * @param scale the adjoint of the call's result
     */
    public static void accumulate(double[] adjoint, double[] gradient, double scale) {
        for (int i = 0; i < adjoint.length; i++) {
            adjoint[i] += scale * gradient[i];
        }
    }

    /**
     * {@link #accumulate(double[], double[], double)} for matrices.
     *
     * @param adjoint the caller's adjoint of the matrix
     * @param gradient the callee's gradient with respect to it
     * @param scale the adjoint of the call's result
     */
    public static void accumulate(double[][] adjoint, double[][] gradient, double scale) {
        for (int i = 0; i < adjoint.length; i++) {
            accumulate(adjoint[i], gradient[i], scale);
        }
    }

    /**
     * {@link #accumulate(double[], double[], double)} for float arrays.
     *
     * @param adjoint the caller's adjoint of the array
     * @param gradient the callee's gradient with respect to it
     * @param scale the adjoint of the call's result
     */
    public static void accumulate(float[] adjoint, float[] gradient, double scale) {
        for (int i = 0; i < adjoint.length; i++) {
            adjoint[i] += (float) (scale * gradient[i]);
        }
    }

    /**
     * {@link #accumulate(double[], double[])} for matrices.
     *
     * @param adjoint the caller's adjoint of the matrix
     * @param gradient the callee's gradient with respect to it
     */
    public static void accumulate(double[][] adjoint, double[][] gradient) {
        for (int i = 0; i < adjoint.length; i++) {
            accumulate(adjoint[i], gradient[i]);
        }
    }

    /**
     * {@link #accumulate(double[], double[])} for float arrays.
     *
     * @param adjoint the caller's adjoint of the array
     * @param gradient the callee's gradient with respect to it
     */
    public static void accumulate(float[] adjoint, float[] gradient) {
        for (int i = 0; i < adjoint.length; i++) {
            adjoint[i] += gradient[i];
        }
    }
}
