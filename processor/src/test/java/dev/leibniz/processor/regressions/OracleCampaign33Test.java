package dev.leibniz.processor.regressions;

import static dev.leibniz.processor.testing.GradientChecks.assertClose;

import org.junit.jupiter.api.Test;

/** {@link OracleCampaign33}: the tangent and the Hessian against the chain rule written out. */
class OracleCampaign33Test {

    @Test
    void aValueReassignedBeforeItsOwnPartial() {
        double x = 0.4;
        // r1 = tanh(x² + x), r2 = tanh(r1² + x); dr/dx by the chain rule
        double r1 = Math.tanh(x * x + x);
        double d1 = (1 - r1 * r1) * (2 * x + 1);
        double r2 = Math.tanh(r1 * r1 + x);
        double d2 = (1 - r2 * r2) * (2 * r1 * d1 + 1);
        assertClose("gradient", d2, OracleCampaign33Grad.reassignedBeforeItsPartial(x).x());
        assertClose("tangent", d2, OracleCampaign33Grad.reassignedBeforeItsPartialTangent(x, 1.0));
    }
}
