package dev.leibniz.processor.numeric;

/** Constants of another class, read by {@link ConstantReferences}. */
final class PhysicalConstants {

    static final double GRAVITY = 9.81;

    static final int DIMENSIONS = 4;

    /** Not a compile-time constant. */
    static final double ROOT_TWO = Math.sqrt(2.0);

    private PhysicalConstants() {}
}
