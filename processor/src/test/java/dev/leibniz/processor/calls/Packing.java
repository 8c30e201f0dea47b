package dev.leibniz.processor.calls;

/**
 * Flattening of scalars, vectors and (possibly ragged) matrices into one point, and back, so
 * that central differences can run over every component of a method's array parameters.
 */
final class Packing {

    private Packing() {}

    /** The components of {@code double}, {@code double[]} and {@code double[][]} parts. */
    static double[] flat(Object... parts) {
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

    /** Reads a flattened point back in the order it was flattened. */
    static final class Reader {
        private final double[] point;
        private int next;

        Reader(double[] point) {
            this.point = point;
        }

        double scalar() {
            return point[next++];
        }

        /** The next {@code like.length} components, as a fresh vector. */
        double[] vector(double[] like) {
            double[] out = new double[like.length];
            System.arraycopy(point, next, out, 0, out.length);
            next += out.length;
            return out;
        }

        /** The next components, as a fresh matrix of the shape of {@code like}. */
        double[][] matrix(double[][] like) {
            double[][] out = new double[like.length][];
            for (int i = 0; i < like.length; i++) {
                out[i] = vector(like[i]);
            }
            return out;
        }
    }
}
