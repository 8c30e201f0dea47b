package dev.leibniz.processor.diag;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.leibniz.processor.LeibnizProcessor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The switch forms Leibniz refuses, each with an error on its line saying what to write instead. */
class SwitchErrorsTest {

    /** The members start on line 4. */
    private static JavaFileObject source(String members) {
        return JavaFileObjects.forSourceString("p.C", String.join("\n",
                "package p;",
                "import dev.leibniz.Differentiable;",
                "class C {",
                members,
                "}"));
    }

    private static void assertError(String members, long line, String message) {
        Compilation c = javac().withProcessors(new LeibnizProcessor()).compile(source(members));
        assertThat(c).failed();
        assertThat(c).hadErrorContaining(message).inFile(source(members)).onLine(line);
    }

    @Test
    void fallThroughIsRefused() {
        assertError("""
                    @Differentiable static double f(double x, int k) {
                        double y = 0;
                        switch (k) {
                            case 0:
                                y += x;
                            case 1:
                                y += x * x;
                                break;
                        }
                        return y;
                    }""", 7, "falls through into the next one");
    }

    @Test
    void breakInTheMiddleOfACaseIsRefused() {
        assertError("""
                    @Differentiable static double f(double x, int k) {
                        double y = 0;
                        switch (k) {
                            case 0:
                                if (x > 0) break;
                                y = x;
                                break;
                            default:
                                y = 2 * x;
                        }
                        return y;
                    }""", 8, "a break inside a case, other than at its end");
    }
}
