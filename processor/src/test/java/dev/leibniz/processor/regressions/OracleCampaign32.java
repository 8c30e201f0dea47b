package dev.leibniz.processor.regressions;

import dev.leibniz.Differentiable;

/**
 * Two silent wrong gradients the random-program oracle found (seed 32), reduced; both older than
 * the campaign that found them.
 */
final class OracleCampaign32 {
    private OracleCampaign32() {}

    /**
     * A conditional's value assigned again before it is read, in a loop: {@code b = 1} overwrites
     * what the conditional gave, so nothing reaches theta. The reverse sweep passed b's adjoint on to
     * the conditional (a phi assigned after its if was not treated as overwritten).
     */
    @Differentiable
    static double conditionalOverwritten(double theta) {
        double d = 1.0;
        for (int j = 0; j < 3; j += 2) {
            double b = theta >= 0.001 ? 1.0 : theta;
            b = 1.0;
            d = b * theta;
        }
        return d;
    }

    /**
     * {@code t = max(t, t)} in a loop: at the tie each argument gets half, together 1. The two
     * partials, each a conditional, were joined with {@code +} unparenthesized, which split them.
     */
    @Differentiable
    static double maxOfItself(double rho) {
        double tally = 1.0;
        for (int k = 0; k < 2; k++) {
            tally = Math.max(tally, tally);
            tally += rho * rho / 2;
        }
        return tally;
    }
}
