package dev.leibniz.benchmarks;

/**
 * The 2×15 Jacobian of {@link Ba#reprojError} by hand: one forward pass keeping the
 * intermediates, then one reverse pass per residual row over scalars (Rodrigues' formula,
 * the perspective division, the radial distortion). The object holds the intermediates of
 * the last forward pass; reuse it, it allocates nothing.
 */
final class BaAdjoint {
    // Forward intermediates.
    private double r0;
    private double r1;
    private double r2;
    private double p0;
    private double p1;
    private double p2;
    private boolean rotates;
    private double theta;
    private double cos;
    private double sin;
    private double inv;
    private double w0;
    private double w1;
    private double w2;
    private double dot;
    private double cr0;
    private double cr1;
    private double cr2;
    private double xc2;
    private double px;
    private double py;
    private double rsq;
    private double k1;
    private double k2;
    private double l;
    private double f;
    private double dx;
    private double dy;
    private double w;
    private double d0;
    private double d1;
    private double e0;
    private double e1;

    /** The forward pass; the residuals are then {@link #e0()} and {@link #e1()}. */
    void forward(double[] cam, double[] x, double weight, double[] feat) {
        r0 = cam[Ba.ROT_IDX];
        r1 = cam[Ba.ROT_IDX + 1];
        r2 = cam[Ba.ROT_IDX + 2];
        p0 = x[0] - cam[Ba.C_IDX];
        p1 = x[1] - cam[Ba.C_IDX + 1];
        p2 = x[2] - cam[Ba.C_IDX + 2];
        double sq = r0 * r0 + r1 * r1 + r2 * r2;
        double xc0;
        double xc1;
        rotates = sq != 0;
        if (rotates) {
            theta = Math.sqrt(sq);
            cos = Math.cos(theta);
            sin = Math.sin(theta);
            inv = 1.0 / theta;
            w0 = r0 * inv;
            w1 = r1 * inv;
            w2 = r2 * inv;
            dot = w0 * p0 + w1 * p1 + w2 * p2;
            double tmp = dot * (1.0 - cos);
            cr0 = w1 * p2 - w2 * p1;
            cr1 = w2 * p0 - w0 * p2;
            cr2 = w0 * p1 - w1 * p0;
            xc0 = p0 * cos + cr0 * sin + w0 * tmp;
            xc1 = p1 * cos + cr1 * sin + w1 * tmp;
            xc2 = p2 * cos + cr2 * sin + w2 * tmp;
        } else {
            xc0 = p0 + r1 * p2 - r2 * p1;
            xc1 = p1 + r2 * p0 - r0 * p2;
            xc2 = p2 + r0 * p1 - r1 * p0;
        }
        px = xc0 / xc2;
        py = xc1 / xc2;
        rsq = px * px + py * py;
        k1 = cam[Ba.RAD_IDX];
        k2 = cam[Ba.RAD_IDX + 1];
        l = 1 + k1 * rsq + k2 * rsq * rsq;
        dx = px * l;
        dy = py * l;
        f = cam[Ba.F_IDX];
        w = weight;
        d0 = dx * f + cam[Ba.X0_IDX] - feat[0];
        d1 = dy * f + cam[Ba.X0_IDX + 1] - feat[1];
        e0 = weight * d0;
        e1 = weight * d1;
    }

    double e0() {
        return e0;
    }

    double e1() {
        return e1;
    }

    /**
     * The row of the Jacobian for the residual seeds (b0, b1), after {@link #forward}: 11
     * camera entries, 3 point entries and the weight entry, at j[off], ..., j[off + 14].
     */
    void reverse(double b0, double b1, double[] j, int off) {
        // err = w (proj − feat)
        double wb = b0 * d0 + b1 * d1;
        double projb0 = b0 * w;
        double projb1 = b1 * w;
        // proj = distorted f + x0
        double u0b = projb0;
        double v0b = projb1;
        double fb = projb0 * dx + projb1 * dy;
        double dxb = projb0 * f;
        double dyb = projb1 * f;
        // distorted = p L, L = 1 + k1 rsq + k2 rsq²
        double pxb = dxb * l;
        double pyb = dyb * l;
        double lb = dxb * px + dyb * py;
        double k1b = lb * rsq;
        double k2b = lb * rsq * rsq;
        double rsqb = lb * (k1 + 2 * k2 * rsq);
        pxb += 2 * px * rsqb;
        pyb += 2 * py * rsqb;
        // p = xc[0..1] / xc2
        double xb0 = pxb / xc2;
        double xb1 = pyb / xc2;
        double xb2 = -(pxb * px + pyb * py) / xc2;
        // xc = rotate(r, p)
        double pb0;
        double pb1;
        double pb2;
        double rb0;
        double rb1;
        double rb2;
        if (rotates) {
            double tmp = dot * (1.0 - cos);
            pb0 = xb0 * cos;
            pb1 = xb1 * cos;
            pb2 = xb2 * cos;
            double cosb = xb0 * p0 + xb1 * p1 + xb2 * p2;
            double crb0 = xb0 * sin;
            double crb1 = xb1 * sin;
            double crb2 = xb2 * sin;
            double sinb = xb0 * cr0 + xb1 * cr1 + xb2 * cr2;
            double wb0 = xb0 * tmp;
            double wb1 = xb1 * tmp;
            double wb2 = xb2 * tmp;
            double tmpb = xb0 * w0 + xb1 * w1 + xb2 * w2;
            double dotb = tmpb * (1.0 - cos);
            cosb -= tmpb * dot;
            wb0 += dotb * p0 + crb1 * -p2 + crb2 * p1;
            wb1 += dotb * p1 + crb0 * p2 + crb2 * -p0;
            wb2 += dotb * p2 + crb0 * -p1 + crb1 * p0;
            pb0 += dotb * w0 + crb1 * w2 - crb2 * w1;
            pb1 += dotb * w1 - crb0 * w2 + crb2 * w0;
            pb2 += dotb * w2 + crb0 * w1 - crb1 * w0;
            rb0 = wb0 * inv;
            rb1 = wb1 * inv;
            rb2 = wb2 * inv;
            double invb = wb0 * r0 + wb1 * r1 + wb2 * r2;
            double thetab = -invb * inv * inv + sinb * cos - cosb * sin;
            double sqb = thetab * 0.5 / theta;
            rb0 += 2 * r0 * sqb;
            rb1 += 2 * r1 * sqb;
            rb2 += 2 * r2 * sqb;
        } else {
            pb0 = xb0 + r2 * xb1 - r1 * xb2;
            pb1 = xb1 - r2 * xb0 + r0 * xb2;
            pb2 = xb2 + r1 * xb0 - r0 * xb1;
            rb0 = -p2 * xb1 + p1 * xb2;
            rb1 = p2 * xb0 - p0 * xb2;
            rb2 = -p1 * xb0 + p0 * xb1;
        }
        j[off + Ba.ROT_IDX] = rb0;
        j[off + Ba.ROT_IDX + 1] = rb1;
        j[off + Ba.ROT_IDX + 2] = rb2;
        j[off + Ba.C_IDX] = -pb0;
        j[off + Ba.C_IDX + 1] = -pb1;
        j[off + Ba.C_IDX + 2] = -pb2;
        j[off + Ba.F_IDX] = fb;
        j[off + Ba.X0_IDX] = u0b;
        j[off + Ba.X0_IDX + 1] = v0b;
        j[off + Ba.RAD_IDX] = k1b;
        j[off + Ba.RAD_IDX + 1] = k2b;
        j[off + 11] = pb0;
        j[off + 12] = pb1;
        j[off + 13] = pb2;
        j[off + 14] = wb;
    }
}
