package dev.leibniz.processor.regressions;

import dev.leibniz.Differentiable;

/** A wrong tangent the random-program oracle found (seed 33), reduced: forward mode's shared values. */
final class OracleCampaign33 {
    private OracleCampaign33() {}

    /**
     * {@code r = tanh(r * r + x)} in a loop: tanh's partial {@code 1 − r·r} reads the new r, and
     * forward mode reused the step {@code r * r} of the old r.
     */
    @Differentiable
    static double reassignedBeforeItsPartial(double x) {
        double r = x;
        for (int i = 0; i < 2; i++) {
            r = Math.tanh(r * r + x);
        }
        return r;
    }
}
