package dev.leibniz.benchmarks;

import java.util.concurrent.TimeUnit;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The Jacobian of a tanh layer with respect to its input (outputs × inputs, more outputs than
 * inputs, so forward mode): the generated {@code tanhLayerJacobian}, which runs all columns in one
 * sweep, beside one tangent sweep per column (what it ran before), the closed form
 * diag(1 − tanh²) A written by hand, and Hipparchus.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JacobianBench {
    @Param({"64x8", "256x32"})
    public String size;

    double[][] a;
    double[] x;
    double[] b;
    double[][] j;
    LayerGrad.TanhLayerJacobian into;
    LayerGrad.TanhLayerTangentGradient column;
    double[] unit;

    @Setup
    public void setUp() {
        int rows = Integer.parseInt(size.substring(0, size.indexOf('x')));
        int inputs = Integer.parseInt(size.substring(size.indexOf('x') + 1));
        a = new double[rows][inputs];
        b = new double[rows];
        x = new double[inputs];
        for (int i = 0; i < rows; i++) {
            b[i] = 0.1 * Math.cos(i);
            for (int k = 0; k < inputs; k++) {
                a[i][k] = Math.sin(1.3 * i + 0.7 * k) / Math.sqrt(inputs);
            }
        }
        for (int k = 0; k < inputs; k++) {
            x[k] = Math.cos(0.9 * k);
        }
        j = new double[rows][inputs];
        into = new LayerGrad.TanhLayerJacobian();
        column = new LayerGrad.TanhLayerTangentGradient();
        unit = new double[inputs];
        double[] hand = Agreement.flat((Object) handWritten());
        Agreement.require("tanh layer " + size + " into", hand, Agreement.flat((Object) gradientInto()));
        Agreement.require("tanh layer " + size + " fresh", hand, Agreement.flat((Object) gradientFresh()));
        Agreement.require("tanh layer " + size + " per column", hand, Agreement.flat((Object) perColumn()));
        Agreement.require("tanh layer " + size + " Hipparchus", hand, Agreement.flat((Object) hipparchus()));
    }

    @Benchmark
    public double[] primal() {
        return Layer.tanhLayer(a, x, b);
    }

    @Benchmark
    public double[][] gradientInto() {
        return LayerGrad.tanhLayerJacobian(a, x, b, into);
    }

    @Benchmark
    public double[][] gradientFresh() {
        return LayerGrad.tanhLayerJacobian(a, x, b);
    }

    /** One tangent sweep per column, each computing the layer again. */
    @Benchmark
    public double[][] perColumn() {
        for (int k = 0; k < x.length; k++) {
            unit[k] = 1.0;
            double[] c = LayerGrad.tanhLayerTangentValue(a, x, b, unit, column);
            for (int i = 0; i < c.length; i++) {
                j[i][k] = c[i];
            }
            unit[k] = 0.0;
        }
        return j;
    }

    /** diag(1 − tanh²(Ax + b)) A. */
    @Benchmark
    public double[][] handWritten() {
        for (int i = 0; i < b.length; i++) {
            double[] row = a[i];
            double z = b[i];
            for (int k = 0; k < x.length; k++) {
                z += row[k] * x[k];
            }
            double t = Math.tanh(z);
            double d = 1 - t * t;
            double[] out = j[i];
            for (int k = 0; k < x.length; k++) {
                out[k] = d * row[k];
            }
        }
        return j;
    }

    @Benchmark
    public double[][] hipparchus() {
        DSFactory factory = new DSFactory(x.length, 1);
        DerivativeStructure[] v = new DerivativeStructure[x.length];
        for (int k = 0; k < x.length; k++) {
            v[k] = factory.variable(k, x[k]);
        }
        int[] orders = new int[x.length];
        for (int i = 0; i < b.length; i++) {
            DerivativeStructure z = factory.constant(b[i]);
            for (int k = 0; k < x.length; k++) {
                z = z.add(v[k].multiply(a[i][k]));
            }
            DerivativeStructure t = z.tanh();
            for (int k = 0; k < x.length; k++) {
                orders[k] = 1;
                j[i][k] = t.getPartialDerivative(orders);
                orders[k] = 0;
            }
        }
        return j;
    }
}
