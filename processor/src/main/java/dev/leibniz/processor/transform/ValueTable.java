package dev.leibniz.processor.transform;

import dev.leibniz.processor.ir.Block;
import dev.leibniz.processor.ir.Compute;
import dev.leibniz.processor.ir.Operand;
import dev.leibniz.processor.ir.Pos;
import dev.leibniz.processor.ir.Type;
import dev.leibniz.processor.ir.Var;
import dev.leibniz.processor.rules.Elementary;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The values a block has already computed, so that forward mode reuses {@code y * y} instead of
 * computing it again: the table's partials repeat subexpressions (atan2's {@code y² + x²} in
 * both partials), the product rule of {@code x * x} makes {@code x · dx} twice, and a method reads
 * the same element more than once. Every step it saves is also a step the tangent's reverse sweep
 * (H·v) no longer differentiates.
 *
 * <p>An entry is valid where its step was executed and its operands still hold the values they
 * had: entries made in a nested block are forgotten when it ends ({@link #enter}/{@link #leave}),
 * an assignment to a variable forgets the entries that read it, and a loop body starts without the
 * entries that read variables assigned more than once (they may change between iterations).
 */
final class ValueTable {
    /** One block's entries; a loop body's are a barrier to entries that read variables assigned again. */
    private record Scope(Map<List<Object>, Var> values, boolean loopBody) {}

    /** Reads of arrays are shared only when nothing in the method writes an array. */
    private final boolean arraysFixed;
    /** Variables that may hold more than one value where they are visible (assigned again, or a phi). */
    private final Predicate<Var> varies;
    private final Deque<Scope> scopes = new ArrayDeque<>();

    ValueTable(boolean arraysFixed, Predicate<Var> varies) {
        this.arraysFixed = arraysFixed;
        this.varies = varies;
        scopes.push(new Scope(new HashMap<>(), false));
    }

    /** The variable that already holds {@code op(args)} here, or null. */
    Var find(Elementary op, String mathClass, List<Operand> args) {
        return lookup(key(op, mathClass, args));
    }

    /** Records that {@code target} holds {@code op(args)} from here on (nothing for a value assigned again). */
    void remember(Var target, Elementary op, String mathClass, List<Operand> args) {
        if (!varies.test(target) && !args.contains(target)) {
            scopes.peek().values().put(key(op, mathClass, args), target);
        }
    }

    /** {@code op(args)} as a value: the variable that holds it already, or a new temporary computed at the end of {@code out}. */
    Var step(Block out, String base, Elementary op, String mathClass, List<Operand> args, Pos pos) {
        Var existing = find(op, mathClass, args);
        if (existing != null) {
            return existing;
        }
        Var v = new Var(base, Type.DOUBLE, Var.Kind.TEMP);
        v.setDepth(out.depth());
        out.add(new Compute(v, op, args, mathClass, pos));
        remember(v, op, mathClass, args);
        return v;
    }

    /** The variable that already holds {@code array[index]} here, or null. */
    Var findLoad(Var array, List<Operand> index) {
        return arraysFixed ? lookup(loadKey(array, index)) : null;
    }

    /** Records that {@code target} holds {@code array[index]}. */
    void rememberLoad(Var target, Var array, List<Operand> index) {
        if (arraysFixed && !varies.test(target) && !index.contains(target)) {
            scopes.peek().values().put(loadKey(array, index), target);
        }
    }

    /**
     * A step just wrote {@code v}: if v can hold another value than before (assigned again), entries
     * that read it no longer hold. Called right after the write, before the step's partials are
     * built: {@code r = tanh(r)}'s partial 1 − r² must not reuse an r · r of the old r.
     */
    void wrote(Var v) {
        if (varies.test(v)) {
            assigned(v);
        }
    }

    /** An assignment to {@code v}: entries that read it, or are it, no longer hold. */
    void assigned(Var v) {
        for (Scope s : scopes) {
            s.values().entrySet().removeIf(e -> e.getValue() == v || e.getKey().contains(v));
        }
    }

    /**
     * Opens a nested block's scope.
     *
     * @param loopBody whether the block may run again: entries from outside it that read a variable assigned more
     *     than once are not visible in it, since that variable may change between iterations
     */
    void enter(boolean loopBody) {
        scopes.push(new Scope(new HashMap<>(), loopBody));
    }

    /** Closes the innermost block; it may have assigned variables assigned more than once, so entries reading them go. */
    void leave() {
        scopes.pop();
        for (Scope s : scopes) {
            s.values().entrySet().removeIf(e -> !e.getKey().stream().allMatch(this::stableOperand));
        }
    }

    private Var lookup(List<Object> key) {
        boolean crossedLoop = false;
        for (Scope s : scopes) { // innermost first
            Var v = s.values().get(key);
            if (v != null && (!crossedLoop || key.stream().allMatch(this::stableOperand))) {
                return v;
            }
            crossedLoop |= s.loopBody();
        }
        return null;
    }

    private static List<Object> key(Elementary op, String mathClass, List<Operand> args) {
        List<Object> k = new ArrayList<>(args.size() + 2);
        k.add(op);
        k.add(mathClass);
        k.addAll(args);
        return k;
    }

    private static List<Object> loadKey(Var array, List<Operand> index) {
        List<Object> k = new ArrayList<>(index.size() + 2);
        k.add("load");
        k.add(array);
        k.addAll(index);
        return k;
    }

    private boolean stableOperand(Object o) {
        return !(o instanceof Var v) || !varies.test(v);
    }
}
