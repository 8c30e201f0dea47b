package dev.leibniz.processor.transform;

import dev.leibniz.processor.analysis.Activity;
import dev.leibniz.processor.ir.Block;
import dev.leibniz.processor.ir.Compute;
import dev.leibniz.processor.ir.Func;
import dev.leibniz.processor.ir.If;
import dev.leibniz.processor.ir.Opaque;
import dev.leibniz.processor.ir.Operand;
import dev.leibniz.processor.ir.Param;
import dev.leibniz.processor.ir.Pos;
import dev.leibniz.processor.ir.Return;
import dev.leibniz.processor.ir.Stmt;
import dev.leibniz.processor.ir.Var;
import dev.leibniz.processor.ir.Walk;
import dev.leibniz.processor.rules.Partials;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverse mode (adjoint) code: a forward sweep that computes and keeps every intermediate under a
 * name, then a reverse sweep that walks the steps backwards and accumulates each value's adjoint
 * {@code v_bar = ∂result/∂v} from the partials in the derivative table, as in the textbook
 * derivation (MML §5.6). Branches are replayed from the decision the forward sweep recorded.
 */
public final class ReverseTransform {
    /**
     * The body of the pullback.
     *
     * @param seed the name of the parameter holding the adjoint of the result
     * @param into the name of the parameter receiving value and gradient
     */
    public record Result(String seed, String into, List<Code> body) {}

    private final Func f;
    private final Activity activity;
    private final Names names = new Names();
    private final Map<Var, Block> home = new HashMap<>();
    private final Set<Var> needed = new LinkedHashSet<>();
    private final Set<Var> hoisted = new LinkedHashSet<>();
    private final Set<Var> named = new HashSet<>();
    private final Map<Var, String> adjoint = new HashMap<>();
    private final Set<Var> declaredAdjoints = new HashSet<>();
    private final Map<Stmt, Set<Var>> contributions = new HashMap<>();
    private String value;
    private String seed;
    private boolean valueDeclaredAtTop;

    private ReverseTransform(Func f, Activity activity) {
        this.f = f;
        this.activity = activity;
    }

    public static Result of(Func f, Activity activity) {
        return new ReverseTransform(f, activity).run();
    }

    private Result run() {
        for (Param p : f.params()) {
            names.reserve(p.name());
            p.var().setName(p.name());
            named.add(p.var());
            home.put(p.var(), f.body());
        }
        reserveQualifiers();
        value = names.claim("value");
        seed = names.claim("seed");
        String into = names.claim("into");
        findHomes(f.body());
        contributedIn(f.body().stmts());
        findNeeded();
        nameForwardValues(f.body());
        Walk.statements(f.body(), s -> {
            if (s instanceof Compute c && activity.isActive(c.target())) {
                adjointName(c.target());
            }
        });

        List<Code> body = new ArrayList<>();
        body.add(new Code.Comment("Forward sweep: the value, keeping the intermediates the reverse sweep reads."));
        valueDeclaredAtTop = hasNestedReturn(f.body());
        if (valueDeclaredAtTop) {
            body.add(new Code.Line("double " + value, null));
        }
        body.addAll(forward(f.body()));
        List<Code> reverse = reverse(f.body());
        if (!reverse.isEmpty()) {
            body.add(new Code.Comment("Reverse sweep: v_bar is the derivative of the result with respect to v."));
            body.addAll(reverse);
        }
        body.add(new Code.Line(into + ".value = " + value, null));
        for (Param p : f.params()) {
            if (p.differentiated()) {
                String g = declaredAdjoints.contains(p.var()) ? adjoint.get(p.var()) : "0.0";
                body.add(new Code.Line(into + "." + p.name() + " = " + g, null));
            }
        }
        body.add(new Code.Line("return " + value, null));
        return new Result(seed, into, body);
    }

    // ---- analysis of the IR for this transform ---------------------------------------------

    /**
     * A local named like the first part of a qualified name the code uses ({@code java} in
     * {@code java.util.Random}, a package {@code p} in {@code p.C.K}) would shadow it, so those
     * names are never given to locals.
     */
    private void reserveQualifiers() {
        Walk.statements(f.body(), s -> {
            if (s instanceof Opaque o) {
                o.code().text().forEach(t -> Qualifiers.reserve(t, names));
            } else if (s instanceof If i) {
                i.condition().text().forEach(t -> Qualifiers.reserve(t, names));
            } else if (s instanceof Compute c) {
                for (Operand a : c.args()) {
                    if (a instanceof dev.leibniz.processor.ir.Const k) {
                        Qualifiers.reserve(k.text(), names);
                    }
                }
            }
        });
    }

    private void findHomes(Block b) {
        for (Stmt s : b.stmts()) {
            if (s instanceof If i) {
                for (Var phi : i.phis()) {
                    home.put(phi, b);
                }
                home.put(i.taken(), b);
                findHomes(i.then());
                findHomes(i.otherwise());
            } else if (s instanceof Compute c) {
                home.putIfAbsent(c.target(), b);
            } else if (s instanceof Opaque o && o.target() != null) {
                home.putIfAbsent(o.target(), b);
            }
        }
    }

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
            } else if (s instanceof If i) {
                here.addAll(contributedIn(i.then().stmts()));
                here.addAll(contributedIn(i.otherwise().stmts()));
            }
            contributions.put(s, here);
            all.addAll(here);
        }
        return all;
    }

    /** What the reverse sweep reads from the forward sweep: partials' inputs and branch decisions. */
    private void findNeeded() {
        Walk.statements(f.body(), s -> {
            if (s instanceof Compute c && activity.isActive(c.target())) {
                for (int i = 0; i < c.args().size(); i++) {
                    if (activity.isActive(c.args().get(i))) {
                        needed.addAll(Partials.reads(c, i));
                    }
                }
            } else if (s instanceof If i && !contributions.get(s).isEmpty()) {
                needed.add(i.taken());
            }
        });
        for (Var v : needed) {
            if (v.kind() != Var.Kind.PARAM && home.get(v).depth() > 0) {
                hoisted.add(v);
            }
        }
    }

    private void nameForwardValues(Block b) {
        for (Stmt s : b.stmts()) {
            if (s instanceof If i) {
                i.phis().forEach(this::name);
                if (needed.contains(i.taken())) {
                    name(i.taken());
                }
                nameForwardValues(i.then());
                nameForwardValues(i.otherwise());
            } else if (s instanceof Compute c) {
                name(c.target());
            } else if (s instanceof Opaque o && o.target() != null) {
                name(o.target());
            }
        }
    }

    private void name(Var v) {
        if (named.add(v)) {
            v.setName(names.claim(v.baseName()));
        }
    }

    private String adjointName(Var v) {
        return adjoint.computeIfAbsent(v, k -> names.claim(k.name() + "_bar"));
    }

    private static boolean hasNestedReturn(Block body) {
        boolean[] nested = {false};
        for (Stmt s : body.stmts()) {
            if (s instanceof If i) {
                Walk.statements(i.then(), x -> nested[0] |= x instanceof Return);
                Walk.statements(i.otherwise(), x -> nested[0] |= x instanceof Return);
            }
        }
        return nested[0];
    }

    // ---- forward sweep ----------------------------------------------------------------------

    private List<Code> forward(Block b) {
        List<Code> out = new ArrayList<>();
        for (Stmt s : b.stmts()) {
            if (b.depth() == 0 && s instanceof If) {
                for (Var v : hoisted) {
                    if (definedIn(s, v)) {
                        out.add(new Code.Line(v.javaType() + " " + v.name() + " = " + v.type().zero(),
                                "kept for the reverse sweep"));
                    }
                }
            }
            if (s instanceof Compute c) {
                out.add(new Code.Line(define(c.target()) + " = " + Partials.primal(c), comment(c.pos())));
            } else if (s instanceof Opaque o) {
                out.add(new Code.Line(
                        o.target() == null ? o.code().render() : define(o.target()) + " = " + o.code().render(),
                        comment(o.pos())));
            } else if (s instanceof Return r) {
                out.add(new Code.Line((valueDeclaredAtTop ? "" : "double ") + value + " = " + Partials.text(r.value()),
                        comment(r.pos())));
            } else if (s instanceof If i) {
                for (Var phi : i.phis()) {
                    if (!hoisted.contains(phi)) {
                        out.add(new Code.Line(phi.javaType() + " " + phi.name(), null));
                    }
                }
                String cond = i.condition().render();
                if (needed.contains(i.taken())) {
                    out.add(new Code.Line(define(i.taken()) + " = " + cond, comment(i.pos())));
                    cond = i.taken().name();
                }
                out.add(new Code.Branch(cond, forward(i.then()), forward(i.otherwise()), comment(i.pos())));
            }
        }
        return out;
    }

    /** The left-hand side defining v: a declaration, unless v is declared elsewhere. */
    private String define(Var v) {
        if (hoisted.contains(v) || v.kind() == Var.Kind.PHI || isTernaryPhi(v)) {
            return v.name();
        }
        return v.javaType() + " " + v.name();
    }

    private boolean isTernaryPhi(Var v) {
        Block h = home.get(v);
        if (h == null) {
            return false;
        }
        for (Stmt s : h.stmts()) {
            if (s instanceof If i && i.phis().contains(v)) {
                return true;
            }
        }
        return false;
    }

    private static boolean definedIn(Stmt s, Var v) {
        boolean[] found = {false};
        if (s instanceof If i) {
            found[0] = i.taken() == v || i.phis().contains(v);
            Walk.statements(i.then(), x -> found[0] |= defines(x, v));
            Walk.statements(i.otherwise(), x -> found[0] |= defines(x, v));
        }
        return found[0];
    }

    private static boolean defines(Stmt s, Var v) {
        return s instanceof Compute c && c.target() == v
                || s instanceof Opaque o && o.target() == v
                || s instanceof If i && (i.taken() == v || i.phis().contains(v));
    }

    // ---- reverse sweep ----------------------------------------------------------------------

    private List<Code> reverse(Block b) {
        List<Code> out = new ArrayList<>();
        List<Stmt> stmts = b.stmts();
        for (int k = stmts.size() - 1; k >= 0; k--) {
            Stmt s = stmts.get(k);
            if (s instanceof Return r) {
                if (activity.isActive(r.value())) {
                    accumulate(out, (Var) r.value(), seed, comment(r.pos()));
                }
            } else if (s instanceof Compute c) {
                if (!activity.isActive(c.target()) || !declaredAdjoints.contains(c.target())) {
                    continue; // no adjoint reached this value: its contribution is zero
                }
                String bar = adjoint.get(c.target());
                for (int i = 0; i < c.args().size(); i++) {
                    Operand a = c.args().get(i);
                    String d = activity.isActive(a) ? Partials.of(c, i) : null;
                    if (d != null) {
                        accumulate(out, (Var) a, Terms.times(bar, d), comment(c.pos()));
                    }
                }
            } else if (s instanceof If i) {
                for (Var v : contributions.get(s)) {
                    if (home.get(v) == b && !declaredAdjoints.contains(v)) {
                        out.add(new Code.Line("double " + adjointName(v) + " = 0.0", null));
                        declaredAdjoints.add(v);
                    }
                }
                List<Code> then = reverse(i.then());
                List<Code> otherwise = reverse(i.otherwise());
                if (then.isEmpty() && otherwise.isEmpty()) {
                    continue;
                }
                String taken = i.taken().name();
                out.add(then.isEmpty()
                        ? new Code.Branch("!" + taken, otherwise, List.of(), comment(i.pos()))
                        : new Code.Branch(taken, then, otherwise, comment(i.pos())));
            }
        }
        return out;
    }

    /** v_bar += term, declaring v_bar at its first contribution. */
    private void accumulate(List<Code> out, Var v, String term, String comment) {
        String bar = adjointName(v);
        boolean negative = term.startsWith("-");
        String magnitude = negative ? term.substring(1) : term;
        if (declaredAdjoints.add(v)) {
            out.add(new Code.Line("double " + bar + " = " + term, comment));
        } else {
            out.add(new Code.Line(bar + (negative ? " -= " : " += ") + magnitude, comment));
        }
    }

    private static String comment(Pos p) {
        return p == null ? null : p.comment();
    }
}
