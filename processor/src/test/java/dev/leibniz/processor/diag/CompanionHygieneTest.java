package dev.leibniz.processor.diag;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.leibniz.processor.LeibnizProcessor;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The companion adds no diagnostic of its own where it has nothing to add: where the user's code
 * has an error javac reports (a type or name that does not exist), the user sees javac's error
 * alone, never a second copy in CGrad.java; and a companion that compiles does so without a
 * warning under {@code -Xlint:all -Werror}.
 */
class CompanionHygieneTest {

    /** Wraps members (written from line 4 on) in a class p.C next to a method that is fine. */
    private static JavaFileObject source(String members) {
        return JavaFileObjects.forSourceString("p.C", String.join("\n",
                "package p;",
                "import dev.leibniz.Differentiable;",
                "class C {",
                members,
                "    @Differentiable static double fine(double x) {",
                "        return x * x;",
                "    }",
                "}"));
    }

    private static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new LeibnizProcessor()).withOptions("-Xlint:all", "-Werror").compile(sources);
    }

    /**
     * The compilation fails with javac's "cannot find symbol" for {@code symbol} on {@code line}
     * and nothing else: no error of Leibniz's, none in the companion.
     */
    private static void assertOnlyJavacsError(String members, long line, String symbol) {
        JavaFileObject source = source(members);
        Compilation c = compile(source);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("cannot find symbol").inFile(source).onLine(line);
        List<Diagnostic<? extends JavaFileObject>> errors = c.errors();
        assertEquals(1, errors.size(), "javac's error alone: " + errors);
        assertTrue(errors.get(0).getMessage(null).contains(symbol), errors.get(0).getMessage(null));
    }

    @Test
    void unknownParameterType() {
        assertOnlyJavacsError("""
                    @Differentiable static double f(double x, Pnt q) {
                        return x * 2;
                    }""", 4, "Pnt");
    }

    @Test
    void unknownParameterArrayElementType() {
        assertOnlyJavacsError("""
                    @Differentiable static double f(double x, Pnt[] q) {
                        return x * 2;
                    }""", 4, "Pnt");
    }

    @Test
    void unknownReturnType() {
        assertOnlyJavacsError("""
                    @Differentiable static Dbl f(double x) {
                        return x * 2;
                    }""", 4, "Dbl");
    }

    @Test
    void unknownTypeOfALocal() {
        assertOnlyJavacsError("""
                    @Differentiable static double f(double x) {
                        Pnt q = null;
                        return x * 2;
                    }""", 5, "Pnt");
    }

    @Test
    void unknownNameInTheBody() {
        assertOnlyJavacsError("""
                    @Differentiable static double f(double x) {
                        double y = Undef.K * x;
                        return y;
                    }""", 5, "Undef");
    }

    @Test
    void callerOfAMethodWithAnUnknownType() {
        assertOnlyJavacsError("""
                    @Differentiable static double f(double x) {
                        Pnt q = null;
                        return x * 2;
                    }
                    @Differentiable static double g(double x) {
                        return f(x) * x;
                    }""", 5, "Pnt");
    }

    @Test
    void callerOfAMethodWithAnUnknownParameterType() {
        assertOnlyJavacsError("""
                    @Differentiable static double g(double x) {
                        return f(x, null) * x;
                    }
                    @Differentiable static double f(double x, Pnt q) {
                        return x * 2;
                    }""", 7, "Pnt");
    }

    @Test
    void callerOfAMethodWithAnUnknownReturnType() {
        assertOnlyJavacsError("""
                    @Differentiable static double g(double x) {
                        return x * f(x);
                    }
                    @Differentiable static Dbl f(double x) {
                        return x * 2;
                    }""", 7, "Dbl");
    }

    /** A name javac knows and Leibniz cannot resolve is still an error, never a silent gap. */
    @Test
    void aNameOnlyJavacResolvesIsStillReported() {
        JavaFileObject outer = JavaFileObjects.forSourceString("p.Outer",
                "package p;\npublic class Outer {\n    public static class Inner {\n        public double k = 2;\n    }\n}\n");
        JavaFileObject user = JavaFileObjects.forSourceString("p.C", """
                package p;
                import static p.Outer.Inner;
                import dev.leibniz.Differentiable;
                class C {
                    @Differentiable static double f(double x) {
                        Inner q = new Inner();
                        return x * q.k;
                    }
                }""");
        Compilation c = compile(outer, user);
        assertThat(c).failed();
        for (Diagnostic<? extends JavaFileObject> d : c.errors()) {
            assertFalse(d.getSource() != null && d.getSource().getName().endsWith("Grad.java"),
                    "the companion does not compile: " + d);
        }
    }

    /** A record declared in C.java beside C: javac warns wherever another file names it. */
    private static JavaFileObject withAuxiliaryRecord(String members) {
        return JavaFileObjects.forSourceString("p.C", String.join("\n",
                "package p;",
                "import dev.leibniz.Differentiable;",
                "public class C {",
                members,
                "}",
                "record Pt(double k) {",
                "    double scaled(double x) {",
                "        return k * x;",
                "    }",
                "}"));
    }

    @Test
    void auxiliaryClassAsAParameterTypeIsAClearError() {
        JavaFileObject source = withAuxiliaryRecord("""
                    @Differentiable static double f(double x, Pt q) {
                        return x * q.k();
                    }""");
        Compilation c = compile(source);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("move Pt into its own file Pt.java, or make it a static member class")
                .inFile(source).onLine(4);
        assertEquals(1, c.errors().size(), "one error, ours: " + c.diagnostics());
        assertTrue(c.warnings().isEmpty(), "no warning in the companion: " + c.warnings());
    }

    @Test
    void instanceMethodOfAnAuxiliaryClassIsAClearError() {
        JavaFileObject source = JavaFileObjects.forSourceString("p.C", """
                package p;
                import dev.leibniz.Differentiable;
                public class C {
                }
                class Spring {
                    double k = 2;
                    @Differentiable double energy(double x) {
                        return k * x * x;
                    }
                }""");
        Compilation c = compile(source);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("move Spring into its own file Spring.java").inFile(source).onLine(7);
        assertTrue(c.warnings().isEmpty(), "no warning in the companion: " + c.warnings());
    }

    /** Inside method bodies the companion's class-level @SuppressWarnings does hold. */
    @Test
    void auxiliaryClassInTheBodyCompilesWithoutWarnings() {
        Compilation c = compile(withAuxiliaryRecord("""
                    @Differentiable static double f(double x) {
                        Pt q = new Pt(3);
                        return x * q.k() + new Pt(2).scaled(1.5);
                    }"""));
        assertThat(c).succeededWithoutWarnings();
    }
}
