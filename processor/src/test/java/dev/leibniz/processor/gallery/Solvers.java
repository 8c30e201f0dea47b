package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;

/** Linear algebra and iterative solvers on local copies of their inputs. */
final class Solvers {

    private Solvers() {}

    /**
     * Solves A x = b for symmetric positive definite A by Cholesky (L L^T), forward and back
     * substitution, and returns c . x.
     */
    @Differentiable
    static double choleskySolve(double[][] A, double[] b, double[] c) {
        int n = b.length;
        double[][] L = new double[n][n];
        double[] y = new double[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = A[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= L[i][k] * L[j][k];
                }
                if (i == j) {
                    L[i][j] = Math.sqrt(sum);
                } else {
                    L[i][j] = sum / L[j][j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= L[i][k] * y[k];
            }
            y[i] = s / L[i][i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= L[k][i] * x[k];
            }
            x[i] = s / L[i][i];
        }
        double out = 0.0;
        for (int i = 0; i < n; i++) {
            out += c[i] * x[i];
        }
        return out;
    }

    /** Gaussian elimination with partial pivoting on a local copy; returns the first unknown. */
    @Differentiable
    static double gaussianElimination(double[][] A, double[] b) {
        int n = b.length;
        double[][] M = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                M[i][j] = A[i][j];
            }
            M[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(M[r][col]) > Math.abs(M[pivot][col])) {
                    pivot = r;
                }
            }
            if (pivot != col) {
                for (int j = 0; j <= n; j++) {
                    double tmp = M[col][j];
                    M[col][j] = M[pivot][j];
                    M[pivot][j] = tmp;
                }
            }
            for (int r = col + 1; r < n; r++) {
                double factor = M[r][col] / M[col][col];
                for (int j = col; j <= n; j++) {
                    M[r][j] -= factor * M[col][j];
                }
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = M[i][n];
            for (int j = i + 1; j < n; j++) {
                s -= M[i][j] * x[j];
            }
            x[i] = s / M[i][i];
        }
        return x[0] + 0.5 * x[n - 1];
    }

    /** Power iteration for the dominant eigenvalue (Rayleigh quotient) of a symmetric matrix. */
    @Differentiable
    static double powerIteration(double[][] A, int iterations) {
        int n = A.length;
        double[] v = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 1.0 / Math.sqrt(n) + 0.01 * i;
        }
        double lambda = 0.0;
        for (int it = 0; it < iterations; it++) {
            double norm = 0.0;
            for (int i = 0; i < n; i++) {
                w[i] = 0.0;
                for (int j = 0; j < n; j++) {
                    w[i] += A[i][j] * v[j];
                }
                norm += w[i] * w[i];
            }
            norm = Math.sqrt(norm);
            lambda = 0.0;
            for (int i = 0; i < n; i++) {
                lambda += v[i] * w[i];
                v[i] = w[i] / norm;
            }
        }
        return lambda;
    }

    /**
     * Unrolled gradient descent on a least-squares problem: the final training loss as a
     * function of the learning rate and the initial weights (a hyperparameter gradient).
     */
    @Differentiable
    static double unrolledGradientDescent(double lr, double[] w0, double[][] X, double[] y, int steps) {
        int d = w0.length;
        double[] w = new double[d];
        double[] grad = new double[d];
        for (int j = 0; j < d; j++) {
            w[j] = w0[j];
        }
        for (int s = 0; s < steps; s++) {
            for (int j = 0; j < d; j++) {
                grad[j] = 0.0;
            }
            for (int i = 0; i < X.length; i++) {
                double r = -y[i];
                for (int j = 0; j < d; j++) {
                    r += X[i][j] * w[j];
                }
                for (int j = 0; j < d; j++) {
                    grad[j] += 2.0 * r * X[i][j] / X.length;
                }
            }
            for (int j = 0; j < d; j++) {
                w[j] -= lr * grad[j];
            }
        }
        double loss = 0.0;
        for (int i = 0; i < X.length; i++) {
            double r = -y[i];
            for (int j = 0; j < d; j++) {
                r += X[i][j] * w[j];
            }
            loss += r * r;
        }
        return loss / X.length;
    }

    /** ISTA for the lasso: gradient steps followed by soft thresholding, a ternary per weight. */
    @Differentiable
    static double ista(double[][] X, double[] y, double lambda, double step, int iterations) {
        int d = X[0].length;
        double[] w = new double[d];
        for (int it = 0; it < iterations; it++) {
            for (int j = 0; j < d; j++) {
                double g = 0.0;
                for (int i = 0; i < X.length; i++) {
                    double r = -y[i];
                    for (int k = 0; k < d; k++) {
                        r += X[i][k] * w[k];
                    }
                    g += r * X[i][j];
                }
                double u = w[j] - step * g;
                double t = step * lambda;
                w[j] = u > t ? u - t : (u < -t ? u + t : 0.0);
            }
        }
        double s = 0.0;
        for (int j = 0; j < d; j++) {
            s += (j + 1) * w[j];
        }
        return s;
    }

    /** Newton's method on a 2-D system (Rosenbrock gradient = 0 shifted), explicit 2x2 solve. */
    @Differentiable
    static double newton2d(double a, double b, double[] start) {
        double x = start[0];
        double y = start[1];
        for (int it = 0; it < 30; it++) {
            double f1 = x * x + y * y - a;
            double f2 = x - y * b;
            double j11 = 2 * x;
            double j12 = 2 * y;
            double j21 = 1.0;
            double j22 = -b;
            double det = j11 * j22 - j12 * j21;
            double dx = (f1 * j22 - j12 * f2) / det;
            double dy = (j11 * f2 - j21 * f1) / det;
            x -= dx;
            y -= dy;
            if (Math.abs(dx) + Math.abs(dy) < 1e-15) {
                break;
            }
        }
        return x + 3.0 * y;
    }
}
