package dev.leibniz.benchmarks;

import dev.leibniz.Differentiable;

/**
 * ADBench's LSTM objective in the shape of its {@code src/cpp/shared/lstm.h}: flat parameter,
 * state and sequence arrays with its index arithmetic. The C++ wraps pointers into those arrays
 * in small structs (LayerParams, LayerState, ...); the Java passes the array and the offset
 * the struct would point at. Helpers that update arrays are {@code void} procedures.
 *
 * <p>l: layers, c: characters, b: bits per character (the hidden size). mainParams: per layer
 * 8b numbers, the weights of the forget, input, output and change gates (b each), then their
 * biases. extraParams: input weights, output weights, output biases (b each). state: per layer
 * the hidden state, then the cell state (b each). sequence: c characters of b numbers.
 */
final class Lstm {
    private Lstm() {}

    @Differentiable
    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** log(Σ exp(vect[i]) + 2), lstm.h's own variant. */
    @Differentiable
    static double logsumexp(double[] vect, int sz) {
        double sum = 0.0;
        for (int i = 0; i < sz; ++i) {
            sum += Math.exp(vect[i]);
        }
        sum += 2;
        return Math.log(sum);
    }

    /**
     * One LSTM layer: updates the hidden state (state from stateOff) and cell state (from
     * stateOff + hsize) from the input (from inputOff), with the layer's weights and biases
     * (params from paramsOff).
     */
    @Differentiable(wrt = {"params", "state", "input"})
    static void lstmModel(int hsize, double[] params, int paramsOff, double[] state, int stateOff,
            double[] input, int inputOff) {
        int w = paramsOff;
        int bias = paramsOff + 4 * hsize;
        int hidden = stateOff;
        int cell = stateOff + hsize;
        for (int i = 0; i < hsize; ++i) {
            double forget = sigmoid(input[inputOff + i] * params[w + i] + params[bias + i]);
            double ingate = sigmoid(state[hidden + i] * params[w + hsize + i]
                    + params[bias + hsize + i]);
            double outgate = sigmoid(input[inputOff + i] * params[w + 2 * hsize + i]
                    + params[bias + 2 * hsize + i]);
            double change = Math.tanh(state[hidden + i] * params[w + 3 * hsize + i]
                    + params[bias + 3 * hsize + i]);

            state[cell + i] = state[cell + i] * forget + ingate * change;
            state[hidden + i] = outgate * Math.tanh(state[cell + i]);
        }
    }

    /** Runs the l layers on one character (input from inputOff) and writes the prediction. */
    @Differentiable(wrt = {"mainParams", "extraParams", "state", "output"})
    static void lstmPredict(int l, int b, double[] mainParams, double[] extraParams,
            double[] state, double[] input, int inputOff, double[] output) {
        // lstm.h writes the scaled input into output and then moves a pointer, layer_output,
        // from output to each layer's hidden state. Java has no pointer into an array, and
        // Leibniz refuses both Java stand-ins: an array variable assigned another array
        // ("aliases of other arrays are not supported"), and passing state both as lstmModel's
        // state and as its input ("writes into its parameter 'state', and 'state' is also
        // passed as 'input'"). So layerOutput is a buffer that holds a copy of what the pointer
        // would point at.
        double[] layerOutput = new double[b];
        for (int i = 0; i < b; ++i) {
            layerOutput[i] = input[inputOff + i] * extraParams[i];
        }

        for (int i = 0; i < l; ++i) {
            lstmModel(b, mainParams, 8 * b * i, state, 2 * b * i, layerOutput, 0);
            System.arraycopy(state, 2 * b * i, layerOutput, 0, b);
        }

        for (int i = 0; i < b; ++i) {
            output[i] = layerOutput[i] * extraParams[b + i] + extraParams[2 * b + i];
        }
    }

    @Differentiable(wrt = {"mainParams", "extraParams"})
    static double lstmObjective(int l, int c, int b, double[] mainParams, double[] extraParams,
            double[] state, double[] sequence) {
        double total = 0.0;
        int count = 0;
        double[] s = state.clone(); // lstm.h takes the state by value
        double[] ypred = new double[b];
        double[] ynorm = new double[b];
        for (int t = 0; t < c - 1; ++t) {
            lstmPredict(l, b, mainParams, extraParams, s, sequence, t * b, ypred);

            double lse = logsumexp(ypred, b);
            for (int i = 0; i < b; i++) {
                ynorm[i] = ypred[i] - lse;
            }

            int ygold = (t + 1) * b;
            for (int i = 0; i < b; i++) {
                total += sequence[ygold + i] * ynorm[i];
            }

            count += b;
        }

        return -total / count;
    }
}
