package dev.leibniz.processor.transform;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.leibniz.processor.testing.GradientChecks.assertCentral;
import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;
import static dev.leibniz.processor.testing.GradientChecks.vector;
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
    private record Compiled(Class<?> plain, Class<?> companion) {}

    private static Compiled compile(String methods) {
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

    private static Method only(Class<?> type, String name, int arity) {
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

    private static Object call(Method m, Object receiver, Object... args) {
        try {
            return m.invoke(receiver, args);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        } catch (InvocationTargetException e) {
            throw new AssertionError("the call threw: " + e.getCause(), e.getCause());
        }
    }

    /** Deep copies, so that no call can see what another did to an argument array. */
    private static Object[] copy(Object[] args) {
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

    private static boolean differentiated(Class<?> t) {
        return t == double.class || t == double[].class || t == double[][].class;
    }

    /** The gradient the companion reports, flattened in parameter order. */
    private static double[] gradient(Object result, Method plain) {
        List<Object> parts = new ArrayList<>();
        for (Parameter p : plain.getParameters()) {
            if (differentiated(p.getType())) {
                parts.add(call(only(result.getClass(), p.getName(), 0), result));
            }
        }
        return Packing.flat(parts.toArray());
    }

    /**
     * Checks {@code method} at {@code args}: {@code value()} is the plain method's result, the
     * gradient agrees with central differences (and with {@code closedForm} unless it is null),
     * and a second and third call through the same result object give the same numbers.
     */
    private static void check(Compiled c, String method, double[] closedForm, Object... args) {
        Method plain = only(c.plain(), method, args.length);
        Method fresh = only(c.companion(), method, args.length);
        Method into = only(c.companion(), method, args.length + 1);
        Object result = call(fresh, null, copy(args));
        double[] g = gradient(result, plain);
        double expectedValue = (Double) call(plain, null, copy(args));
        assertExactly(expectedValue, (Double) call(only(result.getClass(), "value", 0), result), method + ": value()");

        List<Object> point = new ArrayList<>();
        Class<?>[] types = plain.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            if (differentiated(types[i])) {
                point.add(args[i]);
            }
        }
        String what = method + " " + java.util.Arrays.deepToString(args);
        assertCentral(what, p -> {
            Packing.Reader in = new Packing.Reader(p);
            Object[] a = copy(args);
            for (int i = 0; i < a.length; i++) {
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
        // Reusing the result object reuses its workspace: tape and buffers must start clean.
        for (int round = 0; round < 2; round++) {
            Object[] a = copy(args);
            a = java.util.Arrays.copyOf(a, a.length + 1);
            a[args.length] = result;
            call(into, null, a);
            assertExactly(what + ", call " + (round + 2) + " through the same result", g, gradient(result, plain));
        }
    }

    // ---- programs ---------------------------------------------------------------------------

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
