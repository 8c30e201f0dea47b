package dev.leibniz.processor.gallery;

/** A plain method for the checker's own test; its companion is hand-written, not generated. */
final class GalleryCanary {

    private GalleryCanary() {}

    static double cube(double x, double[] w) {
        return x * x * x + w[0] * w[1];
    }
}
