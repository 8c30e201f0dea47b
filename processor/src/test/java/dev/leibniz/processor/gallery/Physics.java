package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;

/** Energies, simulations and root finding from a physics course. */
final class Physics {

    private Physics() {}

    /** Energy of a chain of springs between neighbouring positions. */
    @Differentiable
    static double springChainEnergy(double[] pos, double k, double rest) {
        double e = 0.0;
        for (int i = 0; i + 1 < pos.length; i++) {
            double stretch = pos[i + 1] - pos[i] - rest;
            e += 0.5 * k * stretch * stretch;
        }
        return e;
    }

    /** Softened gravitational potential of point masses in 2-D, over all pairs. */
    @Differentiable
    static double gravityPotential(double[][] pos, double[] mass) {
        double u = 0.0;
        for (int i = 0; i < pos.length; i++) {
            for (int j = i + 1; j < pos.length; j++) {
                double dx = pos[i][0] - pos[j][0];
                double dy = pos[i][1] - pos[j][1];
                double r = Math.sqrt(dx * dx + dy * dy + 0.01);
                u -= mass[i] * mass[j] / r;
            }
        }
        return u;
    }

    /** Pendulum by velocity Verlet; the final angle. */
    @Differentiable
    static double verletPendulum(double theta0, double omega0, double g, double len, double dt, int steps) {
        double theta = theta0;
        double omega = omega0;
        double acc = -g / len * Math.sin(theta);
        for (int s = 0; s < steps; s++) {
            theta += dt * omega + 0.5 * dt * dt * acc;
            double accNew = -g / len * Math.sin(theta);
            omega += 0.5 * dt * (acc + accNew);
            acc = accNew;
        }
        return theta;
    }

    /** Projectile with quadratic drag stepped until it lands: a data-dependent while loop. */
    @Differentiable
    static double projectileRange(double speed, double angle, double drag, double dt) {
        double x = 0.0;
        double y = 0.0;
        double vx = speed * Math.cos(angle);
        double vy = speed * Math.sin(angle);
        int steps = 0;
        while (y >= 0.0 && steps < 10000) {
            double v = Math.sqrt(vx * vx + vy * vy);
            vx -= dt * drag * v * vx;
            vy -= dt * (9.81 + drag * v * vy);
            x += dt * vx;
            y += dt * vy;
            steps++;
        }
        return x;
    }

    /** Newton's method for the cube root of a, iterated until the update is tiny. */
    @Differentiable
    static double newtonCubeRoot(double a) {
        double x = a > 1.0 ? a : 1.0;
        double dx = 1.0;
        int it = 0;
        while (Math.abs(dx) > 1e-15 * Math.abs(x) && it < 100) {
            dx = (x * x * x - a) / (3.0 * x * x);
            x -= dx;
            it++;
        }
        return x;
    }

    /** Fixed point of x = cos(a x) + b by plain iteration in a do-while. */
    @Differentiable
    static double fixedPointCos(double a, double b) {
        double x = 0.5;
        double prev;
        int it = 0;
        do {
            prev = x;
            x = Math.cos(a * x) + b;
            it++;
        } while (Math.abs(x - prev) > 1e-15 && it < 500);
        return x;
    }

    /**
     * Kepler's equation E - e sin E = M by Newton; the position x = a (cos E - e), the
     * parameters e and M differentiated.
     */
    @Differentiable
    static double keplerPosition(double ecc, double meanAnomaly, double semiMajor) {
        double e = meanAnomaly;
        for (int it = 0; it < 50; it++) {
            double f = e - ecc * Math.sin(e) - meanAnomaly;
            double step = f / (1.0 - ecc * Math.cos(e));
            e -= step;
            if (Math.abs(step) < 1e-15) {
                break;
            }
        }
        return semiMajor * (Math.cos(e) - ecc);
    }

    /** Heat equation by explicit finite differences on a rod, the profile in a local array. */
    @Differentiable
    static double heatRod(double[] u0, double alpha, int steps) {
        int n = u0.length;
        double[] u = new double[n];
        double[] next = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = u0[i];
        }
        for (int s = 0; s < steps; s++) {
            for (int i = 1; i < n - 1; i++) {
                next[i] = u[i] + alpha * (u[i - 1] - 2.0 * u[i] + u[i + 1]);
            }
            next[0] = u[0];
            next[n - 1] = u[n - 1];
            for (int i = 0; i < n; i++) {
                u[i] = next[i];
            }
        }
        double centre = 0.0;
        for (int i = 0; i < n; i++) {
            centre += u[i] * Math.sin(Math.PI * (i + 0.5) / n);
        }
        return centre;
    }

    /** Great-circle distance by the haversine formula, angles in degrees. */
    @Differentiable
    static double haversine(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = Math.toRadians(lat2 - lat1);
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2.0 * 6371.0 * Math.atan2(Math.sqrt(h), Math.sqrt(1.0 - h));
    }

    /** Planck's law summed over wavelengths given in micrometres, with expm1 for the denominator. */
    @Differentiable
    static double planckSpectrum(double temperature, double[] micrometres) {
        double h = 6.62607015e-34;
        double c = 2.99792458e8;
        double k = 1.380649e-23;
        double total = 0.0;
        for (double um : micrometres) {
            double lambda = um * 1e-6;
            double radiance = 2.0 * h * c * c / Math.pow(lambda, 5) / Math.expm1(h * c / (lambda * k * temperature));
            total += radiance * 1e-13;
        }
        return total;
    }
}
