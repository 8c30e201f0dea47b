package dev.leibniz.processor.analysis;

import dev.leibniz.processor.diag.Unsupported;
import dev.leibniz.processor.ir.Compute;
import dev.leibniz.processor.ir.Call;
import dev.leibniz.processor.ir.Func;
import dev.leibniz.processor.ir.Load;
import dev.leibniz.processor.ir.Store;
import dev.leibniz.processor.ir.Opaque;
import dev.leibniz.processor.ir.Operand;
import dev.leibniz.processor.ir.Param;
import dev.leibniz.processor.ir.Return;
import dev.leibniz.processor.ir.Type;
import dev.leibniz.processor.ir.Var;
import dev.leibniz.processor.ir.Walk;
import dev.leibniz.processor.rules.Partials;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Activity analysis. A value is <em>varied</em> when it depends on a differentiated parameter
 * and <em>useful</em> when it reaches the returned value through steps with a non-zero partial;
 * only values that are both (active) get adjoints. A black-box step whose result is active
 * would silently drop a derivative, so it is an error.
 */
public final class Activity {
    /** For each varied value, the differentiated parameters it depends on. */
    private final Map<Var, Set<String>> varied = new HashMap<>();
    private final Set<Var> useful = new HashSet<>();

    private Activity() {}

    public static Activity of(Func f) throws Unsupported {
        Activity a = new Activity();
        a.forward(f);
        a.backward(f);
        a.check(f);
        return a;
    }

    public boolean isActive(Operand o) {
        return o instanceof Var v && varied.containsKey(v) && useful.contains(v);
    }

    private void forward(Func f) {
        for (Param p : f.params()) {
            if (p.differentiated()) {
                varied.put(p.var(), new TreeSet<>(Set.of(p.name())));
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (var s : statements(f)) {
                if (s instanceof Compute c && c.target().type().isNumeric() && !c.op().isPiecewiseConstant()) {
                    for (int i = 0; i < c.args().size(); i++) {
                        if (Partials.of(c, i) != null) {
                            changed |= flow(c.args().get(i), c.target());
                        }
                    }
                } else if (s instanceof Call k) {
                    for (Var d : k.defines()) {
                        for (int i = 0; i < k.args().size(); i++) {
                            if (k.callee().differentiated().get(i)) {
                                changed |= flow(k.args().get(i), d);
                                if (d.viewOf() != null) { // a procedure writing a row writes its matrix
                                    changed |= flow(k.args().get(i), d.viewOf());
                                }
                            }
                        }
                    }
                } else if (s instanceof Load l) {
                    changed |= flow(l.array(), l.target());
                } else if (s instanceof dev.leibniz.processor.ir.RowView r) {
                    changed |= flow(r.parent(), r.target());
                } else if (s instanceof Store st) {
                    changed |= flow(st.value(), st.array());
                } else if (s instanceof Compute c && c.target().type() == Type.REFERENCE) {
                    changed |= flow(c.args().get(0), c.target());
                } else if (s instanceof Opaque o && o.target() != null && o.target().type() != Type.BOOLEAN
                        && !Conversions.isExplicit(o.tree())) {
                    for (Var v : o.code().valueReads()) {
                        changed |= flow(v, o.target());
                    }
                }
            }
        }
    }

    /** Floating values carry derivatives; objects may hide them, so variation flows through them too. */
    private static boolean carries(Var v) {
        return v.type().isFloating() || v.type().isReference();
    }

    private boolean flow(Operand from, Var to) {
        Set<String> src = from instanceof Var v ? varied.get(v) : null;
        if (src == null) {
            return false;
        }
        return varied.computeIfAbsent(to, k -> new TreeSet<>()).addAll(src);
    }

    private void backward(Func f) {
        if (f.isProcedure()) {
            useful.addAll(dev.leibniz.processor.ir.Outputs.of(f.body())); // the outputs' seeds start the reverse sweep
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (var s : statements(f)) {
                if (s instanceof Return r && r.value() instanceof Var v) {
                    changed |= useful.add(v);
                } else if (s instanceof Compute c && useful.contains(c.target()) && !c.op().isPiecewiseConstant()) {
                    for (int i = 0; i < c.args().size(); i++) {
                        if (c.args().get(i) instanceof Var v && v.type().isNumeric() && Partials.of(c, i) != null) {
                            changed |= useful.add(v);
                        }
                    }
                } else if (s instanceof Call k && usefulCall(k)) {
                    for (Var d : k.outputs()) {
                        changed |= useful.add(d); // the matrix of a written row is useful: so is the row
                    }
                    for (int i = 0; i < k.args().size(); i++) {
                        if (k.callee().differentiated().get(i) && k.args().get(i) instanceof Var v && carries(v)) {
                            changed |= useful.add(v);
                        }
                    }
                } else if (s instanceof Load l && useful.contains(l.target())) {
                    changed |= useful.add(l.array());
                } else if (s instanceof dev.leibniz.processor.ir.RowView r && useful.contains(r.target())) {
                    changed |= useful.add(r.parent());
                } else if (s instanceof Store st && useful.contains(st.array()) && st.value() instanceof Var v
                        && v.type().isFloating()) {
                    changed |= useful.add(v);
                } else if (s instanceof Compute c && c.target().type() == Type.REFERENCE && useful.contains(c.target())
                        && c.args().get(0) instanceof Var v) {
                    changed |= useful.add(v);
                } else if (s instanceof Opaque o && o.target() != null && useful.contains(o.target())) {
                    for (Var v : o.code().vars()) {
                        if (carries(v) || v.type().isNumeric()) {
                            changed |= useful.add(v);
                        }
                    }
                }
            }
        }
    }

    private void check(Func f) throws Unsupported {
        for (var s : statements(f)) {
            if (s instanceof Call k && usefulCall(k)) {
                for (int i = 0; i < k.args().size(); i++) {
                    if (!k.callee().differentiated().get(i) && k.args().get(i) instanceof Var v && varied.containsKey(v)
                            && (v.type().isFloating() || v.type().isFloatingArray())) {
                        throw new Unsupported(k.tree(), "'" + k.callee().description() + "' is not differentiated with "
                                + "respect to its parameter '" + k.callee().paramNames().get(i) + "' (see its wrt), but "
                                + "the argument depends on " + describe(varied.get(v)) + "; add the parameter to its wrt");
                    }
                    if (k.args().get(i) instanceof Var v && varied.containsKey(v) && v.type() == Type.REFERENCE) {
                        throw objectCarries(k, "its argument '" + k.callee().paramNames().get(i) + "'", v);
                    }
                }
                if (k.receiver() instanceof Var v && varied.containsKey(v)) {
                    throw objectCarries(k, "the object it is called on", v);
                }
            }
        }
        ArrayEscapes.check(f, useful::contains);
        for (var s : statements(f)) {
            if (s instanceof Opaque o && o.target() != null && isActive(o.target()) && o.target().type().isReference()) {
                throw new Unsupported(o.tree(), "'" + o.tree() + "' puts a value that depends on "
                        + describe(varied.get(o.target())) + " into an object, and Leibniz cannot follow a derivative "
                        + "through objects or arrays yet; keep the value in a double local variable");
            }
            if (s instanceof Opaque o && o.target() != null && isActive(o.target())
                    && o.tree() instanceof com.sun.source.tree.MethodInvocationTree) {
                throw new Unsupported(o.tree(), "'" + o.tree() + "' is not differentiable, but it depends on "
                        + describe(varied.get(o.target())) + " and its value reaches the result. Leibniz can "
                        + "differentiate through a call when the method is @Differentiable or has a @DerivativeOf rule; "
                        + "annotate it, or compute the value from inputs that are not differentiated");
            }
            if (s instanceof Opaque o && o.target() != null && isActive(o.target())) {
                throw new Unsupported(o.tree(), "'" + o.tree() + "' is not differentiable, but it depends on "
                        + describe(varied.get(o.target())) + " and its value reaches the result. Leibniz knows the "
                        + "derivatives of operators and java.lang.Math functions; rewrite it with those, or compute it "
                        + "from values that are not differentiated so that it is a constant");
            }
        }
    }

    /** Whether something a call defines reaches the result: its value, or an array (or a row's matrix) it writes. */
    private boolean usefulCall(Call k) {
        for (Var d : k.defines()) {
            if (useful.contains(d) || d.viewOf() != null && useful.contains(d.viewOf())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a call's derivative is needed: something it defines is active. */
    public boolean acts(Call k) {
        for (Var d : k.defines()) {
            if (isActive(d)) {
                return true;
            }
        }
        return false;
    }

    /** A call differentiates none of its object inputs, so one that depends on a parameter would lose a derivative. */
    private Unsupported objectCarries(Call k, String what, Var v) {
        return new Unsupported(k.tree(), "'" + k.callee().description() + "' gets " + what + ", an object that depends "
                + "on " + describe(varied.get(v)) + ", and Leibniz cannot follow a derivative through objects; pass the "
                + "numbers it holds as double parameters instead");
    }

    private static String describe(Set<String> params) {
        return (params.size() == 1 ? "the differentiated parameter " : "the differentiated parameters ")
                + String.join(", ", params);
    }

    private static java.util.List<dev.leibniz.processor.ir.Stmt> statements(Func f) {
        java.util.List<dev.leibniz.processor.ir.Stmt> all = new java.util.ArrayList<>();
        Walk.statements(f.body(), all::add);
        return all;
    }
}
