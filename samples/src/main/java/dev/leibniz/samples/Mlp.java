package dev.leibniz.samples;

import dev.leibniz.Differentiable;
import dev.leibniz.Gradients;

/**
 * A multilayer perceptron for classification, written as plain Java: dense layers, ReLU, a
 * softmax cross-entropy and an L2 penalty. Leibniz differentiates {@link #loss} with respect to
 * the weights and biases; the layers are {@code @Differentiable} too, so the loss calls them like
 * any other method.
 */
public final class Mlp {
    private Mlp() {
    }

    /**
     * A dense layer.
     *
     * @param w the weights, one row per output
     * @param b the biases, one per output
     * @param x the input
     * @return z = W x + b
     */
    @Differentiable
    public static double[] dense(double[][] w, double[] b, double[] x) {
        double[] z = new double[b.length];
        for (int j = 0; j < b.length; j++) {
            double s = b[j];
            double[] row = w[j];
            for (int i = 0; i < x.length; i++) {
                s += row[i] * x[i];
            }
            z[j] = s;
        }
        return z;
    }

    /**
     * The rectified linear unit, element by element.
     *
     * @param z the pre-activations
     * @return max(0, z<sub>i</sub>) for each i
     */
    @Differentiable
    public static double[] relu(double[] z) {
        double[] a = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            a[i] = Math.max(0.0, z[i]);
        }
        return a;
    }

    /**
     * The softmax cross-entropy of logits against a class: &minus;log softmax(z)<sub>label</sub>
     * = log &Sigma; exp(z<sub>k</sub>) &minus; z<sub>label</sub>. The maximum is subtracted
     * first so that exp never overflows; it cancels exactly, so it is a constant to the
     * derivative ({@link Gradients#stop}).
     *
     * @param z     the logits
     * @param label the true class
     * @return the loss, &ge; 0
     */
    @Differentiable
    public static double softmaxCrossEntropy(double[] z, int label) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < z.length; k++) {
            max = Math.max(max, z[k]);
        }
        double m = Gradients.stop(max);
        double s = 0;
        for (int k = 0; k < z.length; k++) {
            s += Math.exp(z[k] - m);
        }
        return m + Math.log(s) - z[label];
    }

    /**
     * The squared Frobenius norm, for the L2 penalty.
     *
     * @param w a matrix
     * @return &Sigma; w<sub>ij</sub>&sup2;
     */
    @Differentiable
    public static double squaredNorm(double[][] w) {
        double s = 0;
        for (int j = 0; j < w.length; j++) {
            for (int i = 0; i < w[j].length; i++) {
                s += w[j][i] * w[j][i];
            }
        }
        return s;
    }

    /**
     * The training loss of a network with one hidden layer on a batch: the mean softmax
     * cross-entropy plus (&lambda;/2)(&Vert;W<sub>1</sub>&Vert;&sup2; +
     * &Vert;W<sub>2</sub>&Vert;&sup2;). Biases are not penalised.
     *
     * @param w1     hidden-layer weights, hidden &times; inputs
     * @param b1     hidden-layer biases
     * @param w2     output-layer weights, classes &times; hidden
     * @param b2     output-layer biases
     * @param images the batch, one input per row
     * @param labels the true class of each row
     * @param lambda the L2 coefficient &lambda;
     * @return the loss
     */
    @Differentiable(wrt = {"w1", "b1", "w2", "b2"})
    public static double loss(double[][] w1, double[] b1, double[][] w2, double[] b2,
            double[][] images, int[] labels, double lambda) {
        double total = 0;
        for (int n = 0; n < images.length; n++) {
            double[] z1 = dense(w1, b1, images[n]);
            double[] h = relu(z1);
            double[] z2 = dense(w2, b2, h);
            total += softmaxCrossEntropy(z2, labels[n]);
        }
        return total / images.length + 0.5 * lambda * (squaredNorm(w1) + squaredNorm(w2));
    }

    /**
     * The predicted class: the largest logit. Plain Java, not differentiated.
     *
     * @param w1    hidden-layer weights
     * @param b1    hidden-layer biases
     * @param w2    output-layer weights
     * @param b2    output-layer biases
     * @param image the input
     * @return the class with the largest logit
     */
    public static int predict(double[][] w1, double[] b1, double[][] w2, double[] b2,
            double[] image) {
        double[] z = dense(w2, b2, relu(dense(w1, b1, image)));
        int best = 0;
        for (int k = 1; k < z.length; k++) {
            if (z[k] > z[best]) {
                best = k;
            }
        }
        return best;
    }
}
