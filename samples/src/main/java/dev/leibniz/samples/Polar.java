package dev.leibniz.samples;

import dev.leibniz.Differentiable;

/**
 * The polar-to-Cartesian map (r, &theta;) &#8614; (r cos &theta;, r sin &theta;), a
 * {@code double[]}-valued method: Leibniz writes {@code PolarGrad.polarJacobian(r, theta)}, the
 * 2&times;2 Jacobian [[cos &theta;, &minus;r sin &theta;], [sin &theta;, r cos &theta;]], whose
 * determinant r is the factor in dx dy = r dr d&theta;.
 */
public final class Polar {
    private Polar() {
    }

    /**
     * Maps polar coordinates to Cartesian ones.
     *
     * @param r     the radius
     * @param theta the angle, in radians
     * @return a new array {x, y} = {r cos &theta;, r sin &theta;}
     */
    @Differentiable
    public static double[] polar(double r, double theta) {
        return new double[] {r * Math.cos(theta), r * Math.sin(theta)};
    }
}
