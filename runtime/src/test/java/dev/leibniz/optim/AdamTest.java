package dev.leibniz.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AdamTest {

    @Test
    void threeStepsOfAlgorithmOne() {
        Adam adam = new Adam(0.1, 0.9, 0.999, 1e-8);
        double[] theta = {1.0};

        // t = 1, g = 2:  m = 0.1 * 2 = 0.2,  v = 0.001 * 4 = 0.004,
        //   m^ = 0.2 / (1 - 0.9) = 2,  v^ = 0.004 / (1 - 0.999) = 4,
        //   theta1 = 1 - 0.1 * 2 / (sqrt(4) + 1e-8) = 1 - 0.0999999995 = 0.9000000005
        // (without the bias corrections the step would be 0.1 * 0.2 / sqrt(0.004) = 0.316)
        adam.step(theta, new double[] {2.0});
        assertEquals(0.9000000005, theta[0], 1e-12);

        // t = 2, g = 1:  m = 0.9 * 0.2 + 0.1 * 1 = 0.28,  v = 0.999 * 0.004 + 0.001 * 1 = 0.004996,
        //   m^ = 0.28 / (1 - 0.81) = 1.4736842105,  v^ = 0.004996 / (1 - 0.998001) = 2.4992496248,
        //   theta2 = theta1 - 0.1 * 1.4736842105 / 1.5809015165 = theta1 - 0.0932179633
        adam.step(theta, new double[] {1.0});
        assertEquals(0.8067820372085103, theta[0], 1e-12);

        // t = 3, g = -3: m = 0.9 * 0.28 - 0.1 * 3 = -0.048,
        //   v = 0.999 * 0.004996 + 0.001 * 9 = 0.013991004,
        //   m^ = -0.048 / (1 - 0.729) = -0.1771217712,  v^ = 0.013991004 / 0.002997001 = 4.6683347787,
        //   theta3 = theta2 + 0.1 * 0.1771217712 / 2.1606329115 = theta2 + 0.0081976797
        adam.step(theta, new double[] {-3.0});
        assertEquals(0.8149797169556492, theta[0], 1e-12);
    }

    @Test
    void firstStepHasTheSizeOfTheLearningRateWhateverTheGradientsScale() {
        // m^ = g and v^ = g^2 on the first step, so the step is lr * g / |g| = lr * sign(g).
        for (double g : new double[] {1e-3, 1.0, -250.0}) {
            Adam adam = new Adam(0.01, 0.9, 0.999, 0.0);
            double[] theta = {5.0};
            adam.step(theta, new double[] {g});
            assertEquals(5.0 - 0.01 * Math.signum(g), theta[0], 1e-12, "gradient " + g);
        }
    }

    @Test
    void stepCountIsKeptPerParameter() {
        // Stepping another parameter in between must not advance this one's t.
        Adam alone = new Adam(0.1, 0.9, 0.999, 1e-8);
        Adam shared = new Adam(0.1, 0.9, 0.999, 1e-8);
        double[] a = {1.0};
        double[] b = {1.0};
        double[] other = {7.0, 8.0};
        for (double g : new double[] {2.0, 1.0, -3.0}) {
            alone.step(a, new double[] {g});
            shared.step(b, new double[] {g});
            shared.step(other, new double[] {0.5, -0.5});
            shared.step(other, new double[] {0.5, -0.5});
        }
        assertEquals(0.8149797169556492, a[0], 1e-12);
        assertEquals(a[0], b[0], 0.0);
    }
}
