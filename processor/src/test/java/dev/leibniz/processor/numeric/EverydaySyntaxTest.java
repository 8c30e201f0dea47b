package dev.leibniz.processor.numeric;

import static dev.leibniz.processor.testing.GradientChecks.assertCentral;
import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;
import static dev.leibniz.processor.testing.GradientChecks.vector;

import org.junit.jupiter.api.Test;

/** {@link EverydaySyntax} against closed forms and central differences. */
class EverydaySyntaxTest {

    @Test
    void primitiveArrayInitializers() {
        // s = 2 x2 + 3 x0 + 4 x1 + 3
        assertExactly("ds/dx", vector(3, 4, 2), EverydaySyntaxGrad.initializers(vector(1, 2, 3)).x());
    }

    @Test
    void varLocals() {
        assertExactly("d(sum 4x²)/dx", vector(8, 16, 24), EverydaySyntaxGrad.withVar(vector(1, 2, 3)).x());
    }

    @Test
    void assignmentInACondition() {
        assertClose("r > 0: d((x² - 1) x)", 3 * 4 - 1, EverydaySyntaxGrad.assignInCondition(2).x());
        assertClose("r <= 0: d(1 - x²)", -2 * 0.5, EverydaySyntaxGrad.assignInCondition(0.5).x());
    }

    @Test
    void assignmentsAsValues() {
        assertClose("a = b = 2x: d(4x²)", 8 * 1.5, EverydaySyntaxGrad.chainedAssignment(1.5).x());
        var g = EverydaySyntaxGrad.assignmentAsOperand(1, 2);
        assertExactly(0.0, g.x(), "x is overwritten before it is read");
        assertClose("d(1/y + y)/dy", 1 - 1.0 / 4, g.y());
    }

    @Test
    void conditionsWithSideEffects() {
        // sum of x * k for k = n-1 .. 0
        assertClose("while (n-- > 0)", 6, EverydaySyntaxGrad.countdown(0.7, 4).x());
        assertExactly(EverydaySyntax.countdown(0.7, 4), EverydaySyntaxGrad.countdown(0.7, 4).value(), "value");
        assertCentral("do ... while (--n > 0)", p -> EverydaySyntax.countdownDo(p[0], 3), vector(0.8),
                vector(EverydaySyntaxGrad.countdownDo(0.8, 3).x()));
        assertClose("do ... while runs once for n = 0", 2 * 0.8, EverydaySyntaxGrad.countdownDo(0.8, 0).x());
    }

    @Test
    void postIncrementIndex() {
        assertExactly("y[k++] = v²", vector(2, 12), EverydaySyntaxGrad.packSquares(vector(1, 2)).x());
    }

    @Test
    void enhancedForOverRecordsCallingTheirMethods() {
        EverydaySyntax.Gaussian[] gs = {new EverydaySyntax.Gaussian(0.5, 1.2), new EverydaySyntax.Gaussian(-1.0, 0.7),
            new EverydaySyntax.Gaussian(2.0, 2.5)};
        assertCentral("for (Gaussian g : gs)", p -> EverydaySyntax.mixtureNll(p[0], gs), vector(0.3),
                vector(EverydaySyntaxGrad.mixtureNll(0.3, gs).x()));
        assertCentral("for (var g : gs)", p -> EverydaySyntax.mixtureNllVar(p[0], gs), vector(-0.4),
                vector(EverydaySyntaxGrad.mixtureNllVar(-0.4, gs).x()));
    }
}
