package dev.leibniz.optim;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The per-parameter state of a stateful optimizer, keyed by the identity of the parameter array.
 */
final class ParameterStates {

    /** One parameter's state: running averages of its shape, and how many steps it has taken. */
    static final class State {
        /** The running averages, {@code averages[k][i]} for element {@code i}; zero at first. */
        final double[][] averages;
        /** The number of steps taken, including the current one once {@link #get} returns. */
        long steps;

        private State(int count, int length) {
            averages = new double[count][length];
        }
    }

    private final int averagesPerParameter;
    private final Map<double[], State> states = new IdentityHashMap<>();

    /**
     * @param averagesPerParameter how many arrays of running averages each parameter needs
     */
    ParameterStates(int averagesPerParameter) {
        this.averagesPerParameter = averagesPerParameter;
    }

    /**
     * Checks the lengths, and returns the state of {@code parameter} with its step count
     * advanced by one (to 1 on its first step).
     */
    State advance(double[] parameter, double[] gradient) {
        checkLengths(parameter, gradient);
        State state = states.get(parameter);
        if (state == null) {
            state = new State(averagesPerParameter, parameter.length);
            states.put(parameter, state);
        }
        state.steps++;
        return state;
    }

    /** Forgets every parameter. */
    void clear() {
        states.clear();
    }

    static void checkLengths(double[] parameter, double[] gradient) {
        if (parameter.length != gradient.length) {
            throw new IllegalArgumentException("parameter has length " + parameter.length
                    + " but gradient has length " + gradient.length);
        }
    }

    static double checkPositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite: " + value);
        }
        return value;
    }

    static double checkDecay(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1): " + value);
        }
        return value;
    }

    static double checkEpsilon(double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("epsilon must be non-negative and finite: " + value);
        }
        return value;
    }
}
