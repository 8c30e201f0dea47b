package dev.leibniz;

/**
 * The flattened layout of Hessians, Hessian-vector products and Jacobians: the differentiated
 * parameters in declaration order, a {@code double} as one entry, a {@code double[]} as its
 * elements, a {@code double[][]} row by row. Generated code uses these helpers to move between
 * that layout and the parameters' own shapes.
 */
public final class Flat {
    private Flat() {}

    /**
     * The number of entries a matrix takes in the flattened layout.
     *
     * @param m the matrix, possibly with rows of different lengths
     * @return the total number of elements
     */
    public static int size(double[][] m) {
        int n = 0;
        for (double[] row : m) {
            n += row.length;
        }
        return n;
    }

    /**
     * A zero matrix of the same shape.
     *
     * @param m the matrix whose shape to copy
     * @return a new matrix of zeros, row lengths as in {@code m}
     */
    public static double[][] zerosLike(double[][] m) {
        double[][] z = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            z[i] = new double[m[i].length];
        }
        return z;
    }

    /**
     * Copies {@code into.length} entries of {@code flat}, from {@code at} on, into {@code into}.
     *
     * @param flat the flattened vector
     * @param at where the entries start
     * @param into the array to fill
     * @return the position after the entries read
     */
    public static int read(double[] flat, int at, double[] into) {
        System.arraycopy(flat, at, into, 0, into.length);
        return at + into.length;
    }

    /**
     * Copies entries of {@code flat}, from {@code at} on, into the rows of {@code into} in order.
     *
     * @param flat the flattened vector
     * @param at where the entries start
     * @param into the matrix to fill
     * @return the position after the entries read
     */
    public static int read(double[] flat, int at, double[][] into) {
        for (double[] row : into) {
            at = read(flat, at, row);
        }
        return at;
    }

    /**
     * Copies {@code from} into {@code flat} from {@code at} on.
     *
     * @param from the values to write
     * @param flat the flattened vector
     * @param at where to start writing
     * @return the position after the entries written
     */
    public static int write(double[] from, double[] flat, int at) {
        System.arraycopy(from, 0, flat, at, from.length);
        return at + from.length;
    }

    /**
     * Copies the rows of {@code from} into {@code flat} from {@code at} on.
     *
     * @param from the values to write
     * @param flat the flattened vector
     * @param at where to start writing
     * @return the position after the entries written
     */
    public static int write(double[][] from, double[] flat, int at) {
        for (double[] row : from) {
            at = write(row, flat, at);
        }
        return at;
    }

    /**
     * Checks that a flattened vector has the length the parameters need.
     *
     * @param v the vector
     * @param n the length the differentiated parameters take together
     * @param what the vector's name, for the message
     * @throws IllegalArgumentException when the lengths differ
     */
    public static void checkLength(double[] v, int n, String what) {
        if (v.length != n) {
            throw new IllegalArgumentException(what + " has " + v.length + " entries, but the differentiated "
                    + "parameters take " + n + " flattened");
        }
    }
}
