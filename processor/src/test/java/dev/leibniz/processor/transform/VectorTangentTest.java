package dev.leibniz.processor.transform;

import static dev.leibniz.processor.transform.MutantKillersTest.compile;
import static dev.leibniz.processor.transform.MutantKillersTest.generatedSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorTangent}, on programs compiled while the test runs (so mutation testing measures
 * it): each forward-mode Jacobian, all columns from one sweep, against central differences of
 * the plain method, at points on both sides of the branches; scalar helpers called with tangents
 * run once per direction inside the sweep. Some shapes repeat {@code secondorder.JacobianColumns}
 * on purpose: those are compiled with the test sources (checked against Hipparchus twins), which
 * the mutated processor of a PIT run never compiles; these are compiled by it.
 */
class VectorTangentTest {

    private static final String PROGRAMS = """
            @Differentiable static double[] prefix(double[] x, double s) {
                double[] y = new double[x.length + 1];
                double acc = s;
                for (int i = 0; i < x.length; i++) {
                    if (x[i] > 0) {
                        acc = acc + s * x[i];
                    } else {
                        acc = acc * Math.exp(x[i]);
                    }
                    y[i] = acc;
                }
                y[x.length] = acc * acc;
                return y;
            }

            @Differentiable static double[] reassigned(double[] x) {
                int n = x.length;
                double[] y = new double[2 * n];
                for (int i = 0; i < n; i++) {
                    int j = i;
                    double t = x[j] * x[j];
                    y[j] = Math.sin(t);
                    j = (j + 1) % n;
                    t = t * x[j];
                    y[n + i] = Math.cos(t);
                }
                return y;
            }

            @Differentiable static double[] pairs(double[] x) {
                double[] y = new double[2 * x.length];
                for (int i = 0; i < x.length; i++) {
                    double[] t = new double[2];
                    t[0] = x[i] * x[(i + 1) % x.length];
                    t[1] = Math.sin(t[0]) + x[i];
                    y[2 * i] = t[0] * t[1];
                    y[2 * i + 1] = t[1] / (1 + x[i] * x[i]);
                }
                return y;
            }

            @Differentiable static double[] sameOrSquared(double[] a, boolean square) {
                if (!square) {
                    return a;
                }
                double[] out = new double[a.length];
                for (int i = 0; i < a.length; i++) {
                    out[i] = a[i] * a[i] - a[(i + 1) % a.length];
                }
                return out;
            }

            @Differentiable static double sigmoid(double z) {
                return 1 / (1 + Math.exp(-z));
            }

            @Differentiable static double scaleBy(double v, double k) {
                return v * k + Math.sin(v);
            }

            @Differentiable static double[] helpers(double[] x, double s) {
                double[] y = new double[x.length + 1];
                double acc = 0;
                for (int i = 0; i < x.length; i++) {
                    acc = sigmoid(acc + x[i] * s);
                    y[i] = scaleBy(acc, 2.0);
                }
                y[x.length] = scaleBy(s, acc);
                return y;
            }

            @Differentiable static double[] polar(double r, double t) {
                return new double[] {r * Math.cos(t), r * Math.sin(t)};
            }

            @Differentiable static void twice(double[] v, double[] out) {
                for (int i = 0; i < v.length; i++) {
                    out[i] = 2 * v[i] * v[i];
                }
            }

            @Differentiable static double[] viaCalls(double r, double t) {
                double[] p = polar(r, t);
                double[] q = new double[2];
                twice(p, q);
                return new double[] {q[0] * p[1], q[1] + t, Math.exp(p[0])};
            }

            @Differentiable static double[] layer(double[][] w, double[] x) {
                double[] y = new double[w.length];
                for (int i = 0; i < w.length; i++) {
                    double z = 0;
                    for (int k = 0; k < x.length; k++) {
                        z += w[i][k] * x[k];
                    }
                    y[i] = Math.tanh(z);
                }
                return y;
            }

            @Differentiable(wrt = {"x"}) static double[] twoLayers(double[][] w1, double[][] w2, double[] x) {
                double[] h = layer(w1, x);
                double[] o = layer(w2, h);
                double[] p = polar(h[0], x[1]);
                return new double[] {o[0] * h[1], o[1], o[2] + p[1], o[3]};
            }

            @Differentiable static double[] repeat(double[] x, int m) {
                double[] y = new double[m];
                for (int i = 0; i < m; i++) {
                    y[i] = Math.sin(x[i % x.length]) * x[(i + 1) % x.length];
                }
                return y;
            }

            @Differentiable(wrt = {"x"}) static double[] overwrittenAfterACall(double[][] w, double[] x) {
                double[] h = new double[2];
                h[0] = x[0] * x[1];
                h[1] = Math.sin(x[0]);
                double[] o = layer(w, h);
                h[0] = 7.0 * x[1];
                return new double[] {o[0] + h[0], o[1] * h[1], o[2]};
            }

            @Differentiable static double[] callsInALoop(double[] x) {
                double[] y = new double[2 * x.length];
                for (int i = 0; i < x.length; i++) {
                    if (x[i] > -5) {
                        double[] p = polar(x[i], x[(i + 1) % x.length]);
                        y[2 * i] = p[0];
                        y[2 * i + 1] = p[1] * x[i];
                    }
                }
                return y;
            }

            @Differentiable(wrt = {"x"}) static double[] rowsOfW(double[][] w, double[] x) {
                double[] y = new double[w.length];
                for (int i = 0; i < w.length; i++) {
                    double[] row = w[i];
                    double z = row[0] * x[0];
                    for (int k = 1; k < x.length; k++) {
                        z += row[k] * x[k];
                    }
                    y[i] = Math.tanh(z);
                }
                return y;
            }

            @Differentiable static double[] scaled(double r, double t) {
                double u = r * t;
                double v = Math.exp(u) + t;
                return new double[] {u * v, v - r, Math.sin(v) * r};
            }""";

    /** Central differences of the plain method, over the differentiated inputs flattened (a double[] x first). */
    private static double[][] central(Method plain, Object[] args) throws Exception {
        int n = 0;
        for (Object a : args) {
            n += a instanceof double[] d ? d.length : a instanceof Double ? 1 : 0;
        }
        int rows = ((double[]) plain.invoke(null, copy(args))).length;
        double[][] j = new double[rows][n];
        int column = 0;
        for (int p = 0; p < args.length; p++) {
            int size = args[p] instanceof double[] d ? d.length : args[p] instanceof Double ? 1 : 0;
            for (int k = 0; k < size; k++, column++) {
                double at = args[p] instanceof double[] d ? d[k] : (Double) args[p];
                double h = 1e-6 * Math.max(1, Math.abs(at));
                double[] plus = (double[]) plain.invoke(null, shifted(args, p, k, h));
                double[] minus = (double[]) plain.invoke(null, shifted(args, p, k, -h));
                for (int i = 0; i < rows; i++) {
                    j[i][column] = (plus[i] - minus[i]) / (2 * h);
                }
            }
        }
        return j;
    }

    private static Object[] copy(Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof double[] d) {
                out[i] = d.clone();
            }
        }
        return out;
    }

    private static Object[] shifted(Object[] args, int p, int k, double h) {
        Object[] out = copy(args);
        if (out[p] instanceof double[] d) {
            d[k] += h;
        } else {
            out[p] = (Double) out[p] + h;
        }
        return out;
    }

    private static void check(MutantKillersTest.Compiled c, String method, Object... args) throws Exception {
        Method plain = Arrays.stream(c.plain().getDeclaredMethods()).filter(m -> m.getName().equals(method))
                .findFirst().orElseThrow();
        plain.setAccessible(true);
        Method jacobian = MutantKillersTest.only(c.companion(), method + "Jacobian", args.length);
        double[][] got = (double[][]) MutantKillersTest.call(jacobian, null, copy(args));
        double[][] want = central(plain, args);
        assertEquals(want.length, got.length, method + ": rows");
        double diff = 0;
        double sum = 0;
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i].length, got[i].length, method + ": columns");
            for (int k = 0; k < want[i].length; k++) {
                diff += (got[i][k] - want[i][k]) * (got[i][k] - want[i][k]);
                sum += (got[i][k] + want[i][k]) * (got[i][k] + want[i][k]);
            }
        }
        double error = Math.sqrt(diff) / Math.max(Math.sqrt(sum), 1e-300);
        assertTrue(error < 1e-7, method + " at " + Arrays.deepToString(args) + ": relative error " + error + "\n"
                + Arrays.deepToString(got) + "\n" + Arrays.deepToString(want));
    }

    /** As {@link #check}, for a method differentiated with respect to its last parameter (a double[]) alone. */
    private static void checkWrtLast(MutantKillersTest.Compiled c, String method, Object... args) throws Exception {
        Method plain = Arrays.stream(c.plain().getDeclaredMethods()).filter(m -> m.getName().equals(method))
                .findFirst().orElseThrow();
        plain.setAccessible(true);
        Method jacobian = MutantKillersTest.only(c.companion(), method + "Jacobian", args.length);
        double[][] got = (double[][]) MutantKillersTest.call(jacobian, null, args);
        double[] x = (double[]) args[args.length - 1];
        for (int k = 0; k < x.length; k++) {
            double h = 1e-6;
            Object[] plus = args.clone();
            Object[] minus = args.clone();
            plus[args.length - 1] = x.clone();
            minus[args.length - 1] = x.clone();
            ((double[]) plus[args.length - 1])[k] += h;
            ((double[]) minus[args.length - 1])[k] -= h;
            double[] fp = (double[]) plain.invoke(null, plus);
            double[] fm = (double[]) plain.invoke(null, minus);
            for (int i = 0; i < fp.length; i++) {
                double want = (fp[i] - fm[i]) / (2 * h);
                assertEquals(want, got[i][k], 1e-8 * Math.max(1, Math.abs(want)), method + ": J[" + i + "][" + k + "]");
            }
        }
    }

    @Test
    void theColumnsOfEachShapeFromOneSweep() throws Exception {
        String source = generatedSource(PROGRAMS);
        for (String m : new String[] {"prefix", "reassigned", "pairs", "sameOrSquared", "scaled", "helpers", "twoLayers",
            "overwrittenAfterACall", "callsInALoop", "rowsOfW"}) {
            assertTrue(source.contains(m + "TangentsValue("), m + " runs its columns one by one");
        }
        MutantKillersTest.Compiled c = compile(PROGRAMS);
        check(c, "prefix", new double[] {0.5, -0.3, 1.2}, 0.7);
        check(c, "prefix", new double[] {-0.9, 0.4}, -1.3);
        check(c, "reassigned", new double[] {0.4, -1.3, 0.9});
        check(c, "pairs", new double[] {0.4, -1.3, 0.9});
        check(c, "sameOrSquared", new double[] {0.4, -1.3, 2.0}, false);
        check(c, "sameOrSquared", new double[] {0.4, -1.3, 2.0}, true);
        check(c, "scaled", 0.6, -0.8);
        check(c, "helpers", new double[] {0.4, -1.3, 0.9}, 0.7);
        double[][] w1 = {{0.3, -0.2}, {0.5, 0.1}, {-0.4, 0.7}};
        double[][] w2 = {{0.2, 0.1, -0.3}, {0.6, -0.5, 0.4}, {0.1, 0.1, 0.1}, {-0.7, 0.2, 0.3}};
        checkWrtLast(c, "twoLayers", w1, w2, new double[] {0.8, -0.6});
        // the call's tangent reads h as the call saw it, before h[0] changes after it
        checkWrtLast(c, "overwrittenAfterACall", w1, new double[] {0.8, -0.6});
        check(c, "callsInALoop", new double[] {0.4, -1.3, 0.9});
        checkWrtLast(c, "rowsOfW", w2, new double[] {0.8, -0.6, 0.3}); // rows of a constant matrix
    }

    /**
     * A warm work object starts from the last call's number of outputs instead of computing the
     * value to count them; an output count that changes with an int argument (inputs of the same
     * shapes) must be noticed and counted again, in both modes.
     */
    @Test
    void aChangedOutputCountIsCountedAgain() throws Exception {
        MutantKillersTest.Compiled c = compile(PROGRAMS);
        Method plain = Arrays.stream(c.plain().getDeclaredMethods()).filter(m -> m.getName().equals("repeat"))
                .findFirst().orElseThrow();
        plain.setAccessible(true);
        Method into = MutantKillersTest.only(c.companion(), "repeatJacobian", 3);
        var constructor = into.getParameterTypes()[2].getDeclaredConstructor();
        constructor.setAccessible(true);
        Object work = constructor.newInstance();
        double[] x = {0.3, -0.7, 1.1};
        for (int m : new int[] {5, 5, 2, 7, 1, 3, 3}) { // 3 inputs: forward mode for m >= 3, else reverse
            double[][] got = (double[][]) MutantKillersTest.call(into, null, x.clone(), m, work);
            assertEquals(m, got.length, "rows for m = " + m);
            for (int k = 0; k < x.length; k++) {
                double h = 1e-6;
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[k] += h;
                xm[k] -= h;
                double[] fp = (double[]) plain.invoke(null, xp, m);
                double[] fm = (double[]) plain.invoke(null, xm, m);
                for (int i = 0; i < m; i++) {
                    assertEquals((fp[i] - fm[i]) / (2 * h), got[i][k], 1e-8, "m = " + m + ", J[" + i + "][" + k + "]");
                }
            }
        }
    }

    @Test
    void tangentsThroughProceduresRunColumnByColumn() throws Exception {
        String source = generatedSource(PROGRAMS);
        assertTrue(!source.contains("viaCallsTangentsValue("), "a procedure");
        assertTrue(source.contains("viaCallsTangentValue("), "the one-direction tangent program instead");
        check(compile(PROGRAMS), "viaCalls", 1.5, 0.6);
    }
}
