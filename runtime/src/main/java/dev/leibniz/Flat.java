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
     * {@code reuse} if it has the given shape, else a new matrix of that shape.
     *
     * @param reuse a matrix to reuse, or null
     * @param rows the number of rows wanted
     * @param columns the length of every row
     * @return a matrix of that shape; its entries are not cleared
     */
    public static double[][] matrix(double[][] reuse, int rows, int columns) {
        if (reuse != null && reuse.length == rows && (rows == 0 || reuse[0].length == columns)) {
            return reuse;
        }
        return new double[rows][columns];
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
     * Copies {@code into.length} entries of {@code flat}, from {@code at} on, into the float array
     * {@code into}, each rounded to the nearest float.
     *
     * @param flat the flattened vector
     * @param at where the entries start
     * @param into the array to fill
     * @return the position after the entries read
     */
    public static int read(double[] flat, int at, float[] into) {
        for (int i = 0; i < into.length; i++) {
            into[i] = (float) flat[at + i];
        }
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
     * Copies the float array {@code from} into {@code flat} from {@code at} on.
     *
     * @param from the values to write
     * @param flat the flattened vector
     * @param at where to start writing
     * @return the position after the entries written
     */
    public static int write(float[] from, double[] flat, int at) {
        for (int i = 0; i < from.length; i++) {
            flat[at + i] = from[i];
        }
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

    /**
     * The dot product of two vectors of the same length.
     *
     * @param a a vector
     * @param b a vector as long as {@code a}
     * @return the sum of the products of their entries
     */
    public static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * The sum of the products of the entries of two matrices of the same shape.
     *
     * @param a a matrix
     * @param b a matrix shaped like {@code a}
     * @return the sum over all entries of a[i][j] b[i][j]
     */
    public static double dot(double[][] a, double[][] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += dot(a[i], b[i]);
        }
        return s;
    }
}
