package dev.leibniz.processor.gallery;

import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * The arguments of one point as {@link DerivativeStructure}s: every component of a
 * differentiated parameter is its own free variable, numbered in the flattened order, and the
 * other parameters are constants.
 */
final class GalleryDs {

    private final Object[] args;
    private final String[] differentiated;
    private final DSFactory factory;
    private final int[] firstVariable;

    GalleryDs(Object[] args, String[] differentiated) {
        this(args, differentiated, 1);
    }

    /** Derivatives up to {@code order}: 2 gives the Hessian as well. */
    GalleryDs(Object[] args, String[] differentiated, int order) {
        this.args = args;
        this.differentiated = differentiated;
        this.firstVariable = new int[args.length];
        int n = 0;
        for (int i = 0; i < args.length; i++) {
            firstVariable[i] = n;
            if (differentiated[i] != null) {
                n += GalleryChecks.size(args[i]);
            }
        }
        this.factory = new DSFactory(n, order);
    }

    int variables() {
        return factory.getCompiler().getFreeParameters();
    }

    DerivativeStructure c(double v) {
        return factory.constant(v);
    }

    private DerivativeStructure component(int param, int k, double v) {
        return differentiated[param] == null ? factory.constant(v)
                : factory.variable(firstVariable[param] + k, v);
    }

    /** A scalar parameter ({@code double} or {@code float}). */
    DerivativeStructure s(int param) {
        return component(param, 0, ((Number) args[param]).doubleValue());
    }

    /** A {@code double[]} or {@code float[]} parameter. */
    DerivativeStructure[] v(int param) {
        double[] x = GalleryChecks.flatten(args[param]);
        DerivativeStructure[] out = new DerivativeStructure[x.length];
        for (int k = 0; k < x.length; k++) {
            out[k] = component(param, k, x[k]);
        }
        return out;
    }

    /** A {@code double[][]} parameter, possibly ragged. */
    DerivativeStructure[][] m(int param) {
        double[][] a = (double[][]) args[param];
        DerivativeStructure[][] out = new DerivativeStructure[a.length][];
        int k = 0;
        for (int i = 0; i < a.length; i++) {
            out[i] = new DerivativeStructure[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                out[i][j] = component(param, k++, a[i][j]);
            }
        }
        return out;
    }

    /** A constant parameter as it was passed. */
    Object raw(int param) {
        return args[param];
    }

    int i(int param) {
        return (Integer) args[param];
    }

    double d(int param) {
        return ((Number) args[param]).doubleValue();
    }

    /** max(a, b) by value, as the program's {@code Math.max} picks away from ties. */
    static DerivativeStructure max(DerivativeStructure a, DerivativeStructure b) {
        return a.getValue() >= b.getValue() ? a : b;
    }

    static DerivativeStructure min(DerivativeStructure a, DerivativeStructure b) {
        return a.getValue() <= b.getValue() ? a : b;
    }
}
