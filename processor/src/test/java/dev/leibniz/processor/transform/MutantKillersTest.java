package dev.leibniz.processor.transform;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.leibniz.processor.testing.GradientChecks.assertCentral;
import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;
import static dev.leibniz.processor.testing.GradientChecks.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.leibniz.processor.LeibnizProcessor;
import dev.leibniz.processor.testing.Packing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Programs that kill mutants of the code deciding what the reverse sweep saves, reloads,
 * recomputes and resets (docs/MUTATION.md). Unlike the fixture tests, which check companions
 * javac generated at test-compile time, each test here runs the processor while the test runs, so
 * a processor changed by PIT is the one whose output is checked. Every gradient is compared with
 * central differences of the plain method (and, where one is easy to write, a closed form), and
 * is computed twice through the same result object, because a tape or buffer that a mutant leaves
 * dirty shows only on the second call.
 */
class MutantKillersTest {

    /** The user's class and its companion, compiled in this test's JVM by the current processor. */
    record Compiled(Class<?> plain, Class<?> companion) {}

    static Compiled compile(String methods) {
        Compilation c = javac().withProcessors(new LeibnizProcessor())
                .withOptions("-Xlint:all", "-Xlint:-processing", "-Werror", "-parameters")
                .compile(JavaFileObjects.forSourceString("p.C", "package p;\nimport dev.leibniz.Differentiable;\n"
                        + "class C {\n" + methods + "\n}"));
        assertThat(c).succeededWithoutWarnings();
        Map<String, byte[]> classes = new HashMap<>();
        for (JavaFileObject f : c.generatedFiles()) {
            if (f.getKind() != JavaFileObject.Kind.CLASS) {
                continue;
            }
            String path = f.toUri().getPath();
            String name = path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length(),
                    path.length() - ".class".length()).replace('/', '.');
            try (InputStream in = f.openInputStream()) {
                classes.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ClassLoader loader = new ClassLoader(MutantKillersTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] b = classes.get(name);
                if (b == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, b, 0, b.length);
            }
        };
        try {
            return new Compiled(loader.loadClass("p.C"), loader.loadClass("p.CGrad"));
        } catch (ClassNotFoundException e) {
            throw new AssertionError("not generated: " + e.getMessage() + " among " + classes.keySet(), e);
        }
    }

    /** The companion's source, for the few properties of what is saved that no number shows. */
    static String generatedSource(String methods) throws IOException {
        Compilation c = javac().withProcessors(new LeibnizProcessor())
                .withOptions("-Xlint:all", "-Xlint:-processing", "-Werror")
                .compile(JavaFileObjects.forSourceString("p.C", "package p;\nimport dev.leibniz.Differentiable;\n"
                        + "class C {\n" + methods + "\n}"));
        assertThat(c).succeededWithoutWarnings();
        return c.generatedSourceFile("p.CGrad").orElseThrow().getCharContent(true).toString();
    }

    static Method only(Class<?> type, String name, int arity) {
        Method found = null;
        for (Method m : type.getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == arity) {
                assertTrue(found == null, "one method " + name + " with " + arity + " parameters");
                found = m;
            }
        }
        assertTrue(found != null, "no method " + name + " in " + type);
        found.setAccessible(true);
        return found;
    }

    static Object call(Method m, Object receiver, Object... args) {
        try {
            return m.invoke(receiver, args);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        } catch (InvocationTargetException e) {
            throw new AssertionError("the call threw: " + e.getCause(), e.getCause());
        }
    }

    /** Deep copies, so that no call can see what another did to an argument array. */
    static Object[] copy(Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof double[] v) {
                out[i] = v.clone();
            } else if (out[i] instanceof double[][] m) {
                out[i] = Packing.copy(m);
            }
        }
        return out;
    }

    /**
     * Which parameters are differentiated: those the result type has an accessor for (every
     * floating parameter, unless {@code wrt} names fewer).
     */
    static boolean[] differentiated(Class<?> result, Method plain) {
        Parameter[] ps = plain.getParameters();
        boolean[] out = new boolean[ps.length];
        for (int i = 0; i < ps.length; i++) {
            try {
                result.getMethod(ps[i].getName());
                out[i] = true;
            } catch (NoSuchMethodException e) {
                out[i] = false;
            }
        }
        return out;
    }

    /** The gradient the companion reports, flattened in parameter order. */
    static double[] gradient(Object result, Method plain, boolean[] wrt) {
        List<Object> parts = new ArrayList<>();
        Parameter[] ps = plain.getParameters();
        for (int i = 0; i < ps.length; i++) {
            if (wrt[i]) {
                parts.add(call(only(result.getClass(), ps[i].getName(), 0), result));
            }
        }
        return Packing.flat(parts.toArray());
    }

    /**
     * Checks {@code method} at {@code args}: {@code value()} is the plain method's result, the
     * gradient agrees with central differences (and with {@code closedForm} unless it is null),
     * and a second and third call through the same result object, its arrays scribbled on in
     * between, give the same numbers.
     */
    static void check(Compiled c, String method, double[] closedForm, Object... args) {
        Method plain = only(c.plain(), method, args.length);
        Method fresh = only(c.companion(), method, args.length);
        Method into = only(c.companion(), method, args.length + 1);
        Object result = call(fresh, null, copy(args));
        boolean[] wrt = differentiated(result.getClass(), plain);
        double[] g = gradient(result, plain, wrt);
        double expectedValue = (Double) call(plain, null, copy(args));
        assertExactly(expectedValue, (Double) call(only(result.getClass(), "value", 0), result), method + ": value()");

        List<Object> point = new ArrayList<>();
        Class<?>[] types = plain.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            if (wrt[i]) {
                point.add(args[i]);
            }
        }
        String what = method + " " + java.util.Arrays.deepToString(args);
        assertCentral(what, p -> {
            Packing.Reader in = new Packing.Reader(p);
            Object[] a = copy(args);
            for (int i = 0; i < a.length; i++) {
                if (!wrt[i]) {
                    continue;
                }
                if (types[i] == double.class) {
                    a[i] = in.scalar();
                } else if (types[i] == double[].class) {
                    a[i] = in.vector((double[]) args[i]);
                } else if (types[i] == double[][].class) {
                    a[i] = in.matrix((double[][]) args[i]);
                }
            }
            return (Double) call(plain, null, a);
        }, Packing.flat(point.toArray()), g);
        if (closedForm != null) {
            assertClose(what + " vs closed form", closedForm, g);
        }
        // Reusing the result object reuses its workspace: tape and buffers must start clean, and every
        // element of the arrays it handed out must be written again (a caller may have changed them).
        for (int round = 0; round < 2; round++) {
            scribble(result, plain, wrt);
            Object[] a = copy(args);
            a = java.util.Arrays.copyOf(a, a.length + 1);
            a[args.length] = result;
            call(into, null, a);
            assertExactly(what + ", call " + (round + 2) + " through the same result", g, gradient(result, plain, wrt));
        }
    }

    /**
     * Writes NaN into every gradient array the result handed out, as a caller may (an optimiser
     * scaling the gradient in place): the next call through the result must overwrite or zero
     * every element, not count on what its last call left there.
     */
    static void scribble(Object result, Method plain, boolean[] wrt) {
        for (int i = 0; i < wrt.length; i++) {
            if (wrt[i]) {
                Object g = call(only(result.getClass(), plain.getParameters()[i].getName(), 0), result);
                if (g instanceof double[] d) {
                    java.util.Arrays.fill(d, Double.NaN);
                } else if (g instanceof float[] f) {
                    java.util.Arrays.fill(f, Float.NaN);
                } else if (g instanceof double[][] m) {
                    for (double[] row : m) {
                        java.util.Arrays.fill(row, Double.NaN);
                    }
                }
            }
        }
    }

    // ---- programs ---------------------------------------------------------------------------

    /**
     * Variation that reaches a value only on a later pass of the activity fixpoint: through an
     * array element written at the end of one iteration and read back in the next, into a
     * variable used at the top of the iteration after that.
     */
    @Test
    void variationThroughAnArrayAcrossIterations() {
        Compiled c = compile("""
                @Differentiable static double f(double[] x, double a) {
                    double[] buf = new double[1];
                    double s = 0;
                    double t = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += t * t;
                        t = buf[0];
                        buf[0] = x[i] * a;
                    }
                    return s;
                }""");
        double[] x = vector(0.4, -1.3, 0.8, 1.1);
        double a = 0.7;
        // s = sum over i >= 2 of (a x_{i-2})^2
        double[] expected = new double[x.length + 1];
        for (int k = 0; k + 2 < x.length; k++) {
            expected[k] = 2 * a * a * x[k];
            expected[x.length] += 2 * a * x[k] * x[k];
        }
        check(c, "f", expected, x, a);
    }

    /**
     * The same for a value without a derivative passed to a differentiable call, and put into a
     * string, when neither result reaches the result.
     */
    @Test
    void callAndObjectResultsThatNeverReachTheResultMayUseAValueWithoutDerivative() {
        Compiled c = compile("""
                @Differentiable static double sq(double u) {
                    return u * u;
                }

                @Differentiable static double f(double x, double y) {
                    double b = Math.copySign(y, -1.0);
                    double unused = sq(b);
                    String label = "b = " + b;
                    if (unused > 1e300 || label.isEmpty()) {
                        System.out.println(label);
                    }
                    return x * x * y;
                }""");
        check(c, "f", vector(2 * 0.7 * 1.3, 0.7 * 0.7), 0.7, 1.3);
    }

    /**
     * A value without a derivative (Math.copySign has no rule) stored into a local array that is
     * read, but never reaches the result: nothing about it is useful, so it is no error
     * (README, "Errors": only a value that reaches the result is). Activity must not mark the
     * array or the value useful just because a load or a store touches them.
     */
    @Test
    void arrayThatNeverReachesTheResultMayHoldAValueWithoutDerivative() {
        Compiled c = compile("""
                @Differentiable static double f(double x, double y) {
                    double[] log = new double[2];
                    log[0] = Math.copySign(y, -1.0);
                    double seen = log[0];
                    if (seen > 1e300) {
                        System.out.println(seen);
                    }
                    return x * x * y;
                }""");
        check(c, "f", vector(2 * 0.7 * 1.3, 0.7 * 0.7), 0.7, 1.3);
    }

    /** A local array made inside a branch: its adjoint outlives the branch for the reverse sweep. */
    @Test
    void arrayMadeInsideABranch() {
        Compiled c = compile("""
                @Differentiable static double f(double[] x, double a) {
                    double s = 0;
                    if (a > 0) {
                        double[] t = new double[x.length];
                        for (int i = 0; i < x.length; i++) {
                            t[i] = x[i] * a;
                        }
                        for (int i = 0; i < x.length; i++) {
                            s += t[i] * t[i];
                        }
                    }
                    return s;
                }""");
        double[] x = vector(0.4, -1.3, 0.8);
        double a = 0.7;
        // f = a^2 |x|^2 for a > 0, else 0
        double norm = x[0] * x[0] + x[1] * x[1] + x[2] * x[2];
        check(c, "f", vector(2 * a * a * x[0], 2 * a * a * x[1], 2 * a * a * x[2], 2 * a * norm), x, a);
        check(c, "f", vector(0, 0, 0, 0), x, -a);
    }

    /**
     * A branch in a loop whose steps all compute constants (from an array that is not
     * differentiated, through a step, a load and a call) has no reverse code, so its decision is
     * not recorded: the forward sweep saves nothing (README, "Saved values": nothing but what a
     * derivative reads is saved; "Only active values get adjoints").
     */
    @Test
    void branchesThatComputeOnlyConstantsAreNotRecorded() throws IOException {
        String methods = """
                @Differentiable static double bump(double u, double w) {
                    return Math.exp(-u * u / w);
                }

                @Differentiable(wrt = "x")
                static double f(double[] x, double[] c) {
                    double s = 0;
                    double k = 0;
                    for (int i = 0; i < x.length; i++) {
                        if (c[i] > 0) {
                            k += Math.exp(c[i]);
                        } else {
                            k += bump(c[i], 2.0);
                        }
                        s += x[i] * x[i];
                    }
                    return s + k;
                }""";
        Compiled c = compile(methods);
        double[] x = vector(0.4, -1.3, 0.8);
        double[] consts = vector(0.5, -0.25, 1.5);
        check(c, "f", vector(2 * x[0], 2 * x[1], 2 * x[2]), x, consts);
        String source = generatedSource(methods);
        String pullback = source.substring(source.indexOf(" fPullback("));
        assertEquals(-1, pullback.indexOf("tape.push("), "nothing to save: " + pullback);
    }

    /** The same for a carried variable overwritten by a call's result: the call consumes its adjoint. */
    @Test
    void carriedVariableOverwrittenByACallHasItsAdjointReset() {
        Compiled c = compile("""
                @Differentiable static double bump(double u, double w) {
                    return Math.exp(-u * u / w);
                }

                @Differentiable static double f(double[] x, double w) {
                    double t = 0;
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        t = bump(x[i], w);
                        s += t * t;
                    }
                    return s + t;
                }""");
        double[] x = vector(0.4, -1.3, 0.8);
        double w = 1.7;
        // t_i = e^(-x_i^2/w): f = sum t_i^2 + t_last
        double[] expected = new double[x.length + 1];
        for (int i = 0; i < x.length; i++) {
            double t = Math.exp(-x[i] * x[i] / w);
            double outer = 2 * t + (i == x.length - 1 ? 1 : 0);
            expected[i] = outer * t * (-2 * x[i] / w);
            expected[x.length] += outer * t * (x[i] * x[i] / (w * w));
        }
        check(c, "f", expected, x, w);
    }

    /**
     * A loop-body variable assigned twice in one iteration, the second time from other values:
     * the second assignment consumes the adjoint of the second value, which must be reset before
     * the first value's uses add theirs.
     */
    @Test
    void secondAssignmentInOneIterationResetsTheAdjoint() {
        Compiled c = compile("""
                @Differentiable static double f(double[] x, double a) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        double u = x[i] * a;
                        double w = u * u;
                        u = Math.sin(w);
                        s += u * w;
                    }
                    return s;
                }""");
        double[] x = vector(0.4, -1.3, 0.8);
        double a = 0.7;
        // per element: w = (a x)^2, term = w sin w, d term/dw = sin w + w cos w
        double[] expected = new double[x.length + 1];
        for (int i = 0; i < x.length; i++) {
            double w = a * x[i] * a * x[i];
            double dw = Math.sin(w) + w * Math.cos(w);
            expected[i] = dw * 2 * a * a * x[i];
            expected[x.length] += dw * 2 * a * x[i] * x[i];
        }
        check(c, "f", expected, x, a);
    }

    /** Two local arrays live at once: each needs its own buffer in the workspace. */
    @Test
    void twoLocalArraysLiveAtOnce() {
        Compiled c = compile("""
                @Differentiable static double f(double[] x) {
                    double[] p = new double[x.length];
                    double[] q = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        p[i] = Math.sin(x[i]);
                        q[i] = x[i] * x[i];
                    }
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += p[i] * q[i];
                    }
                    return s;
                }""");
        double[] x = vector(0.4, -1.3, 0.8);
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = Math.cos(x[i]) * x[i] * x[i] + Math.sin(x[i]) * 2 * x[i];
        }
        check(c, "f", expected, (Object) x);
    }

    /**
     * A variable the loop carries, overwritten by an array element: the element's load consumes
     * the adjoint, which must then be reset, whether the array is differentiated or not, or the
     * earlier iterations' uses would receive it a second time.
     */
    @Test
    void carriedVariableOverwrittenByAnElementHasItsAdjointReset() {
        Compiled c = compile("""
                @Differentiable static double f(double[] x, double a) {
                    double t = 0;
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        t = x[i];
                        s += t * t * a;
                    }
                    return s + t;
                }

                @Differentiable(wrt = "a")
                static double g(double[] c, double a) {
                    double t = a;
                    double s = 0;
                    for (int i = 0; i < c.length; i++) {
                        s += t * t;
                        t = c[i];
                    }
                    return s + t * a;
                }""");
        double[] x = vector(0.4, -1.3, 0.8);
        double a = 0.7;
        // f = a sum x_i^2 + x_last: df/dx_i = 2 a x_i (+1 for the last), df/da = sum x_i^2
        double[] expected = {2 * a * x[0], 2 * a * x[1], 2 * a * x[2] + 1, x[0] * x[0] + x[1] * x[1] + x[2] * x[2]};
        check(c, "f", expected, x, a);
        // g = a^2 + c_0^2 + ... + c_{n-2}^2 + c_{n-1} a: dg/da = 2a + c_{n-1}; t's adjoint from the
        // return reaches only c's last element, never a
        check(c, "g", vector(2 * a + x[2]), x, a);
    }

    /** The exponential reads its own result, which the loop overwrites: saved just after the step. */
    @Test
    void resultReadByItsOwnDerivativeIsSavedAfterTheStep() {
        Compiled c = compile("""
                @Differentiable static double f(double[] x, double a) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        double e = Math.exp(a * x[i]);
                        s += e * x[i];
                    }
                    return s;
                }""");
        double[] x = vector(0.3, -0.7, 1.1);
        double a = 0.8;
        // s = sum x_i e^(a x_i): ds/dx_i = e^(a x_i) (1 + a x_i), ds/da = sum x_i^2 e^(a x_i)
        double[] expected = new double[x.length + 1];
        for (int i = 0; i < x.length; i++) {
            double e = Math.exp(a * x[i]);
            expected[i] = e * (1 + a * x[i]);
            expected[x.length] += x[i] * x[i] * e;
        }
        check(c, "f", expected, x, a);
    }

    /** A value computed before the loop is read in place; an index the loop steps is saved. */
    @Test
    void whileLoopIndexIsNotRebuilt() {
        Compiled c = compile("""
                @Differentiable static double f(double[] x, double a) {
                    double k = Math.cos(a);
                    double s = 0;
                    int i = 0;
                    while (i < x.length) {
                        s += k * Math.sin(x[i]) * x[i];
                        i += 1;
                    }
                    return s;
                }""");
        double[] x = vector(0.4, -1.3, 2.2, 0.1);
        double a = 0.6;
        double[] expected = new double[x.length + 1];
        for (int i = 0; i < x.length; i++) {
            expected[i] = Math.cos(a) * (Math.cos(x[i]) * x[i] + Math.sin(x[i]));
            expected[x.length] += -Math.sin(a) * Math.sin(x[i]) * x[i];
        }
        check(c, "f", expected, x, a);
    }

    /** Counted loops with a start from a parameter, a start computed once, and steps other than 1. */
    @Test
    void countedLoopsWithOtherStartsAndStepsRebuildTheirIndex() {
        Compiled c = compile("""
                @Differentiable static double f(double[] x, int k) {
                    double s = 0;
                    for (int i = k; i < x.length; i += 2) {
                        s += x[i] * x[i] * x[i];
                    }
                    int last = x.length - 1;
                    for (int i = last; i >= k; i -= 3) {
                        s += Math.cos(x[i]) * x[i];
                    }
                    for (int i = 2; i < x.length; i++) {
                        s += Math.sin(x[i - 1]) * x[i - 2];
                    }
                    return s;
                }""");
        double[] x = vector(0.4, -1.3, 2.2, 0.1, 0.9, -0.5, 1.7);
        check(c, "f", null, x, 1);
        check(c, "f", null, x, 0);
    }

    /**
     * An inner loop starting where a variable the outer loop overwrites says: the reverse sweep
     * cannot compute that start again, so the inner index is not rebuilt from it.
     */
    @Test
    void innerLoopStartingAtAValueTheOuterLoopOverwrites() {
        Compiled c = compile("""
                @Differentiable static double f(double[] x) {
                    double s = 0;
                    int k = 0;
                    for (int i = 0; i < x.length; i++) {
                        for (int j = k; j < x.length; j++) {
                            s += x[i] * Math.sin(x[j]);
                        }
                        k += 1;
                    }
                    for (int i = 0; i < x.length; i++) {
                        for (int j = i; j < x.length; j += 2) {
                            s += Math.cos(x[i] * x[j]);
                        }
                    }
                    return s;
                }""");
        check(c, "f", null, (Object) vector(0.4, -1.3, 0.8, 0.25, -0.6));
    }

    /** A variable assigned in the loop, and assigned twice in one iteration: its adjoint is reset. */
    @Test
    void reassignedVariablesHaveTheirAdjointsReset() {
        Compiled c = compile("""
                @Differentiable static double f(double[] x, double a) {
                    double t = 0;
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        t = x[i] * a;
                        s += t * t;
                        double u = x[i] + a;
                        u = Math.sin(u) * u;
                        s += u;
                    }
                    return s + t;
                }""");
        check(c, "f", null, vector(0.4, -1.3, 0.8), 0.7);
    }

    /** A branch in the loop joins two definitions (a phi); a branch around a loop hoists its values. */
    @Test
    void branchesInsideAndAroundLoops() {
        Compiled c = compile("""
                @Differentiable static double f(double[] x, double a) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        double v;
                        if (x[i] > 0) {
                            v = x[i] * x[i] * a;
                        } else {
                            v = Math.exp(x[i]) * 3;
                        }
                        s += v * x[i];
                    }
                    if (a > 0) {
                        double w = Math.sqrt(a);
                        for (int i = 0; i < x.length; i++) {
                            s += w * x[i] * Math.tanh(x[i]);
                        }
                    }
                    return s;
                }""");
        check(c, "f", null, vector(0.4, -1.3, 0.8, -0.2), 0.7);
        check(c, "f", null, vector(0.4, -1.3, 0.8, -0.2), -0.7);
    }

    /** Neighbouring elements, an index computed in the loop, and a local array written and read back. */
    @Test
    void computedIndicesAndLocalArrays() {
        Compiled c = compile("""
                @Differentiable static double f(double[] x, double a) {
                    double[] buf = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        buf[i] = Math.sin(x[i] * a);
                    }
                    double s = 0;
                    for (int i = 0; i + 1 < x.length; i++) {
                        int j = x.length - 1 - i;
                        s += buf[i] * buf[j] * x[i + 1];
                    }
                    return s;
                }""");
        check(c, "f", null, vector(0.4, -1.3, 0.8, -0.2, 1.1), 0.7);
    }

    /** A matrix: its rows and elements are loaded again from the parameter, at rebuilt indices. */
    @Test
    void matrixVectorProductThroughANonlinearity() {
        Compiled c = compile("""
                @Differentiable static double f(double[][] w, double[] x) {
                    double s = 0;
                    for (int i = 0; i < w.length; i++) {
                        double z = 0;
                        for (int j = 0; j < x.length; j++) {
                            z += w[i][j] * x[j];
                        }
                        s += Math.tanh(z) * z;
                    }
                    return s;
                }""");
        double[][] w = {{0.5, -0.2, 0.1}, {1.2, 0.3, -0.7}};
        double[] x = vector(0.9, -0.4, 0.6);
        check(c, "f", null, w, x);
    }

    /** Data-dependent trip counts: a Newton iteration, and loops left by break, continue and return. */
    @Test
    void dataDependentTripsAndEarlyExits() {
        Compiled c = compile("""
                @Differentiable static double newton(double a) {
                    double r = a;
                    int n = 0;
                    do {
                        r = 0.5 * (r + a / r);
                        n++;
                    } while (n < 30 && Math.abs(r * r - a) > 1e-15 * a);
                    return r;
                }

                @Differentiable static double exits(double[] x, double a) {
                    double s = 0;
                    outer:
                    for (int i = 0; i < x.length; i++) {
                        for (int j = 0; j < x.length; j++) {
                            if (x[j] < -1) {
                                continue outer;
                            }
                            if (j > i) {
                                break;
                            }
                            s += Math.sin(x[i] * x[j] * a);
                            if (s > 2.5) {
                                return s * a;
                            }
                        }
                    }
                    return s;
                }""");
        check(c, "newton", vector(0.5 / Math.sqrt(2.0)), 2.0);
        check(c, "exits", null, vector(0.4, -1.3, 0.8, -0.2, 1.1), 0.7);
        check(c, "exits", null, vector(0.9, 1.3, 0.8, 1.2, 1.1), 1.5);
    }

    /** A call inside a loop: its arguments are read again in the reverse sweep. */
    @Test
    void callsInsideLoops() {
        Compiled c = compile("""
                @Differentiable static double bump(double u, double w) {
                    return Math.exp(-u * u / w);
                }

                @Differentiable static double f(double[] x, double w) {
                    double s = 0;
                    double u = 0;
                    for (int i = 0; i < x.length; i++) {
                        u = u * 0.5 + x[i];
                        s += bump(u, w) * x[i];
                    }
                    return s;
                }""");
        check(c, "f", null, vector(0.4, -1.3, 0.8, -0.2), 1.7);
    }

    @Test
    void loopCarriedProductSavesTheOldProduct() {
        Compiled c = compile("""
                @Differentiable static double f(double[] x) {
                    double p = 1;
                    for (int i = 0; i < x.length; i++) {
                        p *= x[i];
                    }
                    return p;
                }""");
        double[] x = vector(1.5, -0.5, 2.0, 0.75);
        double all = 1.5 * -0.5 * 2.0 * 0.75;
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = all / x[i]; // no zero in x
        }
        check(c, "f", expected, (Object) x);
    }
}
