package dev.leibniz.processor.diag;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.leibniz.processor.LeibnizProcessor;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A call without a derivative that may write into an array whose values reach the result is an
 * error on that call, never a gradient that silently ignores the write; reading calls are fine.
 */
class ArrayWriteErrorsTest {

    /** The members start on line 5. */
    private static JavaFileObject source(String members) {
        return JavaFileObjects.forSourceString("p.C", String.join("\n",
                "package p;",
                "import dev.leibniz.Differentiable;",
                "import java.util.Arrays;",
                "class C {",
                members,
                "}"));
    }

    private static Compilation compile(String members) {
        return javac().withProcessors(new LeibnizProcessor()).withOptions("-Xlint:all", "-Werror")
                .compile(source(members));
    }

    private static void assertError(String members, long line, String message) {
        Compilation c = compile(members);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining(message).inFile(source(members)).onLine(line);
        for (Diagnostic<? extends JavaFileObject> d : c.errors()) {
            if (d.getSource() != null && d.getSource().getName().endsWith("Grad.java")) {
                throw new AssertionError("the generated companion does not compile: " + d);
            }
        }
    }

    @Test
    void sortIsRefusedWithAnExplicitLoopSuggested() {
        assertError("""
                    @Differentiable static double smallest(double[] x) {
                        double[] y = x.clone();
                        Arrays.sort(y);
                        return y[0];
                    }""", 7, "Sort with an explicit loop instead");
    }

    @Test
    void anUnknownMethodWritingALocalArray() {
        assertError("""
                    static void scale(double[] a) { for (int i = 0; i < a.length; i++) a[i] *= 2; }
                    @Differentiable static double f(double[] x) {
                        double[] y = new double[x.length];
                        for (int i = 0; i < x.length; i++) y[i] = x[i];
                        scale(y);
                        return y[0] * y[1];
                    }""", 9, "'scale(y)' may write into the array 'y', whose values reach the result");
    }

    @Test
    void aRowOfAMatrixHandedToAWritingCall() {
        assertError("""
                    @Differentiable static double f(double[][] w) {
                        double[][] y = new double[2][2];
                        y[0][0] = w[0][0];
                        Arrays.fill(y[1], 3.0);
                        return y[0][0] * y[1][1];
                    }""", 8, "may write into the array 'y'");
    }

    @Test
    void anUnknownMethodWritingAParameterArray() {
        assertError("""
                    @Differentiable static double f(double[] x) {
                        Arrays.sort(x);
                        return x[0];
                    }""", 6, "'Arrays.sort(x)' may write into the array 'x'");
    }

    @Test
    void readingCallsAndArraysThatDoNotReachTheResultAreFine() {
        Compilation c = compile("""
                    @Differentiable static double f(double[] x) {
                        double[] y = x.clone();
                        System.out.println(Arrays.toString(y) + x[0]);
                        double[] scratch = new double[3];
                        Arrays.sort(scratch);
                        Arrays.sort(y.clone());
                        return y[0] * y[0];
                    }""");
        assertThat(c).succeededWithoutWarnings();
    }

    @Test
    void writingThroughARowIsRefused() {
        assertError("""
                    @Differentiable static double f(double[][] w) {
                        double[][] m = new double[2][2];
                        double[] row = m[0];
                        row[1] = w[0][0];
                        return m[0][1];
                    }""", 8, "is a row of a matrix, which Leibniz keeps read-only; write through the matrix itself");
    }

    @Test
    void aRowWhoseIndexTheLoopChangesIsRefused() {
        assertError("""
                    @Differentiable static double f(double[][] w) {
                        double s = 0;
                        int r = 0;
                        while (r < w.length) {
                            double[] row = w[r];
                            s += row[0] * row[0];
                            r += 2;
                        }
                        return s;
                    }""", 9, "the index of this row changes inside the loop");
    }

    @Test
    void aMatrixWrittenAfterTheCallSawItIsRefused() {
        assertError("""
                    @Differentiable static double total(double[][] a) { return a[0][0] + a[1][0]; }
                    @Differentiable static double f(double[] x) {
                        double[][] t = new double[2][1];
                        double s = 0;
                        for (int i = 0; i < x.length; i++) {
                            t[0][0] = x[i];
                            s += total(t);
                        }
                        return s;
                    }""", 11, "the matrix 't' is passed to 'C.total' and written again afterwards (line 10)");
    }

    @Test
    void aProcedureMayNotWriteIntoAParameterOfAMethodThatReturnsAValue() {
        assertError("""
                    @Differentiable static void twice(double[] x, double[] out) { out[0] = 2 * x[0]; }
                    @Differentiable static double f(double[] x, double[] y) {
                        twice(x, y);
                        return y[0];
                    }""", 7, "'C.twice' writes into its parameter 'out', and 'y' is a parameter of this method");
    }

    @Test
    void aProcedureMayNotWriteIntoARowOfAParameter() {
        assertError("""
                    @Differentiable static void twice(double[] x, double[] out) { out[0] = 2 * x[0]; }
                    @Differentiable static void g(double[] x, double[][] m) {
                        twice(x, m[0]);
                    }""", 7, "'m[0]' is a row of a parameter of this method");
    }

    @Test
    void anArrayAProcedureWritesMayNotAlsoBeItsInput() {
        assertError("""
                    @Differentiable static void twice(double[] x, double[] out) { out[0] = 2 * x[0]; }
                    @Differentiable static double f(double[] x) {
                        double[] y = x.clone();
                        twice(y, y);
                        return y[0];
                    }""", 8, "'y' is also passed as 'x'; pass a copy for one of them");
    }

    @Test
    void aChoiceBetweenArraysMayNotBeWritten() {
        assertError("""
                    @Differentiable static double f(double[] a, double[] b, double x) {
                        double[] r = x > 0 ? a : b;
                        r[0] = x;
                        return r[0] * r[1];
                    }""", 6, "Java makes this choice an alias of the array chosen, and it is written later (line 7)");
    }

    @Test
    void theArraysAChoiceChoseBetweenMayNotChangeAfterwards() {
        assertError("""
                    @Differentiable static double f(double[] a, double x) {
                        double[] b = new double[2];
                        double[] r = x > 0 ? a : b;
                        b[0] = x;
                        return r[0] * r[1];
                    }""", 7, "the arrays this chooses between are written after it chose (line 8)");
    }

    @Test
    void writingIntoAnArrayACallReturnedIsRefusedWhenItMayBeAnArgument() {
        assertError("""
                    @Differentiable static double[] same(double[] x) { return x; }
                    @Differentiable static double f(double[] x) {
                        double[] y = same(x);
                        y[0] *= 2.0;
                        return y[0] * y[0] + x[0];
                    }""", 8, "'y' is what 'same' returned, which may be one of its arguments (Java shares arrays)");
    }

    @Test
    void writingIntoARowACallReturnedIsRefused() {
        assertError("""
                    @Differentiable static double[] first(double[][] m) { double[] r = m[0]; return r; }
                    @Differentiable static void twice(double[] x, double[] out) { out[0] = 2 * x[0]; }
                    @Differentiable static double f(double[][] m, double[] x) {
                        double[] y = first(m);
                        twice(x, y);
                        return y[0];
                    }""", 9, "'y' is what 'first' returned");
    }

    @Test
    void aProcedureThatCallsItselfIsRefused() {
        assertError("""
                    @Differentiable static void halve(double[] v, int n) {
                        v[0] = v[0] / 2;
                        if (n > 0) {
                            halve(v, n - 1);
                        }
                    }""", 8, "a procedure cannot call itself");
    }

    @Test
    void aNestedChoiceBetweenArraysAsksForTheInnerOneToBeNamed() {
        assertError("""
                    @Differentiable static double f(double[] a, double[] b, double[] c, int k) {
                        double[] t = k == 0 ? a : k == 1 ? b : c;
                        return t[0];
                    }""", 6, "choose between two arrays at a time: name the inner choice first");
    }
}
