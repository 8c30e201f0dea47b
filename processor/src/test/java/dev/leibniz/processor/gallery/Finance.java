package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;

/** Option pricing and fixed income: the Greeks are the gradient. */
final class Finance {

    private Finance() {}

    /** Standard normal CDF by the Abramowitz-Stegun 7.1.26 erf approximation. */
    @Differentiable
    static double normalCdf(double x) {
        double z = Math.abs(x) / Math.sqrt(2.0);
        double t = 1.0 / (1.0 + 0.3275911 * z);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double erf = 1.0 - poly * Math.exp(-z * z);
        return x >= 0 ? 0.5 * (1.0 + erf) : 0.5 * (1.0 - erf);
    }

    /** Black-Scholes price of a European call. */
    @Differentiable
    static double blackScholesCall(double spot, double strike, double sigma, double rate, double maturity) {
        double sqrtT = Math.sqrt(maturity);
        double d1 = (Math.log(spot / strike) + (rate + 0.5 * sigma * sigma) * maturity) / (sigma * sqrtT);
        double d2 = d1 - sigma * sqrtT;
        return spot * normalCdf(d1) - strike * Math.exp(-rate * maturity) * normalCdf(d2);
    }

    /** Pathwise Monte Carlo price of a call under geometric Brownian motion, fixed seed. */
    @Differentiable
    static double monteCarloCall(double spot, double sigma, double strike, int paths) {
        java.util.Random rnd = new java.util.Random(7);
        double sum = 0.0;
        for (int p = 0; p < paths; p++) {
            double z = rnd.nextGaussian();
            double st = spot * Math.exp(-0.5 * sigma * sigma + sigma * z);
            sum += st > strike ? st - strike : 0.0;
        }
        return sum / paths;
    }

    /** American put on a binomial tree: backward induction in place with early exercise. */
    @Differentiable
    static double binomialAmericanPut(double spot, double strike, double sigma, double rate, double maturity,
            int steps) {
        double dt = maturity / steps;
        double up = Math.exp(sigma * Math.sqrt(dt));
        double down = 1.0 / up;
        double p = (Math.exp(rate * dt) - down) / (up - down);
        double disc = Math.exp(-rate * dt);
        double[] values = new double[steps + 1];
        for (int j = 0; j <= steps; j++) {
            double st = spot * Math.pow(up, j) * Math.pow(down, steps - j);
            values[j] = Math.max(strike - st, 0.0);
        }
        for (int n = steps - 1; n >= 0; n--) {
            for (int j = 0; j <= n; j++) {
                double cont = disc * (p * values[j + 1] + (1.0 - p) * values[j]);
                double st = spot * Math.pow(up, j) * Math.pow(down, n - j);
                values[j] = Math.max(cont, strike - st);
            }
        }
        return values[0];
    }

    /** Yield to maturity from a bond price by Newton's method on the pricing equation. */
    @Differentiable
    static double bondYield(double price, double coupon, int years) {
        double y = 0.05;
        for (int it = 0; it < 50; it++) {
            double pv = 0.0;
            double dpv = 0.0;
            for (int t = 1; t <= years; t++) {
                double cash = t == years ? coupon + 100.0 : coupon;
                pv += cash * Math.pow(1.0 + y, -t);
                dpv -= t * cash * Math.pow(1.0 + y, -t - 1);
            }
            double step = (pv - price) / dpv;
            y -= step;
            if (Math.abs(step) < 1e-14) {
                break;
            }
        }
        return y;
    }

    /** Portfolio variance with long-only weights from a softmax of scores. */
    @Differentiable
    static double portfolioVariance(double[] scores, double[][] cov) {
        int n = scores.length;
        double[] w = new double[n];
        double total = 0.0;
        for (int i = 0; i < n; i++) {
            w[i] = Math.exp(scores[i]);
            total += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] /= total;
        }
        double var = 0.0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                var += w[i] * cov[i][j] * w[j];
            }
        }
        return var;
    }

    /** Compound a deposit until it doubles, the balance started from the first deposit. */
    @Differentiable
    static double compoundUntilDoubled(double[] deposits, double rate) {
        double balance = deposits[0];
        double target = 2.0 * deposits[0];
        int years = 0;
        do {
            balance *= 1.0 + rate;
            if (years < deposits.length - 1) {
                balance += deposits[years + 1];
            }
            years++;
        } while (balance < target && years < 100);
        return balance;
    }
}
