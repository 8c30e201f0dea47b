package dev.leibniz.processor.regressions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link OracleCampaign59}: Hessians of a^b at b = 0 against their closed forms, in both orders. */
class OracleCampaign59Test {

    @Test
    void powerAtExponentZero() {
        double a = 2.5;
        // a^b at b = 0: ∂²/∂a² = b(b-1)a^(b-2) = 0, ∂²/∂a∂b = a^(b-1)(1 + b ln a) = 1/a, ∂²/∂b² = a^b ln²a = ln²a
        double[][] h = OracleCampaign59Grad.powerHessian(a, 0.0);
        assertArrayEquals(new double[] {0.0, 1 / a}, h[0], 1e-15);
        assertArrayEquals(new double[] {1 / a, Math.log(a) * Math.log(a)}, h[1], 1e-15);
        assertArrayEquals(new double[] {1 / a, Math.log(a) * Math.log(a)},
                OracleCampaign59Grad.powerHvp(a, 0.0, new double[] {0, 1}), 1e-15);
    }

    @Test
    void anExponentThatIsZeroWhereTheWeightIs() {
        double c = -0.45;
        double base = (3 - c) * (3 - c) + 1.5;
        // f = base(c)^(tanh(w)/2); at w = 0: ∂²f/∂c∂w = base'(c) / base · (1/2) sech²(0) = -2 (3 - c) / base / 2
        double mixed = -(3 - c) / base;
        double[][] h = OracleCampaign59Grad.gatedPowerHessian(c, 0.0);
        assertEquals(mixed, h[0][1], 1e-15, "along c, then w");
        assertEquals(mixed, h[1][0], 1e-15, "along w, then c");
        assertEquals(0.0, h[0][0], 1e-15, "f is 1 for every c when w = 0");
    }
}
