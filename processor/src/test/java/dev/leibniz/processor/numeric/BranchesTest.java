package dev.leibniz.processor.numeric;

import static dev.leibniz.processor.numeric.NumericChecks.assertDerivative;
import static dev.leibniz.processor.numeric.NumericChecks.assertEdge;
import static dev.leibniz.processor.numeric.NumericChecks.assertEdgeDerivative;
import static dev.leibniz.processor.numeric.NumericChecks.assertGradient;
import static dev.leibniz.processor.numeric.NumericChecks.assertOnKink;
import static dev.leibniz.processor.numeric.NumericChecks.vector;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Branches}: inside a branch the gradient agrees with central differences; on the boundary
 * it is the gradient of the branch taken; the untaken side never leaks a NaN or an infinity.
 */
class BranchesTest {

    @ParameterizedTest
    @CsvSource({"2.5, 5.0", "-4.0, -3.0", "0.3, 0.955336489125606", "-0.8, 0.6967067093471654"})
    void ifElseIfElse(double x, double expected) {
        var g = BranchesGrad.piecewise(x);
        assertDerivative("if / else if / else", Branches::piecewise, x, g.value(), g.x(), expected);
    }

    /** x = 1 and x = -1 fall to the else branch, sin x. */
    @ParameterizedTest
    @ValueSource(doubles = {1.0, -1.0})
    void ifElseIfElseOnTheBoundary(double x) {
        var g = BranchesGrad.piecewise(x);
        assertOnKink("if / else if / else", p -> Branches.piecewise(p[0]), vector(x), g.value(),
                vector(g.x()), vector(Math.cos(x)));
    }

    @ParameterizedTest
    @CsvSource({"3.0, 1.0", "-1.0, 2.0", "0.5, -4.0"})
    void conditionalOperator(double x, double y) {
        var g = BranchesGrad.ternary(x, y);
        double[] expected = x > y ? vector(y, x) : vector(1.0, 2.0);
        assertGradient("x > y ? x * y : x + 2 * y", p -> Branches.ternary(p[0], p[1]),
                vector(x, y), g.value(), vector(g.x(), g.y()), expected);
    }

    @Test
    void conditionalOperatorOnTheBoundary() {
        var g = BranchesGrad.ternary(2.0, 2.0);
        assertOnKink("x > y ? x * y : x + 2 * y", p -> Branches.ternary(p[0], p[1]),
                vector(2.0, 2.0), g.value(), vector(g.x(), g.y()), vector(1.0, 2.0));
    }

    @ParameterizedTest
    @CsvSource({"2.0, 3.0", "2.0, -1.0", "-1.0, 3.0", "-2.0, -2.0"})
    void and(double x, double y) {
        var g = BranchesGrad.and(x, y);
        double[] expected = x > 0 && y > 0 ? vector(y, x) : vector(1.0, -1.0);
        assertGradient("&&", p -> Branches.and(p[0], p[1]), vector(x, y), g.value(),
                vector(g.x(), g.y()), expected);
    }

    @Test
    void andOnTheBoundary() {
        var g = BranchesGrad.and(0.0, 3.0);
        assertOnKink("&&", p -> Branches.and(p[0], p[1]), vector(0.0, 3.0), g.value(),
                vector(g.x(), g.y()), vector(1.0, -1.0));
    }

    @ParameterizedTest
    @CsvSource({"-1.0, 2.0", "2.0, -3.0", "2.0, 3.0", "-2.0, -1.0"})
    void or(double x, double y) {
        var g = BranchesGrad.or(x, y);
        double[] expected = x < 0 || y < 0 ? vector(2.0 * x * y, x * x)
                : vector(-y / (x * x), 1.0 / x);
        assertGradient("||", p -> Branches.or(p[0], p[1]), vector(x, y), g.value(),
                vector(g.x(), g.y()), expected);
    }

    @ParameterizedTest
    @CsvSource({"1.0, 3.0", "-1.5, 6.75", "3.0, 4.0"})
    void not(double x, double expected) {
        var g = BranchesGrad.not(x);
        assertDerivative("!", Branches::not, x, g.value(), g.x(), expected);
    }

    @Test
    void notOnTheBoundary() {
        var g = BranchesGrad.not(2.0);
        assertOnKink("!", p -> Branches.not(p[0]), vector(2.0), g.value(), vector(g.x()),
                vector(4.0));
    }

    @ParameterizedTest
    @CsvSource({"1.0, 3.0", "-2.0, 3.0", "5.0, 1.0"})
    void comparisons(double x, double y) {
        var g = BranchesGrad.comparisons(x, y);
        double[] expected = x <= y ? vector(1.0, 2.0 * y) : vector(3.0, -1.0);
        assertGradient("== != <=", p -> Branches.comparisons(p[0], p[1]), vector(x, y), g.value(),
                vector(g.x(), g.y()), expected);
    }

    /** x == y takes the first branch (y, x); x == 0 skips the second, to (3, -1). */
    @ParameterizedTest
    @CsvSource({"2.0, 2.0, 2.0, 2.0", "-0.5, -0.5, -0.5, -0.5", "0.0, 4.0, 3.0, -1.0"})
    void comparisonsOnTheBoundary(double x, double y, double dx, double dy) {
        var g = BranchesGrad.comparisons(x, y);
        assertOnKink("== != <=", p -> Branches.comparisons(p[0], p[1]), vector(x, y), g.value(),
                vector(g.x(), g.y()), vector(dx, dy));
    }

    @ParameterizedTest
    @CsvSource({"3.0, 27.0", "-2.5, 18.75", "1.0, 6.0", "-1.0, -2.0", "0.5, 4.0"})
    void earlyReturn(double x, double expected) {
        var g = BranchesGrad.earlyReturn(x);
        assertDerivative("early return", Branches::earlyReturn, x, g.value(), g.x(), expected);
    }

    /** x^2 = 4 is not greater than 4: the code after the if runs, 4x + 2. */
    @ParameterizedTest
    @CsvSource({"2.0, 10.0", "-2.0, -6.0"})
    void earlyReturnOnTheBoundary(double x, double expected) {
        var g = BranchesGrad.earlyReturn(x);
        assertOnKink("early return", p -> Branches.earlyReturn(p[0]), vector(x), g.value(),
                vector(g.x()), vector(expected));
    }

    @ParameterizedTest
    @CsvSource({"2.0, 5.0", "-3.0, 2.0", "0.5, -1.0"})
    void assignmentInBranches(double x, double y) {
        var g = BranchesGrad.assignmentInBranches(x, y);
        double[] expected = x > 0 ? vector(1.0 / x, 1.0) : vector(y, x + 1.0);
        assertGradient("assignment in branches", p -> Branches.assignmentInBranches(p[0], p[1]),
                vector(x, y), g.value(), vector(g.x(), g.y()), expected);
    }

    /** At x = 0 log would be -infinity; the else branch is taken. */
    @Test
    void assignmentInBranchesOnTheBoundary() {
        var g = BranchesGrad.assignmentInBranches(0.0, 3.0);
        assertOnKink("assignment in branches", p -> Branches.assignmentInBranches(p[0], p[1]),
                vector(0.0, 3.0), g.value(), vector(g.x(), g.y()), vector(3.0, 1.0));
    }

    @ParameterizedTest
    @CsvSource({"2.0, 3.0, 36.0, 24.0", "-1.0, 3.0, 0.0, 1.0", "0.5, -2.0, 4.0, -1.0"})
    void localDeclaredInABranch(double x, double y, double dx, double dy) {
        var g = BranchesGrad.localInBlock(x, y);
        assertGradient("local in a block", p -> Branches.localInBlock(p[0], p[1]), vector(x, y),
                g.value(), vector(g.x(), g.y()), vector(dx, dy));
    }

    @ParameterizedTest
    @CsvSource({"2.0, 3.0, 3.0, 2.0", "2.0, -1.0, 1.0, -1.0", "-1.0, 2.0, 0.0, 4.0",
        "-1.0, -3.0, 3.0, 0.0"})
    void nestedBranches(double x, double y, double dx, double dy) {
        var g = BranchesGrad.nested(x, y);
        assertGradient("nested", p -> Branches.nested(p[0], p[1]), vector(x, y), g.value(),
                vector(g.x(), g.y()), vector(dx, dy));
    }

    @ParameterizedTest
    @CsvSource({"1.5, 3, 3.0", "-2.0, 1, -4.0", "0.5, 5, 5.0", "3.0, 2, 6.0"})
    void branchOnAnIntParameter(double x, int n, double expected) {
        var g = BranchesGrad.branchOnInt(x, n);
        assertDerivative("branch on int", t -> Branches.branchOnInt(t, n), x, g.value(), g.x(),
                expected);
    }

    @ParameterizedTest
    @CsvSource({"-2.0, -1.0", "-0.5, -1.0", "3.0, 0.3333333333333333"})
    void untakenLogDoesNotLeakNaN(double x, double expected) {
        var g = BranchesGrad.guardedLog(x);
        assertDerivative("x > 0 ? log(x) : -x", Branches::guardedLog, x, g.value(), g.x(),
                expected);
    }

    @Test
    void untakenLogDoesNotLeakInfinityAtZero() {
        var g = BranchesGrad.guardedLog(0.0);
        assertEdgeDerivative("x > 0 ? log(x) : -x", Branches::guardedLog, 0.0, g.value(), g.x(),
                -1.0);
    }

    @ParameterizedTest
    @CsvSource({"-3.0, -6.0", "-0.5, -1.0", "4.0, 0.25"})
    void untakenSqrtDoesNotLeakNaN(double x, double expected) {
        var g = BranchesGrad.guardedSqrt(x);
        assertDerivative("x >= 0 ? sqrt(x) : x * x", Branches::guardedSqrt, x, g.value(), g.x(),
                expected);
    }

    /** At 0 the sqrt branch is taken, and sqrt'(0) = +Infinity. */
    @Test
    void takenSqrtAtZeroIsInfinite() {
        var g = BranchesGrad.guardedSqrt(0.0);
        assertEdgeDerivative("x >= 0 ? sqrt(x) : x * x", Branches::guardedSqrt, 0.0, g.value(),
                g.x(), Double.POSITIVE_INFINITY);
    }

    @ParameterizedTest
    @CsvSource({"3.0, 2.0", "-1.0, -4.0"})
    void guardedDivisionAwayFromZero(double x, double y) {
        var g = BranchesGrad.guardedDivision(x, y);
        assertGradient("y != 0 ? x / y : x", p -> Branches.guardedDivision(p[0], p[1]),
                vector(x, y), g.value(), vector(g.x(), g.y()), vector(1.0 / y, -x / (y * y)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {3.0, -2.0, 0.0})
    void untakenDivisionByZeroDoesNotLeakInfinity(double x) {
        var g = BranchesGrad.guardedDivision(x, 0.0);
        assertEdge("y != 0 ? x / y : x", p -> Branches.guardedDivision(p[0], p[1]),
                vector(x, 0.0), g.value(), vector(g.x(), g.y()), vector(1.0, 0.0));
    }

    @ParameterizedTest
    @ValueSource(doubles = {2.0, -3.0, 0.5, -0.2})
    void untakenAcosDoesNotLeakNaN(double x) {
        var g = BranchesGrad.guardedAcos(x);
        double expected = Math.abs(x) <= 1 ? 1.0 - 1.0 / Math.sqrt(1.0 - x * x) : 1.0;
        assertDerivative("if (|x| <= 1) r = acos(x); r + x", Branches::guardedAcos, x, g.value(),
                g.x(), expected);
    }
}
