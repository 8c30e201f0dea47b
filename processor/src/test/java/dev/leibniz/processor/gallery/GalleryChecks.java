package dev.leibniz.processor.gallery;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.leibniz.processor.testing.GradientChecks;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * Runs one {@link GalleryCase} against whatever companion a class loader holds, by reflection:
 * value equal to the plain method's, gradient against central differences of the plain method,
 * against the case's DerivativeStructure twin and closed form, the {@code into} overload (one
 * result reused across points, its arrays scribbled with NaN in between) and the pullback with a
 * seed, and the arguments left untouched.
 */
final class GalleryChecks {

    static final String PACKAGE = "dev.leibniz.processor.gallery.";

    /** Relative bound against the DerivativeStructure twin and closed forms. */
    static final double TWIN_TOLERANCE = 1e-10;

    /** float programs: central differences of a float method need a larger step. */
    static final double FLOAT_FD_STEP = 1e-3;
    static final double FLOAT_FD_TOLERANCE = 1e-3;
    static final double FLOAT_TWIN_TOLERANCE = 1e-5;

    /** A seed that is not 1, so a pullback ignoring its seed shows. */
    static final double SEED = 3.0;

    private GalleryChecks() {}

    static void run(GalleryCase c, ClassLoader loader) throws Exception {
        if (c.stopped && c.closedForm == null) {
            throw new IllegalStateException(c + " stops a gradient and has no closed form to check against");
        }
        Class<?> fixture = Class.forName(PACKAGE + c.fixture, true, loader);
        Class<?> companion = Class.forName(PACKAGE + c.fixture + "Grad", true, loader);
        Method plain = plainMethod(fixture, c.method);
        Object receiver = c.receiverArgs == null ? null : construct(fixture, c.receiverArgs);
        List<Class<?>> types = new ArrayList<>();
        if (receiver != null) {
            types.add(fixture);
        }
        types.addAll(Arrays.asList(plain.getParameterTypes()));
        Method fresh = companion.getMethod(c.method, types.toArray(new Class<?>[0]));
        Class<?> resultType = fresh.getReturnType();
        types.add(resultType);
        Method into = companion.getMethod(c.method, types.toArray(new Class<?>[0]));
        types.add(types.size() - 1, double.class);
        Method pullback = companion.getMethod(c.method + "Pullback", types.toArray(new Class<?>[0]));
        Object reused = resultType.getConstructor().newInstance();
        Object seeded = resultType.getConstructor().newInstance();

        for (Object[] point : c.points) {
            String at = c + " at " + describe(point);
            Object[] before = deepCopy(point);
            Object result = invoke(fresh, null, withReceiver(receiver, point), at + ": companion");
            assertTrue(Arrays.deepEquals(before, point), at + ": the companion modified its arguments");
            double value = ((Number) invoke(resultType.getMethod("value"), result, new Object[0], at)).doubleValue();
            double plainValue = plainValue(plain, receiver, point, at);
            GradientChecks.assertExactly(plainValue, value, at + ": value() vs the plain method");
            double[] gradient = gradient(c, resultType, result, at);
            GradientChecks.assertFinite(at + ": gradient", gradient);

            double[] x = flatDifferentiated(c, point);
            double[] fd = central(c, plain, receiver, point, x, at);
            double fdError = GradientChecks.relativeError(gradient, fd);
            double fdTolerance = c.floats ? FLOAT_FD_TOLERANCE : GradientChecks.FD_TOLERANCE;
            assertTrue(c.stopped || fdError < fdTolerance, at + ": gradient " + Arrays.toString(gradient)
                    + " vs central differences " + Arrays.toString(fd) + ", relative error " + fdError);

            if (c.twin != null) {
                checkTwin(c, point, value, gradient, at);
            }
            if (c.closedForm != null) {
                double[] closed = c.closedForm.at(point);
                double selfCheck = GradientChecks.relativeError(closed, fd);
                assertTrue(c.stopped || selfCheck < fdTolerance, at + ": TEST BUG, closed form "
                        + Arrays.toString(closed) + " vs central differences " + Arrays.toString(fd));
                double error = GradientChecks.relativeError(gradient, closed);
                assertTrue(error < (c.floats ? FLOAT_TWIN_TOLERANCE : TWIN_TOLERANCE), at + ": gradient "
                        + Arrays.toString(gradient) + " vs closed form " + Arrays.toString(closed)
                        + ", relative error " + error);
            }

            scribble(c, resultType, reused, at);
            Object[] intoArgs = append(withReceiver(receiver, point), reused);
            double intoValue = ((Number) invoke(into, null, intoArgs, at + ": into overload")).doubleValue();
            GradientChecks.assertExactly(value, intoValue, at + ": into overload's value");
            GradientChecks.assertExactly(at + ": into overload (result reused across points)", gradient,
                    gradient(c, resultType, reused, at));

            scribble(c, resultType, seeded, at);
            Object[] pullbackArgs = append(append(withReceiver(receiver, point), SEED), seeded);
            double pullbackValue = ((Number) invoke(pullback, null, pullbackArgs, at + ": pullback")).doubleValue();
            GradientChecks.assertExactly(value, pullbackValue, at + ": pullback's value");
            double[] scaled = gradient.clone();
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] *= SEED;
            }
            double[] vjp = gradient(c, resultType, seeded, at);
            assertTrue(Arrays.deepEquals(before, point), at + ": the into overload or the pullback modified its arguments");
            double seedError = GradientChecks.relativeError(vjp, scaled);
            // A float program rounds seed * partial in float, so its bound is float's.
            assertTrue(seedError < (c.floats ? FLOAT_TWIN_TOLERANCE : 1e-12), at + ": pullback with seed " + SEED + " gave "
                    + Arrays.toString(vjp) + ", expected " + Arrays.toString(scaled));
            checkHandedOut(c, into, resultType, receiver, point, reused, value, gradient, at);
        }
    }

    /**
     * The into overload given, as an array argument, the very array its result handed out as that
     * parameter's gradient, filled with the argument's values: the same value and gradient as
     * at the point itself, and the array left as it was. A sweep that reused it as a buffer while
     * reading it (as {@code f(into.x(), into)} once did) fails here.
     */
    private static void checkHandedOut(GalleryCase c, Method into, Class<?> resultType, Object receiver,
            Object[] point, Object reused, double value, double[] gradient, String at) throws ReflectiveOperationException {
        for (int q = 0; q < point.length; q++) {
            String name = c.differentiated[q];
            if (name == null || !point[q].getClass().isArray()) {
                continue;
            }
            Object handed = invoke(resultType.getMethod(name), reused, new Object[0], at);
            fill(handed, point[q]);
            Object[] args = point.clone();
            args[q] = handed;
            String what = at + ": into overload given " + name + "() filled with " + name;
            double v = ((Number) invoke(into, null, append(withReceiver(receiver, args), reused), what)).doubleValue();
            assertTrue(Arrays.deepEquals(new Object[] {point[q]}, new Object[] {handed}), what + ": the argument changed");
            GradientChecks.assertExactly(value, v, what + ": value");
            GradientChecks.assertExactly(what, gradient, gradient(c, resultType, reused, at));
        }
    }

    /** Copies the values of {@code from} into {@code to}, an array (or matrix) of the same shape. */
    private static void fill(Object to, Object from) {
        if (to instanceof double[][] m) {
            for (int r = 0; r < m.length; r++) {
                System.arraycopy(((double[][]) from)[r], 0, m[r], 0, m[r].length);
            }
        } else {
            System.arraycopy(from, 0, to, 0, java.lang.reflect.Array.getLength(to));
        }
    }

    private static void checkTwin(GalleryCase c, Object[] point, double value, double[] gradient, String at) {
        GalleryDs in = new GalleryDs(point, c.differentiated);
        DerivativeStructure y = c.twin.at(in);
        double[] reference = new double[in.variables()];
        for (int k = 0; k < reference.length; k++) {
            int[] orders = new int[reference.length];
            orders[k] = 1;
            reference[k] = y.getPartialDerivative(orders);
        }
        double tolerance = c.floats ? FLOAT_TWIN_TOLERANCE : TWIN_TOLERANCE;
        double valueError = Math.abs(value - y.getValue()) / Math.max(1.0, Math.abs(y.getValue()));
        assertTrue(valueError < tolerance, at + ": TEST BUG or wrong value: value " + value
                + " vs twin " + y.getValue());
        double error = GradientChecks.relativeError(gradient, reference);
        assertTrue(error < tolerance, at + ": gradient " + Arrays.toString(gradient)
                + " vs DerivativeStructure twin " + Arrays.toString(reference) + ", relative error " + error);
    }

    private static double[] central(GalleryCase c, Method plain, Object receiver, Object[] point,
            double[] x, String at) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double h = (c.floats ? FLOAT_FD_STEP : 1e-6) * Math.max(1.0, Math.abs(x[i]));
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += h;
            minus[i] -= h;
            Object[] argsPlus = unflatten(c, point, plus);
            Object[] argsMinus = unflatten(c, point, minus);
            // Divide by the step the arguments actually took (a float rounds it).
            double taken = flatDifferentiated(c, argsPlus)[i] - flatDifferentiated(c, argsMinus)[i];
            g[i] = (plainValue(plain, receiver, argsPlus, at) - plainValue(plain, receiver, argsMinus, at)) / taken;
        }
        return g;
    }

    private static double plainValue(Method plain, Object receiver, Object[] args, String at) {
        return ((Number) invoke(plain, receiver, args, at + ": plain method")).doubleValue();
    }

    /**
     * Writes NaN into every gradient array a reused result handed out, as a caller scaling a gradient
     * in place would: the next call must write each element again, not count on what it left there.
     */
    private static void scribble(GalleryCase c, Class<?> resultType, Object result, String at) {
        for (String name : c.differentiated) {
            if (name == null) {
                continue;
            }
            Object g;
            try {
                g = invoke(resultType.getMethod(name), result, new Object[0], at);
            } catch (NoSuchMethodException e) {
                continue; // gradient() reports it
            }
            if (g instanceof double[] d) {
                Arrays.fill(d, Double.NaN);
            } else if (g instanceof float[] f) {
                Arrays.fill(f, Float.NaN);
            } else if (g instanceof double[][] m) {
                for (double[] row : m) {
                    if (row != null) {
                        Arrays.fill(row, Double.NaN);
                    }
                }
            }
        }
    }

    static double[] gradient(GalleryCase c, Class<?> resultType, Object result, String at) {
        List<double[]> parts = new ArrayList<>();
        for (String name : c.differentiated) {
            if (name != null) {
                try {
                    parts.add(flatten(invoke(resultType.getMethod(name), result, new Object[0], at)));
                } catch (NoSuchMethodException e) {
                    fail(at + ": the result has no accessor " + name + "()");
                }
            }
        }
        return concat(parts);
    }

    static double[] flatDifferentiated(GalleryCase c, Object[] args) {
        List<double[]> parts = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (c.differentiated[i] != null) {
                parts.add(flatten(args[i]));
            }
        }
        return concat(parts);
    }

    /** The arguments with the differentiated ones replaced, in order, from {@code x}. */
    static Object[] unflatten(GalleryCase c, Object[] args, double[] x) {
        Object[] out = deepCopy(args);
        int k = 0;
        for (int i = 0; i < args.length; i++) {
            if (c.differentiated[i] == null) {
                continue;
            }
            Object a = args[i];
            if (a instanceof Double) {
                out[i] = x[k++];
            } else if (a instanceof Float) {
                out[i] = (float) x[k++];
            } else if (a instanceof double[] v) {
                double[] o = new double[v.length];
                for (int j = 0; j < v.length; j++) {
                    o[j] = x[k++];
                }
                out[i] = o;
            } else if (a instanceof float[] v) {
                float[] o = new float[v.length];
                for (int j = 0; j < v.length; j++) {
                    o[j] = (float) x[k++];
                }
                out[i] = o;
            } else {
                double[][] m = (double[][]) a;
                double[][] o = new double[m.length][];
                for (int r = 0; r < m.length; r++) {
                    o[r] = new double[m[r].length];
                    for (int j = 0; j < m[r].length; j++) {
                        o[r][j] = x[k++];
                    }
                }
                out[i] = o;
            }
        }
        return out;
    }

    static int size(Object a) {
        return flatten(a).length;
    }

    static double[] flatten(Object a) {
        if (a instanceof Number n) {
            return new double[] {n.doubleValue()};
        }
        if (a instanceof double[] v) {
            return v.clone();
        }
        if (a instanceof float[] v) {
            double[] o = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                o[i] = v[i];
            }
            return o;
        }
        if (a instanceof double[][] m) {
            List<double[]> rows = new ArrayList<>(Arrays.asList(m));
            return concat(rows);
        }
        throw new IllegalArgumentException("cannot differentiate a " + a);
    }

    private static double[] concat(List<double[]> parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] out = new double[n];
        int k = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, k, p.length);
            k += p.length;
        }
        return out;
    }

    static Object[] deepCopy(Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof double[] v) {
                out[i] = v.clone();
            } else if (out[i] instanceof float[] v) {
                out[i] = v.clone();
            } else if (out[i] instanceof int[] v) {
                out[i] = v.clone();
            } else if (out[i] instanceof boolean[] v) {
                out[i] = v.clone();
            } else if (out[i] instanceof double[][] m) {
                double[][] o = new double[m.length][];
                for (int r = 0; r < m.length; r++) {
                    o[r] = m[r].clone();
                }
                out[i] = o;
            }
        }
        return out;
    }

    /** The arguments themselves, not copies: a companion that writes into them must show. */
    static Object[] withReceiver(Object receiver, Object[] args) {
        if (receiver == null) {
            return args.clone();
        }
        Object[] out = new Object[args.length + 1];
        out[0] = receiver;
        System.arraycopy(args, 0, out, 1, args.length);
        return out;
    }

    static Object[] append(Object[] args, Object last) {
        Object[] out = Arrays.copyOf(args, args.length + 1);
        out[args.length] = last;
        return out;
    }

    static Method plainMethod(Class<?> fixture, String name) {
        Method found = null;
        for (Method m : fixture.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                if (found != null) {
                    fail(fixture.getName() + " has two methods named " + name + "; gallery names are unique");
                }
                found = m;
            }
        }
        if (found == null) {
            fail(fixture.getName() + " has no method " + name);
        }
        found.setAccessible(true);
        return found;
    }

    static Object construct(Class<?> fixture, Object[] args) throws ReflectiveOperationException {
        for (Constructor<?> k : fixture.getDeclaredConstructors()) {
            if (k.getParameterCount() == args.length) {
                k.setAccessible(true);
                return k.newInstance(args);
            }
        }
        throw new NoSuchMethodException(fixture.getName() + " has no constructor with " + args.length + " parameters");
    }

    static Object invoke(Method m, Object receiver, Object[] args, String what) {
        try {
            return m.invoke(receiver, args);
        } catch (InvocationTargetException e) {
            throw new AssertionError(what + " threw " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new AssertionError(what + ": " + e, e);
        }
    }

    static String describe(Object[] args) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Object a = args[i];
            if (a instanceof double[] v) {
                sb.append(Arrays.toString(v));
            } else if (a instanceof float[] v) {
                sb.append(Arrays.toString(v));
            } else if (a instanceof int[] v) {
                sb.append(Arrays.toString(v));
            } else if (a instanceof boolean[] v) {
                sb.append(Arrays.toString(v));
            } else if (a instanceof double[][] m) {
                sb.append(Arrays.deepToString(m));
            } else {
                sb.append(a);
            }
        }
        return sb.append(')').toString();
    }
}
