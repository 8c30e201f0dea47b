package dev.leibniz.processor.transform;

import dev.leibniz.processor.analysis.Activity;
import dev.leibniz.processor.diag.Unsupported;
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
import dev.leibniz.processor.ir.Return;
import dev.leibniz.processor.ir.RowView;
import dev.leibniz.processor.ir.Stmt;
import dev.leibniz.processor.ir.Store;
import dev.leibniz.processor.ir.Var;
import dev.leibniz.processor.rules.Partials;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the reverse transform must know before it writes a line: where each value is declared,
 * which adjoints each step adds to, which forward values each step's reverse reads, and which
 * of those a loop overwrites, so must be saved on the tape just before the step that reads
 * them (and nothing else: a value no loop overwrites is read in place).
 */
final class Layout {
    final Map<Var, Block> home = new HashMap<>();
    private final Map<Stmt, List<Loop>> loopsOf = new HashMap<>();
    private final Map<Var, Set<Loop>> defLoops = new HashMap<>();
    private final Map<Var, Integer> defCount = new HashMap<>();
    private final Set<Var> phis = new HashSet<>();
    /** The steps inside an if that assign one of its phis: together one assignment, not several. */
    private final Set<Stmt> phiAssignments = new HashSet<>();
    final Map<Stmt, Set<Var>> contributions = new HashMap<>();
    /** Forward values saved on the tape just before / just after a step, in push order. */
    final Map<Stmt, List<Var>> savedBefore = new HashMap<>();
    final Set<Stmt> savedAfter = new HashSet<>();
    /** Values the reverse sweep reads where they are (not from the tape). */
    final Set<Var> readInPlace = new LinkedHashSet<>();
    final Set<Var> hoisted = new LinkedHashSet<>();
    /** Per loop: the body's values that its reverse pops, declared at the top of the reverse body. */
    final Map<Loop, Set<Var>> poppedIn = new LinkedHashMap<>();
    /** Counted loops whose index the reverse loop rebuilds. */
    final Set<Loop> rebuilt = new HashSet<>();
    /** Rebuilt loops whose reverse computes the trip count from the header ({@link TripCounts}), not the forward's count. */
    final Map<Loop, TripCounts.Header> tripsFromHeader = new HashMap<>();
    final Set<Stmt> hasReverse = new HashSet<>();
    final Set<ArrayNew> reusable = new HashSet<>();
    /** Arrays made in loops whose sizes the reverse sweep cannot rebuild: each iteration keeps them on a stack. */
    final Set<ArrayNew> sizesKept = new java.util.LinkedHashSet<>();
    /**
     * Values the reverse sweep computes again instead of popping: an element loaded from a
     * parameter array nothing writes, or cheap arithmetic on values it has at hand, and their
     * defining steps.
     */
    final Map<Var, Stmt> recomputed = new HashMap<>();
    /**
     * Per loop, the arrays its body makes that each iteration pushes whole at its end and the reverse of the
     * iteration pops first, so that loads read after the array's last write are loaded again from that copy
     * instead of saved one by one ({@link #restorable}).
     */
    final Map<Loop, Set<Var>> restoredArrays = new LinkedHashMap<>();
    /** Per step: the recomputed values its reverse sets first, operands before the values made from them. */
    final Map<Stmt, List<Var>> restoredAt = new HashMap<>();
    /** The one step that defines each value (a Load or a Compute); values defined more than once are absent. */
    private final Map<Var, Stmt> definitions = new HashMap<>();
    private final Map<Var, Loop> indexOf = new HashMap<>();
    /** The innermost loop whose body holds a block; null outside loops. */
    private final Map<Block, Loop> blockLoop = new HashMap<>();
    private final Activity activity;
    /** Per call, the array arguments saved on the tape before it (see {@link dev.leibniz.processor.analysis.ArrayWrites}). */
    final Map<Call, Set<Integer>> snapshots;
    /** Per call, the snapshots the reverse sweep computes again instead (see {@link dev.leibniz.processor.analysis.Refills}). */
    final Map<Call, Map<Integer, dev.leibniz.processor.analysis.Refills.Refill>> refills;
    /** Per call, the snapshots the tape holds: {@link #snapshots} but the {@link #refills}, in argument order. */
    final Map<Call, Set<Integer>> copied = new HashMap<>();
    /** The loop whose reverse runs inside its forward sweep ({@link Fusion}), or null. */
    final Loop fused;

    Layout(Func f, Activity activity) throws Unsupported {
        this.activity = activity;
        this.snapshots = dev.leibniz.processor.analysis.ArrayWrites.snapshots(f, activity);
        this.written = dev.leibniz.processor.ir.Outputs.of(f.body());
        for (Param p : f.params()) {
            home.put(p.var(), f.body());
        }
        scan(f.body(), List.of());
        snapshots.keySet().removeIf(this::eager); // an eager call needs none of its arguments later
        contributedIn(f.body().stmts());
        findHeldArrays(f.body());
        fused = Fusion.find(f, activity, this);
        findReversible(f.body());
        decideSaving(f.body());
        findReusableArrays(f.body());
        refills = dev.leibniz.processor.analysis.Refills.of(f, activity, snapshots, (v, k) -> !overwrittenAround(v, k));
        snapshots.forEach((k, args) -> {
            Set<Integer> kept = new java.util.TreeSet<>(args);
            kept.removeAll(refills.getOrDefault(k, Map.of()).keySet());
            copied.put(k, kept);
        });
        checkRows(f.body());
        reversibleUsed.forEach(v -> undoOf.forEach((st, v2) -> {
            if (v2 == v) {
                undo.put(st, undoText.get(st));
            }
        }));
        frozen = true;
    }

    /**
     * A row is bound again at the top of the reverse of its block, before any value is popped,
     * so its index must be at hand there: a constant, a rebuilt loop index, or a value no
     * enclosing loop changes.
     */
    private void checkRows(Block root) throws Unsupported {
        List<RowView> rows = new ArrayList<>();
        dev.leibniz.processor.ir.Walk.statements(root, s -> {
            if (s instanceof RowView r) {
                rows.add(r);
            }
        });
        for (RowView r : rows) {
            if (overwrittenAround(r.parent(), r)) {
                throw new Unsupported(r.tree(), "rows can be taken only of a matrix made outside the loop around them; "
                        + "make the matrix before the loop, or index its elements (m[i][j])");
            }
            for (Operand o : r.index()) {
                if (o instanceof Var v && overwrittenAround(v, r) && reverseText(v, r) == null) {
                    throw new Unsupported(r.tree(), "the index of this row changes inside the loop in a way the reverse "
                            + "sweep cannot replay; use a for loop's own index, or write the elements (m[i][j])");
                }
            }
        }
        List<ArrayNew> made = new ArrayList<>();
        dev.leibniz.processor.ir.Walk.statements(root, s -> {
            if (s instanceof ArrayNew n && !loopsOf(n).isEmpty() && activity.isActive(n.target())) {
                made.add(n);
            }
        });
        for (ArrayNew n : made) {
            for (Operand o : n.dims()) {
                if (reverseText(o, n) == null) {
                    sizesKept.add(n); // the reverse sweep cannot rebuild the size: keep it for the adjoint
                }
            }
        }
    }

    // ---- structure ----------------------------------------------------------------------------

    private void scan(Block b, List<Loop> loops) {
        blockLoop.put(b, loops.isEmpty() ? null : loops.get(loops.size() - 1));
        for (Stmt s : b.stmts()) {
            loopsOf.put(s, loops);
            stmtBlock.put(s, b);
            order.put(s, order.size());
            for (Var w : arraysWritten(s)) {
                writesOf.computeIfAbsent(w, k -> new ArrayList<>()).add(s);
            }
            if (s instanceof Store st && st.value() instanceof Var stored) {
                storesOf.computeIfAbsent(stored, k -> new ArrayList<>()).add(st);
            }
            if (s instanceof If i) {
                for (Var phi : i.phis()) {
                    home.put(phi, b);
                    phis.add(phi);
                }
                for (Block side : List.of(i.then(), i.otherwise())) {
                    dev.leibniz.processor.ir.Walk.statements(side, x -> {
                        Var t = target(x);
                        if (t != null && i.phis().contains(t)) {
                            phiAssignments.add(x);
                        }
                    });
                }
                home.put(i.taken(), b);
                scan(i.then(), loops);
                scan(i.otherwise(), loops);
            } else if (s instanceof Loop l) {
                home.put(l.trips(), b);
                List<Loop> inner = new ArrayList<>(loops);
                inner.add(l);
                if (l.counted() != null) {
                    indexOf.put(l.counted().index(), l);
                    home.put(l.counted().index(), l.body());
                    define(l.counted().index(), inner);
                }
                scan(l.body(), List.copyOf(inner));
            } else {
                Var t = target(s);
                if (t != null) {
                    home.putIfAbsent(t, b);
                    define(t, loops);
                }
                if (s instanceof Load || s instanceof Compute || s instanceof Opaque) {
                    definitions.put(t, s);
                }
                if (s instanceof Opaque o && o.target() != null) {
                    opaqueDefs.put(o.target(), o);
                }
            }
        }
    }

    private void define(Var v, List<Loop> loops) {
        defLoops.computeIfAbsent(v, k -> new HashSet<>()).addAll(loops);
        defCount.merge(v, 1, Integer::sum);
    }

    static Var target(Stmt s) {
        return Stmt.target(s);
    }

    /**
     * A call outside loops of a method returning a double, whose derivative is needed: the forward
     * sweep runs the callee's pullback with seed 1 at once, and the reverse sweep scales the
     * gradient it left by the call's adjoint, so the callee's forward sweep runs once, not twice.
     */
    boolean eager(Call k) {
        return k.target() != null && k.target().type() == dev.leibniz.processor.ir.Type.DOUBLE
                && k.callee().pullback() != null && loopsOf(k).isEmpty() && activity.acts(k);
    }

    List<Loop> loopsOf(Stmt s) {
        return loopsOf.getOrDefault(s, List.of());
    }

    /**
     * How the reverse sweep spells {@code o} at the top of the reverse of the block holding
     * {@code at}, before anything is popped: the value itself where no enclosing loop changes it,
     * else the black-box code that computed it ({@code b.length}) when that code reads only such
     * values and calls nothing; null when it is not at hand there.
     */
    String reverseText(Operand o, Stmt at) {
        if (!(o instanceof Var v)) {
            return Partials.text(o);
        }
        if (!overwrittenAround(v, at)) {
            return v.name();
        }
        Opaque def = opaqueDefs.get(v);
        if (def == null || defCount.getOrDefault(v, 0) != 1 || def.code().text().stream().anyMatch(t -> t.contains("("))) {
            return null;
        }
        StringBuilder sb = new StringBuilder("(");
        for (Object part : def.code().parts()) {
            String text = part instanceof Var w ? reverseText(w, at) : (String) part;
            if (text == null) {
                return null;
            }
            sb.append(text);
        }
        return sb.append(")").toString();
    }

    private final Map<Var, Opaque> opaqueDefs = new HashMap<>();

    /** The forward values {@link #reverseText} names for o at {@code at}: they must be in scope there. */
    private void namedByReverseText(Operand o, Stmt at, Set<Var> into, int depth) {
        if (!(o instanceof Var v) || depth > 8) {
            return;
        }
        if (!overwrittenAround(v, at)) {
            into.add(v);
        } else if (opaqueDefs.containsKey(v)) {
            opaqueDefs.get(v).code().vars().forEach(w -> namedByReverseText(w, at, into, depth + 1));
        }
    }
    /** A procedure's outputs: parameter arrays it writes, so an element is not loaded again later. */
    private Set<Var> written = Set.of();

    /** Whether a loop enclosing s overwrites v, so its value must be saved before s. */
    private boolean overwrittenAround(Var v, Stmt s) {
        Loop indexed = indexOf.get(v);
        if (indexed != null && rebuilt.contains(indexed)) {
            return false; // the reverse loop's header sets it to the very value it had
        }
        Set<Loop> defs = defLoops.getOrDefault(v, Set.of());
        for (Loop l : loopsOf(s)) {
            if (defs.contains(l)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@link #overwrittenAround(Var, Stmt)} for a value read by the reverse of the step {@code s}
     * (def == s), or by the definition {@code def} of a value that step's reverse computes again:
     * a counter the reverse sweep steps back ({@link #findReversible}) is at hand when no update
     * of it runs between {@code def} and {@code s}, since the reverse of a step finds it holding
     * what it held when the step ran.
     */
    private boolean overwrittenAround(Var v, Stmt s, Stmt def) {
        if (!overwrittenAround(v, s)) {
            return false;
        }
        if (reversible.contains(v) && !frozen && !(s instanceof Loop) && !(s instanceof If) && def != null
                && steadyBetween(v, def, s)) {
            reversibleUsed.add(v);
            return false;
        }
        return true;
    }

    /** Whether no update of the counter v runs after d and before s (in any iteration). */
    private boolean steadyBetween(Var v, Stmt d, Stmt s) {
        for (var e : undoOf.entrySet()) {
            if (e.getValue() != v) {
                continue;
            }
            Stmt u = e.getKey();
            if (order.get(d) < order.get(u) && order.get(u) < order.get(s)) {
                return false;
            }
            for (Loop l : loopsOf(u)) {
                if (loopsOf(s).contains(l) && !loopsOf(d).contains(l)) {
                    return false; // an earlier iteration of a loop around s but not d updates it after d
                }
            }
        }
        return true;
    }

    // ---- integer counters the reverse sweep steps back ------------------------------------------

    /** Per statement, the Java statement the reverse sweep runs in its place to undo it ({@code k = k - 1}). */
    final Map<Stmt, Undo> undo = new HashMap<>();

    /**
     * {@code v = v - (step)} or {@code v = v + (step)}: {@code step} is literal text and variables, rendered
     * with their final names.
     */
    record Undo(Var v, boolean subtract, List<Object> step) {
        String render() {
            StringBuilder sb = new StringBuilder();
            for (Object p : step) {
                sb.append(p instanceof Var w ? w.name() : p instanceof Operand o ? Partials.text(o) : (String) p);
            }
            return v.name() + " = " + v.name() + (subtract ? " - (" : " + (") + sb.toString().strip() + ")";
        }
    }
    private final Set<Var> reversible = new HashSet<>();
    private final Set<Var> reversibleUsed = new LinkedHashSet<>();
    private final Map<Stmt, Var> undoOf = new HashMap<>();
    private final Map<Stmt, Undo> undoText = new HashMap<>();
    /** After the constructor: reversible counters not used by then stay saved, as nothing undoes their updates. */
    private boolean frozen;

    /**
     * Integer counters ({@code int k = 0; ... k++; ... k += step;}) that the reverse sweep steps back
     * instead of saving every value that depends on them: a local int or long declared in the
     * method's body, defined once outside loops and otherwise only updated by {@code k = k ± c} inside
     * loops, with c a literal or a variable assigned once outside loops. Integer addition wraps, so
     * {@code (k + c) - c == k} always; the reverse sweep, which replays every statement of a loop or
     * branch backwards exactly as often as the forward sweep ran it, runs {@code k = k - c} where the
     * update was, and so finds in k, at each step's reverse, the value k had when the step ran. That
     * holds only when every loop and branch around each update is replayed anyway (it has other
     * reverse code), none is the fused loop (whose reverse runs forwards), and nothing after the last
     * update assigns k.
     */
    private void findReversible(Block root) {
        Map<Var, List<Stmt>> defs = new LinkedHashMap<>();
        dev.leibniz.processor.ir.Walk.statements(root, st -> {
            Var t = target(st);
            if (t != null && (t.type() == dev.leibniz.processor.ir.Type.INT || t.type() == dev.leibniz.processor.ir.Type.LONG)
                    && t.kind() == Var.Kind.LOCAL && home.get(t) == root) {
                defs.computeIfAbsent(t, k -> new ArrayList<>()).add(st);
            }
        });
        candidates:
        for (var e : defs.entrySet()) {
            Var v = e.getKey();
            Stmt init = null;
            Map<Stmt, Undo> undos = new HashMap<>();
            for (Stmt st : e.getValue()) {
                if (loopsOf(st).isEmpty()) {
                    if (init != null) {
                        continue candidates; // assigned again outside loops
                    }
                    init = st;
                    continue;
                }
                Undo u = undoText(st, v);
                if (u == null || !replayedAround(st, root)) {
                    continue candidates;
                }
                undos.put(st, u);
            }
            if (init == null || undos.isEmpty() || defCount.getOrDefault(v, 0) != e.getValue().size()) {
                continue;
            }
            for (Stmt st : undos.keySet()) {
                if (order.get(st) < order.get(init)) {
                    continue candidates;
                }
            }
            reversible.add(v);
            undos.forEach((st, u) -> {
                undoOf.put(st, v);
                undoText.put(st, u);
            });
        }
    }

    /** {@code v = v + c}, {@code v = c + v}, {@code v = v - c} (or through a temporary): the statement undoing it, or null. */
    private Undo undoText(Stmt st, Var v) {
        if (st instanceof Compute c && (c.op() == dev.leibniz.processor.rules.Elementary.ADD
                || c.op() == dev.leibniz.processor.rules.Elementary.SUB) && c.args().size() == 2) {
            Operand other;
            if (c.args().get(0) == v) {
                other = c.args().get(1);
            } else if (c.op() == dev.leibniz.processor.rules.Elementary.ADD && c.args().get(1) == v) {
                other = c.args().get(0);
            } else {
                return null;
            }
            if (other == v || !steady(other)) {
                return null;
            }
            return new Undo(v, c.op() == dev.leibniz.processor.rules.Elementary.ADD, List.of(other));
        }
        if (st instanceof Compute c && c.op() == dev.leibniz.processor.rules.Elementary.COPY
                && c.args().get(0) instanceof Var k && k != v && defCount.getOrDefault(k, 0) == 1
                && definitions.get(k) instanceof Opaque o && loopsOf(o).equals(loopsOf(st))) {
            return opaqueUndo(o, v);
        }
        if (st instanceof Opaque o) {
            return opaqueUndo(o, v);
        }
        return null;
    }

    /** Black-box {@code v + x} or {@code v - x}, x reading only steady variables and calling nothing. */
    private Undo opaqueUndo(Opaque o, Var v) {
        List<Object> parts = o.code().parts();
        if (parts.size() < 2 || parts.get(0) != v || !(parts.get(1) instanceof String op)) {
            return null;
        }
        String trimmed = op.stripLeading();
        if (!(trimmed.startsWith("+") || trimmed.startsWith("-")) || trimmed.startsWith("++") || trimmed.startsWith("--")) {
            return null;
        }
        List<Object> step = new ArrayList<>();
        step.add(trimmed.substring(1));
        StringBuilder text = new StringBuilder(trimmed.substring(1));
        for (int k = 2; k < parts.size(); k++) {
            Object p = parts.get(k);
            if (p instanceof Var w) {
                if (w == v || !steady(w)) {
                    return null;
                }
                text.append("w");
            } else {
                text.append((String) p);
            }
            step.add(p);
        }
        String x = text.toString().strip();
        // literals, steady names, * and + - inside parentheses: nothing binding more loosely than + or -, no call
        if (x.isEmpty() || !x.matches("[\\w\\s*().]*(\\([\\w\\s+\\-*().]*\\))?[\\w\\s*().]*")
                || x.matches(".*\\w\\s*\\(.*") || x.contains("++") || x.contains("--")) {
            return null;
        }
        return new Undo(v, trimmed.startsWith("+"), step);
    }

    /** A literal, or a variable assigned once, outside every loop: the same value whenever the reverse reads it. */
    private boolean steady(Operand o) {
        return o instanceof Const || o instanceof Var w && w.type() != null && w.type().isNumeric()
                && defLoops.getOrDefault(w, Set.of()).isEmpty()
                && (w.kind() == Var.Kind.PARAM || defCount.getOrDefault(w, 0) == 1);
    }

    /** Whether every loop and branch around s is replayed backwards by the reverse sweep for code of its own. */
    private boolean replayedAround(Stmt s, Block root) {
        for (Loop l : loopsOf(s)) {
            if (l == fused || !hasOwnReverse(l.body())) {
                return false;
            }
        }
        boolean[] ok = {true};
        dev.leibniz.processor.ir.Walk.statements(root, x -> {
            if (x instanceof If i && (contains(i.then(), homeBlockOf(s)) || contains(i.otherwise(), homeBlockOf(s)))
                    && !hasOwnReverse(i.then()) && !hasOwnReverse(i.otherwise())) {
                ok[0] = false;
            }
        });
        return ok[0];
    }

    private Block homeBlockOf(Stmt s) {
        return stmtBlock.get(s);
    }

    /** Whether some step in b (nested ones too) has reverse code: what makes decideSaving replay b's loop or branch. */
    private boolean hasOwnReverse(Block b) {
        boolean[] found = {false};
        dev.leibniz.processor.ir.Walk.statements(b, x -> found[0] |= !(x instanceof If) && !(x instanceof Loop) && acts(x));
        return found[0];
    }

    /** Whether some assignment to v sits inside loop l. */
    boolean definedIn(Var v, Loop l) {
        return defLoops.getOrDefault(v, Set.of()).contains(l);
    }

    /** How many statements assign v. */
    int definitionCount(Var v) {
        return defCount.getOrDefault(v, 0);
    }

    /** The one step that defines v (a load, a step or black-box Java), or null. */
    Stmt definition(Var v) {
        return definitions.get(v);
    }

    /** An assignment must clear the adjoint it consumes when the variable is assigned again later. */
    boolean killsAdjoint(Stmt s, Var target) {
        // A phi assigned again after its if (b = c ? 1 : x; b = 1;) is overwritten like any other value.
        return !loopsOf(s).isEmpty() && (target.isCarried() || defCount.getOrDefault(target, 0) > 1
                && (!phis.contains(target) || !phiAssignments.contains(s)));
    }

    // ---- what the reverse sweep does ------------------------------------------------------

    /** The values whose adjoints a statement adds to, in program order. */
    private Set<Var> contributedIn(List<Stmt> stmts) {
        Set<Var> all = new LinkedHashSet<>();
        for (Stmt s : stmts) {
            Set<Var> here = new LinkedHashSet<>();
            if (s instanceof Return r && activity.isActive(r.value())) {
                here.add((Var) r.value());
            } else if (s instanceof Compute c && activity.isActive(c.target())) {
                for (int i = 0; i < c.args().size(); i++) {
                    if (activity.isActive(c.args().get(i)) && Partials.of(c, i) != null) {
                        here.add((Var) c.args().get(i));
                    }
                }
            } else if (s instanceof Call k && activity.acts(k)) {
                for (int i = 0; i < k.args().size(); i++) {
                    if (k.callee().differentiated().get(i) && activity.isActive(k.args().get(i))) {
                        here.add((Var) k.args().get(i));
                    }
                }
            } else if (s instanceof Store st && activity.isActive(st.array()) && activity.isActive(st.value())) {
                here.add((Var) st.value());
            } else if (s instanceof If i) {
                here.addAll(contributedIn(i.then().stmts()));
                here.addAll(contributedIn(i.otherwise().stmts()));
            } else if (s instanceof Loop l) {
                here.addAll(contributedIn(l.body().stmts()));
            }
            here.removeIf(v -> v.type().isFloatingArray());
            contributions.put(s, here);
            all.addAll(here);
        }
        return all;
    }

    /** Whether the step has any reverse code: an adjoint to pass on or an element adjoint to clear. */
    boolean acts(Stmt s) {
        if (s instanceof Compute c) {
            return activity.isActive(c.target());
        }
        if (s instanceof Load l) {
            return activity.isActive(l.target()); // even from a constant array: the target's old adjoint is consumed
        }
        if (s instanceof Call k) {
            return activity.acts(k);
        }
        if (s instanceof Store st) {
            return activity.isActive(st.array());
        }
        if (s instanceof Return r) {
            return activity.isActive(r.value());
        }
        return false;
    }

    /** Whether a step's reverse reads the step's own result (exp, sqrt, a / b ...). */
    boolean readsResult(Stmt s) {
        if (s instanceof Compute c && acts(s)) {
            for (int i = 0; i < c.args().size(); i++) {
                if (activity.isActive(c.args().get(i)) && Partials.readsResult(c, i)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The forward values a step's reverse reads: its partials' operands and the indices it addresses. */
    List<Var> reads(Stmt s) {
        Set<Var> reads = new LinkedHashSet<>();
        if (s instanceof Compute c && acts(s)) {
            for (int i = 0; i < c.args().size(); i++) {
                if (activity.isActive(c.args().get(i))) {
                    reads.addAll(Partials.reads(c, i));
                }
            }
        } else if (s instanceof Call k && acts(s) && !eager(k)) {
            if (k.receiver() instanceof Var r) {
                reads.add(r);
            }
            Set<Integer> copied = snapshots.getOrDefault(k, Set.of());
            for (int i = 0; i < k.args().size(); i++) { // the derivative is computed again from all the arguments
                if (k.args().get(i) instanceof Var v && !copied.contains(i)) {
                    reads.add(v);
                }
            }
        } else if (s instanceof Load l && acts(s) && activity.isActive(l.array())) {
            indexVars(l.index(), reads);
        } else if (s instanceof Store st && acts(s)) {
            indexVars(st.index(), reads);
        }
        return new ArrayList<>(reads);
    }

    /**
     * Whether one save of {@code v} serves every step of a block that reads it after the step of the
     * block that defines it: one definition, not carried from one iteration to the next, so from
     * there to the end of the iteration it has one value.
     */
    private boolean savedOnce(Var v) {
        return defCount.getOrDefault(v, 0) == 1 && !v.isCarried() && !phis.contains(v) && v.kind() != Var.Kind.PHI
                && v.kind() != Var.Kind.PARAM && !v.type().isReference();
    }

    private static void indexVars(List<Operand> index, Set<Var> into) {
        for (Operand o : index) {
            if (o instanceof Var v) {
                into.add(v);
            }
        }
    }

    private void decideSaving(Block b) {
        // A value assigned once, read by several steps of this block: one save, by the last reader (whose reverse runs
        // first and pops it); the earlier readers' reverses read it where that pop left it.
        Map<Var, Stmt> savedBy = new HashMap<>();
        Set<Var> definedHere = new HashSet<>(); // by a step of this block already passed, so one value from there on
        for (Stmt s : b.stmts()) {
            if (s instanceof If i) {
                decideSaving(i.then());
                decideSaving(i.otherwise());
                if (hasReverse.contains(i.then()) || hasReverse.contains(i.otherwise()) || anyReverse(i.then())
                        || anyReverse(i.otherwise())) {
                    hasReverse.add(s);
                    readInPlace.add(i.taken());
                }
            } else if (s instanceof Loop l && l == fused) {
                // Each iteration's reverse runs right after it and reads the values where they are.
                for (Stmt x : l.body().stmts()) {
                    if (acts(x)) {
                        hasReverse.add(x);
                    }
                }
                hasReverse.add(s);
            } else if (s instanceof Loop l) {
                if (l.counted() != null && available(l.counted().start(), l)) {
                    rebuilt.add(l);
                    if (l.counted().start() instanceof Var start) {
                        readInPlace.add(start); // the reverse loop's header names it: hoisted if made in a branch
                    }
                } else if (l.counted() != null && l.counted().start() instanceof Var start && recomputable(start, l, 0)) {
                    // for (j = i + 1; ...) inside a loop over i: the reverse computes the start again just before
                    // the reverse loop's header, which rebuilds j from it
                    rebuilt.add(l);
                    restore(start, l);
                }
                decideSaving(l.body());
                if (anyReverse(l.body())) {
                    hasReverse.add(s);
                    // from the header at the top level too: a replay then needs no count from its record
                    if (!rebuilt.contains(l) || !tripsFromHeader(l)) {
                        readInPlace.add(l.trips());
                    }
                }
            } else if (acts(s)) {
                hasReverse.add(s);
                List<Var> before = new ArrayList<>();
                Var target = target(s);
                if (readsResult(s)) {
                    Load copy = overwrittenAround(target, s) ? storedCopy(target, s) : null;
                    if (copy != null) {
                        restore(target, s, copy);
                    } else if (overwrittenAround(target, s)) {
                        savedAfter.add(s);
                    } else {
                        readInPlace.add(target);
                    }
                }
                for (Var v : reads(s)) {
                    if (v.kind() == Var.Kind.VIEW) {
                        continue; // a row is bound again at the top of its block's reverse
                    }
                    if (!overwrittenAround(v, s, s)) {
                        readInPlace.add(v);
                    } else if (recomputable(v, s, 0)) {
                        restore(v, s);
                    } else {
                        Load copy = storedCopy(v, s);
                        if (copy != null) {
                            restore(v, s, copy);
                        } else {
                            before.add(v);
                        }
                    }
                }
                for (Var v : before) {
                    if (savedOnce(v) && definedHere.contains(v)) {
                        Stmt earlier = savedBy.put(v, s);
                        if (earlier != null && savedAfter.contains(earlier) && target(earlier) == v) {
                            savedAfter.remove(earlier); // saved after it was made: this later save serves both
                        } else if (earlier != null) {
                            List<Var> theirs = savedBefore.get(earlier);
                            theirs.remove(v);
                            if (theirs.isEmpty()) {
                                savedBefore.remove(earlier);
                            }
                        }
                    }
                }
                if (!before.isEmpty()) {
                    savedBefore.put(s, before);
                }
                if (savedAfter.contains(s) && savedOnce(target)) {
                    savedBy.put(target, s);
                }
                before.forEach(this::declareInReverseOf);
                if (savedAfter.contains(s)) {
                    declareInReverseOf(target);
                }
            }
            if ((s instanceof Compute || s instanceof Load || s instanceof Call) && target(s) != null) {
                definedHere.add(target(s));
            }
        }
        Set<Var> reverseNames = new LinkedHashSet<>(readInPlace); // every forward value the reverse sweep names
        savedBefore.values().forEach(reverseNames::addAll);
        savedAfter.forEach(st -> reverseNames.add(target(st)));
        reverseNames.addAll(recomputed.keySet());
        dev.leibniz.processor.ir.Walk.statements(b, st -> { // a row is bound again at the top of its block's reverse
            if (st instanceof RowView r) {
                reverseNames.add(r.parent());
                r.index().forEach(o -> namedByReverseText(o, r, reverseNames, 0));
            }
        });
        for (Var v : reverseNames) {
            // (a row is never hoisted: the reverse of its block binds it again, see ReverseTransform.rowBindings)
            if (v.kind() != Var.Kind.PARAM && v.kind() != Var.Kind.VIEW && home.get(v) != null && home.get(v).depth() > 0
                    && !insideLoopBody(v)) {
                hoisted.add(v);
            }
        }
    }

    /** The block each statement sits in. */
    private final Map<Stmt, Block> stmtBlock = new HashMap<>();

    /** Every statement's place in program order. */
    private final Map<Stmt, Integer> order = new HashMap<>();
    /** Per array (a row counts as its matrix): the statements that make, fill or write it. */
    private final Map<Var, List<Stmt>> writesOf = new HashMap<>();

    private static List<Var> arraysWritten(Stmt s) {
        if (s instanceof Store st) {
            return List.of(st.array().base());
        }
        if (s instanceof ArrayNew n) {
            return List.of(n.target());
        }
        if (s instanceof Call k) {
            List<Var> out = new ArrayList<>();
            k.outputs().forEach(o -> out.add(o.base()));
            if (k.target() != null && k.target().type().isFloatingArray()) {
                out.add(k.target());
            }
            return out;
        }
        if (s instanceof Opaque o) {
            List<Var> out = new ArrayList<>();
            o.writes().keySet().forEach(v -> out.add(v.base()));
            return out;
        }
        return List.of();
    }

    /**
     * Whether a local array still holds, in the reverse sweep, what a load read from it: every
     * write to it comes before the load, and none sits in a loop around the load (which would
     * write it again in a later iteration).
     */
    private boolean unchangedAfter(Load l, Var array) {
        Block h = home.get(array);
        if (h == null || h.depth() != 0) {
            return false; // made inside a block: the reverse sweep may not see the variable
        }
        for (Stmt w : writesOf.getOrDefault(array, List.of())) {
            if (order.get(w) > order.get(l)) {
                return false;
            }
            for (Loop around : loopsOf(w)) {
                if (loopsOf(l).contains(around)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The loop whose every iteration can keep a whole copy of {@code array} for a load from it that
     * the reverse of {@code at} reads, or null. The loop's body makes the array anew (a buffer no
     * black-box code or call's reverse holds on to); every write to it comes before the load, and no
     * loop inside the body holds both a write and the load; nothing leaves the body early. Then
     * what the array holds at the end of an iteration is what the load read, so one push of it at
     * the end and one pop at the top of the iteration's reverse replace a save per load. Only a load
     * in a loop inside the body qualifies (it may run many times per iteration, as {@code h[j]} in a
     * second layer does once per output unit); a load the body runs once saves as cheaply alone.
     */
    private Loop restorable(Load l, Var array, Stmt at) {
        ArrayNew n = pushable(array);
        if (n == null) {
            return null;
        }
        List<Stmt> writes = writesOf.get(array);
        Loop made = pushingLoop(n, l);
        if (made == null || !loopsOf(at).contains(made) || loopsOf(l).size() <= loopsOf(made).size() + 1
                || leavesEarly(made)) {
            return null;
        }
        List<Loop> outer = new ArrayList<>(loopsOf(made));
        outer.add(made);
        for (Stmt w : writes) {
            if (order.get(w) > order.get(l)) {
                return null;
            }
            for (Loop around : loopsOf(w)) {
                if (loopsOf(l).contains(around) && !outer.contains(around)) {
                    return null; // a later iteration of a loop inside the body writes it after the load
                }
            }
        }
        return made;
    }

    /**
     * The step making an array a loop may push whole, or null: a double[] or float[] the method makes
     * (its first write), that no black box or call's reverse holds on to.
     */
    private ArrayNew pushable(Var array) {
        if (array.type() != dev.leibniz.processor.ir.Type.DOUBLE_ARRAY && array.type() != dev.leibniz.processor.ir.Type.FLOAT_ARRAY
                || kept.contains(array)) {
            return null;
        }
        List<Stmt> writes = writesOf.getOrDefault(array, List.of());
        return !writes.isEmpty() && writes.get(0) instanceof ArrayNew n ? n : null;
    }

    /**
     * The loop that would push the array whole for a load: the loop whose body makes it, or, for an
     * array made just before a loop around the load and filled again inside it (a buffer made once
     * for a batch), that loop; null otherwise.
     */
    private Loop pushingLoop(ArrayNew n, Load l) {
        Block h = stmtBlock.get(n);
        Loop body = blockLoop.get(h);
        if (body != null && body.body() == h) {
            return loopsOf(l).contains(body) ? body : null;
        }
        for (Loop m : loopsOf(l)) { // outermost first: the first loop around the load that the array outlives
            if (!loopsOf(n).contains(m)) {
                return stmtBlock.get(m) == h ? m : null;
            }
        }
        return null;
    }

    /** Whether l's body makes the array (so the reverse of an iteration can declare the popped copy under its name). */
    boolean madeInBody(Var array, Loop l) {
        return home.get(array) == l.body();
    }

    /**
     * Whether a loop around s pushes the array whole at the end of each iteration: the reverse of the
     * iteration declares it first, with the length it had, so s's reverse can measure it.
     */
    private boolean restoredAround(Var array, Stmt s) {
        for (Loop l : loopsOf(s)) {
            if (restoredArrays.getOrDefault(l, Set.of()).contains(array)) {
                return true;
            }
        }
        return false;
    }

    /** Loads of values from the copy of the array they were stored into, each with the loop that pushes the copy. */
    private final Map<Load, Loop> copies = new HashMap<>();
    /** Per value, the stores that write it into an array element. */
    private final Map<Var, List<Store>> storesOf = new HashMap<>();

    /**
     * A load of v from the copy of the array it was stored into, for the reverse of {@code at}, or null.
     * v has one definition and one store, {@code a[j] = v}, where a is an array a loop's body makes anew
     * and the loop pushes whole at the end of each iteration ({@link #restorable}'s conditions on the
     * array), j is the counted index (step ±1, rebuilt in the reverse) of the one loop between that body and the store, no other
     * write to a comes after the store or sits in that loop, and {@code at} is in that loop. Each iteration
     * of it then writes its own element once, and nothing writes it again before the iteration ends: the
     * copy holds v at j. (A {@code tanh} a hidden layer stores is loaded back instead of saved.)
     */
    private Load storedCopy(Var v, Stmt at) {
        List<Store> stores = storesOf.getOrDefault(v, List.of());
        if (stores.size() != 1 || defCount.getOrDefault(v, 0) != 1 || phis.contains(v) || v.isCarried()
                || definitions.get(v) == null) {
            return null;
        }
        Store st = stores.get(0);
        Var array = st.array();
        ArrayNew n = array.kind() == Var.Kind.LOCAL ? pushable(array) : null;
        Block h = n == null ? null : stmtBlock.get(n);
        Loop made = h == null ? null : blockLoop.get(h);
        if (made == null || made.body() != h || v.type() != array.type().element() || leavesEarly(made)
                || !storedRightAfter(definitions.get(v), st)) {
            return null;
        }
        List<Stmt> writes = writesOf.get(array);
        List<Loop> around = loopsOf(st);
        if (around.size() != loopsOf(n).size() + 1) {
            return null;
        }
        Loop m = around.get(around.size() - 1);
        Loop.Counted c = m.counted();
        if (c == null || Math.abs(c.step()) != 1 || st.index().size() != 1 || st.index().get(0) != c.index()
                || !rebuilt.contains(m) || !loopsOf(at).contains(m)) { // the index at hand: the reverse loop rebuilds it
            return null;
        }
        for (Stmt w : writes) {
            if (w != st && w != n && (order.get(w) > order.get(st) || loopsOf(w).contains(m))) {
                return null;
            }
        }
        Load copy = new Load(v, array, st.index(), st.pos());
        copies.put(copy, made);
        return copy;
    }

    /**
     * Whether the store runs whenever the definition does: both in one block, the store later, and
     * nothing between them that can leave the block (a return, or a break not inside a nested loop).
     */
    private boolean storedRightAfter(Stmt def, Store st) {
        Block b = stmtBlock.get(def);
        if (b == null || stmtBlock.get(st) != b) {
            return false;
        }
        int from = b.stmts().indexOf(def);
        int to = b.stmts().indexOf(st);
        if (from < 0 || to < from) {
            return false;
        }
        boolean[] found = {false};
        leaves(b.stmts().subList(from + 1, to), true, found);
        return !found[0];
    }

    /** Whether an iteration of l can end before its last step: a return, or a break not inside a nested loop. */
    private static boolean leavesEarly(Loop l) {
        boolean[] found = {false};
        leaves(l.body().stmts(), true, found);
        return found[0];
    }

    private static void leaves(List<Stmt> stmts, boolean breakLeaves, boolean[] found) {
        for (Stmt s : stmts) {
            if (s instanceof Return || s instanceof dev.leibniz.processor.ir.Break && breakLeaves) {
                found[0] = true;
            } else if (s instanceof If i) {
                leaves(i.then().stmts(), breakLeaves, found);
                leaves(i.otherwise().stmts(), breakLeaves, found);
            } else if (s instanceof Loop inner) {
                leaves(inner.body().stmts(), false, found);
            }
        }
    }

    /** How long a chain of steps the reverse sweep computes again for one value, at most. */
    private static final int RECOMPUTE_DEPTH = 6;

    /**
     * Whether the reverse sweep of {@code at} can compute {@code v} again rather than pop it: v
     * has one definition, which is an element loaded from a parameter array the method never
     * writes, or cheap arithmetic ({@link #isCheap}); and every operand of that definition is at
     * hand there (no loop around {@code at} changes it) or can be computed again itself. Such a
     * value is the same in the reverse sweep as when it was made, because every operand is.
     */
    private boolean recomputable(Var v, Stmt at, int depth) {
        Stmt def = definitions.get(v);
        if (def == null || depth > RECOMPUTE_DEPTH || defCount.getOrDefault(v, 0) != 1 || phis.contains(v)
                || v.isCarried()) {
            return false; // a variable assigned again may hold another value than its definition gave by now
        }
        List<Operand> operands;
        if (def instanceof Load l) {
            Var array = l.array().base();
            if (array.kind() == Var.Kind.PARAM ? written.contains(array)
                    : array.kind() != Var.Kind.LOCAL || !unchangedAfter(l, array) && restorable(l, array, at) == null) {
                return false;
            }
            operands = l.index();
        } else if (def instanceof Opaque o) {
            // Java the user wrote that reads only values (i + 1, n - 1 - j, b.length): no call, no side effect.
            if (!v.type().isNumeric() || o.code().text().stream().anyMatch(t -> t.contains("(") || t.contains("=")
                    || t.contains("++") || t.contains("--") || t.contains("new "))
                    || o.tree() != null && !(o.tree() instanceof com.sun.source.tree.ExpressionTree)) {
                return false;
            }
            operands = new ArrayList<>(o.code().vars());
        } else {
            Compute c = (Compute) def;
            if (!isCheap(c)) {
                return false;
            }
            operands = c.args();
        }
        for (Operand o : operands) {
            if (o instanceof Var u && u.kind() != Var.Kind.VIEW && overwrittenAround(u, at, def)
                    && !recomputable(u, at, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    /** Arithmetic that costs less to do again than a push and a pop: no division of doubles, no Math call. */
    private static boolean isCheap(Compute c) {
        if (!c.target().type().isNumeric()) {
            return false;
        }
        return switch (c.op()) {
            case ADD, SUB, MUL, NEG, COPY, TO_DOUBLE, TO_FLOAT, ABS, MAX, MIN -> true;
            case DIV, REM -> !c.target().type().isFloating(); // integer index arithmetic
            default -> false;
        };
    }

    /** Has the reverse of {@code at} compute v again, after the operands it must compute again too. */
    private void restore(Var v, Stmt at) {
        restore(v, at, definitions.get(v));
    }

    /** {@link #restore(Var, Stmt)} from the given step: v's definition, or a load of v from a copy ({@link #storedCopy}). */
    private void restore(Var v, Stmt at, Stmt def) {
        List<Var> here = restoredAt.computeIfAbsent(at, k -> new ArrayList<>());
        if (here.contains(v)) {
            return;
        }
        List<Operand> operands = def instanceof Load l ? l.index()
                : def instanceof Opaque o ? new ArrayList<>(o.code().vars()) : ((Compute) def).args();
        for (Operand o : operands) {
            if (o instanceof Var u && u.kind() != Var.Kind.VIEW && overwrittenAround(u, at, def)) {
                restore(u, at);
            } else if (o instanceof Var u) {
                readInPlace.add(u); // named in the reverse sweep, so it must be in scope there
            }
        }
        if (def instanceof Load l && copies.containsKey(l)) {
            restoredArrays.computeIfAbsent(copies.get(l), k -> new LinkedHashSet<>()).add(l.array());
        } else if (def instanceof Load l && l.array().base().kind() == Var.Kind.LOCAL
                && !unchangedAfter(l, l.array().base())) {
            restoredArrays.computeIfAbsent(restorable(l, l.array().base(), at), k -> new LinkedHashSet<>())
                    .add(l.array().base());
        }
        recomputed.put(v, def);
        declareInReverseOf(v);
        here.add(v);
    }

    /**
     * Has the reverse of l count its trips from its header when every variable the bound reads is
     * at hand there as it was (as the start must be for l to be rebuilt) or can be computed again.
     */
    private boolean tripsFromHeader(Loop l) {
        TripCounts.Header h = TripCounts.of(l);
        if (h == null) {
            return false;
        }
        for (Var m : TripCounts.rowsMeasured(h)) {
            if (m.kind() != Var.Kind.PARAM || written.contains(m)) {
                return false; // only a matrix the method was passed and never writes keeps each row it had
            }
        }
        List<Var> again = new ArrayList<>();
        for (Var v : h.bound().vars()) {
            if (v.type() != dev.leibniz.processor.ir.Type.INT) { // an array it measures: one no loop makes anew
                if (v.kind() != Var.Kind.PARAM && !defLoops.getOrDefault(v, Set.of()).isEmpty() && !restoredAround(v, l)) {
                    return false;
                }
            } else if (!available(v, l)) {
                if (!recomputable(v, l, 0)) {
                    return false;
                }
                again.add(v);
            }
        }
        for (Var v : h.bound().vars()) {
            if (again.contains(v)) {
                restore(v, l);
            } else {
                readInPlace.add(v); // the reverse names it where the loop's reverse starts
            }
        }
        tripsFromHeader.put(l, h);
        return true;
    }

    private boolean anyReverse(Block b) {
        for (Stmt s : b.stmts()) {
            if (hasReverse.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the reverse sweep has this as it was where l starts: a constant, a value no loop
     * overwrites, or the index of a rebuilt loop around l (the reverse loop's header sets it).
     */
    private boolean available(Operand start, Loop l) {
        if (start instanceof Const) {
            return true;
        }
        Var v = (Var) start;
        Loop indexed = indexOf.get(v);
        return v.kind() == Var.Kind.PARAM || defLoops.getOrDefault(v, Set.of()).isEmpty()
                || indexed != null && rebuilt.contains(indexed) && loopsOf(l).contains(indexed);
    }

    /**
     * A value popped in the reverse sweep is declared once, at the top of the reverse body of the
     * loop whose body declares it in the forward sweep (values declared outside loops are in scope).
     */
    private void declareInReverseOf(Var v) {
        Loop l = home.get(v) == null ? null : blockLoop.get(home.get(v));
        if (l != null) {
            poppedIn.computeIfAbsent(l, k -> new LinkedHashSet<>()).add(v);
        }
    }

    /** Whether the reverse of some loop declares v at its top, to pop it into. */
    boolean poppedAtLoopTop(Var v) {
        return poppedIn.values().stream().anyMatch(set -> set.contains(v));
    }

    /** Whether v is declared inside some loop's body (so the forward declaration is out of scope later). */
    boolean insideLoopBody(Var v) {
        Block h = home.get(v);
        if (h == null) {
            return false;
        }
        for (var e : loopsOf.entrySet()) {
            if (e.getKey() instanceof Loop l && contains(l.body(), h)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(Block outer, Block inner) {
        if (outer == inner) {
            return true;
        }
        for (Stmt s : outer.stmts()) {
            if (s instanceof If i && (contains(i.then(), inner) || contains(i.otherwise(), inner))
                    || s instanceof Loop l && contains(l.body(), inner)) {
                return true;
            }
        }
        return false;
    }

    /** Arrays black-box code sees (it may keep or write them unseen). */
    private final Set<Var> escaping = new HashSet<>();
    /** Arrays a call's reverse is handed as they are (not a copy). */
    private final Set<Var> passedToCalls = new HashSet<>();
    /** Arrays held by something else than the method's own steps: {@link #escaping} and {@link #passedToCalls}. */
    private final Set<Var> kept = new HashSet<>();

    private void findHeldArrays(Block root) {
        dev.leibniz.processor.ir.Walk.statements(root, s -> {
            if (s instanceof Opaque o) {
                escaping.addAll(o.code().escaping());
            } else if (s instanceof If i) {
                escaping.addAll(i.condition().escaping());
            } else if (s instanceof Loop l && l.condition() != null) {
                escaping.addAll(l.condition().escaping());
            } else if (s instanceof Call k && activity.acts(k) && !eager(k)) { // the reverse sweep hands the call the array itself
                for (int i = 0; i < k.args().size(); i++) {
                    if (k.args().get(i) instanceof Var v && !snapshots.getOrDefault(k, Set.of()).contains(i)) {
                        passedToCalls.add(v);
                    }
                }
            }
        });
        kept.addAll(escaping);
        kept.addAll(passedToCalls);
    }

    /** An array that no black-box code sees can live in a buffer kept from the last call. */
    private void findReusableArrays(Block root) {
        List<ArrayNew> allocations = new ArrayList<>();
        dev.leibniz.processor.ir.Walk.statements(root, s -> {
            if (s instanceof ArrayNew n) {
                allocations.add(n);
            }
        });
        for (ArrayNew n : allocations) {
            // An array made in a loop and handed as it is to a call is kept (on the tape) for that call's
            // reverse: each iteration needs its own.
            boolean keptPerIteration = !loopsOf(n).isEmpty() && passedToCalls.contains(n.target());
            // A returned array is a buffer too: the result object owns the value (see the pullback's Javadoc).
            if (!escaping.contains(n.target()) && !keptPerIteration) {
                reusable.add(n);
            }
        }
    }
}
