package dev.leibniz.processor.transform;

import dev.leibniz.processor.analysis.Activity;
import dev.leibniz.processor.diag.Unsupported;
import dev.leibniz.processor.ir.ArrayNew;
import dev.leibniz.processor.ir.Block;
import dev.leibniz.processor.ir.Break;
import dev.leibniz.processor.ir.Call;
import dev.leibniz.processor.ir.Callee;
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
import dev.leibniz.processor.ir.Template;
import dev.leibniz.processor.ir.Type;
import dev.leibniz.processor.ir.Var;
import dev.leibniz.processor.rules.Elementary;
import dev.leibniz.processor.rules.Expr;
import dev.leibniz.processor.rules.Partials;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Forward mode: turns a method's IR into the IR of its tangent program (its JVP). The tangent
 * program takes, after the method's parameters, one tangent per differentiated parameter, runs
 * the method, and beside every active value computes that value's tangent, built from the same
 * derivative table the reverse transform reads ({@link Elementary#partialExpr}). It returns the
 * tangent of the result; a procedure writes the tangents of its outputs into their tangent
 * arrays.
 *
 * <p>The result is ordinary IR, so every later stage applies to it unchanged: its value sweep is
 * the generated {@code mTangent}, and its reverse sweep (the adjoint of the tangent, with respect
 * to the original inputs) is a Hessian-vector product, which second order uses where the gradient
 * sweep has no tangent of its own yet ({@link AdjointTangent}).
 */
public final class ForwardTransform {
    /** The companion methods of a callee's own tangent program, or why it has none. */
    public interface Tangents {
        /** The callee's tangent program as a callee, or null when it has none. */
        Callee of(Callee callee);
    }

    private final Func f;
    private final Activity activity;
    private final Tangents tangents;
    private final Map<Var, Var> primal = new HashMap<>();
    private final Map<Var, Var> tangent = new LinkedHashMap<>();
    private Block out;
    /** Values already computed where the transform is (see {@link ValueTable}). */
    private final ValueTable values;
    /** The method's variables assigned more than once: never shared, and what read them is forgotten when they are. */
    private final Set<Var> reassigned;
    /** For a primal value the table holds, the method's value it stands for (to ask whether it has a tangent). */
    private final Map<Var, Var> origin = new HashMap<>();

    private ForwardTransform(Func f, Activity activity, Tangents tangents) {
        this.f = f;
        this.activity = activity;
        this.tangents = tangents;
        Set<Var> reassigned = reassigned(f.body());
        Set<Var> varies = new HashSet<>();
        for (Var v : reassigned) {
            varies.add(p(v));
        }
        this.reassigned = reassigned;
        this.values = new ValueTable(!writesArrays(f.body()), v -> v.isMutable() || v.kind() == Var.Kind.PHI
                || varies.contains(v));
    }

    /** The method's variables that more than one step assigns (an if's phis among them), or flagged so. */
    private static Set<Var> reassigned(Block body) {
        Map<Var, Integer> definitions = new HashMap<>();
        dev.leibniz.processor.ir.Walk.statements(body, s -> {
            for (Var v : defined(s)) {
                definitions.merge(v, 1, Integer::sum);
            }
            if (s instanceof If i) {
                i.phis().forEach(v -> definitions.merge(v, 2, Integer::sum));
            }
        });
        Set<Var> more = new HashSet<>();
        definitions.forEach((v, n) -> {
            if (n > 1 || v.isMutable() || v.kind() == Var.Kind.PHI) {
                more.add(v);
            }
        });
        return more;
    }

    /**
     * Whether any step may write a floating array (a store, a call, black-box code handing one to a method): then no
     * read of an array is shared.
     */
    private static boolean writesArrays(Block body) {
        boolean[] writes = {false};
        dev.leibniz.processor.ir.Walk.statements(body, s -> writes[0] |= s instanceof Store || s instanceof Call
                || s instanceof Opaque o && !o.writes().isEmpty());
        return writes[0];
    }

    /** The tangent program of f, named {@code fTangent}: run, never differentiated again (no parameter is). */
    public static Func of(Func f, Activity activity, Tangents tangents) throws Unsupported {
        return new ForwardTransform(f, activity, tangents).run();
    }

    /** The name of the tangent program of a method. */
    public static String nameOf(String method) {
        return method + "Tangent";
    }

    private Func run() throws Unsupported {
        List<Param> params = new ArrayList<>();
        List<Param> tangentParams = new ArrayList<>();
        for (Param p : f.params()) {
            params.add(new Param(p(p.var()), p.type(), false));
        }
        List<String> names = tangentParameterNames(f.params().stream().map(Param::name).toList(),
                f.params().stream().map(Param::differentiated).toList());
        for (Param p : f.params()) {
            if (p.differentiated()) {
                Var t = new Var(names.get(tangentParams.size()), p.var().type(), Var.Kind.PARAM);
                t.setJavaType(p.var().javaType());
                tangent.put(p.var(), t);
                tangentParams.add(new Param(t, p.type(), false));
            }
        }
        params.addAll(tangentParams);
        Var receiver = f.receiver() == null ? null : p(f.receiver());
        Block body = block(f.body(), false);
        return new Func(nameOf(f.name()), f.signature(), receiver, f.receiverType(), params, body, false, f.returns(), f);
    }

    private Block block(Block b, boolean loopBody) throws Unsupported {
        Block saved = out;
        out = new Block(b.depth());
        values.enter(loopBody);
        for (Stmt s : b.stmts()) {
            statement(s);
            for (Var v : defined(s)) {
                if (reassigned.contains(v)) { // a value assigned again: what read it is stale
                    values.assigned(p(v));
                    if (tangent.containsKey(v)) {
                        values.assigned(tangent.get(v));
                    }
                }
            }
        }
        values.leave();
        Block done = out;
        out = saved;
        return done;
    }

    private static List<Var> defined(Stmt s) {
        if (s instanceof Call k) {
            return k.defines(); // a procedure defines the arrays it writes
        } else if (s instanceof If i) {
            return i.phis();
        } else if (s instanceof Loop l && l.counted() != null) {
            return List.of(l.counted().index());
        }
        Var t = Layout.target(s);
        return t == null ? List.of() : List.of(t);
    }

    /**
     * Whether the method's value {@code v} can stand for {@code existing}, a primal value computed
     * already the same way: v is a temporary (a user's variable keeps its name) and both have a
     * tangent or neither has.
     */
    private boolean reuses(Var v, Var existing) {
        if (existing == null || v.kind() != Var.Kind.TEMP || reassigned.contains(v)) {
            return false;
        }
        Var o = origin.get(existing);
        if (o == null || hasTangent(o) != hasTangent(v)) {
            return false;
        }
        primal.put(v, existing);
        if (hasTangent(v)) {
            tangent.put(v, t(o));
        }
        return true;
    }

    private void statement(Stmt s) throws Unsupported {
        if (s instanceof Compute c) {
            compute(c);
        } else if (s instanceof Opaque o) {
            java.util.Map<Var, com.sun.source.tree.Tree> writes = new HashMap<>();
            o.writes().forEach((v, t) -> writes.put(p(v), t));
            out.add(new Opaque(o.target() == null ? null : p(o.target()), template(o.code()), o.pos(), o.tree(), writes));
        } else if (s instanceof If i) {
            Block then = block(i.then(), false);
            Block otherwise = block(i.otherwise(), false);
            List<Var> phis = new ArrayList<>();
            for (Var phi : i.phis()) {
                phis.add(p(phi));
            }
            for (Var phi : i.phis()) {
                if (hasTangent(phi)) {
                    phis.add(t(phi));
                }
            }
            out.add(new If(template(i.condition()), p(i.taken()), then, otherwise, phis, i.pos()));
        } else if (s instanceof Loop l) {
            Loop.Counted counted = l.counted() == null ? null
                    : new Loop.Counted(p(l.counted().index()), op(l.counted().start()), l.counted().step());
            out.add(new Loop(l.label(), l.condition() == null ? null : template(l.condition()), l.doWhile(),
                    block(l.body(), true), counted, l.trips() == null ? null : p(l.trips()), l.pos()));
        } else if (s instanceof Break b) {
            out.add(b);
        } else if (s instanceof Return r) {
            returns(r);
        } else if (s instanceof ArrayNew n) {
            out.add(new ArrayNew(p(n.target()), ops(n.dims()), n.reusable(), n.pos(), n.tree()));
            if (hasTangent(n.target())) {
                out.add(new ArrayNew(t(n.target()), ops(n.dims()), n.reusable(), n.pos(), n.tree()));
            }
        } else if (s instanceof Load l) {
            boolean shared = l.array().type().isFloatingArray(); // (black-box code may write other arrays)
            if (shared && reuses(l.target(), values.findLoad(p(l.array()), ops(l.index())))) {
                return;
            }
            out.add(new Load(p(l.target()), p(l.array()), ops(l.index()), l.pos()));
            values.wrote(p(l.target()));
            if (shared) {
                values.rememberLoad(p(l.target()), p(l.array()), ops(l.index()));
            }
            origin.put(p(l.target()), l.target());
            if (hasTangent(l.target()) && hasTangent(l.array())) {
                out.add(new Load(t(l.target()), t(l.array()), ops(l.index()), l.pos()));
            } else if (hasTangent(l.target())) { // a constant element into a variable that varies later
                out.add(new Compute(t(l.target()), Elementary.COPY, List.of(Const.literal(0.0)), "Math", l.pos()));
            }
        } else if (s instanceof Store st) {
            out.add(new Store(p(st.array()), ops(st.index()), op(st.value()), st.pos()));
            if (hasTangent(st.array())) {
                Var array = t(st.array());
                out.add(new Store(array, ops(st.index()), narrowed(tangentOf(st.value()), array.type() == Type.FLOAT_ARRAY,
                        st.pos()), st.pos()));
            }
        } else if (s instanceof RowView r) {
            out.add(new RowView(p(r.target()), p(r.parent()), ops(r.index()), r.pos(), r.tree()));
            if (hasTangent(r.target()) && hasTangent(r.parent())) {
                out.add(new RowView(t(r.target()), t(r.parent()), ops(r.index()), r.pos(), r.tree()));
            } else if (hasTangent(r.target())) {
                throw new Unsupported(r.tree(), "forward mode cannot yet follow a row of a constant matrix into a "
                        + "variable that varies");
            }
        } else if (s instanceof Call k) {
            call(k);
        } else {
            throw new IllegalStateException("no tangent for " + s);
        }
    }

    // ---- elementary steps -----------------------------------------------------------------------

    private void compute(Compute c) throws Unsupported {
        Var target = c.target();
        if (reuses(target, values.find(c.op(), c.mathClass(), ops(c.args())))) {
            return;
        }
        if (!hasTangent(target)) {
            primalStep(c);
            return;
        }
        // An update in place (s = s * x) overwrites an operand its partials may read: keep the old value.
        List<Operand> args = ops(c.args());
        if (c.args().contains(target) && !c.op().isPiecewiseConstant()) {
            Var before = temp(target.baseName() + "Before", target.type());
            out.add(new Compute(before, Elementary.COPY, List.of(p(target)), "Math", c.pos()));
            args = new ArrayList<>(args);
            for (int i = 0; i < args.size(); i++) {
                if (c.args().get(i) == target) {
                    args.set(i, before);
                }
            }
        }
        primalStep(c);
        List<Operand> terms = new ArrayList<>();
        List<Double> literals = Partials.literals(c);
        for (int i = 0; i < c.args().size() && !c.op().isPiecewiseConstant(); i++) {
            Operand a = c.args().get(i);
            if (!hasTangent(a)) {
                continue;
            }
            Expr d = c.op().partialExpr(i, literals);
            if (d == null) {
                continue;
            }
            Operand partial = new PartialLowering(args, p(target), c.mathClass(), c.pos(), out, values).lower(d);
            terms.add(scaled(partial, t((Var) a), c.pos()));
        }
        sumInto(t(target), terms, c.pos());
    }

    /** The primal step itself, which the table then holds. */
    private void primalStep(Compute c) {
        out.add(new Compute(p(c.target()), c.op(), ops(c.args()), c.mathClass(), c.pos()));
        values.wrote(p(c.target()));
        values.remember(p(c.target()), c.op(), c.mathClass(), ops(c.args()));
        origin.put(p(c.target()), c.target());
    }

    private Var step(String base, Elementary op, String mathClass, List<Operand> args, dev.leibniz.processor.ir.Pos pos) {
        return values.step(out, base, op, mathClass, args, pos);
    }

    /** partial · tangent, as one step (or none, for a partial of 1). */
    private Operand scaled(Operand partial, Var tangent, dev.leibniz.processor.ir.Pos pos) {
        if (partial instanceof Const k && k.isLiteral() && k.numeric() == 1.0) {
            return tangent;
        }
        if (partial instanceof Const k && k.isLiteral() && k.numeric() == -1.0) {
            return step(tangent.baseName() + "Term", Elementary.NEG, "Math", List.of(tangent), pos);
        }
        return step(tangent.baseName() + "Term", Elementary.MUL, "Math", List.of(partial, tangent), pos);
    }

    /** target = the sum of the terms (0 when there are none), the last step writing target itself. */
    private void sumInto(Var target, List<Operand> terms, dev.leibniz.processor.ir.Pos pos) {
        if (terms.isEmpty()) {
            out.add(new Compute(target, Elementary.COPY, List.of(Const.literal(0.0)), "Math", pos));
            return;
        }
        Operand sum = terms.get(0);
        for (int i = 1; i < terms.size(); i++) {
            List<Operand> pair = List.of(sum, terms.get(i));
            if (i < terms.size() - 1) {
                sum = step(target.baseName() + "Sum", Elementary.ADD, "Math", pair, pos);
                continue;
            }
            out.add(new Compute(target, Elementary.ADD, pair, "Math", pos));
            values.remember(target, Elementary.ADD, "Math", pair);
            sum = target;
        }
        if (terms.size() == 1) {
            // Retarget the single term's step, if this transform just wrote it, rather than copy it.
            List<Stmt> stmts = out.stmts();
            Stmt last = stmts.isEmpty() ? null : stmts.get(stmts.size() - 1);
            if (last instanceof Compute k && k.target() == sum && sum instanceof Var sv && sv.kind() == Var.Kind.TEMP
                    && !k.args().contains(target)) {
                stmts.set(stmts.size() - 1, new Compute(target, k.op(), k.args(), k.mathClass(), k.pos()));
                values.assigned(sv); // the temporary is gone: the table must not offer it
                values.remember(target, k.op(), k.mathClass(), k.args());
            } else {
                out.add(new Compute(target, Elementary.COPY, List.of(sum), "Math", pos));
            }
        }
    }

    // ---- calls ----------------------------------------------------------------------------------

    private void call(Call k) throws Unsupported {
        List<Operand> args = ops(k.args());
        Operand receiver = k.receiver() == null ? null : op(k.receiver());
        boolean needed = false;
        for (Var d : k.defines()) {
            needed |= hasTangent(d) || d.viewOf() != null && hasTangent(d.viewOf());
        }
        if (!needed) {
            out.add(new Call(k.target() == null ? null : p(k.target()), k.callee(), receiver, args, k.pos(), k.tree()));
            return;
        }
        if (k.callee().rule() != null && k.target() != null) {
            out.add(new Call(p(k.target()), k.callee(), receiver, args, k.pos(), k.tree()));
            ruleTangent(k, args);
            return;
        }
        Callee tc = tangents.of(k.callee());
        if (tc == null) {
            throw new Unsupported(k.tree(), "forward mode cannot go through '" + k.callee().description()
                    + "': it has no tangent (a @DerivativeOf rule needs a tangent form, or the callee's own tangent failed)");
        }
        List<Operand> tangentArgs = new ArrayList<>(args);
        for (int i = 0; i < k.args().size(); i++) {
            if (k.callee().differentiated().get(i)) {
                tangentArgs.add(narrowed(tangentOf(k.args().get(i)), takesFloat(k.callee(), i), k.pos()));
            }
        }
        if (k.target() == null) { // a procedure: its tangent program writes outputs and their tangents
            out.add(new Call(null, tc, receiver, tangentArgs, k.pos(), k.tree()));
            return;
        }
        out.add(new Call(p(k.target()), k.callee(), receiver, args, k.pos(), k.tree()));
        out.add(new Call(t(k.target()), tc, receiver, tangentArgs, k.pos(), k.tree()));
    }

    /**
     * The tangent through a {@code @DerivativeOf} rule, derived from its pullback: called with seed 1, it
     * gives the partials, and the tangent is their sum weighted by the arguments' tangents. The partials are
     * black boxes (the rule is a first-order rule), so a method using one has forward mode but no second order.
     */
    private void ruleTangent(Call k, List<Operand> args) {
        List<Object> call = new ArrayList<>(List.of(k.callee().rule() + "("));
        for (Operand a : args) {
            call.add(a instanceof Var v ? v : ((Const) a).operandText());
            call.add(", ");
        }
        call.add("1.0");
        List<Operand> terms = new ArrayList<>();
        List<Var[]> shares = new ArrayList<>(); // {partials of an array, its share <partials, tangent>, the tangent}
        List<Integer> scalarArgs = new ArrayList<>();
        for (int i = 0; i < k.args().size(); i++) {
            if (!k.callee().differentiated().get(i)) {
                continue;
            }
            Operand a = k.args().get(i);
            if (a.type().isFloatingArray()) {
                Var g = temp(((Var) a).baseName() + "Partials", a.type());
                out.add(new Opaque(g, a.type() == Type.DOUBLE_MATRIX
                        ? Template.concat("dev.leibniz.Flat.zerosLike(", op(a), ")")
                        : Template.concat("new double[", op(a), ".length]"), k.pos(), k.tree()));
                call.add(", ");
                call.add(g);
                if (hasTangent(a)) {
                    Var share = temp(((Var) a).baseName() + "Share", Type.DOUBLE);
                    terms.add(share);
                    shares.add(new Var[] {g, share, t((Var) a)});
                }
            } else {
                scalarArgs.add(i);
            }
        }
        call.add(")");
        Template rule = new Template(call);
        List<Var> partials = new ArrayList<>();
        switch (k.callee().ruleReturns()) {
            case "double" -> {
                Var d = temp("partial", Type.DOUBLE);
                out.add(new Opaque(d, rule, k.pos(), k.tree()));
                partials.add(d);
            }
            case "void" -> out.add(new Opaque(null, rule, k.pos(), k.tree()));
            default -> {
                Var all = temp("partials", Type.DOUBLE_ARRAY);
                out.add(new Opaque(all, rule, k.pos(), k.tree()));
                for (int n = 0; n < scalarArgs.size(); n++) {
                    Var d = temp("partial", Type.DOUBLE);
                    out.add(new Opaque(d, Template.concat(all, "[" + n + "]"), k.pos(), k.tree()));
                    partials.add(d);
                }
            }
        }
        for (Var[] share : shares) {
            out.add(new Opaque(share[1], Template.concat("dev.leibniz.Flat.dot(", share[0], ", ", share[2], ")"),
                    k.pos(), k.tree()));
        }
        for (int n = 0; n < scalarArgs.size(); n++) {
            Operand a = k.args().get(scalarArgs.get(n));
            if (hasTangent(a)) {
                terms.add(scaled(partials.get(n), t((Var) a), k.pos()));
            }
        }
        sumInto(t(k.target()), terms, k.pos());
    }

    private Var zerosLike(Operand a) {
        Var v = (Var) a;
        Var zeros = temp(v.baseName() + "Zero", v.type());
        List<Operand> dims = new ArrayList<>();
        Var n = temp(v.baseName() + "Length", Type.INT);
        out.add(new Opaque(n, Template.concat(v, ".length"), new dev.leibniz.processor.ir.Pos(0, v.baseName() + ".length"), null));
        dims.add(n);
        if (v.type() == Type.DOUBLE_MATRIX) {
            Var m = temp(v.baseName() + "Columns", Type.INT);
            out.add(new Opaque(m, Template.concat(v, ".length == 0 ? 0 : ", v, "[0].length"),
                    new dev.leibniz.processor.ir.Pos(0, v.baseName() + "[0].length"), null));
            dims.add(m);
        }
        out.add(new ArrayNew(zeros, dims, true, new dev.leibniz.processor.ir.Pos(0, "zero tangent of " + v.baseName()), null));
        return zeros;
    }

    private void returns(Return r) throws Unsupported {
        if (r.value() == null) {
            out.add(r);
            return;
        }
        out.add(new Return(tangentOf(r.value()), r.pos()));
    }

    /** Whether the callee's parameter i is a float (then its tangent parameter is one too). */
    private static boolean takesFloat(Callee c, int i) {
        var params = c.method().getParameters(); // (a call's arguments match them one to one: varargs come packed)
        return i < params.size() && params.get(i).asType().getKind() == javax.lang.model.type.TypeKind.FLOAT;
    }

    /**
     * A scalar tangent as a float where one is wanted (a float array's element, a float parameter's tangent):
     * tangents of float values are computed in double, as their partials are, and narrowed only there.
     */
    private Operand narrowed(Operand tangent, boolean toFloat, dev.leibniz.processor.ir.Pos pos) {
        if (!toFloat || tangent.type() == Type.FLOAT) {
            return tangent;
        }
        if (tangent instanceof Const k && k.isLiteral()) {
            return new Const(k.text() + "f", Type.FLOAT, k.numeric());
        }
        Var narrow = temp(((Var) tangent).baseName() + "Float", Type.FLOAT);
        out.add(new Compute(narrow, Elementary.TO_FLOAT, List.of(tangent), "Math", pos));
        return narrow;
    }

    /** The tangent of an operand: its tangent variable, or 0 (zeros for an array) when it has none. */
    private Operand tangentOf(Operand a) {
        if (a instanceof Var v && hasTangent(v)) {
            return t(v);
        }
        if (a.type().isFloatingArray()) {
            return zerosLike(op(a));
        }
        return Const.literal(0.0);
    }

    // ---- variables ------------------------------------------------------------------------------

    /** Whether a value carries a tangent: it is active (varied and reaching the result) and floating. */
    private boolean hasTangent(Operand o) {
        if (!(o instanceof Var v)) {
            return false;
        }
        if (tangent.containsKey(v)) {
            return true;
        }
        return activity.isActive(v) && (v.type() == Type.DOUBLE || v.type() == Type.FLOAT || v.type().isFloatingArray());
    }

    private Var t(Var v) {
        return tangent.computeIfAbsent(v, k -> {
            // A float value's tangent is a double, like its partials; float arrays keep float tangents (see narrowed).
            Type type = k.type() == Type.FLOAT ? Type.DOUBLE : k.type();
            Var t = new Var(tangentName(k.baseName()), type, k.kind() == Var.Kind.PARAM ? Var.Kind.LOCAL : k.kind());
            if (type == k.type()) {
                t.setJavaType(k.javaType());
            }
            t.setDepth(k.depth());
            if (k.isCarried()) {
                t.setCarried();
            } else if (k.isMutable()) {
                t.setMutable();
            }
            return t;
        });
    }

    private Var p(Var v) {
        Var c = primal.get(v);
        if (c == null) {
            c = copy(v);
            primal.put(v, c);
        }
        return c;
    }

    private Var copy(Var v) {
        Var c = new Var(v.baseName(), v.type(), v.kind());
        c.setJavaType(v.javaType());
        c.setDepth(v.depth());
        if (v.isCarried()) {
            c.setCarried();
        } else if (v.isMutable()) {
            c.setMutable();
        }
        return c;
    }

    private Operand op(Operand o) {
        return o instanceof Var v ? p(v) : o;
    }

    private List<Operand> ops(List<Operand> os) {
        List<Operand> r = new ArrayList<>();
        for (Operand o : os) {
            r.add(op(o));
        }
        return r;
    }

    private Template template(Template t) {
        List<Object> parts = new ArrayList<>();
        for (Object part : t.parts()) {
            parts.add(part instanceof Var v ? p(v) : part);
        }
        return new Template(parts);
    }

    private Var temp(String base, Type type) {
        Var v = new Var(base, type, Var.Kind.TEMP);
        v.setDepth(out.depth());
        return v;
    }

    /** {@code dx} for {@code x}, {@code dSum} for {@code sum}: the names a calculus text would use. */
    public static String tangentName(String name) {
        String d = name.length() == 1 ? "d" + name : "d" + name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
        return javax.lang.model.SourceVersion.isKeyword(d) ? "d" + name.toUpperCase(Locale.ROOT) : d;
    }

    /**
     * The names of the tangent parameters, one per differentiated parameter in order: {@link #tangentName},
     * with {@code _} appended while a parameter already has the name. Callers derive the same names.
     */
    public static List<String> tangentParameterNames(List<String> params, List<Boolean> differentiated) {
        java.util.Set<String> taken = new java.util.HashSet<>(params);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            if (differentiated.get(i)) {
                String name = tangentName(params.get(i));
                while (!taken.add(name)) {
                    name += "_";
                }
                names.add(name);
            }
        }
        return names;
    }
}
