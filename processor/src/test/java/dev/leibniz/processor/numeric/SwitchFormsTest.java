package dev.leibniz.processor.numeric;

import static dev.leibniz.processor.testing.GradientChecks.assertCentral;
import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static dev.leibniz.processor.testing.GradientChecks.vector;

import org.junit.jupiter.api.Test;

/** {@link SwitchForms} against closed forms and central differences, every case taken. */
class SwitchFormsTest {

    @Test
    void enumStatementWithReturns() {
        double z = 0.4;
        assertClose("relu'", 1.0, SwitchFormsGrad.activate(z, SwitchForms.Activation.RELU).z());
        assertClose("tanh'", 1 - Math.tanh(z) * Math.tanh(z), SwitchFormsGrad.activate(z, SwitchForms.Activation.TANH).z());
        double s = 1 / (1 + Math.exp(-z));
        assertClose("sigmoid'", s * (1 - s), SwitchFormsGrad.activate(z, SwitchForms.Activation.SIGMOID).z());
    }

    @Test
    void arrowStatementEveryCase() {
        double x = 0.7;
        assertClose("k = 0: d(x³)", 3 * x * x, SwitchFormsGrad.arrows(x, 0).x());
        assertClose("k = 1: d(2x sin x)", 2 * Math.sin(x) + 2 * x * Math.cos(x), SwitchFormsGrad.arrows(x, 1).x());
        assertClose("k = 2 shares the case", 2 * Math.sin(x) + 2 * x * Math.cos(x), SwitchFormsGrad.arrows(x, 2).x());
        assertClose("default: d((x + 1) x)", 2 * x + 1, SwitchFormsGrad.arrows(x, 7).x());
    }

    @Test
    void stringColonFormWithSharedLabels() {
        double x = 0.7;
        assertClose("square", 2 * x, SwitchFormsGrad.byName(x, "square").x());
        assertClose("cube", 3 * x * x, SwitchFormsGrad.byName(x, "cube").x());
        assertClose("cubed", 3 * x * x, SwitchFormsGrad.byName(x, "cubed").x());
        assertClose("default", 1, SwitchFormsGrad.byName(x, "other").x());
    }

    @Test
    void switchExpressions() {
        double x = 0.7;
        assertClose("k = 0: d(2x²)", 4 * x, SwitchFormsGrad.expressions(x, 0).x());
        assertClose("k = 1: d(5(eˣ + x))", 5 * (Math.exp(x) + 1), SwitchFormsGrad.expressions(x, 1).x());
        assertClose("k = 2: d(15x)", 15, SwitchFormsGrad.expressions(x, 2).x());
        for (SwitchForms.Activation a : SwitchForms.Activation.values()) {
            assertCentral("colon-form expression " + a, p -> SwitchForms.colonExpression(p[0], a), vector(0.3),
                    vector(SwitchFormsGrad.colonExpression(0.3, a).x()));
        }
    }

    @Test
    void insideALoopWithContinue() {
        double[] x = vector(0.5, 1.5, -0.3, 2.0);
        int[] kinds = {0, 1, 2, 1};
        assertCentral("switch in a loop", p -> SwitchForms.inALoop(p, kinds), x, SwitchFormsGrad.inALoop(x, kinds).x());
    }
}
