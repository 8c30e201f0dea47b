package dev.leibniz.processor.emit;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.leibniz.processor.testing.GradientChecks.assertCentral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.leibniz.processor.LeibnizProcessor;
import dev.leibniz.processor.testing.Compiled;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A straight-line method long enough that its pullback would pass the JVM's 64 KB limit on a
 * method's code is an error on the method that says to split it, never javac's "code too large"
 * in CGrad.java; a long method below the limit still gets its companion.
 */
class PullbackSizeTest {

    /** {@code big(x, y)}: n statements, each about 230 bytes of pullback; the method is on line 4. */
    private static JavaFileObject longMethod(int n) {
        StringBuilder sb = new StringBuilder("package p;\nimport dev.leibniz.Differentiable;\npublic class C {\n"
                + "    @Differentiable public static double big(double x, double y) {\n        double a0 = x * y;\n");
        for (int k = 1; k < n; k++) {
            sb.append("        double a").append(k).append(" = 0.5 * a").append(k - 1).append(" + 0.25 * Math.sin(a")
                    .append((7 * k + 3) % k).append(") * x - 0.125 * a").append((13 * k + 5) % k).append(" * y;\n");
        }
        sb.append("        return a").append(n - 1).append(";\n    }\n}\n");
        return JavaFileObjects.forSourceString("p.C", sb.toString());
    }

    @Test
    void aPullbackTooLargeForTheJvmIsAnErrorOnTheMethod() {
        JavaFileObject source = longMethod(400);
        Compilation c = javac().withProcessors(new LeibnizProcessor()).compile(source);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("split big into several @Differentiable methods").inFile(source).onLine(4);
        for (Diagnostic<? extends JavaFileObject> d : c.errors()) {
            assertFalse(d.getSource() != null && d.getSource().getName().endsWith("Grad.java"),
                    "the companion does not compile: " + d.getMessage(null));
        }
        assertEquals(1, c.errors().size(), "our error alone: " + c.errors());
    }

    @Test
    void aLongMethodBelowTheLimitCompilesAndIsRight() {
        Compiled c = Compiled.strictly(longMethod(120));
        for (double[] p : new double[][] {{0.3, -0.7}, {1.1, 0.4}, {-0.9, 0.8}}) {
            Object g = c.call("p.CGrad", "big", p[0], p[1]);
            double plain = (Double) c.call("p.C", "big", p[0], p[1]);
            assertEquals(plain, Compiled.get(g, "value"), "the value is the method's own");
            assertCentral("big at " + p[0] + ", " + p[1], q -> (Double) c.call("p.C", "big", q[0], q[1]), p,
                    new double[] {Compiled.get(g, "x"), Compiled.get(g, "y")});
        }
    }
}
