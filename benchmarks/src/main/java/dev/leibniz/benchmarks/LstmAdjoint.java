package dev.leibniz.benchmarks;

import java.util.Arrays;

/**
 * The gradient of {@link Lstm#lstmObjective} by hand. The forward pass keeps, per step, layer
 * and unit, the eight numbers the reverse sweep needs (the layer's input, the previous hidden
 * and cell state, the four gate values and tanh of the new cell), and each step's prediction.
 * The reverse sweep walks the steps backwards carrying the adjoints of every layer's hidden
 * and cell state. ADBench's LSTM has diagonal (elementwise) weights, so all of it is O(c l b).
 */
final class LstmAdjoint {
    private LstmAdjoint() {}

    /** Reusable buffers, sized for (c − 1) steps of l layers of b units. */
    static final class Work {
        double[] in = new double[0];
        double[] hp;
        double[] cp;
        double[] f;
        double[] ig;
        double[] o;
        double[] ch;
        double[] tc;
        double[] ypred = new double[0];
        double[] s = new double[0];
        double[] hb = new double[0];
        double[] cb;
        double[] lob = new double[0];

        void ensure(int l, int c, int b) {
            int size = (c - 1) * l * b;
            if (in.length != size) {
                in = new double[size];
                hp = new double[size];
                cp = new double[size];
                f = new double[size];
                ig = new double[size];
                o = new double[size];
                ch = new double[size];
                tc = new double[size];
            }
            if (ypred.length != (c - 1) * b) {
                ypred = new double[(c - 1) * b];
            }
            if (s.length != 2 * l * b) {
                s = new double[2 * l * b];
                hb = new double[l * b];
                cb = new double[l * b];
            }
            if (lob.length != b) {
                lob = new double[b];
            }
        }
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** Writes the gradient into gMain and gExtra and returns the objective. */
    static double gradient(int l, int c, int b, double[] mp, double[] ep, double[] state,
            double[] seq, double[] gMain, double[] gExtra, Work w) {
        w.ensure(l, c, b);
        double[] in = w.in;
        double[] hp = w.hp;
        double[] cp = w.cp;
        double[] fs = w.f;
        double[] igs = w.ig;
        double[] os = w.o;
        double[] chs = w.ch;
        double[] tcs = w.tc;
        double[] ypred = w.ypred;
        double[] s = w.s;
        System.arraycopy(state, 0, s, 0, 2 * l * b);
        int steps = c - 1;
        double total = 0;
        for (int t = 0; t < steps; t++) {
            int base = t * l * b;
            for (int i = 0; i < b; i++) {
                in[base + i] = seq[t * b + i] * ep[i];
            }
            for (int layer = 0; layer < l; layer++) {
                int off = base + layer * b;
                int po = 8 * b * layer;
                int so = 2 * b * layer;
                for (int i = 0; i < b; i++) {
                    double x = in[off + i];
                    double h = s[so + i];
                    double cc = s[so + b + i];
                    double f = sigmoid(x * mp[po + i] + mp[po + 4 * b + i]);
                    double ig = sigmoid(h * mp[po + b + i] + mp[po + 5 * b + i]);
                    double o = sigmoid(x * mp[po + 2 * b + i] + mp[po + 6 * b + i]);
                    double ch = Math.tanh(h * mp[po + 3 * b + i] + mp[po + 7 * b + i]);
                    double nc = cc * f + ig * ch;
                    double tc = Math.tanh(nc);
                    double nh = o * tc;
                    hp[off + i] = h;
                    cp[off + i] = cc;
                    fs[off + i] = f;
                    igs[off + i] = ig;
                    os[off + i] = o;
                    chs[off + i] = ch;
                    tcs[off + i] = tc;
                    s[so + b + i] = nc;
                    s[so + i] = nh;
                    if (layer + 1 < l) {
                        in[off + b + i] = nh;
                    }
                }
            }
            int top = 2 * b * (l - 1);
            double sum = 0;
            for (int i = 0; i < b; i++) {
                double yp = s[top + i] * ep[b + i] + ep[2 * b + i];
                ypred[t * b + i] = yp;
                sum += Math.exp(yp);
            }
            double lse = Math.log(sum + 2);
            int gold = (t + 1) * b;
            for (int i = 0; i < b; i++) {
                total += seq[gold + i] * (ypred[t * b + i] - lse);
            }
        }
        int count = steps * b;
        double value = -total / count;

        Arrays.fill(gMain, 0.0);
        Arrays.fill(gExtra, 0.0);
        double[] hb = w.hb;
        double[] cb = w.cb;
        double[] lob = w.lob;
        Arrays.fill(hb, 0.0);
        Arrays.fill(cb, 0.0);
        double scale = -1.0 / count;
        for (int t = steps - 1; t >= 0; t--) {
            int base = t * l * b;
            int gold = (t + 1) * b;
            double sumExp = 2;
            double goldSum = 0;
            for (int i = 0; i < b; i++) {
                sumExp += Math.exp(ypred[t * b + i]);
                goldSum += seq[gold + i];
            }
            int topOff = base + (l - 1) * b;
            for (int i = 0; i < b; i++) {
                double yb = scale * (seq[gold + i] - goldSum * Math.exp(ypred[t * b + i]) / sumExp);
                gExtra[b + i] += yb * os[topOff + i] * tcs[topOff + i];
                gExtra[2 * b + i] += yb;
                lob[i] = yb * ep[b + i];
            }
            for (int layer = l - 1; layer >= 0; layer--) {
                int off = base + layer * b;
                int po = 8 * b * layer;
                int sb = layer * b;
                for (int i = 0; i < b; i++) {
                    double hbar = hb[sb + i] + lob[i];
                    double o = os[off + i];
                    double tc = tcs[off + i];
                    double f = fs[off + i];
                    double ig = igs[off + i];
                    double ch = chs[off + i];
                    double cbar = cb[sb + i] + hbar * o * (1 - tc * tc);
                    double zf = cbar * cp[off + i] * f * (1 - f);
                    double zi = cbar * ch * ig * (1 - ig);
                    double zo = hbar * tc * o * (1 - o);
                    double zc = cbar * ig * (1 - ch * ch);
                    cb[sb + i] = cbar * f;
                    double x = in[off + i];
                    double h = hp[off + i];
                    gMain[po + i] += zf * x;
                    gMain[po + 4 * b + i] += zf;
                    gMain[po + b + i] += zi * h;
                    gMain[po + 5 * b + i] += zi;
                    gMain[po + 2 * b + i] += zo * x;
                    gMain[po + 6 * b + i] += zo;
                    gMain[po + 3 * b + i] += zc * h;
                    gMain[po + 7 * b + i] += zc;
                    hb[sb + i] = zi * mp[po + b + i] + zc * mp[po + 3 * b + i];
                    lob[i] = zf * mp[po + i] + zo * mp[po + 2 * b + i];
                }
            }
            for (int i = 0; i < b; i++) {
                gExtra[i] += lob[i] * seq[t * b + i];
            }
        }
        return value;
    }
}
