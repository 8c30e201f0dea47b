package dev.leibniz.processor.numeric;

import dev.leibniz.Differentiable;

/** Integer values stored in double variables: regressions the oracle found (division stayed integral). */
final class IntegralValues {
    private IntegralValues() {}

    /** b = round(x) is a double: b / 4 is not integer division. */
    @Differentiable
    static double roundedThenDivided(double x) {
        double b = Math.round(x);
        return b / 4 * x;
    }

    /** u takes the int max(5, 5) = 5, then u / 2 = 2.5. */
    @Differentiable
    static double reassignedFromAnInt(double x) {
        double u = 1.0;
        u = Math.max(5, 5);
        u = u / 2;
        return u * x;
    }

    /** A double local cast from an int: (int) b is no redundant cast. */
    @Differentiable
    static double castBack(double x) {
        double b = (int) 2.7;
        int k = (int) b;
        return k * x + b / 4;
    }
}
