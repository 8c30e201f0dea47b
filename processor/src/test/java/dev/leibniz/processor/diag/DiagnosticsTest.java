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
 * Every unsupported construct is a compile error on the exact line, saying what to do instead,
 * and never a processor crash or a companion that does not compile.
 */
class DiagnosticsTest {

    /** Wraps a method body (written from line 5 on) in a class. */
    private static JavaFileObject source(String members) {
        return JavaFileObjects.forSourceString("p.C", String.join("\n",
                "package p;",
                "import dev.leibniz.Differentiable;",
                "class C {",
                "    static double counter;",
                members,
                "}"));
    }

    private static Compilation compile(String members) {
        return javac().withProcessors(new LeibnizProcessor()).compile(source(members));
    }

    /** The error is on {@code line}, contains {@code message}, and no companion was left broken. */
    private static void assertError(String members, long line, String message) {
        Compilation c = compile(members);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining(message).inFile(source(members)).onLine(line);
        for (Diagnostic<? extends JavaFileObject> d : c.errors()) {
            String file = d.getSource() == null ? "" : d.getSource().getName();
            if (file.endsWith("Grad.java")) {
                throw new AssertionError("the generated companion does not compile: " + d);
            }
            if (d.getMessage(null).contains("threw an uncaught exception") || d.getMessage(null).contains("failed internally")) {
                throw new AssertionError("the processor crashed: " + d);
            }
        }
    }

    @Test
    void nonDifferentiableCallOnActiveValue() {
        assertError("""
                    @Differentiable static double f(double x, double y) {
                        double bits = Double.doubleToLongBits(y);
                        return x * bits;
                    }""", 6, "'Double.doubleToLongBits(y)' is not differentiable, but it depends on the differentiated parameter y");
    }

    @Test
    void mathFunctionWithoutRule() {
        assertError("""
                    @Differentiable static double f(double x) {
                        return Math.copySign(x, 2.0);
                    }""", 6, "'Math.copySign(x, 2.0)' is not differentiable");
    }

    @Test
    void inactiveNonDifferentiableValueIsAConstant() {
        Compilation c = javac().withProcessors(new LeibnizProcessor()).withOptions("-Xlint:all", "-Werror")
                .compile(source("""
                    @Differentiable static double f(double x) {
                        double noise = new java.util.Random(1).nextDouble();
                        return noise * x + Double.doubleToLongBits(3.0);
                    }"""));
        assertThat(c).succeededWithoutWarnings();
        assertThat(c).generatedSourceFile("p.CGrad").contentsAsUtf8String()
                .contains("double noise = new java.util.Random(1).nextDouble();");
    }

    @Test
    void nonDifferentiableValueThatDoesNotReachTheResultIsAllowed() {
        Compilation c = javac().withProcessors(new LeibnizProcessor()).withOptions("-Xlint:all", "-Werror")
                .compile(source("""
                    @Differentiable static double f(double x) {
                        double bits = Double.doubleToLongBits(x);
                        return x * x;
                    }"""));
        assertThat(c).succeededWithoutWarnings();
    }

    @Test
    void lambda() {
        assertError("""
                    @Differentiable static double f(double x) {
                        java.util.function.DoubleUnaryOperator g = v -> v * x;
                        return x;
                    }""", 6, "lambdas are not supported in a @Differentiable method");
        assertError("""
                    @Differentiable static double f(double x) {
                        return x * java.util.stream.DoubleStream.of(1, 2).map(v -> v * 2).sum();
                    }""", 6, "lambdas are not supported in a @Differentiable method");
    }

    @Test
    void methodReference() {
        assertError("""
                    @Differentiable static double f(double x) {
                        return x * java.util.stream.DoubleStream.of(1, 2).map(Math::abs).sum();
                    }""", 6, "method references are not supported");
    }

    @Test
    void fieldWrite() {
        assertError("""
                    @Differentiable static double f(double x) {
                        counter = x;
                        return x;
                    }""", 6, "a @Differentiable method must not write to fields");
        assertError("""
                    @Differentiable static double f(double x) {
                        counter += x;
                        return x;
                    }""", 6, "a @Differentiable method must not write to fields");
    }

    @Test
    void returnTypeOtherThanDouble() {
        assertError("""
                    @Differentiable static float f(double x) {
                        return (float) x;
                    }""", 5, "a @Differentiable method must return double, not float");
    }

    @Test
    void instanceMethod() {
        assertError("""
                    @Differentiable double f(double x) {
                        return x;
                    }""", 5, "@Differentiable instance methods are not supported yet");
    }

    @Test
    void tryStatement() {
        assertError("""
                    @Differentiable static double f(double x) {
                        try {
                            return x;
                        } finally {
                            counter = 1;
                        }
                    }""", 6, "try is not supported in a @Differentiable method; handle exceptions in the caller");
    }

    @Test
    void switchStatement() {
        assertError("""
                    @Differentiable static double f(double x, int k) {
                        switch (k) {
                            default: return x;
                        }
                    }""", 6, "switch is not supported in a @Differentiable method; use if / else if");
    }

    @Test
    void synchronizedStatement() {
        assertError("""
                    @Differentiable static double f(double x) {
                        synchronized (C.class) {
                            return x;
                        }
                    }""", 6, "synchronized is not supported");
    }

    @Test
    void wrtNamesAMissingParameter() {
        assertError("""
                    @Differentiable(wrt = {"x", "z"}) static double f(double x, double y) {
                        return x * y;
                    }""", 5, "wrt names 'z', but f has no parameter of that name; its parameters are [x, y]");
    }

    @Test
    void wrtNamesANonDifferentiableParameter() {
        assertError("""
                    @Differentiable(wrt = "n") static double f(double x, int n) {
                        return x * n;
                    }""", 5, "wrt names 'n', which cannot be differentiated");
    }

    @Test
    void parameterNamedValue() {
        assertError("""
                    @Differentiable static double f(double value) {
                        return value;
                    }""", 5, "a parameter named 'value' would clash with the gradient's value() accessor");
    }

    @Test
    void overloads() {
        assertError("""
                    @Differentiable static double f(double x) {
                        return x;
                    }
                    @Differentiable static double f(double x, double y) {
                        return x * y;
                    }""", 8, "overloaded @Differentiable methods are not supported yet");
    }

    @Test
    void privateFieldThatIsNotAConstant() {
        assertError("""
                    private static double scale = 2;
                    @Differentiable static double f(double x) {
                        return scale * x;
                    }""", 7, "the private field 'scale' cannot be read from the generated companion class");
    }

    @Test
    void privateConstantIsInlined() {
        Compilation c = javac().withProcessors(new LeibnizProcessor()).withOptions("-Xlint:all", "-Werror")
                .compile(source("""
                    private static final double SCALE = 2.5;
                    @Differentiable static double f(double x) {
                        return SCALE * x;
                    }"""));
        assertThat(c).succeededWithoutWarnings();
        assertThat(c).generatedSourceFile("p.CGrad").contentsAsUtf8String().contains("2.5 * x");
    }

    @Test
    void objectLocalsThatDoNotCarryTheDerivativeAreConstants() {
        Compilation c = javac().withProcessors(new LeibnizProcessor()).withOptions("-Xlint:all", "-Werror")
                .compile(source("""
                    @Differentiable static double f(double x) {
                        java.util.Random rnd = new java.util.Random(42);
                        StringBuilder log = new StringBuilder("x = ").append(x);
                        int length = log.length();
                        double noise = rnd.nextGaussian();
                        return noise * x + length;
                    }"""));
        assertThat(c).succeededWithoutWarnings();
        assertThat(c).generatedSourceFile("p.CGrad").contentsAsUtf8String()
                .contains("java.util.Random rnd = new java.util.Random(42);");
    }

    @Test
    void stringConcatenationInArithmetic() {
        assertError("""
                    @Differentiable static double f(double x) {
                        String s = "x = " + x;
                        return x * s.length();
                    }""", 6, "Leibniz cannot follow a derivative through objects or arrays yet");
    }

    @Test
    void arrayAllocatedInALoop() {
        assertError("""
                    @Differentiable static double f(double[] x) {
                        double s = 0;
                        for (int i = 0; i < x.length; i++) {
                            double[] t = new double[2];
                            t[0] = x[i];
                            s += t[0];
                        }
                        return s;
                    }""", 8, "arrays cannot be allocated inside a loop of a @Differentiable method");
    }

    @Test
    void writeIntoAParameterArray() {
        assertError("""
                    @Differentiable static double f(double[] x) {
                        x[0] = 2 * x[0];
                        return x[0];
                    }""", 6, "a @Differentiable method must not write into an array it was passed; "
                        + "copy it into a local array first");
    }

    @Test
    void arrayAlias() {
        assertError("""
                    @Differentiable static double f(double[] x) {
                        double[] y = x;
                        return y[0];
                    }""", 6, "aliases of other arrays are not supported");
        assertError("""
                    @Differentiable static double f(double[] x) {
                        double[] y = new double[1];
                        y = x;
                        return y[0];
                    }""", 7, "array variables cannot be assigned again");
    }

    @Test
    void derivativeThroughAnObjectIsAnError() {
        assertError("""
                    @Differentiable static double f(double x) {
                        Object[] box = new Object[] {x};
                        return (Double) box[0] * 3;
                    }""", 6, "'new Object[]{x}' puts a value that depends on the differentiated parameter x "
                        + "into an object, and Leibniz cannot follow a derivative through objects or arrays yet");
    }

    @Test
    void objectParameterIsAConstant() {
        Compilation c = javac().withProcessors(new LeibnizProcessor()).withOptions("-Xlint:all", "-Werror")
                .compile(source("""
                    @Differentiable static double f(double x, String label, int[] counts) {
                        return x * label.length() * counts[0];
                    }"""));
        assertThat(c).succeededWithoutWarnings();
        assertError("""
                    @Differentiable(wrt = "label") static double f(double x, String label) {
                        return x;
                    }""", 5, "wrt names 'label', which cannot be differentiated");
    }
}
