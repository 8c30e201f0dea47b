package dev.leibniz.processor.calls;

import dev.leibniz.processor.testing.GradientChecks;
import dev.leibniz.processor.testing.Packing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks a {@code @DerivativeOf} rule against central differences of the method it is the
 * derivative of, through reflection, and independently of the processor: the rule must have
 * the pullback signature {@link dev.leibniz.DerivativeOf} spells out, return
 * {@code seed * df/dp} for the differentiated scalar parameters (one {@code double}, several in
 * a {@code double[]} in parameter order, or nothing), ADD {@code seed * df/dx[i]} into one
 * accumulator per differentiated array parameter (what the accumulator held before stays), and
 * leave the method's arguments as they were.
 *
 * <p>Differentiated are all {@code double}, {@code double[]} and {@code double[][]} parameters
 * (the targets checked here have no {@code wrt}); every other parameter is a constant.
 */
final class RuleOracle {

    private RuleOracle() {}

    /** The seed used by {@link #check(Method, Method, Object...)}: not 1, so it must be applied. */
    static final double SEED = -1.75;

    /** {@link #checkWithSeed(Method, Method, double, Object...)} with {@link #SEED}. */
    static void check(Method target, Method rule, Object... args) {
        checkWithSeed(target, rule, SEED, args);
    }

    /**
     * Compares {@code rule} at {@code args} and {@code seed} with {@code seed} times the
     * central-difference gradient of {@code target}; throws {@link AssertionError} on any
     * mismatch.
     */
    static void checkWithSeed(Method target, Method rule, double seed, Object... args) {
        String what = "rule " + rule.getName() + " of " + target.getName() + " at "
                + Arrays.deepToString(args) + ", seed " + seed;
        Class<?>[] params = target.getParameterTypes();
        assertEquals(params.length, args.length, what + ": number of arguments");
        checkSignature(what, target, rule);

        // Central differences over every differentiated component, in parameter order.
        List<Object> differentiated = new ArrayList<>();
        for (int i = 0; i < params.length; i++) {
            if (isDifferentiated(params[i])) {
                differentiated.add(args[i]);
            }
        }
        double[] point = Packing.flat(differentiated.toArray());
        double[] fd = GradientChecks.centralGradient(p -> {
            Packing.Reader in = new Packing.Reader(p);
            Object[] moved = new Object[args.length];
            for (int i = 0; i < params.length; i++) {
                moved[i] = params[i] == double.class ? (Object) in.scalar()
                        : params[i] == double[].class ? in.vector((double[]) args[i])
                        : params[i] == double[][].class ? in.matrix((double[][]) args[i])
                        : args[i];
            }
            return (Double) invoke(target, moved);
        }, point);
        double[] expected = new double[fd.length];
        for (int i = 0; i < fd.length; i++) {
            expected[i] = seed * fd[i];
        }

        // The rule with zeroed accumulators: its contribution alone.
        Object[] copies = deepCopies(args);
        RuleCall zeroed = call(rule, params, copies, seed, false);
        for (int i = 0; i < args.length; i++) {
            assertTrue(Arrays.deepEquals(new Object[] {args[i]}, new Object[] {copies[i]}),
                    () -> what + ": the rule modified an argument of the method");
        }
        double[] actual = zeroed.flattened(params);
        double error = GradientChecks.relativeError(actual, expected);
        assertTrue(error < GradientChecks.FD_TOLERANCE, () -> what + ": the rule gives "
                + Arrays.toString(actual) + " but seed times central differences give "
                + Arrays.toString(expected) + ", relative error " + error);

        // The same with accumulators that already hold something: the rule must add to it.
        RuleCall prefilled = call(rule, params, deepCopies(args), seed, true);
        for (int a = 0; a < zeroed.accumulators.size(); a++) {
            double[] before = Packing.flat(prefill(zeroed.accumulators.get(a)));
            double[] alone = Packing.flat(zeroed.accumulators.get(a));
            double[] after = Packing.flat(prefilled.accumulators.get(a));
            for (int i = 0; i < after.length; i++) {
                double sum = before[i] + alone[i];
                double bound = 1e-12 * Math.max(Math.abs(before[i]), Math.abs(alone[i]));
                if (!(Math.abs(after[i] - sum) <= bound)) {
                    fail(what + ": accumulator " + a + " component " + i + " held " + before[i]
                            + " and should have become " + sum + " (the rule adds " + alone[i]
                            + "), but became " + after[i] + ": the rule must add, not overwrite");
                }
            }
        }
    }

    private static boolean isDifferentiated(Class<?> type) {
        return type == double.class || type == double[].class || type == double[][].class;
    }

    /** The declaration {@link dev.leibniz.DerivativeOf} requires, checked on the rule. */
    private static void checkSignature(String what, Method target, Method rule) {
        assertTrue(Modifier.isStatic(rule.getModifiers()), what + ": the rule must be static");
        assertEquals(double.class, target.getReturnType(), what + ": target must return double");
        List<Class<?>> expected = new ArrayList<>(Arrays.asList(target.getParameterTypes()));
        expected.add(double.class);
        int scalars = 0;
        for (Class<?> p : target.getParameterTypes()) {
            if (p == double.class) {
                scalars++;
            } else if (isDifferentiated(p)) {
                expected.add(p);
            }
        }
        assertEquals(expected, Arrays.asList(rule.getParameterTypes()),
                what + ": rule parameters");
        Class<?> returns = scalars == 0 ? void.class : scalars == 1 ? double.class : double[].class;
        assertEquals(returns, rule.getReturnType(), what + ": rule return type");
    }

    /** What a rule call gave: the returned partials and the accumulators after the call. */
    private record RuleCall(double[] returned, List<Object> accumulators) {
        /** Scalars from the return value and arrays from the accumulators, in parameter order. */
        double[] flattened(Class<?>[] params) {
            List<Object> parts = new ArrayList<>();
            int scalar = 0;
            int array = 0;
            for (Class<?> p : params) {
                if (p == double.class) {
                    parts.add(returned[scalar++]);
                } else if (isDifferentiated(p)) {
                    parts.add(accumulators.get(array++));
                }
            }
            assertEquals(returned.length, scalar, "number of returned partials");
            return Packing.flat(parts.toArray());
        }
    }

    private static RuleCall call(Method rule, Class<?>[] params, Object[] args, double seed,
            boolean prefilled) {
        List<Object> ruleArgs = new ArrayList<>(Arrays.asList(args));
        ruleArgs.add(seed);
        List<Object> accumulators = new ArrayList<>();
        for (int i = 0; i < params.length; i++) {
            if (params[i] == double[].class || params[i] == double[][].class) {
                Object zero = zeroLike(args[i]);
                Object acc = prefilled ? prefill(zero) : zero;
                accumulators.add(acc);
                ruleArgs.add(acc);
            }
        }
        Object result = invoke(rule, ruleArgs.toArray());
        double[] returned = result == null ? new double[0]
                : result instanceof Double d ? new double[] {d} : ((double[]) result).clone();
        return new RuleCall(returned, accumulators);
    }

    /** An array of the shape of {@code like}, all zero. */
    private static Object zeroLike(Object like) {
        if (like instanceof double[] v) {
            return new double[v.length];
        }
        double[][] m = (double[][]) like;
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = new double[m[i].length];
        }
        return out;
    }

    /** A fresh array of the shape of {@code like}, holding 0.25, 0.5, 0.75, ... (row by row). */
    private static Object prefill(Object like) {
        Object out = zeroLike(like);
        double[][] rows = out instanceof double[] v ? new double[][] {v} : (double[][]) out;
        int k = 1;
        for (double[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                row[i] = 0.25 * k++;
            }
        }
        return out;
    }

    private static Object[] deepCopies(Object[] args) {
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof double[] v) {
                out[i] = v.clone();
            } else if (args[i] instanceof double[][] m) {
                double[][] c = new double[m.length][];
                for (int r = 0; r < m.length; r++) {
                    c[r] = m[r].clone();
                }
                out[i] = c;
            } else {
                out[i] = args[i];
            }
        }
        return out;
    }

    private static Object invoke(Method m, Object[] args) {
        try {
            return m.invoke(null, args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + m, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(m + " threw", e.getCause());
        }
    }
}
