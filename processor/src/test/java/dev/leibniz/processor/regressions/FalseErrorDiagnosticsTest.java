package dev.leibniz.processor.regressions;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.leibniz.processor.LeibnizProcessor;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 8's misleading errors: a typo gets javac's own "cannot find symbol" and nothing from
 * Leibniz (defect 16), and code that truly cannot be supported gets an error that says what
 * to do (defects 7, 13 and 15).
 */
class FalseErrorDiagnosticsTest {

    /** A class p.C holding {@code members}, which start on line 4. */
    private static JavaFileObject source(String members) {
        return JavaFileObjects.forSourceString("p.C", String.join("\n",
                "package p;",
                "import dev.leibniz.Differentiable;",
                "class C {",
                members,
                "}"));
    }

    private static Compilation compile(JavaFileObject source) {
        return javac().withProcessors(new LeibnizProcessor())
                .withOptions("-Xlint:all", "-Xlint:-processing", "-Werror").compile(source);
    }

    /** Errors from the user's source and from generated companions, which must never be broken. */
    private static void assertNoBrokenCompanion(Compilation c) {
        for (Diagnostic<? extends JavaFileObject> d : c.errors()) {
            String file = d.getSource() == null ? "" : d.getSource().getName();
            assertFalse(file.endsWith("Grad.java"), "a generated companion does not compile: " + d);
            assertFalse(d.getMessage(null).contains("failed internally"), "the processor crashed: " + d);
        }
    }

    // ---- 16: typos ----------------------------------------------------------------------------

    /**
     * Each body has one typo on line 5. The only error is javac's "cannot find symbol" there:
     * Leibniz reports nothing (its errors would stop javac before javac names the typo).
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "return Math.tanhh(x);",
        "double sum = 0; sum += x; summ += x; return sum;",
        "double y = x * x; return yy * 2;",
        "return 2 * undefinedHelper(x);",
        "Pointt p = null; return x * x;",
        "return x * Math.PII;",
        "double[] v = new double[2]; return x * v[0] + java.util.Arrayz.hashCode(v);",
    })
    void aTypoGetsJavacsErrorAndNoneOfLeibniz(String body) {
        JavaFileObject src = source("    @Differentiable static double f(double x) {\n        " + body + "\n    }");
        Compilation c = compile(src);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("cannot find symbol").inFile(src).onLine(5);
        for (Diagnostic<? extends JavaFileObject> d : c.errors()) {
            assertTrue(d.getMessage(null).contains("cannot find symbol"), "an error other than javac's: " + d);
        }
        assertNoBrokenCompanion(c);
    }

    /** A caller of the misspelled method gets no error of Leibniz either: javac's is the one to fix. */
    @Test
    void aCallerOfAMethodWithATypoGetsNoLeibnizError() {
        JavaFileObject src = source("""
                    @Differentiable static double g(double x) { return 3 * f(x); }
                    @Differentiable static double f(double x) {
                        return Math.tanhh(x);
                    }""");
        Compilation c = compile(src);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("cannot find symbol").inFile(src).onLine(6);
        assertEquals(1, c.errors().size(), () -> "only javac's error: " + c.errors());
    }

    /** Names that do resolve (enclosing class members, static imports, qualified names) are no typos. */
    @Test
    void namesThatResolveAreNotTakenForTypos() {
        JavaFileObject src = JavaFileObjects.forSourceString("p.Box", """
                package p;
                import dev.leibniz.Differentiable;
                import static java.lang.Math.*;
                class Box<T> {
                    static final double K = 2.0;
                    T tag;
                    static class Inner {
                        @Differentiable
                        static double f(double x) {
                            java.util.Random r = new java.util.Random(1);
                            double c = r.nextDouble() + K + Box.K + PI;
                            Thread.State s = Thread.State.NEW;
                            return c * sin(x) + (s == Thread.State.NEW ? x : 0);
                        }
                    }
                }
                """);
        Compilation c = compile(src);
        assertThat(c).succeededWithoutWarnings();
        assertThat(c).generatedSourceFile("p.Box_InnerGrad");
    }

    /** Writes p.Gen in the first round, so Leibniz, running in that round too, cannot see it. */
    @javax.annotation.processing.SupportedAnnotationTypes("*")
    static final class GeneratesALaterType extends javax.annotation.processing.AbstractProcessor {
        private boolean done;

        @Override
        public javax.lang.model.SourceVersion getSupportedSourceVersion() {
            return javax.lang.model.SourceVersion.latestSupported();
        }

        @Override
        public boolean process(java.util.Set<? extends javax.lang.model.element.TypeElement> annotations,
                javax.annotation.processing.RoundEnvironment round) {
            if (!done) {
                done = true;
                try (java.io.Writer w = processingEnv.getFiler().createSourceFile("p.Gen").openWriter()) {
                    w.write("package p; final class Gen { private Gen() {} static final double K = 3.0; }");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return false;
        }
    }

    /**
     * A name Leibniz cannot resolve but javac can (here a type another processor writes later)
     * must not leave the derivative silently missing: once javac has resolved it, it is an error.
     */
    @Test
    void aNameOnlyJavacResolvesIsStillAnError() {
        JavaFileObject src = source("    @Differentiable static double f(double x) {\n        return Gen.K * x;\n    }");
        // First: a processor for "*" is only asked while some annotation is unclaimed, and Leibniz claims its own.
        Compilation c = javac().withProcessors(new GeneratesALaterType(), new LeibnizProcessor()).compile(src);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("Leibniz could not resolve 'Gen.K'").inFile(src).onLine(5);
        assertThat(c).hadErrorContaining("wrote no derivative for 'f'");
    }

    /** outer.new Inner() names Inner relative to outer's class: not a typo, but Leibniz's own error. */
    @Test
    void qualifiedInnerClassCreationKeepsItsOwnError() {
        JavaFileObject src = JavaFileObjects.forSourceString("p.C", """
                package p;
                import dev.leibniz.Differentiable;
                class C {
                    @Differentiable static double f(double x, q.Outer o) {
                        Object i = o.new Inner();
                        return i == null ? 0 : x;
                    }
                }
                """);
        JavaFileObject outer = JavaFileObjects.forSourceString("q.Outer",
                "package q; public class Outer { public class Inner {} }");
        Compilation c = javac().withProcessors(new LeibnizProcessor()).compile(src, outer);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("qualified inner-class creation is not supported").inFile(src).onLine(5);
    }

    // ---- 7: an inner class reading its enclosing instance ------------------------------------

    /** The companion only has the Inner receiver, and Java source cannot reach its enclosing Outer. */
    @Test
    void innerClassReadingAnOuterFieldSaysWhatToDo() {
        JavaFileObject src = JavaFileObjects.forSourceString("p.Outer", """
                package p;
                import dev.leibniz.Differentiable;
                class Outer {
                    double k = 2.0;
                    double scale() { return 3.0; }
                    @Differentiable double g(double x) { return k * x; }
                    class Inner {
                        double own = 1.5;
                        @Differentiable double f(double x) { return k * x * x; }
                        @Differentiable double h(double x) { return scale() * x; }
                        @Differentiable double u(double x) { return g(x) * x; }
                        @Differentiable double ok(double x) { return own * x * x; }
                    }
                }
                """);
        Compilation c = compile(src);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("'k' belongs to the enclosing Outer instance").inFile(src).onLine(9);
        assertThat(c).hadErrorContaining("pass its value as a parameter, or keep a copy in a field of Inner")
                .inFile(src).onLine(9);
        assertThat(c).hadErrorContaining("'scale' belongs to the enclosing Outer instance").inFile(src).onLine(10);
        assertThat(c).hadErrorContaining("'g' belongs to the enclosing Outer instance").inFile(src).onLine(11);
        assertEquals(3, c.errors().size(), () -> "ok(x) reads Inner's own field and compiles: " + c.errors());
        assertNoBrokenCompanion(c);
    }

    /** Reading the inner class's own field stays fine, and the companion compiles cleanly. */
    @Test
    void innerClassReadingItsOwnFieldCompiles() {
        Compilation c = compile(JavaFileObjects.forSourceString("p.Outer", """
                package p;
                import dev.leibniz.Differentiable;
                class Outer {
                    double k = 2.0;
                    class Inner {
                        double own = 1.5;
                        @Differentiable double ok(double x) { return own * x * x; }
                    }
                }
                """));
        assertThat(c).succeededWithoutWarnings();
        assertThat(c).generatedSourceFile("p.Outer_InnerGrad").contentsAsUtf8String().contains("self.own");
    }

    // ---- 15: a record whose accessor is written by hand ----------------------------------------

    /** The hand-written accessor may differ from the field, so Leibniz neither guesses nor says "package-private". */
    @Test
    void recordComponentWithAHandWrittenAccessorSaysWhatToDo() {
        JavaFileObject src = JavaFileObjects.forSourceString("p.R", """
                package p;
                import dev.leibniz.Differentiable;
                record R(double mu, double sigma) {
                    public double sigma() { return 2 * sigma; }
                    @Differentiable double z(double x) { return (x - mu) / sigma; }
                    @Differentiable double ok(double x) { return (x - mu) / sigma(); }
                }
                """);
        Compilation c = compile(src);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("the record component 'sigma' is private, and its accessor is written by hand")
                .inFile(src).onLine(5);
        assertEquals(1, c.errors().size(), () -> "mu (implicit accessor) and sigma() are fine: " + c.errors());
        for (Diagnostic<? extends JavaFileObject> d : c.errors()) {
            assertFalse(d.getMessage(null).contains("package-private"), "a record cannot do that: " + d);
        }
    }

    /** A private field read through an object used to give a companion that did not compile. */
    @Test
    void privateFieldReadThroughAnObjectSaysWhatToDo() {
        JavaFileObject src = source("""
                    static final class P { private double w = Math.random(); }
                    @Differentiable static double g(P p, double x) {
                        return p.w * x;
                    }""");
        Compilation c = compile(src);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("the private field 'w' cannot be read from the generated companion class")
                .inFile(src).onLine(6);
        assertNoBrokenCompanion(c);
    }

    // ---- objects that depend on a differentiated parameter --------------------------------------

    /**
     * A call differentiates none of its object inputs: one built from a differentiated value would
     * silently lose its derivative, so it is an error (the argument ones became reachable with the
     * fix for defects 13, 18 and 19; the receiver one was silently wrong before).
     */
    @Test
    void objectsThatDependOnADifferentiatedParameterAreAnErrorNotALostDerivative() {
        JavaFileObject src = source("""
                    static final class Point { final double x; Point(double x) { this.x = x; } }
                    static final class Model {
                        final double w;
                        Model(double w) { this.w = w; }
                        @Differentiable double predict(double x) { return w * x * x; }
                    }
                    @Differentiable static double d(Point p, double c) { return (p.x - c) * (p.x - c); }
                    @Differentiable static double t(double x, String tag) { return tag.length() * x; }
                    @Differentiable static double f(double x, double c) {
                        Point p = new Point(x);
                        return d(p, c);
                    }
                    @Differentiable static double g(double x) { return t(x, "v" + x); }
                    @Differentiable static double h(double w, double x) {
                        Model m = new Model(w);
                        return m.predict(x);
                    }""");
        Compilation c = compile(src);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("'C.d' gets its argument 'p', an object that depends on the differentiated "
                + "parameter x").inFile(src).onLine(14);
        assertThat(c).hadErrorContaining("pass the numbers it holds as double parameters instead").inFile(src).onLine(14);
        assertThat(c).hadErrorContaining("'C.t' gets its argument 'tag', an object that depends on the differentiated "
                + "parameter x").inFile(src).onLine(16);
        assertThat(c).hadErrorContaining("'Model.predict' gets the object it is called on, an object that depends on "
                + "the differentiated parameter w").inFile(src).onLine(19);
        assertEquals(3, c.errors().size(), () -> "one error per call: " + c.errors());
        assertNoBrokenCompanion(c);
    }

    // ---- 13: an object made inside a loop and passed to a call ---------------------------------

    /** The tape saves each iteration's object for the reverse sweep; CompileRegressionsTest checks the numbers. */
    @Test
    void objectsMadeInALoopArePassedToCalls() {
        JavaFileObject src = source("""
                    static final class Point { final double x; Point(double x) { this.x = x; } }
                    @Differentiable static double d(Point p, double c) { return (p.x - c) * (p.x - c); }
                    @Differentiable static double total(Point[] pts, double c) {
                        double s = 0;
                        for (int i = 0; i < pts.length; i++) {
                            Point p = pts[i];
                            s += d(p, c);
                        }
                        return s;
                    }""");
        assertThat(compile(src)).succeededWithoutWarnings();
        JavaFileObject onReceiver = source("""
                    static final class Model {
                        final double w;
                        Model(double w) { this.w = w; }
                        @Differentiable double predict(double x) { return w * x * x; }
                    }
                    @Differentiable static double ens(Model[] ms, double x) {
                        double s = 0;
                        for (int k = 0; k < ms.length; k++) {
                            s += ms[k].predict(x);
                        }
                        return s;
                    }""");
        assertThat(compile(onReceiver)).succeededWithoutWarnings();
    }
}
