package dev.leibniz.processor.diag;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
                    }""", 5, "a @Differentiable method must return double or double[] (or be void and write into array parameters), not float");
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
                        log.append(", done");
                        double noise = rnd.nextGaussian();
                        if (log.length() > 1000) {
                            noise = 0;
                        }
                        return noise * x;
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
    void returnedArrayMustBeTraceable() {
        assertError("""
                    @Differentiable static double[] f(double[] x) {
                        return x.clone();
                    }""", 6, "return a double[] variable, a new double[] {...} or a call of a double[]-valued "
                        + "@Differentiable method here, so its derivative can be traced");
        assertError("""
                    @Differentiable static double[] f(double[][] x) {
                        return new double[][] {x[0]}[0];
                    }""", 6, "return a double[] variable, a new double[] {...} or a call of a double[]-valued");
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
    @Test
    void instanceMethodsTakeTheReceiverFirst() {
        Compilation c = javac().withProcessors(new LeibnizProcessor()).withOptions("-Xlint:all", "-Werror")
                .compile(source("""
                    double scale = 2;
                    @Differentiable double f(double x) {
                        return scale * x * this.scale;
                    }"""));
        assertThat(c).succeededWithoutWarnings();
        assertThat(c).generatedSourceFile("p.CGrad").contentsAsUtf8String()
                .contains("public static FGradient f(C self, double x)");
    }

    @Test
    void privateFieldOfTheReceiver() {
        assertError("""
                    private double scale = 2;
                    @Differentiable double f(double x) {
                        return scale * x;
                    }""", 7, "the private field 'scale' cannot be read from the generated companion class");
    }

    @Test
    void overloadsGetTypedResultNames() {
        Compilation c = javac().withProcessors(new LeibnizProcessor()).withOptions("-Xlint:all", "-Werror")
                .compile(source("""
                    @Differentiable static double f(double x) {
                        return x * x;
                    }
                    @Differentiable static double f(double x, double[] y) {
                        return x * y[0];
                    }"""));
        assertThat(c).succeededWithoutWarnings();
        assertThat(c).generatedSourceFile("p.CGrad").contentsAsUtf8String().contains("class FDoubleGradient");
        assertThat(c).generatedSourceFile("p.CGrad").contentsAsUtf8String().contains("class FDoubleDoubleArrayGradient");
    }

    @Test
    void callToAMethodWithoutDerivative() {
        assertError("""
                    static double helper(double v) {
                        return v * v;
                    }
                    @Differentiable static double f(double x) {
                        return 2 * helper(x);
                    }""", 9, "Leibniz can differentiate through a call when the method is @Differentiable or has a "
                        + "@DerivativeOf rule");
    }

    @Test
    void ruleWithTheWrongSignatureNamesTheExpectedOne() {
        assertError("""
                    static double sigmoid(double z) {
                        return 1 / (1 + Math.exp(-z));
                    }
                    @dev.leibniz.DerivativeOf("sigmoid")
                    static double sigmoidRule(double z) {
                        return z;
                    }
                    @Differentiable static double f(double x) {
                        return sigmoid(x);
                    }""", 9, "this rule must start with the parameters of C.sigmoid(double); "
                        + "expected: static double sigmoidRule(double z, double seed)");
        assertError("""
                    static double lse(double[] v, double t) {
                        return t * v[0];
                    }
                    @dev.leibniz.DerivativeOf("lse")
                    static double lseRule(double[] v, double t, double seed) {
                        return seed;
                    }""", 9, "the derivative rule of C.lse(double[], double) must be declared as: "
                        + "static double lseRule(double[] v, double t, double seed, double[] v_bar)");
    }

    @Test
    void ruleForAMissingMethod() {
        assertError("""
                    @dev.leibniz.DerivativeOf("nothing")
                    static double rule(double z, double seed) {
                        return seed;
                    }""", 6, "@DerivativeOf names 'nothing', but p.C has no method of that name");
    }

    @Test
    void argumentOutsideTheCalleesWrt() {
        assertError("""
                    @Differentiable(wrt = "a") static double g(double a, double b) {
                        return a * b;
                    }
                    @Differentiable static double f(double x) {
                        return g(1.0, x);
                    }""", 9, "'C.g' is not differentiated with respect to its parameter 'b' (see its wrt), "
                        + "but the argument depends on the differentiated parameter x");
    }

    @Test
    void errorDeepInACallChainIsReportedAtEveryCall() {
        JavaFileObject file = source("""
                    @Differentiable static double h(double a) {
                        return Double.doubleToLongBits(a) * 1.0;
                    }
                    @Differentiable static double g(double b) {
                        return 2 * h(b);
                    }
                    @Differentiable static double f(double x) {
                        return g(x) + 1;
                    }""");
        Compilation c = javac().withProcessors(new LeibnizProcessor()).compile(file);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("'Double.doubleToLongBits(a)' is not differentiable").inFile(file).onLine(6);
        assertThat(c).hadErrorContaining("cannot differentiate through 'C.h'").inFile(file).onLine(9);
        assertThat(c).hadErrorContaining("cannot differentiate through 'C.g'").inFile(file).onLine(12);
        assertThat(c).hadNoteContaining("in g calls h: 'Double.doubleToLongBits(a)' is not differentiable")
                .inFile(file).onLine(12);
    }

    @Test
    void aCycleThroughARuleHasForwardModeAndNotesWhySecondOrderIsMissing() {
        JavaFileObject file = source("""
                    static double softplus(double z) {
                        return Math.log1p(Math.exp(z));
                    }
                    @dev.leibniz.DerivativeOf("softplus") static double softplusPullback(double z, double seed) {
                        return seed / (1 + Math.exp(-z));
                    }
                    @Differentiable static double a(double x, int n) {
                        return n == 0 ? x : b(x, n - 1) * x;
                    }
                    @Differentiable static double b(double x, int n) {
                        return n == 0 ? 1.0 : a(x, n - 1) + softplus(x);
                    }""");
        Compilation c = javac().withProcessors(new LeibnizProcessor()).withOptions("-Xlint:all", "-Werror").compile(file);
        assertThat(c).succeeded();
        assertThat(c).hadNoteContaining("b has forward mode (mTangent) but no second order (mHessian, mHvp, mLaplacian): "
                + "its derivative goes through 'C.softplus', whose @DerivativeOf rule gives first derivatives only")
                .inFile(file).onLine(14);
        assertThat(c).hadNoteContaining("a has forward mode (mTangent) but no second order (mHessian, mHvp, mLaplacian): "
                + "it calls 'C.b', which has no second order").inFile(file).onLine(11);
        String companion;
        try {
            companion = c.generatedSourceFile("p.CGrad").orElseThrow().getCharContent(true).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(companion.contains("public static double aTangent("), "a keeps forward mode");
        assertTrue(companion.contains("public static double bTangent("), "b keeps forward mode");
        assertFalse(companion.contains("aHessian(") || companion.contains("bHessian("), "no second order");
    }

    @Test
    void privateCallee() {
        assertError("""
                    @Differentiable private static double g(double a) {
                        return a * a;
                    }
                    @Differentiable static double f(double x) {
                        return g(x);
                    }""", 9, "'g' is private, so the generated companion cannot call it; make it package-private");
    }

    @Test
    void nonStaticRule() {
        assertError("""
                    static double sq(double z) {
                        return z * z;
                    }
                    @dev.leibniz.DerivativeOf("sq")
                    double sqRule(double z, double seed) {
                        return 2 * z * seed;
                    }""", 9, "a @DerivativeOf rule must be static");
    }

    /** Ill-typed code: javac reports it, and the companion must not repeat it (found by the oracle). */
    @Test
    void illTypedValuesAreRejectedBeforeTheCompanion() {
        assertError("""
                    @Differentiable static double f(double x) {
                        double bad = "not a number";
                        return x;
                    }""", 6, "this non-numeric value cannot be used where a double is expected");
        assertError("""
                    @Differentiable static double f(double x) {
                        boolean b = x;
                        return x;
                    }""", 6, "this double value cannot be used where a boolean is expected");
        assertError("""
                    @Differentiable static double f(double x) {
                        return "" + 1;
                    }""", 6, "this non-numeric value cannot be used where a double is expected");
    }
}
