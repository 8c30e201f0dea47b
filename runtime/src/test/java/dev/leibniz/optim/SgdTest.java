package dev.leibniz.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class SgdTest {

    @Test
    void stepsAgainstTheGradientScaledByTheLearningRate() {
        Sgd sgd = new Sgd(0.1);
        double[] theta = {1.0, -2.0};

        // theta - 0.1 g = (1 - 0.1 * 0.5, -2 - 0.1 * (-4)) = (0.95, -1.6)
        sgd.step(theta, new double[] {0.5, -4.0});
        assertArrayEquals(new double[] {0.95, -1.6}, theta, 1e-15);

        // (0.95 - 0.1 * 1, -1.6 - 0.1 * 2) = (0.85, -1.8): no memory of the previous step
        sgd.step(theta, new double[] {1.0, 2.0});
        assertArrayEquals(new double[] {0.85, -1.8}, theta, 1e-15);
    }
}
