package dev.leibniz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link Workspace#shares}: which arguments share storage with an array a result handed out. */
class WorkspaceSharesTest {

    @Test
    void arraysShareOnlyWhenTheyAreTheSameArray() {
        double[] a = {1, 2};
        assertTrue(Workspace.shares(a, a));
        assertFalse(Workspace.shares(a, a.clone()), "equal contents are not shared storage");
        assertFalse(Workspace.shares(null, a));
        assertFalse(Workspace.shares(a, null));
        assertFalse(Workspace.shares(null, null), "a result that holds nothing yet shares nothing");
        float[] f = {1f};
        assertTrue(Workspace.shares(f, f));
        assertFalse(Workspace.shares(f, new float[] {1f}));
    }

    @Test
    void aRowSharesWithItsMatrixEitherWay() {
        double[] row = {1, 2};
        double[][] m = {{0, 0}, row};
        assertTrue(Workspace.shares(m, row), "an argument that is a row of the result's matrix");
        assertTrue(Workspace.shares(row, m), "the result's array as a row of an argument");
        assertFalse(Workspace.shares(m, row.clone()));
        assertFalse(Workspace.shares(row.clone(), m));
        assertTrue(Workspace.shares(m, m));
    }

    @Test
    void matricesShareARowAtTheSameIndex() {
        double[] row = {1, 2};
        double[][] held = {{0, 0}, row, {3, 4}};
        assertTrue(Workspace.shares(held, new double[][] {{5, 5}, row}), "row 1 of both");
        assertFalse(Workspace.shares(held, new double[][] {{5, 5}, {1, 2}, {3, 4}}), "equal rows, other arrays");
        assertFalse(Workspace.shares(held, new double[][] {row}), "another index: not looked for");
        assertFalse(Workspace.shares(new double[][] {null}, new double[][] {null}), "absent rows are not shared");
    }
}
