package dev.leibniz.processor.regressions;

import static dev.leibniz.processor.testing.GradientChecks.assertClose;

import org.junit.jupiter.api.Test;

/** {@link OracleCampaign32} against closed forms, on both sides of the conditional. */
class OracleCampaign32Test {

    /** d = 1 · theta after the last iteration: d/dtheta = 1 whichever way the conditional went. */
    @Test
    void aConditionalOverwrittenBeforeItIsRead() {
        assertClose("theta < 0.001", 1.0, OracleCampaign32Grad.conditionalOverwritten(-0.757).theta());
        assertClose("theta >= 0.001", 1.0, OracleCampaign32Grad.conditionalOverwritten(0.5).theta());
    }

    /** tally = 1 + 2 · rho²/2: d/drho = 2 rho. */
    @Test
    void maxOfAValueWithItself() {
        double rho = -0.979;
        assertClose("2 rho", 2 * rho, OracleCampaign32Grad.maxOfItself(rho).rho());
    }
}
