package dev.leibniz.processor.calls;

import dev.leibniz.processor.testing.GradientChecks;
import dev.leibniz.processor.testing.Packing;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;
import static dev.leibniz.processor.testing.GradientChecks.assertGradient;
import static dev.leibniz.processor.testing.GradientChecks.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.leibniz.Differentiable;
import dev.leibniz.processor.LeibnizProcessor;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library compiled earlier (its class files on the classpath, its source gone) whose
 * {@code @Differentiable} methods a client's {@code @Differentiable} method calls: the client's
 * companion calls the library's companion, found on the classpath. Without that companion the
 * call is a compile error that says so.
 */
class CompiledEarlierTest {

    private static final JavaFileObject LIBRARY = JavaFileObjects.forSourceString("lib.Curves",
            """
            package lib;

            import dev.leibniz.Differentiable;

            public final class Curves {
                private Curves() {}

                /** exp(-x^2 / w). */
                @Differentiable
                public static double bump(double x, double w) {
                    return Math.exp(-x * x / w);
                }

                /** k * sum of x[i]^2, through a call inside the library. */
                @Differentiable
                public static double energy(double[] x, double k) {
                    double s = 0.0;
                    for (int i = 0; i < x.length; i++) {
                        s += square(x[i]);
                    }
                    return k * s;
                }

                @Differentiable
                static double square(double u) {
                    return u * u;
                }
            }
            """);

    /** The first call to the library sits on line 14. */
    private static final JavaFileObject CLIENT = JavaFileObjects.forSourceString("app.Model",
            """
            package app;

            import dev.leibniz.Differentiable;
            import lib.Curves;

            public final class Model {
                private Model() {}

                /** sum over i of bump(a xs[i], b) + energy(xs, a). */
                @Differentiable
                public static double fit(double a, double b, double[] xs) {
                    double s = 0.0;
                    for (int i = 0; i < xs.length; i++) {
                        s += Curves.bump(a * xs[i], b);
                    }
                    return s + Curves.energy(xs, a);
                }
            }
            """);

    /** Where dev.leibniz.Differentiable was loaded from: the runtime's classes or jar. */
    static File runtimeClasses() {
        try {
            return new File(Differentiable.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The library's output dir and the runtime first, then the test's own classpath. */
    static List<File> classpath(Path library) {
        List<File> cp = new ArrayList<>();
        cp.add(library.toFile());
        cp.add(runtimeClasses());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                cp.add(new File(entry));
            }
        }
        return cp;
    }

    private static Compilation compileLibrary(String... moreOptions) {
        List<String> options = new ArrayList<>(List.of("-Xlint:all", "-Xlint:-processing",
                "-Werror"));
        options.addAll(List.of(moreOptions));
        Compilation library = javac().withProcessors(new LeibnizProcessor())
                .withOptions(options)
                .withClasspath(List.of(runtimeClasses())).compile(LIBRARY);
        assertThat(library).succeededWithoutWarnings();
        assertThat(library).generatedSourceFile("lib.CurvesGrad");
        return library;
    }

    /**
     * Writes the compilation's class files under their binary names below {@code dir}, keeping
     * those whose binary name passes {@code keep}; returns the binary names written.
     */
    static List<String> writeClasses(Compilation c, Path dir, Predicate<String> keep)
            throws IOException {
        List<String> written = new ArrayList<>();
        for (JavaFileObject f : c.generatedFiles()) {
            if (f.getKind() != JavaFileObject.Kind.CLASS) {
                continue;
            }
            String path = f.toUri().getPath(); // /CLASS_OUTPUT/lib/CurvesGrad$BumpGradient.class
            String marker = "/CLASS_OUTPUT/";
            int at = path.indexOf(marker);
            assertTrue(at >= 0, "unexpected class output location " + f.toUri());
            String relative = path.substring(at + marker.length());
            String binary = relative.substring(0, relative.length() - ".class".length())
                    .replace('/', '.');
            if (!keep.test(binary)) {
                continue;
            }
            Path out = dir.resolve(relative);
            Files.createDirectories(out.getParent());
            try (InputStream in = f.openInputStream()) {
                Files.write(out, in.readAllBytes());
            }
            written.add(binary);
        }
        return written;
    }

    static Object call(Method m, Object target, Object... args) {
        try {
            return m.invoke(target, args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(m + " threw", e.getCause());
        }
    }

    static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The library compiled as javac and Maven compile by default, without {@code -parameters}:
     * its class files do not keep parameter names.
     */
    @Test
    void clientCallsALibraryCompiledEarlier(@TempDir Path libraryDir, @TempDir Path clientDir)
            throws Exception {
        checkClient(compileLibrary(), libraryDir, clientDir);
    }

    /** The same with the library's parameter names kept in its class files. */
    @Test
    void clientCallsALibraryCompiledEarlierWithParameterNames(@TempDir Path libraryDir,
            @TempDir Path clientDir) throws Exception {
        checkClient(compileLibrary("-parameters"), libraryDir, clientDir);
    }

    private void checkClient(Compilation compiledLibrary, Path libraryDir, Path clientDir)
            throws Exception {
        List<String> library = writeClasses(compiledLibrary, libraryDir, name -> true);
        assertTrue(library.contains("lib.Curves") && library.contains("lib.CurvesGrad"),
                "library class files: " + library);

        Compilation client = javac().withProcessors(new LeibnizProcessor())
                .withOptions("-Xlint:all", "-Xlint:-processing", "-Werror")
                .withClasspath(classpath(libraryDir)).compile(CLIENT);
        assertThat(client).succeededWithoutWarnings();
        assertThat(client).generatedSourceFile("app.ModelGrad").contentsAsUtf8String()
                .contains("lib.CurvesGrad.bumpPullback(");
        List<String> written = writeClasses(client, clientDir, name -> true);
        assertTrue(written.contains("app.ModelGrad"), "client class files: " + written);

        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {url(clientDir), url(libraryDir)}, getClass().getClassLoader())) {
            Class<?> model = loader.loadClass("app.Model");
            Class<?> companion = loader.loadClass("app.ModelGrad");
            Class<?> result = loader.loadClass("app.ModelGrad$FitGradient");
            assertEquals(loader, companion.getClassLoader(), "the companion comes from the client");
            Method plain = model.getMethod("fit", double.class, double.class, double[].class);
            Method grad = companion.getMethod("fit", double.class, double.class, double[].class);
            Method value = result.getMethod("value");
            Method da = result.getMethod("a");
            Method db = result.getMethod("b");
            Method dxs = result.getMethod("xs");

            for (double[] ab : new double[][] {{0.7, 1.5}, {-1.2, 0.4}, {2.0, 3.0}}) {
                double a = ab[0];
                double b = ab[1];
                double[] xs = vector(0.3, -0.8, 1.1);
                Object g = call(grad, null, a, b, xs);
                // Closed form: bump(u, w) = e^(-u^2/w), energy = a sum xs^2.
                double sumSquares = 0.0;
                double gradA = 0.0;
                double gradB = 0.0;
                double[] gradXs = new double[xs.length];
                for (int i = 0; i < xs.length; i++) {
                    double u = a * xs[i];
                    double e = Math.exp(-u * u / b);
                    sumSquares += xs[i] * xs[i];
                    gradA += e * (-2.0 * u / b) * xs[i];
                    gradB += e * (u * u / (b * b));
                    gradXs[i] = e * (-2.0 * u / b) * a + 2.0 * a * xs[i];
                }
                gradA += sumSquares;
                assertGradient("client fit through the library at a=" + a + ", b=" + b, p -> {
                    var in = new Packing.Reader(p);
                    return (Double) call(plain, null, in.scalar(), in.scalar(), in.vector(xs));
                }, Packing.flat(a, b, xs), (Double) call(value, g),
                        Packing.flat((Double) call(da, g), (Double) call(db, g),
                                (double[]) call(dxs, g)),
                        Packing.flat(gradA, gradB, gradXs));
                assertExactly("the argument array is untouched", vector(0.3, -0.8, 1.1), xs);
            }
        }
    }

    @Test
    void libraryWithoutItsCompanionIsACompileError(@TempDir Path libraryDir) throws Exception {
        List<String> library = writeClasses(compileLibrary(), libraryDir,
                name -> !name.startsWith("lib.CurvesGrad"));
        assertEquals(List.of("lib.Curves"), library);

        Compilation client = javac().withProcessors(new LeibnizProcessor())
                .withClasspath(classpath(libraryDir)).compile(CLIENT);
        assertThat(client).failed();
        assertThat(client).hadErrorContaining("companion").inFile(CLIENT).onLine(14);
        assertThat(client).hadErrorContaining("lib.CurvesGrad");
        for (Diagnostic<? extends JavaFileObject> d : client.errors()) {
            String message = d.getMessage(null);
            assertFalse(message.contains("failed internally")
                    || message.contains("threw an uncaught exception"),
                    "the processor crashed: " + message);
            String file = d.getSource() == null ? "" : d.getSource().getName();
            assertFalse(file.endsWith("Grad.java"), "a generated companion does not compile: " + d);
        }
    }

    private static final JavaFileObject RULE_LIBRARY = JavaFileObjects.forSourceString("lib.Soft",
            """
            package lib;

            import dev.leibniz.DerivativeOf;

            public final class Soft {
                private Soft() {}

                public static double softplus(double z) {
                    return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
                }

                @DerivativeOf("softplus")
                public static double softplusPullback(double z, double seed) {
                    return seed / (1 + Math.exp(-z));
                }
            }
            """);

    private static final JavaFileObject RULE_CLIENT = JavaFileObjects.forSourceString("app.UsesRule",
            """
            package app;

            import dev.leibniz.Differentiable;

            public final class UsesRule {
                private UsesRule() {}

                @Differentiable
                public static double f(double x) {
                    return 3 * lib.Soft.softplus(x * x);
                }
            }
            """);

    @Test
    void aRuleBesideItsMethodInALibraryCompiledEarlierIsUsed(@TempDir Path libraryDir, @TempDir Path clientDir)
            throws Exception {
        Compilation lib = javac().withProcessors(new LeibnizProcessor()).compile(RULE_LIBRARY);
        assertThat(lib).succeeded();
        writeClasses(lib, libraryDir, name -> true);
        Compilation client = javac().withProcessors(new LeibnizProcessor())
                .withOptions("-Xlint:all", "-Xlint:-processing", "-Werror")
                .withClasspath(classpath(libraryDir)).compile(RULE_CLIENT);
        assertThat(client).succeededWithoutWarnings();
        assertThat(client).generatedSourceFile("app.UsesRuleGrad").contentsAsUtf8String()
                .contains("lib.Soft.softplusPullback(");
        writeClasses(client, clientDir, name -> true);
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {url(clientDir), url(libraryDir)}, getClass().getClassLoader())) {
            Method grad = loader.loadClass("app.UsesRuleGrad").getMethod("f", double.class);
            Method dx = loader.loadClass("app.UsesRuleGrad$FGradient").getMethod("x");
            for (double x : new double[] {-1.3, 0.2, 2.0}) {
                double sigmoid = 1 / (1 + Math.exp(-x * x));
                assertClose("3 softplus(x^2) through the library's rule at " + x, 3 * sigmoid * 2 * x,
                        ((Double) call(dx, call(grad, null, x))).doubleValue());
            }
        }
    }
}
