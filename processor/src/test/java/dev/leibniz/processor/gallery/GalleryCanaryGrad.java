package dev.leibniz.processor.gallery;

/**
 * A hand-written companion of {@link GalleryCanary} that is right unless {@link #fault} says
 * otherwise, so that the checker's test can show each check catches its kind of wrong companion.
 */
public final class GalleryCanaryGrad {

    enum Fault { NONE, GRADIENT, VALUE, INTO_STALE, SEED_IGNORED, ARGUMENT_WRITTEN }

    static Fault fault = Fault.NONE;

    private GalleryCanaryGrad() {}

    public static final class CubeGradient {
        double value;
        double x;
        double[] w;

        public CubeGradient() {}

        public double value() {
            return value;
        }

        public double x() {
            return x;
        }

        public double[] w() {
            return w;
        }
    }

    public static CubeGradient cube(double x, double[] w) {
        CubeGradient g = new CubeGradient();
        cube(x, w, g);
        return g;
    }

    public static double cube(double x, double[] w, CubeGradient into) {
        if (fault == Fault.INTO_STALE && into.w != null) {
            return into.value;
        }
        return cubePullback(x, w, 1.0, into);
    }

    public static double cubePullback(double x, double[] w, double seed, CubeGradient into) {
        double s = fault == Fault.SEED_IGNORED ? 1.0 : seed;
        into.value = GalleryCanary.cube(x, w) + (fault == Fault.VALUE ? 1e-9 : 0.0);
        into.x = s * 3.0 * x * x * (fault == Fault.GRADIENT ? 1.001 : 1.0);
        into.w = new double[] {s * w[1], s * w[0]};
        if (fault == Fault.ARGUMENT_WRITTEN) {
            w[0] += 0.0 * w[0] + 1e-12;
        }
        return into.value;
    }
}
