package dev.leibniz.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The benchmarked forward-mode Jacobian against its closed form, and every peer's agreement before timing. */
class LayerJacobianTest {
    @ParameterizedTest
    @ValueSource(strings = {"64x8", "256x32"})
    void everyPeerAgreesWithTheClosedForm(String size) {
        var bench = new JacobianBench();
        bench.size = size;
        bench.setUp(); // throws where a peer disagrees with the hand-written closed form
        double[][] j = LayerGrad.tanhLayerJacobian(bench.a, bench.x, bench.b);
        for (int i = 0; i < bench.b.length; i++) {
            double z = bench.b[i];
            for (int k = 0; k < bench.x.length; k++) {
                z += bench.a[i][k] * bench.x[k];
            }
            double d = 1 - Math.tanh(z) * Math.tanh(z);
            double[] row = new double[bench.x.length];
            for (int k = 0; k < row.length; k++) {
                row[k] = d * bench.a[i][k];
            }
            assertArrayEquals(row, j[i], 1e-15, "row " + i);
        }
        assertEquals(bench.b.length, j.length);
    }
}
