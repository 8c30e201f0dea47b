package dev.leibniz.processor.regressions.lib;

import dev.leibniz.Differentiable;

/** A class in another package whose nested class callers reach through an import of this one. */
public final class Act {
    private Act() {}

    /** Reached as {@code Act.Inner} after {@code import ...lib.Act}. */
    public static final class Inner {
        private Inner() {}

        /** x^2 sin x. */
        @Differentiable
        public static double sq(double x) {
            return x * x * Math.sin(x);
        }
    }
}
