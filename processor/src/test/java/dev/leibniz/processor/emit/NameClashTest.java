package dev.leibniz.processor.emit;

import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import dev.leibniz.processor.testing.Compiled;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names the companion generates never collide with the user's: parameters named like the result
 * type's own fields, methods whose result types would share a name, and a package whose own
 * {@code Math} would hide java.lang's. Each companion must compile without a warning and compute
 * the closed-form gradient.
 */
class NameClashTest {

    private static final double[] POINTS = {-1.3, 0.4, 2.1};

    @Test
    void parametersNamedLikeTheResultTypesFields() {
        // The loop-carried product needs the workspace field (its tape) in FGradient.
        Compiled c = Compiled.strictly(JavaFileObjects.forSourceString("p.C", """
                package p;
                import dev.leibniz.Differentiable;
                class C {
                    @Differentiable
                    static double f(double workspace, double DIFFERENTIATED) {
                        double s = 1;
                        for (int i = 0; i < 3; i++) {
                            s *= workspace * DIFFERENTIATED;
                        }
                        return s;
                    }
                }
                """));
        assertTrue(c.source("p.CGrad").contains("dev.leibniz.Workspace"), "the method must use a workspace");
        for (double w : POINTS) {
            double d = 0.7 - w;
            Object g = c.call("p.CGrad", "f", w, d);
            // (w d)^3
            assertClose("value", Math.pow(w * d, 3), Compiled.get(g, "value"));
            assertClose("d/dworkspace", 3 * w * w * d * d * d, Compiled.get(g, "workspace"));
            assertClose("d/dDIFFERENTIATED", 3 * w * w * w * d * d, Compiled.get(g, "DIFFERENTIATED"));
        }
    }

    @Test
    void parametersNamedLikePackagesTheCompanionNames() {
        // p.C.K, p.C.sq, p.CGrad.sqPullback and dev.leibniz.Workspace would all read a parameter.
        Compiled c = Compiled.strictly(JavaFileObjects.forSourceString("p.C", """
                package p;
                import dev.leibniz.Differentiable;
                class C {
                    static final double K = 3;

                    @Differentiable
                    static double sq(double u) {
                        return u * u;
                    }

                    @Differentiable
                    static double f(double p, double dev, double[] java) {
                        double s = 0;
                        for (int i = 0; i < java.length; i++) {
                            s = s * dev + java[i];
                        }
                        return K * sq(p) + s;
                    }
                }
                """));
        double[] xs = {0.5, -1.25, 2.0, 0.75};
        int n = xs.length;
        for (double p : POINTS) {
            double dev = 0.9 + p / 4;
            Object g = c.call("p.CGrad", "f", p, dev, xs);
            // 3 p^2 + sum_i xs[i] dev^(n-1-i)
            double value = 3 * p * p;
            double dDev = 0;
            double[] dXs = new double[n];
            for (int i = 0; i < n; i++) {
                value += xs[i] * Math.pow(dev, n - 1 - i);
                dDev += i < n - 1 ? xs[i] * (n - 1 - i) * Math.pow(dev, n - 2 - i) : 0;
                dXs[i] = Math.pow(dev, n - 1 - i);
            }
            assertClose("value", value, Compiled.get(g, "value"));
            assertClose("d/dp", 6 * p, Compiled.get(g, "p"));
            assertClose("d/ddev", dDev, Compiled.get(g, "dev"));
            assertClose("d/djava", dXs, Compiled.array(g, "java"));
        }
    }

    private static final JavaFileObject LOSSES = JavaFileObjects.forSourceString("p.Losses", """
            package p;
            import dev.leibniz.Differentiable;
            public class Losses {
                @Differentiable
                public static double loss(double x) {
                    return x * x;
                }

                @Differentiable
                public static double Loss(double x) {
                    return Math.sin(x);
                }

                @Differentiable
                public static double both(double x) {
                    return loss(x) * Loss(x);
                }
            }
            """);

    @Test
    void methodsWhoseResultTypesWouldShareAName() {
        Compiled c = Compiled.strictly(LOSSES);
        String source = c.source("p.LossesGrad");
        assertTrue(source.contains("class LossGradient ") && source.contains("class LossGradient_2 "), source);
        for (double x : POINTS) {
            assertClose("loss'", 2 * x, Compiled.get(c.call("p.LossesGrad", "loss", x), "x"));
            assertClose("Loss'", Math.cos(x), Compiled.get(c.call("p.LossesGrad", "Loss", x), "x"));
            assertClose("(x^2 sin x)'", 2 * x * Math.sin(x) + x * x * Math.cos(x),
                    Compiled.get(c.call("p.LossesGrad", "both", x), "x"));
        }
    }

    /** A library compiled earlier, without -parameters: its callers must compute the same names. */
    @Test
    void callersOfALibraryCompiledEarlierUseTheSameNames(@TempDir Path library) {
        Compiled lib = Compiled.strictly(LOSSES, JavaFileObjects.forSourceString("p.Scaled", """
                package p;
                import dev.leibniz.Differentiable;
                public class Scaled {
                    /** DIFFERENTIATED * y^2, through a loop so that the result type keeps a workspace. */
                    @Differentiable
                    public static double h(double DIFFERENTIATED, int n, double workspace) {
                        double s = DIFFERENTIATED;
                        for (int i = 0; i < n; i++) {
                            s *= workspace;
                        }
                        return s;
                    }
                }
                """));
        lib.writeClasses(library);
        Compiled client = Compiled.strictly(List.of(library.toFile()), JavaFileObjects.forSourceString("app.Use", """
                package app;
                import dev.leibniz.Differentiable;
                import p.Losses;
                import p.Scaled;
                public class Use {
                    @Differentiable
                    public static double u(double x, double y) {
                        return Losses.loss(x) + Losses.Loss(y) + Scaled.h(x, 2, y);
                    }
                }
                """));
        for (double x : POINTS) {
            double y = 0.3 + x / 2;
            Object g = client.call("app.UseGrad", "u", x, y);
            assertClose("value", x * x + Math.sin(y) + x * y * y, Compiled.get(g, "value"));
            assertClose("du/dx", 2 * x + y * y, Compiled.get(g, "x"));
            assertClose("du/dy", Math.cos(y) + 2 * x * y, Compiled.get(g, "y"));
        }
    }

    @Test
    void aPackageWithItsOwnMathStillReachesJavaLang() {
        // p.Math.sin would compile and silently give 0: only the values tell.
        Compiled c = Compiled.strictly(
                JavaFileObjects.forSourceString("p.Math", """
                        package p;
                        final class Math {
                            static final double PI = 3;
                            static double sin(double x) { return 0; }
                            static double cos(double x) { return 0; }
                        }
                        """),
                JavaFileObjects.forSourceString("p.StrictMath", """
                        package p;
                        final class StrictMath {
                            static double exp(double x) { return 0; }
                        }
                        """),
                JavaFileObjects.forSourceString("p.String", "package p;\nfinal class String {}\n"),
                JavaFileObjects.forSourceString("p.C", """
                        package p;
                        import dev.leibniz.Differentiable;
                        class C {
                            @Differentiable
                            static double f(double x) {
                                return java.lang.Math.sin(x) * java.lang.StrictMath.exp(x) + java.lang.Math.PI;
                            }
                        }
                        """));
        for (double x : POINTS) {
            Object g = c.call("p.CGrad", "f", x);
            assertClose("value", java.lang.Math.sin(x) * java.lang.Math.exp(x) + java.lang.Math.PI,
                    Compiled.get(g, "value"));
            assertClose("d/dx", (java.lang.Math.cos(x) + java.lang.Math.sin(x)) * java.lang.Math.exp(x),
                    Compiled.get(g, "x"));
        }
    }

    @Test
    void aParameterTypeNamedMathIsNotImportedOverJavaLang() {
        Compiled c = Compiled.strictly(
                JavaFileObjects.forSourceString("q.Math", "package q;\npublic final class Math {\n"
                        + "    public final double k = 2;\n}\n"),
                JavaFileObjects.forSourceString("p.C", """
                        package p;
                        import dev.leibniz.Differentiable;
                        class C {
                            @Differentiable
                            static double f(double x, q.Math m) {
                                return Math.sin(x) * m.k;
                            }
                        }
                        """));
        Object m = c.instance("q.Math");
        for (double x : POINTS) {
            assertClose("(2 sin x)'", 2 * Math.cos(x), Compiled.get(c.call("p.CGrad", "f", x, m), "x"));
        }
    }
}
