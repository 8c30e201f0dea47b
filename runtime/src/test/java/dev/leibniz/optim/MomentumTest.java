package dev.leibniz.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MomentumTest {

    @Test
    void velocityAccumulatesPastGradients() {
        Momentum momentum = new Momentum(0.1, 0.9);
        double[] theta = {1.0};

        // v1 = 0.9 * 0 - 0.1 * 2 = -0.2,               theta1 = 1 - 0.2 = 0.8
        momentum.step(theta, new double[] {2.0});
        assertEquals(0.8, theta[0], 1e-15);

        // v2 = 0.9 * (-0.2) - 0.1 * 1 = -0.28,         theta2 = 0.8 - 0.28 = 0.52
        momentum.step(theta, new double[] {1.0});
        assertEquals(0.52, theta[0], 1e-15);

        // v3 = 0.9 * (-0.28) - 0.1 * (-1) = -0.152,    theta3 = 0.52 - 0.152 = 0.368
        // (a gradient of the other sign only slows the ball: it keeps rolling the same way)
        momentum.step(theta, new double[] {-1.0});
        assertEquals(0.368, theta[0], 1e-15);
    }

    @Test
    void zeroMomentumIsPlainGradientDescent() {
        Momentum momentum = new Momentum(0.1, 0.0);
        double[] theta = {1.0};
        momentum.step(theta, new double[] {2.0});
        momentum.step(theta, new double[] {1.0});
        // 1 - 0.1 * 2 - 0.1 * 1 = 0.7
        assertEquals(0.7, theta[0], 1e-15);
    }
}
