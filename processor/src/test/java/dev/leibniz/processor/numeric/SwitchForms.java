package dev.leibniz.processor.numeric;

import dev.leibniz.Differentiable;

/** switch as people write it: colon and arrow forms, over int, String and enum, statements and expressions. */
final class SwitchForms {
    private SwitchForms() {}

    enum Activation { RELU, TANH, SIGMOID }

    @Differentiable
    static double activate(double z, Activation a) {
        switch (a) {
            case RELU:
                return Math.max(0, z);
            case TANH:
                return Math.tanh(z);
            default:
                return 1 / (1 + Math.exp(-z));
        }
    }

    @Differentiable
    static double arrows(double x, int k) {
        double y = x;
        switch (k) {
            case 0 -> y = x * x;
            case 1, 2 -> {
                y = Math.sin(x);
                y *= 2;
            }
            default -> y += 1;
        }
        return y * x;
    }

    @Differentiable
    static double byName(double x, String shape) {
        double y = 0;
        switch (shape) {
            case "square":
                y = x * x;
                break;
            case "cube":
            case "cubed":
                y = x * x * x;
                break;
            default:
                y = x;
        }
        return y;
    }

    @Differentiable
    static double expressions(double x, int k) {
        double y = switch (k) {
            case 0 -> x * x;
            case 1 -> {
                double t = Math.exp(x);
                yield t + x;
            }
            default -> 3 * x;
        };
        int m = switch (k) {
            case 0 -> 2;
            default -> 5;
        };
        return y * m;
    }

    @Differentiable
    static double colonExpression(double x, Activation a) {
        return switch (a) {
            case RELU:
                yield Math.max(0, x);
            case TANH:
                yield Math.tanh(x);
            default:
                double e = Math.exp(-x);
                yield 1 / (1 + e);
        };
    }

    @Differentiable
    static double inALoop(double[] x, int[] kinds) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            switch (kinds[i]) {
                case 0:
                    s += x[i];
                    break;
                case 1:
                    s *= x[i];
                    break;
                default:
                    continue;
            }
            s += 0.5 * s;
        }
        return s;
    }
}
