package dev.leibniz.processor.transform;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.leibniz.processor.ir.Const;
import dev.leibniz.processor.ir.Operand;
import dev.leibniz.processor.ir.Type;
import dev.leibniz.processor.ir.Var;
import dev.leibniz.processor.rules.Elementary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where forward mode may reuse a value computed already: a wrong reuse is a wrong tangent. */
class ValueTableTest {
    private final Var x = new Var("x", Type.DOUBLE, Var.Kind.PARAM);
    private final Var y = new Var("y", Type.DOUBLE, Var.Kind.PARAM);
    private final Var s = mutable("s");
    private final Var i = mutable("i");
    private final Var xs = new Var("xs", Type.DOUBLE_ARRAY, Var.Kind.PARAM);

    private static Var mutable(String name) {
        Var v = new Var(name, Type.DOUBLE, Var.Kind.LOCAL);
        v.setMutable();
        return v;
    }

    private static Var temp(String name) {
        return new Var(name, Type.DOUBLE, Var.Kind.TEMP);
    }

    private ValueTable table(boolean arraysFixed) {
        return new ValueTable(arraysFixed, v -> v.isMutable() || v.kind() == Var.Kind.PHI);
    }

    @Test
    void sameOperationOnSameOperandsIsReused() {
        ValueTable t = table(true);
        Var xy = temp("xy");
        t.remember(xy, Elementary.MUL, "Math", List.of(x, y));
        assertSame(xy, t.find(Elementary.MUL, "Math", List.of(x, y)));
        assertNull(t.find(Elementary.MUL, "StrictMath", List.of(x, y)), "StrictMath is another operation");
        assertNull(t.find(Elementary.ADD, "Math", List.of(x, y)));
        assertNull(t.find(Elementary.MUL, "Math", List.of(x, Const.literal(2.0))));
    }

    @Test
    void nestedBlockEntriesEndWithTheBlock() {
        ValueTable t = table(true);
        t.enter(false);
        Var xy = temp("xy");
        t.remember(xy, Elementary.MUL, "Math", List.of(x, y));
        assertSame(xy, t.find(Elementary.MUL, "Math", List.of(x, y)));
        t.leave();
        assertNull(t.find(Elementary.MUL, "Math", List.of(x, y)), "computed only on one side of a branch");
    }

    @Test
    void assigningAnOperandForgetsWhatReadIt() {
        ValueTable t = table(true);
        Var twice = temp("twice");
        t.remember(twice, Elementary.ADD, "Math", List.<Operand>of(s, s));
        assertSame(twice, t.find(Elementary.ADD, "Math", List.<Operand>of(s, s)));
        t.assigned(s);
        assertNull(t.find(Elementary.ADD, "Math", List.<Operand>of(s, s)));
    }

    @Test
    void aVaryingTargetIsNeverOffered() {
        ValueTable t = table(true);
        t.remember(s, Elementary.MUL, "Math", List.of(x, y));
        assertNull(t.find(Elementary.MUL, "Math", List.of(x, y)));
    }

    @Test
    void aLoopBodySeesOnlyEntriesWhoseOperandsCannotChangeBetweenIterations() {
        ValueTable t = table(true);
        Var fixed = temp("fixed");
        Var varying = temp("varying");
        t.remember(fixed, Elementary.MUL, "Math", List.of(x, y));
        t.remember(varying, Elementary.MUL, "Math", List.<Operand>of(s, y));
        t.enter(true);
        assertSame(fixed, t.find(Elementary.MUL, "Math", List.of(x, y)));
        assertNull(t.find(Elementary.MUL, "Math", List.<Operand>of(s, y)), "s may differ in a later iteration");
        t.leave();
        assertNull(t.find(Elementary.MUL, "Math", List.<Operand>of(s, y)), "the loop may have assigned s");
        assertSame(fixed, t.find(Elementary.MUL, "Math", List.of(x, y)));
    }

    @Test
    void anElementReadWithTheLoopCounterIsSharedWithinOneIteration() {
        ValueTable t = table(true);
        t.enter(true);
        Var first = temp("xs_i");
        t.rememberLoad(first, xs, List.of(i));
        assertSame(first, t.findLoad(xs, List.of(i)));
        t.leave();
        assertNull(t.findLoad(xs, List.of(i)));
    }

    @Test
    void readsAreNotSharedWhenTheMethodWritesArrays() {
        ValueTable t = table(false);
        t.rememberLoad(temp("xs_0"), xs, List.of(Const.literal(0.0)));
        assertNull(t.findLoad(xs, List.of(Const.literal(0.0))));
    }
}
