package dev.leibniz.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RmsPropTest {

    @Test
    void dividesByTheRootOfTheRunningMeanSquare() {
        RmsProp rmsProp = new RmsProp(0.01, 0.9, 0.0);
        double[] theta = {1.0};

        // s1 = 0.9 * 0 + 0.1 * 2^2 = 0.4,     theta1 = 1 - 0.01 * 2 / sqrt(0.4)
        //                                           = 1 - 0.02 / 0.6324555320 = 0.9683772234
        rmsProp.step(theta, new double[] {2.0});
        assertEquals(0.9683772233983162, theta[0], 1e-15);

        // s2 = 0.9 * 0.4 + 0.1 * 1^2 = 0.46,  theta2 = theta1 - 0.01 * 1 / sqrt(0.46)
        //                                           = theta1 - 0.0147441956 = 0.9536330278
        rmsProp.step(theta, new double[] {1.0});
        assertEquals(0.9536330277828265, theta[0], 1e-15);

        // s3 = 0.9 * 0.46 + 0.1 * 9 = 1.314,  theta3 = theta2 + 0.01 * 3 / sqrt(1.314)
        //                                           = theta2 + 0.0261711961 = 0.9798042239
        rmsProp.step(theta, new double[] {-3.0});
        assertEquals(0.9798042239123372, theta[0], 1e-15);
    }

    @Test
    void epsilonIsAddedOutsideTheSquareRoot() {
        RmsProp rmsProp = new RmsProp(0.01, 0.9, 0.1);
        double[] theta = {1.0};

        // s1 = 0.4, theta1 = 1 - 0.01 * 2 / (sqrt(0.4) + 0.1) = 1 - 0.02 / 0.7324555320
        //                  = 0.9726945881 (inside the root it would be 1 - 0.02 / sqrt(0.5)
        //                  = 0.9717157288)
        rmsProp.step(theta, new double[] {2.0});
        assertEquals(0.9726945881008371, theta[0], 1e-15);

        // s2 = 0.46, theta2 = theta1 - 0.01 / (sqrt(0.46) + 0.1) = theta1 - 0.0128496222
        rmsProp.step(theta, new double[] {1.0});
        assertEquals(0.9598449659161142, theta[0], 1e-15);
    }
}
