package dev.leibniz.processor.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leibniz.processor.testing.GradientChecks;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Forward mode and second order on the gallery's realistic programs: the tangent against the
 * gradient (the dot-product test ⟨∇f, u⟩ = JVP(u)), the Hessian against Hipparchus order-2
 * twins where a program has one and against central differences of the gradient otherwise,
 * and H·v and the Laplacian against that Hessian.
 */
class GallerySecondOrderTest {
    /** Central differences of an exact gradient, step 1e-5 scaled: MML's measure. */
    private static final double FD_TOLERANCE = 1e-6;
    private static final double EXACT = 1e-10;
    /**
     * For programs on float parameters: their values are rounded to float at every step, so the
     * gradient's float[] parts, and the difference quotients, agree only to float precision.
     */
    private static final double FLOAT_EXACT = 1e-5;
    private static final double FLOAT_FD_TOLERANCE = GalleryChecks.FLOAT_FD_TOLERANCE;
    private static final double FLOAT_TWIN_TOLERANCE = 1e-4;

    @TestFactory
    Stream<DynamicTest> everyProgram() {
        ClassLoader loader = GallerySecondOrderTest.class.getClassLoader();
        return GalleryCatalogue.compiled().stream()
                .filter(c -> !c.stopped)
                .map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c, loader)));
    }

    /** The programs whose derivative goes through a @DerivativeOf rule: a rule gives first derivatives only. */
    private static final java.util.Set<String> THROUGH_A_RULE = java.util.Set.of("LoopShapes.gatedRecurrence");

    /** Every gallery program has forward mode and a Hessian but those through a rule; a regression fails here. */
    @Test
    void everyProgramButThoseThroughARuleHasSecondOrder() throws Exception {
        ClassLoader loader = GallerySecondOrderTest.class.getClassLoader();
        List<String> missing = new ArrayList<>();
        long total = 0;
        for (GalleryCase c : GalleryCatalogue.compiled()) {
            if (c.stopped) {
                continue;
            }
            total++;
            if (methods(c, loader) == null) {
                missing.add(c.toString());
            }
        }
        assertEquals(THROUGH_A_RULE, new java.util.HashSet<>(missing), "no second order for " + missing.size() + " of "
                + total);
    }

    private record Methods(Method plain, Method fresh, Method tangent, Method hessian, Method hvp, Method laplacian,
            Object receiver, List<Class<?>> types) {}

    private static Methods methods(GalleryCase c, ClassLoader loader) throws Exception {
        Class<?> fixture = Class.forName(GalleryChecks.PACKAGE + c.fixture, true, loader);
        Class<?> companion = Class.forName(GalleryChecks.PACKAGE + c.fixture + "Grad", true, loader);
        Method plain = GalleryChecks.plainMethod(fixture, c.method);
        Object receiver = c.receiverArgs == null ? null : GalleryChecks.construct(fixture, c.receiverArgs);
        List<Class<?>> types = new ArrayList<>();
        if (receiver != null) {
            types.add(fixture);
        }
        types.addAll(Arrays.asList(plain.getParameterTypes()));
        List<Class<?>> tangentTypes = new ArrayList<>(types);
        for (int i = 0; i < c.differentiated.length; i++) {
            if (c.differentiated[i] != null) {
                tangentTypes.add(plain.getParameterTypes()[i]);
            }
        }
        List<Class<?>> hvpTypes = new ArrayList<>(types);
        hvpTypes.add(double[].class);
        try {
            return new Methods(plain, companion.getMethod(c.method, types.toArray(new Class<?>[0])),
                    companion.getMethod(c.method + "Tangent", tangentTypes.toArray(new Class<?>[0])),
                    companion.getMethod(c.method + "Hessian", types.toArray(new Class<?>[0])),
                    companion.getMethod(c.method + "Hvp", hvpTypes.toArray(new Class<?>[0])),
                    companion.getMethod(c.method + "Laplacian", types.toArray(new Class<?>[0])), receiver, types);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static void check(GalleryCase c, ClassLoader loader) throws Exception {
        Methods m = methods(c, loader);
        if (m == null) {
            return; // counted by everyProgramButThoseThroughARuleHasSecondOrder
        }
        Random random = new Random(11);
        double exact = c.floats ? FLOAT_EXACT : EXACT;
        for (Object[] point : c.points) {
            String at = c + " at " + GalleryChecks.describe(point);
            Object[] args = GalleryChecks.withReceiver(m.receiver(), point);
            double[] x = GalleryChecks.flatDifferentiated(c, point);
            int n = x.length;
            double[] gradient = gradientAt(c, m, point, at);

            // the dot-product test: the tangent along u is the gradient times u
            double[] u = new double[n];
            for (int k = 0; k < n; k++) {
                u[k] = c.floats ? (float) random.nextGaussian() : random.nextGaussian(); // exact as a float tangent
            }
            Object[] withTangents = append(args, tangents(c, point, u));
            double jvp = ((Number) GalleryChecks.invoke(m.tangent(), null, withTangents, at + ": tangent")).doubleValue();
            double vjp = dot(gradient, u);
            assertTrue(Math.abs(jvp - vjp) <= exact * Math.max(1.0, Math.abs(jvp) + Math.abs(vjp)),
                    at + ": tangent along u " + jvp + " vs gradient·u " + vjp);

            double[][] hessian = (double[][]) GalleryChecks.invoke(m.hessian(), null, args, at + ": Hessian");
            assertTrue(hessian.length == n, at + ": Hessian has " + hessian.length + " rows for " + n + " inputs");
            double[] flat = flatten(hessian);
            GradientChecks.assertFinite(at + ": Hessian", flat);
            double asymmetry = GradientChecks.relativeError(flat, flatten(transpose(hessian)));
            assertTrue(asymmetry < (c.floats ? FLOAT_EXACT : 1e-9), at + ": Hessian not symmetric, " + asymmetry);

            boolean twin = c.twin != null && !c.twinFirstOrderOnly;
            double[][] reference = twin ? twinHessian(c, point) : centralHessian(c, m, point, x, at);
            double error = GradientChecks.relativeError(flat, flatten(reference));
            double tolerance = c.floats ? (twin ? FLOAT_TWIN_TOLERANCE : FLOAT_FD_TOLERANCE) : twin ? 1e-9 : FD_TOLERANCE;
            assertTrue(error < tolerance, at + ": Hessian " + Arrays.deepToString(hessian)
                    + " vs " + (twin ? "order-2 DerivativeStructure twin " : "central differences of the gradient ")
                    + Arrays.deepToString(reference) + ", relative error " + error);

            double[] hv = (double[]) GalleryChecks.invoke(m.hvp(), null, GalleryChecks.append(args, u), at + ": Hvp");
            double[] hu = new double[n];
            for (int i = 0; i < n; i++) {
                hu[i] = dot(hessian[i], u);
            }
            assertTrue(GradientChecks.relativeError(hv, hu) < exact || norm(hu) < 1e-12,
                    at + ": H·v " + Arrays.toString(hv) + " vs Hessian times v " + Arrays.toString(hu));

            double laplacian = ((Number) GalleryChecks.invoke(m.laplacian(), null, args, at + ": Laplacian")).doubleValue();
            double trace = 0;
            for (int i = 0; i < n; i++) {
                trace += hessian[i][i];
            }
            assertTrue(Math.abs(laplacian - trace) <= exact * Math.max(1.0, Math.abs(trace)),
                    at + ": Laplacian " + laplacian + " vs trace " + trace);
        }
    }

    private static double[] gradientAt(GalleryCase c, Methods m, Object[] point, String at) {
        Object result = GalleryChecks.invoke(m.fresh(), null, GalleryChecks.withReceiver(m.receiver(), point), at);
        return GalleryChecks.gradient(c, m.fresh().getReturnType(), result, at);
    }

    /** The tangent arguments, one per differentiated parameter in its own shape, from the flat u. */
    private static Object[] tangents(GalleryCase c, Object[] point, double[] u) {
        Object[] shaped = GalleryChecks.unflatten(c, point, u);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < point.length; i++) {
            if (c.differentiated[i] != null) {
                out.add(shaped[i]);
            }
        }
        return out.toArray();
    }

    private static Object[] append(Object[] a, Object[] b) {
        Object[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double[][] twinHessian(GalleryCase c, Object[] point) {
        GalleryDs in = new GalleryDs(point, c.differentiated, 2);
        DerivativeStructure y = c.twin.at(in);
        int n = in.variables();
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int[] orders = new int[n];
                orders[i]++;
                orders[j]++;
                h[i][j] = y.getPartialDerivative(orders);
            }
        }
        return h;
    }

    /** Column j: (∇f(x + h e_j) − ∇f(x − h e_j)) / 2h, with the generated gradient. */
    private static double[][] centralHessian(GalleryCase c, Methods m, Object[] point, double[] x, String at) {
        int n = x.length;
        double[][] h = new double[n][n];
        for (int j = 0; j < n; j++) {
            double step = (c.floats ? GalleryChecks.FLOAT_FD_STEP : 1e-5) * Math.max(1.0, Math.abs(x[j]));
            double[] plus = x.clone();
            plus[j] += step;
            double[] minus = x.clone();
            minus[j] -= step;
            double[] gp = gradientAt(c, m, GalleryChecks.unflatten(c, point, plus), at);
            double[] gm = gradientAt(c, m, GalleryChecks.unflatten(c, point, minus), at);
            for (int i = 0; i < n; i++) {
                h[i][j] = (gp[i] - gm[i]) / (2 * step);
            }
        }
        return h;
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a.length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    private static double[] flatten(double[][] a) {
        return GalleryChecks.flatten(a);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
