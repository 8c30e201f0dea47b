package dev.leibniz.benchmarks;

/**
 * Flattening of scalars, vectors and (possibly ragged) matrices into one point, and back, so
 * that central differences can run over every component of a method's array parameters.
 */
public final class Packing {

    private Packing() {}

    /** The components of {@code double}, {@code double[]} and {@code double[][]} parts. */
    public static double[] flat(Object... parts) {
        int n = 0;
        for (Object part : parts) {
            n += size(part);
        }
        double[] out = new double[n];
        int k = 0;
        for (Object part : parts) {
            if (part instanceof Double d) {
                out[k++] = d;
            } else if (part instanceof double[] v) {
                System.arraycopy(v, 0, out, k, v.length);
                k += v.length;
            } else {
                for (double[] row : (double[][]) part) {
                    System.arraycopy(row, 0, out, k, row.length);
                    k += row.length;
                }
            }
        }
        return out;
    }

    /** The entries of one matrix, row by row (a matrix alone is not a list of parts). */
    public static double[] flat(double[][] m) {
        return flat((Object) m);
    }

    private static int size(Object part) {
        if (part instanceof Double) {
            return 1;
        }
        if (part instanceof double[] v) {
            return v.length;
        }
        if (part instanceof double[][] m) {
            int n = 0;
            for (double[] row : m) {
                n += row.length;
            }
            return n;
        }
        throw new IllegalArgumentException("not a double, double[] or double[][]: " + part);
    }

    /** A fresh deep copy of a matrix. */
    public static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }

    /** Reads a flattened point back in the order it was flattened. */
    public static final class Reader {
        private final double[] point;
        private int next;

        public Reader(double[] point) {
            this.point = point;
        }

        public double scalar() {
            return point[next++];
        }

        /** The next {@code like.length} components, as a fresh vector. */
        public double[] vector(double[] like) {
            double[] out = new double[like.length];
            System.arraycopy(point, next, out, 0, out.length);
            next += out.length;
            return out;
        }

        /** The next components, as a fresh matrix of the shape of {@code like}. */
        public double[][] matrix(double[][] like) {
            double[][] out = new double[like.length][];
            for (int i = 0; i < like.length; i++) {
                out[i] = vector(like[i]);
            }
            return out;
        }
    }
}
