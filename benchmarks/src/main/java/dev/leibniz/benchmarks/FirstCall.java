package dev.leibniz.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bytes allocated by the first {@code into} call on a new result object (where the workspace
 * and the tape grow to their size) and by the calls after it (the least of three), measured with the JVM's
 * per-thread allocation counter, beside what the hand-written adjoint's buffers take on their
 * first call. Classes are loaded and the code run once on another result object first, so
 * that only the call itself is counted.
 */
final class FirstCall {
    private FirstCall() {}

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** First call, second call, hand-written first call, in bytes. */
    record Bytes(long first, long second, long hand) {}

    private static long allocated(Runnable r) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        r.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    /** Creates a fresh state and runs a call with it. */
    private interface Call {
        Runnable with(Object into);
    }

    private static Bytes measure(java.util.function.Supplier<Object> newInto, Call call,
            java.util.function.Supplier<Runnable> newHand) {
        call.with(newInto.get()).run(); // loads the classes
        newHand.get().run();
        Object into = newInto.get();
        Runnable r = call.with(into);
        long first = allocated(r);
        long second = Long.MAX_VALUE; // the least of a few: the counter itself allocates at times
        for (int i = 0; i < 3; i++) {
            second = Math.min(second, allocated(r));
        }
        Runnable hand = newHand.get();
        long handFirst = allocated(hand);
        return new Bytes(first, second, handFirst);
    }

    static Map<String, Bytes> run() {
        Map<String, Bytes> out = new LinkedHashMap<>();
        double[] x = new double[100000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.5 + 0.9 * Math.sin(1.7 * i);
        }
        out.put("Rosenbrock n=100000", measure(RosenbrockGrad.RosenbrockGradient::new,
                into -> () -> RosenbrockGrad.rosenbrock(x, (RosenbrockGrad.RosenbrockGradient) into),
                () -> {
                    double[] g = new double[x.length];
                    return () -> RosenbrockAdjoint.gradient(x, g);
                }));
        MlpData d = MlpData.random(784, 128, 10, 32, 42);
        out.put("MLP 784-128-10 batch 32", measure(MlpGrad.LossGradient::new,
                into -> () -> MlpGrad.loss(d.w1, d.b1, d.w2, d.b2, d.x, d.labels,
                        (MlpGrad.LossGradient) into),
                () -> {
                    var w = new MlpAdjoint.Work();
                    double[][] gw1 = new double[128][784];
                    double[] gb1 = new double[128];
                    double[][] gw2 = new double[10][128];
                    double[] gb2 = new double[10];
                    return () -> MlpAdjoint.gradient(d.w1, d.b1, d.w2, d.b2, d.x, d.labels, gw1,
                            gb1, gw2, gb2, w);
                }));
        for (String name : new String[] {"1k-gmm_d2_K5", "1k-gmm_d10_K25", "1k-gmm_d20_K10",
            "10k-gmm_d2_K5"}) {
            var in = AdbenchData.gmm("gmm/" + name + ".txt");
            out.put("GMM " + name, measure(GmmGrad.GmmObjectiveGradient::new,
                    into -> () -> GmmGrad.gmmObjective(in.d(), in.k(), in.n(), in.alphas(),
                            in.means(), in.icf(), in.x(), in.wishart(),
                            (GmmGrad.GmmObjectiveGradient) into),
                    () -> {
                        var w = new GmmAdjoint.Work();
                        double[] ga = new double[in.k()];
                        double[] gm = new double[in.d() * in.k()];
                        double[] gi = new double[in.icfSize() * in.k()];
                        return () -> GmmAdjoint.gradient(in.d(), in.k(), in.n(), in.alphas(),
                                in.means(), in.icf(), in.x(), in.wishart(), ga, gm, gi, w);
                    }));
        }
        for (String name : new String[] {"lstm_l2_c1024", "lstm_l4_c1024"}) {
            var in = AdbenchData.lstm("lstm/" + name + ".txt");
            out.put("LSTM " + name, measure(LstmGrad.LstmObjectiveGradient::new,
                    into -> () -> LstmGrad.lstmObjective(in.l(), in.c(), in.b(), in.mainParams(),
                            in.extraParams(), in.state(), in.sequence(),
                            (LstmGrad.LstmObjectiveGradient) into),
                    () -> {
                        var w = new LstmAdjoint.Work();
                        double[] gm = new double[in.mainParams().length];
                        double[] ge = new double[in.extraParams().length];
                        return () -> LstmAdjoint.gradient(in.l(), in.c(), in.b(), in.mainParams(),
                                in.extraParams(), in.state(), in.sequence(), gm, ge, w);
                    }));
        }
        var ba = new BaJacobian(AdbenchData.ba("ba/ba1_n49_m7776_p31843.txt"));
        out.put("BA one residual row (ba1)", measure(BaGrad.ReprojErrorGradient::new,
                into -> () -> BaGrad.reprojErrorPullback(ba.cams[0], ba.xs[0], ba.w[0],
                        ba.feats[0], BaJacobian.ROW0, (BaGrad.ReprojErrorGradient) into),
                () -> {
                    var a = new BaAdjoint();
                    double[] j = new double[30];
                    return () -> {
                        a.forward(ba.cams[0], ba.xs[0], ba.w[0], ba.feats[0]);
                        a.reverse(1, 0, j, 0);
                    };
                }));
        var layer = new JacobianBench();
        layer.size = "256x32";
        layer.setUp();
        out.put("Jacobian of a tanh layer 256x32 (forward mode)", measure(LayerGrad.TanhLayerJacobian::new,
                into -> () -> LayerGrad.tanhLayerJacobian(layer.a, layer.x, layer.b, (LayerGrad.TanhLayerJacobian) into),
                () -> layer::handWritten));
        return out;
    }
}
