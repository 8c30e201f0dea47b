package dev.leibniz.processor.calls;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.leibniz.processor.testing.GradientChecks.assertGradient;
import static dev.leibniz.processor.testing.GradientChecks.vector;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.leibniz.processor.LeibnizProcessor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, defect 14: a library compiled earlier whose nested class a client reaches through
 * the imported outer class ({@code import lib.Act; ... Act.Inner.sq(x)}), as Java allows. It used
 * to be refused; only the fully qualified {@code lib.Act.Inner.sq(x)} worked.
 */
class NestedLibraryClassTest {

    private static final JavaFileObject LIBRARY = JavaFileObjects.forSourceString("lib.Act", """
            package lib;

            import dev.leibniz.Differentiable;

            public final class Act {
                private Act() {}

                public static final class Inner {
                    private Inner() {}

                    /** x^2 sin x. */
                    @Differentiable
                    public static double sq(double x) {
                        return x * x * Math.sin(x);
                    }
                }
            }
            """);

    private static final JavaFileObject CLIENT = JavaFileObjects.forSourceString("app.Use", """
            package app;

            import dev.leibniz.Differentiable;
            import lib.Act;

            public final class Use {
                private Use() {}

                @Differentiable
                public static double f(double x) {
                    return 3 * Act.Inner.sq(x);
                }
            }
            """);

    @Test
    void nestedClassOfALibraryReachedThroughItsImportedOuterClass(@TempDir Path libraryDir, @TempDir Path clientDir)
            throws Exception {
        Compilation library = javac().withProcessors(new LeibnizProcessor())
                .withOptions("-Xlint:all", "-Xlint:-processing", "-Werror")
                .withClasspath(List.of(CompiledEarlierTest.runtimeClasses())).compile(LIBRARY);
        assertThat(library).succeededWithoutWarnings();
        CompiledEarlierTest.writeClasses(library, libraryDir, name -> true);

        Compilation client = javac().withProcessors(new LeibnizProcessor())
                .withOptions("-Xlint:all", "-Xlint:-processing", "-Werror")
                .withClasspath(CompiledEarlierTest.classpath(libraryDir)).compile(CLIENT);
        assertThat(client).succeededWithoutWarnings();
        assertThat(client).generatedSourceFile("app.UseGrad").contentsAsUtf8String()
                .contains("lib.Act_InnerGrad.sqPullback(");
        CompiledEarlierTest.writeClasses(client, clientDir, name -> true);

        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {CompiledEarlierTest.url(clientDir), CompiledEarlierTest.url(libraryDir)},
                getClass().getClassLoader())) {
            Method plain = loader.loadClass("app.Use").getMethod("f", double.class);
            Method grad = loader.loadClass("app.UseGrad").getMethod("f", double.class);
            Class<?> result = loader.loadClass("app.UseGrad$FGradient");
            Method value = result.getMethod("value");
            Method dx = result.getMethod("x");
            for (double x : new double[] {-1.3, 0.4, 2.2}) {
                Object g = CompiledEarlierTest.call(grad, null, x);
                assertGradient("3 Act.Inner.sq(x) from a library", p -> (Double) CompiledEarlierTest.call(plain, null, p[0]),
                        vector(x), (Double) CompiledEarlierTest.call(value, g),
                        vector((Double) CompiledEarlierTest.call(dx, g)),
                        vector(3 * (2 * x * Math.sin(x) + x * x * Math.cos(x))));
            }
        }
    }
}
