package dev.leibniz.processor.transform;

import dev.leibniz.processor.ir.ArrayNew;
import dev.leibniz.processor.ir.Block;
import dev.leibniz.processor.ir.Call;
import dev.leibniz.processor.ir.Compute;
import dev.leibniz.processor.ir.Const;
import dev.leibniz.processor.ir.Func;
import dev.leibniz.processor.ir.If;
import dev.leibniz.processor.ir.Load;
import dev.leibniz.processor.ir.Loop;
import dev.leibniz.processor.ir.Opaque;
import dev.leibniz.processor.ir.Operand;
import dev.leibniz.processor.ir.Param;
import dev.leibniz.processor.ir.Pos;
import dev.leibniz.processor.ir.Return;
import dev.leibniz.processor.ir.RowView;
import dev.leibniz.processor.ir.Stmt;
import dev.leibniz.processor.ir.Store;
import dev.leibniz.processor.ir.Template;
import dev.leibniz.processor.ir.Type;
import dev.leibniz.processor.ir.Var;
import dev.leibniz.processor.ir.Walk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.type.TypeMirror;

/**
 * Forward mode along several directions at once: the tangent program of a {@code double[]}-valued
 * method rewritten so that one run computes the value once and the tangents along
 * {@code directions} directions, which is how a forward-mode Jacobian shares the primal sweep
 * across its columns.
 *
 * <p>Tangent values never flow into primal ones, so the statements that make tangents (those
 * that depend on a tangent parameter) can run once per direction while every other statement
 * runs once. Each run of consecutive tangent statements becomes one loop over the directions
 * (their order relative to the primal statements is kept, so they read the primal values they
 * read before). A tangent array of length L holds the directions side by side, direction c's
 * element i at {@code c * L + i}; so do the tangent parameters (a {@code double} tangent becomes
 * a {@code double[]} with one entry per direction) and the result. A scalar tangent made and read
 * within one such loop stays a local of the loop; one that lives longer (carried by a loop, set
 * in both branches of an if) gets one entry per direction in an array of its own.
 *
 * <p>A call of another method's tangent program is a tangent step like any other, run once per
 * direction: an array argument's tangent is copied out of its directions for it, and an array
 * result's copied back in. Tangents that pass through procedures, rows, black-box Java or float
 * and matrix values are left to the one-direction tangent program: {@link #of} returns null for
 * them.
 */
public final class VectorTangent {
    /** The types of the new parameters, which generated signatures need as type mirrors. */
    public record Types(TypeMirror intType, TypeMirror doubleArray) {}

    private final Func tf;
    private final int originals;
    private final Set<Var> tangents = new HashSet<>();
    private final Var directions;
    /** The run of tangent statements (a loop over the directions) each scalar tangent is made and read in. */
    private final Map<Var, Set<Object>> runsOf = new HashMap<>();
    /** Scalar tangents kept across runs: their array of one entry per direction. */
    private final Map<Var, Var> perDirection = new LinkedHashMap<>();
    /** Scalar tangents local to one run: their variable inside that run's loop. */
    private final Map<Var, Var> local = new IdentityHashMap<>();
    /** Tangent arrays: the variable holding each one's length, or the primal array whose length it is. */
    private final Map<Var, Object> lengths = new HashMap<>();

    private VectorTangent(Func tf, int originals) {
        this.tf = tf;
        this.originals = originals;
        this.directions = new Var("directions", Type.INT, Var.Kind.PARAM);
    }

    /** The name of the method running the tangent program along several directions. */
    public static String nameOf(String method) {
        return method + "Tangents";
    }

    /**
     * The tangent program {@code tf} of a {@code double[]}-valued method with {@code originals}
     * parameters, along several directions; null when its tangents take a path this does not
     * follow (the one-direction program then computes the columns one by one).
     */
    public static Func of(Func tf, int originals, Types types) {
        if (!tf.returnsArray()) {
            return null;
        }
        return new VectorTangent(tf, originals).run(types);
    }

    private Func run(Types types) {
        List<Param> params = tf.params();
        for (int i = originals; i < params.size(); i++) {
            tangents.add(params.get(i).var()); // (their types are checked with every other tangent's below)
        }
        findTwins(tf.body());
        if (!closeOverDependence()) {
            return null;
        }
        boolean[] returnsTangents = {true};
        Walk.statements(tf.body(), st -> returnsTangents[0] &= !(st instanceof Return r)
                || r.value() instanceof Var v && tangents.contains(v));
        if (!returnsTangents[0]) {
            return null; // (a returned array no tangent reaches has the same tangent, zero, along every direction)
        }
        Set<Var> made = new HashSet<>();
        Walk.statements(tf.body(), s -> {
            if (s instanceof ArrayNew n) {
                made.add(n.target());
            } else if (s instanceof Call k && twins.containsKey(k.target())) {
                made.add(k.target());
                lengths.put(k.target(), twins.get(k.target()));
            }
        });
        for (Var t : tangents) {
            if (t.type() != Type.DOUBLE && t.type() != Type.DOUBLE_ARRAY
                    || t.type() == Type.DOUBLE_ARRAY && t.kind() != Var.Kind.PARAM && !made.contains(t)) {
                return null;
            }
        }
        Block body0 = sunk(tf.body());
        assignRuns(body0, new int[] {0});
        for (Var t : tangents) {
            if (t.type() == Type.DOUBLE && t.kind() != Var.Kind.PARAM
                    && (runsOf.getOrDefault(t, Set.of()).size() != 1 || readFirst.contains(t) || t.isCarried()
                    || t.kind() == Var.Kind.PHI)) {
                Var array = new Var(t.baseName(), Type.DOUBLE_ARRAY, Var.Kind.LOCAL);
                array.setDepth(0);
                perDirection.put(t, array);
            }
        }
        List<Param> out = new ArrayList<>();
        for (int i = 0; i < originals; i++) {
            Param p = params.get(i);
            out.add(new Param(p.var(), p.type(), false));
        }
        out.add(new Param(directions, types.intType(), false));
        Map<Var, Var> replaced = new HashMap<>();
        for (int i = originals; i < params.size(); i++) {
            Param p = params.get(i);
            Var t = p.var();
            if (t.type() == Type.DOUBLE) { // one entry per direction
                Var array = new Var(t.baseName(), Type.DOUBLE_ARRAY, Var.Kind.PARAM);
                replaced.put(t, array);
                out.add(new Param(array, types.doubleArray(), false));
            } else {
                lengths.put(t, primalOf(i));
                out.add(new Param(t, p.type(), false));
            }
        }
        Block body = new Block(tf.body().depth());
        Map<Var, Pos> madeAt = new HashMap<>();
        Walk.statements(tf.body(), st -> {
            Var t = Layout.target(st);
            if (t != null) {
                madeAt.putIfAbsent(t, st.pos());
            }
        });
        for (Map.Entry<Var, Var> e : perDirection.entrySet()) {
            Pos at = madeAt.getOrDefault(e.getKey(), new Pos(0, e.getKey().baseName()));
            body.add(new ArrayNew(e.getValue(), List.of(directions), true,
                    new Pos(at.line(), at.text() + " (one entry per direction)"), null));
        }
        parameterArrays.putAll(replaced);
        rewrite(body0, body);
        return new Func(nameOf(tf.tangentOf() != null ? tf.tangentOf().name() : tf.name()), tf.signature(), tf.receiver(),
                tf.receiverType(), out, body, false, Type.DOUBLE_ARRAY, tf.tangentOf() != null ? tf.tangentOf() : tf);
    }

    /** Scalar tangent parameters: their array of one entry per direction. */
    private final Map<Var, Var> parameterArrays = new HashMap<>();

    /** The primal parameter whose tangent is the i-th parameter of the tangent program. */
    private Var primalOf(int i) {
        int k = i - originals;
        List<Param> params = tf.tangentOf().params();
        for (Param p : params) {
            if (p.differentiated() && k-- == 0) {
                return tf.params().get(params.indexOf(p)).var();
            }
        }
        throw new IllegalStateException("no primal parameter for tangent " + tf.params().get(i).var());
    }

    // ---- which values are tangents --------------------------------------------------------------

    /** Adds every value that depends on a tangent parameter; false when one takes a path not followed. */
    private boolean closeOverDependence() {
        boolean[] ok = {true};
        boolean changed = true;
        while (changed && ok[0]) {
            int before = tangents.size();
            Walk.statements(tf.body(), s -> {
                if (s instanceof Compute c && c.args().stream().anyMatch(tangents::contains)) {
                    tangents.add(c.target());
                } else if (s instanceof Load l && tangents.contains(l.array())) {
                    tangents.add(l.target());
                } else if (s instanceof Store st && tangents.contains(st.value())) {
                    tangents.add(st.array());
                } else if (s instanceof Call k && (k.args().stream().anyMatch(tangents::contains)
                        || k.defines().stream().anyMatch(tangents::contains))) {
                    if (perDirectionCall(k)) {
                        tangents.add(k.target());
                    } else {
                        ok[0] = false;
                    }
                } else if (s instanceof RowView r && (tangents.contains(r.parent()) || tangents.contains(r.target()))) {
                    ok[0] = false;
                } else if (s instanceof Opaque o && (o.code().vars().stream().anyMatch(tangents::contains)
                        || tangents.contains(o.target()))) {
                    ok[0] = false;
                } else if (s instanceof If i && i.condition().vars().stream().anyMatch(tangents::contains)) {
                    ok[0] = false;
                } else if (s instanceof Loop l && l.condition() != null
                        && l.condition().vars().stream().anyMatch(tangents::contains)) {
                    ok[0] = false;
                }
            });
            changed = tangents.size() != before;
        }
        return ok[0];
    }

    // ---- fewer, longer runs ----------------------------------------------------------------------

    /**
     * The block with each tangent step moved down past the primal steps after it, up to the first
     * that changes a value the step reads or that is not a plain step, so that the tangent steps
     * gather into fewer loops over the directions and their scalars stay locals of one loop. Only
     * tangent steps move, and primal steps never read tangents, so every step still reads what it
     * read before.
     */
    private Block sunk(Block b) {
        Block out = new Block(b.depth());
        List<Stmt> pending = new ArrayList<>();
        Set<Var> read = new HashSet<>();
        for (Stmt s : b.stmts()) {
            if (isTangentStep(s)) {
                pending.add(s);
                read.addAll(operands(s));
                continue;
            }
            // (a call that writes no array only sets its target; its call site's buffers are no tangent step's)
            boolean plain = s instanceof Compute || s instanceof Load || s instanceof Store
                    || s instanceof Opaque o && o.writes().isEmpty() || s instanceof ArrayNew
                    || s instanceof Call k && k.target() != null && k.callee().outputs().isEmpty();
            Var target = s instanceof ArrayNew n ? n.target() : s instanceof Call k ? k.target() : Layout.target(s);
            // a store changes its array, which a pending call's tangent may read (or a row of it, or its matrix)
            boolean storesRead = s instanceof Store st && read.stream().anyMatch(v -> v.base() == st.array().base());
            if (!plain || target != null && read.contains(target) || storesRead) {
                out.stmts().addAll(pending);
                pending.clear();
                read.clear();
            }
            if (s instanceof If i) {
                out.add(new If(i.condition(), i.taken(), sunk(i.then()), sunk(i.otherwise()), i.phis(), i.pos()));
            } else if (s instanceof Loop l) {
                out.add(new Loop(l.label(), l.condition(), l.doWhile(), sunk(l.body()), l.counted(), l.trips(), l.pos()));
            } else {
                out.add(s);
            }
        }
        out.stmts().addAll(pending);
        return out;
    }

    /** Every variable a tangent step reads: its operands and indexes. */
    private static Set<Var> operands(Stmt s) {
        Set<Var> out = new HashSet<>();
        List<Operand> ops = new ArrayList<>();
        if (s instanceof Call k) {
            ops.addAll(k.args());
            if (k.receiver() != null) {
                ops.add(k.receiver());
            }
        } else if (s instanceof Compute c) {
            ops.addAll(c.args());
        } else if (s instanceof Load l) {
            ops.addAll(l.index());
        } else if (s instanceof Store st) {
            ops.addAll(st.index());
            ops.add(st.value());
        }
        for (Operand o : ops) {
            if (o instanceof Var v) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * A call of another method's tangent program: it runs once per direction, as any tangent step
     * (the callee's own value with it, which is where sharing stops). Procedures (whose outputs it
     * would write once per direction) and receivers that vary are left to the one-direction
     * program.
     */
    private boolean perDirectionCall(Call k) {
        if (k.target() == null || k.target().type() != Type.DOUBLE && k.target().type() != Type.DOUBLE_ARRAY
                || !k.callee().outputs().isEmpty() || k.receiver() instanceof Var r && tangents.contains(r)) {
            return false;
        }
        if (k.target().type() == Type.DOUBLE_ARRAY && !twins.containsKey(k.target())) {
            return false; // (no value call just before it to take the result's length from)
        }
        for (Operand a : k.args()) {
            if (a instanceof Var v && tangents.contains(v) && v.type() != Type.DOUBLE && v.type() != Type.DOUBLE_ARRAY) {
                return false;
            }
        }
        return true;
    }

    /**
     * For the tangent of an array a call returns, the array the value call just before it returns
     * (the tangent program calls the callee's value, then its tangent program, with the same
     * arguments): the length of each direction's tangent.
     */
    private final Map<Var, Var> twins = new HashMap<>();

    private void findTwins(Block b) {
        Stmt before = null;
        for (Stmt s : b.stmts()) {
            if (s instanceof Call k && before instanceof Call v && k.target() != null && v.target() != null
                    && k.target().type() == Type.DOUBLE_ARRAY && v.target().type() == Type.DOUBLE_ARRAY
                    && k.callee().method() != null && k.callee().method().equals(v.callee().method())) {
                twins.put(k.target(), v.target());
            }
            if (s instanceof If i) {
                findTwins(i.then());
                findTwins(i.otherwise());
            } else if (s instanceof Loop l) {
                findTwins(l.body());
            }
            before = s;
        }
    }

    /** Whether s makes or writes a tangent: it runs once per direction. */
    private boolean isTangentStep(Stmt s) {
        if (s instanceof Call k) {
            return k.target() != null && tangents.contains(k.target());
        }
        if (s instanceof Compute c) {
            return tangents.contains(c.target());
        } else if (s instanceof Load l) {
            return tangents.contains(l.target());
        } else if (s instanceof Store st) {
            return tangents.contains(st.array());
        }
        return false;
    }

    /** Numbers the runs of consecutive tangent steps and notes which scalar tangents each makes or reads. */
    private void assignRuns(Block b, int[] next) {
        Object run = null;
        for (Stmt s : b.stmts()) {
            if (!isTangentStep(s)) {
                run = null;
                if (s instanceof If i) {
                    assignRuns(i.then(), next);
                    assignRuns(i.otherwise(), next);
                    for (Var phi : i.phis()) {
                        note(phi, i); // set in both branches: never local to one run
                    }
                } else if (s instanceof Loop l) {
                    assignRuns(l.body(), next);
                } else if (s instanceof Return r && r.value() instanceof Var v) {
                    note(v, r);
                }
                continue;
            }
            if (run == null) {
                run = next[0]++;
                written.clear();
            }
            for (Var v : operands(s)) { // (note and readFirst concern double tangents only)
                note(v, run);
                if (!written.contains(v)) {
                    readFirst.add(v); // its value comes from before the run: from another run, or a past iteration
                }
            }
            Var target = s instanceof Compute c ? c.target() : s instanceof Load l ? l.target()
                    : s instanceof Call k ? k.target() : null;
            if (target != null) {
                note(target, run);
                written.add(target);
            }
        }
    }

    /** Scalars of the current run written so far. */
    private final Set<Var> written = new HashSet<>();
    /** Scalars some run reads before it writes them. */
    private final Set<Var> readFirst = new HashSet<>();

    private void note(Var v, Object run) {
        if (tangents.contains(v) && v.type() == Type.DOUBLE) {
            runsOf.computeIfAbsent(v, k -> new HashSet<>()).add(run);
        }
    }

    // ---- the rewrite ----------------------------------------------------------------------------

    private void rewrite(Block from, Block to) {
        List<Stmt> run = new ArrayList<>();
        for (Stmt s : from.stmts()) {
            if (isTangentStep(s)) {
                run.add(s);
                continue;
            }
            flush(run, to);
            if (s instanceof If i) {
                Block then = new Block(i.then().depth());
                Block otherwise = new Block(i.otherwise().depth());
                rewrite(i.then(), then);
                rewrite(i.otherwise(), otherwise);
                List<Var> phis = i.phis().stream().filter(v -> !tangents.contains(v)).toList();
                to.add(new If(i.condition(), i.taken(), then, otherwise, phis, i.pos()));
            } else if (s instanceof Loop l) {
                Block body = new Block(l.body().depth());
                rewrite(l.body(), body);
                to.add(new Loop(l.label(), l.condition(), l.doWhile(), body, l.counted(), l.trips(), l.pos()));
            } else if (s instanceof ArrayNew n && tangents.contains(n.target())) {
                // length L for direction c's elements at c * L + i; all the directions' elements together
                Var length = new Var(n.target().baseName() + "Length", Type.INT, Var.Kind.TEMP);
                length.setDepth(to.depth());
                to.add(new Opaque(length, Template.concat(operandText(n.dims().get(0))), n.pos(), null));
                lengths.put(n.target(), length);
                Var all = new Var(n.target().baseName() + "Entries", Type.INT, Var.Kind.TEMP);
                all.setDepth(to.depth());
                to.add(new Opaque(all, Template.concat(directions, " * ", length), n.pos(), null));
                to.add(new ArrayNew(n.target(), List.of(all), n.reusable(), n.pos(), n.tree()));
            } else {
                to.add(s);
            }
        }
        flush(run, to);
    }

    private static Object operandText(Operand o) {
        return o instanceof Var v ? v : ((Const) o).operandText();
    }

    /** The run's steps, once per direction, in a loop over the directions. */
    private void flush(List<Stmt> run, Block to) {
        if (run.isEmpty()) {
            return;
        }
        Pos pos = run.get(0).pos();
        Var c = new Var("c", Type.INT, Var.Kind.LOCAL);
        c.setDepth(to.depth() + 1);
        Block body = new Block(to.depth() + 1);
        for (Stmt s : run) {
            if (s instanceof Call k && k.target().type() == Type.DOUBLE_ARRAY) {
                allocate(k.target(), to, k.pos(), k.tree());
            }
        }
        for (Stmt s : run) {
            step(s, c, body, to);
        }
        countedLoop(c, Template.concat(directions), body, to, new Pos(pos.line(), "along each direction: " + pos.text()));
        run.clear();
    }

    private void step(Stmt s, Var c, Block body, Block before) {
        if (s instanceof Call k) {
            List<Operand> args = new ArrayList<>();
            for (Operand a : k.args()) {
                if (a instanceof Var v && tangents.contains(v) && v.type() == Type.DOUBLE_ARRAY) {
                    args.add(slice(v, c, body, before, k)); // direction c's tangent, copied out
                } else {
                    args.add(read(a, c, body, k.pos()));
                }
            }
            if (k.target().type() == Type.DOUBLE_ARRAY) { // direction c's tangent of the result, copied in
                Var result = new Var(k.target().baseName(), Type.DOUBLE_ARRAY, Var.Kind.LOCAL);
                result.setDepth(body.depth());
                body.add(new Call(result, k.callee(), k.receiver(), args, k.pos(), k.tree()));
                copy(result, k.target(), c, true, Template.concat(result, ".length"), body, k.pos());
                return;
            }
            write(k.target(), c, body, k.pos(), t -> new Call(t, k.callee(), k.receiver(), args, k.pos(), k.tree()));
        } else if (s instanceof Compute k) {
            List<Operand> args = new ArrayList<>();
            for (Operand a : k.args()) {
                args.add(read(a, c, body, k.pos()));
            }
            write(k.target(), c, body, k.pos(), t -> new Compute(t, k.op(), args, k.mathClass(), k.pos()));
        } else if (s instanceof Load l) {
            Var at = index(l.array(), l.index().get(0), c, body, l.pos());
            write(l.target(), c, body, l.pos(), t -> new Load(t, l.array(), List.of(at), l.pos()));
        } else if (s instanceof Store st) {
            Operand value = read(st.value(), c, body, st.pos());
            Var at = index(st.array(), st.index().get(0), c, body, st.pos());
            body.add(new Store(st.array(), List.of(at), value, st.pos()));
        }
    }

    /** The flat array of a call's tangent result, one direction after another, before the loop. */
    private void allocate(Var flat, Block to, Pos pos, com.sun.source.tree.Tree tree) {
        Var all = new Var(flat.baseName() + "Entries", Type.INT, Var.Kind.TEMP);
        all.setDepth(to.depth());
        to.add(new Opaque(all, Template.concat(directions, " * ", twins.get(flat), ".length"), pos, null));
        to.add(new ArrayNew(flat, List.of(all), true, pos, tree));
    }

    /** Direction c's tangent of the array v, copied into a buffer of its own (made before the loop). */
    private Var slice(Var v, Var c, Block body, Block before, Call k) {
        Var length = new Var(v.baseName() + "Length", Type.INT, Var.Kind.TEMP);
        length.setDepth(before.depth());
        before.add(new Opaque(length, lengthOf(v), k.pos(), null));
        Var slice = new Var(v.baseName() + "Along", Type.DOUBLE_ARRAY, Var.Kind.LOCAL);
        slice.setDepth(before.depth());
        before.add(new ArrayNew(slice, List.of(length), true, k.pos(), k.tree()));
        copy(v, slice, c, false, Template.concat(length), body, k.pos());
        return slice;
    }

    /**
     * Copies {@code length} elements from {@code from} into {@code to}, the tangent array's
     * direction {@code c} being the destination when {@code intoDirections}, else the source; as
     * a loop of loads and stores, which the IR follows (System.arraycopy it would not).
     */
    private void copy(Var from, Var to, Var c, boolean intoDirections, Template length, Block body, Pos pos) {
        Var e = new Var("e", Type.INT, Var.Kind.LOCAL);
        e.setDepth(body.depth() + 1);
        Block loop = new Block(body.depth() + 1);
        Var at = index(length, e, c, loop, pos);
        Var v = new Var(from.baseName(), Type.DOUBLE, Var.Kind.TEMP);
        v.setDepth(loop.depth());
        loop.add(new Load(v, from, List.of(intoDirections ? e : at), pos));
        loop.add(new Store(to, List.of(intoDirections ? at : e), v, pos));
        countedLoop(e, Template.concat(length), loop, body, pos);
    }

    /** {@code for (int index = 0; index < bound; index++) body}, added to {@code into}. */
    private static void countedLoop(Var index, Template bound, Block body, Block into, Pos pos) {
        Var trips = new Var("trips", Type.INT, Var.Kind.TEMP);
        trips.setDepth(into.depth());
        into.add(new Loop(null, Template.concat(index, " < ", bound), false, body,
                new Loop.Counted(index, new Const("0", Type.INT, 0), 1), trips, pos));
    }

    /** The length of one direction's part of a tangent array. */
    private Template lengthOf(Var array) {
        Object length = lengths.get(array);
        return length instanceof Var v && v.type().isFloatingArray() ? Template.concat(v, ".length")
                : Template.concat(length);
    }

    /** {@code c * L + i}: where direction c's element i of a tangent array is. */
    private Var index(Var array, Operand i, Var c, Block body, Pos pos) {
        return index(lengthOf(array), i, c, body, pos);
    }

    /** {@code c * size + i}, as a step of its own. */
    private static Var index(Template size, Operand i, Var c, Block body, Pos pos) {
        Var at = new Var("at", Type.INT, Var.Kind.TEMP);
        at.setDepth(body.depth());
        body.add(new Opaque(at, i instanceof Const k && "0".equals(k.text()) ? Template.concat(c, " * ", size)
                : Template.concat(c, " * ", size, " + ", operandText(i)), pos, null));
        return at;
    }

    /** An operand of a tangent step, along direction c. */
    private Operand read(Operand o, Var c, Block body, Pos pos) {
        if (!(o instanceof Var v) || !tangents.contains(v)) {
            return o;
        }
        Var array = parameterArrays.containsKey(v) ? parameterArrays.get(v) : perDirection.get(v);
        if (array == null) {
            return local.computeIfAbsent(v, k -> localOf(k, body));
        }
        Var entry = new Var(v.baseName(), Type.DOUBLE, Var.Kind.TEMP);
        entry.setDepth(body.depth());
        body.add(new Load(entry, array, List.of(c), pos));
        return entry;
    }

    private Var localOf(Var v, Block body) {
        Var l = new Var(v.baseName(), Type.DOUBLE, Var.Kind.TEMP);
        l.setDepth(body.depth());
        if (v.isMutable()) {
            l.setMutable(); // assigned again in the run: declared at its first assignment only
        }
        return l;
    }

    /** Makes the step that sets tangent t along direction c. */
    private void write(Var t, Var c, Block body, Pos pos, java.util.function.Function<Var, Stmt> make) {
        Var array = perDirection.get(t);
        if (array == null) {
            Var l = local.computeIfAbsent(t, k -> localOf(k, body));
            body.add(make.apply(l));
            return;
        }
        Var entry = new Var(t.baseName(), Type.DOUBLE, Var.Kind.TEMP);
        entry.setDepth(body.depth());
        body.add(make.apply(entry));
        body.add(new Store(array, List.of(c), entry, pos));
    }
}
