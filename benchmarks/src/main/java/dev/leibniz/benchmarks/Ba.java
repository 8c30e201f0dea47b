package dev.leibniz.benchmarks;

import dev.leibniz.Differentiable;

/**
 * ADBench's bundle-adjustment residuals in the shape of its {@code src/cpp/shared/ba.h}: the
 * point is moved into the camera's frame (Rodrigues rotation about the camera centre),
 * projected, radially distorted, scaled by the focal length and shifted by the principal point;
 * the residual is the weighted difference to the observed feature. The weight has its own
 * residual, {@code 1 − w²}. Where the C++ passes {@code &cam[ROT_IDX]}, the Java passes the
 * camera and reads the block at its index.
 *
 * <p>cam: 11 numbers {@code r1 r2 r3 C1 C2 C3 f u0 v0 k1 k2}: angle-axis rotation, camera
 * centre, focal length, principal point, radial distortion. x: the 3D point. w: the weight.
 * feat: the observed 2D feature.
 */
final class Ba {
    private Ba() {}

    static final int NCAMPARAMS = 11;
    static final int ROT_IDX = 0;
    static final int C_IDX = 3;
    static final int F_IDX = 6;
    static final int X0_IDX = 7;
    static final int RAD_IDX = 9;

    /** pt rotated by the angle-axis vector held in cam from ROT_IDX on (Rodrigues' formula). */
    @Differentiable
    static double[] rodriguesRotatePoint(double[] cam, double[] pt) {
        double r0 = cam[ROT_IDX];
        double r1 = cam[ROT_IDX + 1];
        double r2 = cam[ROT_IDX + 2];
        double sqtheta = r0 * r0 + r1 * r1 + r2 * r2;
        double[] rotated = new double[3];
        if (sqtheta != 0) {
            double theta = Math.sqrt(sqtheta);
            double costheta = Math.cos(theta);
            double sintheta = Math.sin(theta);
            double thetaInverse = 1.0 / theta;
            double w0 = r0 * thetaInverse;
            double w1 = r1 * thetaInverse;
            double w2 = r2 * thetaInverse;
            double tmp = (w0 * pt[0] + w1 * pt[1] + w2 * pt[2]) * (1.0 - costheta);
            rotated[0] = pt[0] * costheta + (w1 * pt[2] - w2 * pt[1]) * sintheta + w0 * tmp;
            rotated[1] = pt[1] * costheta + (w2 * pt[0] - w0 * pt[2]) * sintheta + w1 * tmp;
            rotated[2] = pt[2] * costheta + (w0 * pt[1] - w1 * pt[0]) * sintheta + w2 * tmp;
        } else {
            rotated[0] = pt[0] + r1 * pt[2] - r2 * pt[1];
            rotated[1] = pt[1] + r2 * pt[0] - r0 * pt[2];
            rotated[2] = pt[2] + r0 * pt[1] - r1 * pt[0];
        }
        return rotated;
    }

    /** proj scaled by 1 + k1 r² + k2 r⁴, with k1, k2 held in cam from RAD_IDX on. */
    @Differentiable
    static double[] radialDistort(double[] cam, double[] proj) {
        double rsq = proj[0] * proj[0] + proj[1] * proj[1];
        double l = 1 + cam[RAD_IDX] * rsq + cam[RAD_IDX + 1] * rsq * rsq;
        double[] distorted = new double[2];
        distorted[0] = proj[0] * l;
        distorted[1] = proj[1] * l;
        return distorted;
    }

    /** Where the camera sees the point x, in pixels. */
    @Differentiable
    static double[] project(double[] cam, double[] x) {
        double[] xo = new double[3];
        for (int i = 0; i < 3; i++) {
            xo[i] = x[i] - cam[C_IDX + i];
        }
        double[] xcam = rodriguesRotatePoint(cam, xo);
        double[] proj = new double[2];
        proj[0] = xcam[0] / xcam[2];
        proj[1] = xcam[1] / xcam[2];
        double[] distorted = radialDistort(cam, proj);
        double[] pixel = new double[2];
        pixel[0] = distorted[0] * cam[F_IDX] + cam[X0_IDX];
        pixel[1] = distorted[1] * cam[F_IDX] + cam[X0_IDX + 1];
        return pixel;
    }

    /** The two reprojection residuals: w times the projection minus the observed feature. */
    @Differentiable(wrt = {"cam", "x", "w"})
    static double[] reprojError(double[] cam, double[] x, double w, double[] feat) {
        double[] proj = project(cam, x);
        double[] err = new double[2];
        err[0] = w * (proj[0] - feat[0]);
        err[1] = w * (proj[1] - feat[1]);
        return err;
    }

    /** The weight's residual. */
    @Differentiable
    static double zachWeightError(double w) {
        return 1 - w * w;
    }
}
