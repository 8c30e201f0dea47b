package dev.leibniz.processor.transform;

import dev.leibniz.processor.ir.Compute;
import dev.leibniz.processor.ir.Const;
import dev.leibniz.processor.ir.Operand;
import dev.leibniz.processor.ir.Var;
import dev.leibniz.processor.rules.Expr;
import dev.leibniz.processor.rules.Partials;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Forward over reverse: the tangent of the adjoint. Walks the reverse transform's sweep (its
 * forward sweep and its reverse sweep) and puts beside each line that computes a varying value
 * that value's tangent along the inputs' tangents, read from the same derivative table: the sweep
 * then returns, beside the gradient x̄, its directional derivative, the tangent of x̄, which is H·v.
 * A line the reverse transform did not describe ({@link Act}) must touch no varying value;
 * otherwise the sweep has no tangent here and {@link #of} says why.
 */
final class AdjointTangent {
    /** Why the adjoint has no tangent of its own (second order then stays with the adjoint of the tangent). */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String why) {
            super(why, null, false, false);
        }
    }

    private final Map<String, String> tangents;
    private final Set<String> varying;
    private final Predicate<Operand> hasTangent;
    private final Function<String, String> claim;

    /**
     * @param tangents the tangent's name of each name that has one, as far as known (parameters, the seed, the
     *     result objects); the others are claimed on first use
     * @param varying the names whose values vary with the inputs: a line that mentions one must say what it does
     * @param hasTangent whether an operand of a step varies
     * @param claim hands out a fresh name in the sweep
     */
    private AdjointTangent(Map<String, String> tangents, Set<String> varying, Predicate<Operand> hasTangent,
            Function<String, String> claim) {
        this.tangents = new HashMap<>(tangents);
        this.varying = varying;
        this.hasTangent = hasTangent;
        this.claim = claim;
    }

    private List<Code> code(List<Code> in) throws Refused {
        List<Code> out = new ArrayList<>();
        for (Code c : in) {
            if (c instanceof Code.Line line) {
                line(line, out);
            } else if (c instanceof Code.Branch b) {
                out.add(new Code.Branch(condition(b), code(b.then()), code(b.otherwise()), b.comment()));
            } else if (c instanceof Code.Loop l) {
                out.add(new Code.Loop(l.label(), l.header(), code(l.body()), l.doWhile(), l.comment()));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Whether a line assigns a value that does not vary (an index, a count, a decision computed from values that do:
     * {@code boolean positive = x > 0}), and does nothing else: its tangent is nothing.
     */
    private boolean writesNothingThatVaries(String text) {
        int eq = Statement.assignment(text);
        if (eq < 0) {
            return false;
        }
        if (!Statement.pure(text)) {
            return false;
        }
        int op = eq;
        while (op > 0 && "+-*/%&|^<>".indexOf(text.charAt(op - 1)) >= 0) {
            op--;
        }
        return Mentions.mentioned(text.substring(0, op)).stream().noneMatch(varying::contains);
    }

    /**
     * A branch's condition, where a side taken only while an adjoint is exactly 1 (the fused loop's copy for the
     * usual seed, which writes the adjoint as the literal 1) also needs its tangent 0.
     */
    private String condition(Code.Branch b) {
        StringBuilder out = new StringBuilder(b.condition());
        for (String one : b.ones()) {
            if (varying.contains(one)) {
                out.append(" && ").append(tangent(one)).append(" == 0.0");
            }
        }
        return out.toString();
    }

    private void line(Code.Line line, List<Code> out) throws Refused {
        Act act = line.act();
        if (act == null) {
            String text = line.code();
            if (!text.startsWith("return ") && !writesNothingThatVaries(text)) {
                for (String name : Mentions.mentioned(text)) {
                    if (varying.contains(name)) {
                        throw new Refused("the adjoint's line '" + text + "' has no tangent yet");
                    }
                }
            }
            out.add(line);
        } else if (act instanceof Act.Refuse r) {
            throw new Refused(r.why());
        } else if (act instanceof Act.Inert) {
            out.add(line);
        } else if (act instanceof Act.Linear linear) {
            String t = linear(line.code());
            if (t == null) {
                out.add(line); // nothing it writes varies
            } else if (linear.before()) {
                out.add(new Code.Line(t, null));
                out.add(line);
            } else {
                out.add(line);
                out.add(new Code.Line(t, null));
            }
        } else if (act instanceof Act.Step s) {
            step(line, s.step(), out);
        } else if (act instanceof Act.Add a) {
            out.add(line);
            String term = plus(times(tangentOf(a.factor(), a.factorIndex()), partial(a.step(), a.operand())),
                    times(a.factor() + a.factorIndex(), partialTangent(a.step(), a.operand())));
            String d = tangent(a.lhs());
            if (a.declares()) {
                out.add(new Code.Line("double " + d + " = " + (term == null ? "0.0" : term), null));
            } else if (term != null) {
                out.add(new Code.Line(d + " += " + term, null));
            }
        } else if (act instanceof Act.Scale s) {
            // Before the line: the tangent reads the adjoint the line scales.
            String self = null;
            String selfTangent = null;
            for (int i = 0; i < s.step().args().size(); i++) {
                if (s.step().args().get(i) == s.step().target()) {
                    self = plus(self, partial(s.step(), i));
                    selfTangent = plus(selfTangent, partialTangent(s.step(), i));
                }
            }
            String d = tangent(s.bar());
            String t = plus(times(d, self), times(s.bar(), selfTangent));
            out.add(new Code.Line(d + " = " + (t == null ? "0.0" : t), null));
            out.add(line);
        } else if (act instanceof Act.Call call) {
            List<Code> lines = call.lines().apply(this::tangentOfText);
            if (!call.replaces()) {
                out.add(line);
            }
            out.addAll(lines);
        } else if (act instanceof Act.Workspace w) {
            out.add(line);
            String into = tangent(INTO);
            out.add(new Code.Branch(into + "." + w.field() + " == null", List.of(new Code.Line(into + "." + w.field()
                    + " = new dev.leibniz.Workspace()", null)), List.of(), null));
            out.add(new Code.Line("dev.leibniz.Workspace " + tangent(WORKSPACE) + " = " + into + "." + w.field(),
                    "the tangents' buffers"));
        }
    }

    /** The keys under which the result object and the workspace find their tangents' names. */
    static final String INTO = "\u0000into";
    static final String WORKSPACE = "\u0000workspace";

    /** {@code [T ]r = op(a, b)} and after it {@code [double ]dR = ∂op/∂a·dA + ∂op/∂b·dB}. */
    private void step(Code.Line line, Compute c, List<Code> out) throws Refused {
        Var r = c.target();
        if (!hasTangent.test(r)) {
            out.add(line);
            return;
        }
        boolean declares = !line.code().startsWith(r.name() + " ");
        List<String> args = new ArrayList<>();
        c.args().forEach(a -> args.add(Partials.text(a)));
        boolean readsOld = false;
        for (int i = 0; i < c.args().size(); i++) {
            readsOld |= hasTangent.test(c.args().get(i)) && Partials.reads(c, i).contains(r);
        }
        if (readsOld) {
            // An update in place whose partials read the value it overwrites: keep that value.
            String before = claim.apply(r.name() + "Before");
            out.add(new Code.Line("double " + before + " = " + r.name(), null));
            for (int i = 0; i < args.size(); i++) {
                if (c.args().get(i) == r) {
                    args.set(i, before);
                }
            }
            String dBefore = claim.apply(tangentName(before));
            out.add(new Code.Line("double " + dBefore + " = " + tangent(r.name()), null));
            tangents.put(before, dBefore);
        }
        out.add(line);
        String sum = null;
        for (int i = 0; i < c.args().size(); i++) {
            Operand a = c.args().get(i);
            if (c.op().isPiecewiseConstant() || !hasTangent.test(a)) {
                continue;
            }
            String p = c.op().partial(i, args, r.name(), Partials.literals(c), c.mathClass());
            sum = plus(sum, times(p, tangent(args.get(i))));
        }
        String d = tangent(r.name());
        String value = sum == null ? "0.0" : sum;
        if (r.type() == dev.leibniz.processor.ir.Type.FLOAT) { // the tangent of a float is a float, as the line's copies say
            // float arithmetic stays float: cast only what may be double (a double literal, a call, a named constant)
            boolean floats = c.args().stream().allMatch(a -> a.type() == dev.leibniz.processor.ir.Type.FLOAT
                    || a.type() == dev.leibniz.processor.ir.Type.INT) && value.indexOf('.') < 0;
            out.add(new Code.Line((declares ? "float " : "") + d + " = " + (floats ? value : "(float) " + wrap(value)),
                    null));
        } else {
            out.add(new Code.Line((declares ? "double " : "") + d + " = " + value, null));
        }
    }

    // ---- the table's partials and their tangents -------------------------------------------------

    /** ∂step/∂operand as text; "1" with no step. */
    private static String partial(Compute step, int operand) {
        return step == null ? "1" : Partials.of(step, operand);
    }

    /** The tangent of ∂step/∂operand along the operands' (and the result's) tangents, or null when zero. */
    private String partialTangent(Compute step, int operand) {
        if (step == null) {
            return null;
        }
        Expr p = step.op().partialExpr(operand, Partials.literals(step));
        if (p == null) {
            return null;
        }
        List<String> args = new ArrayList<>();
        List<String> argTangents = new ArrayList<>();
        for (Operand a : step.args()) {
            args.add(Partials.text(a));
            argTangents.add(hasTangent.test(a) ? tangent(Partials.text(a)) : null);
        }
        String result = step.target().name();
        String resultTangent = hasTangent.test(step.target()) ? tangent(result) : null;
        return new Differentiator(args, argTangents, result, resultTangent, step.mathClass()).tangent(p);
    }

    /** Differentiates a formula of the table along its operands' tangents, with the table itself. */
    private record Differentiator(List<String> args, List<String> argTangents, String result, String resultTangent,
            String mathClass) {
        String tangent(Expr e) {
            if (e instanceof Expr.Arg a) {
                return argTangents.get(a.index());
            }
            if (e instanceof Expr.Result) {
                return resultTangent;
            }
            if (e instanceof Expr.Apply a) {
                List<Double> lits = new ArrayList<>();
                a.args().forEach(x -> lits.add(x instanceof Expr.Num n ? n.value() : null));
                String sum = null;
                for (int j = 0; j < a.args().size(); j++) {
                    String dj = tangent(a.args().get(j));
                    Expr pj = a.op().partialExpr(j, lits);
                    if (dj == null || pj == null) {
                        continue;
                    }
                    sum = plus(sum, times(text(substitute(pj, a.args(), a)), dj));
                }
                return sum;
            }
            if (e instanceof Expr.Choose c) {
                String then = tangent(c.then());
                String otherwise = tangent(c.otherwise());
                if (then == null && otherwise == null) {
                    return null;
                }
                return "(" + text(c.test()) + " ? " + (then == null ? "0.0" : then) + " : "
                        + (otherwise == null ? "0.0" : otherwise) + ")";
            }
            return null; // a number or a named constant
        }

        /** The formula e of an operation, over its operands xs and its result r, as an expression of the outer formula. */
        private static Expr substitute(Expr e, List<Expr> xs, Expr r) {
            if (e instanceof Expr.Arg a) {
                return xs.get(a.index());
            }
            if (e instanceof Expr.Result) {
                return r;
            }
            if (e instanceof Expr.Apply a) {
                List<Expr> args = new ArrayList<>();
                a.args().forEach(x -> args.add(substitute(x, xs, r)));
                return new Expr.Apply(a.op(), args);
            }
            if (e instanceof Expr.Compare c) {
                return new Expr.Compare(substitute(c.left(), xs, r), c.relation(), substitute(c.right(), xs, r));
            }
            if (e instanceof Expr.Choose c) {
                return new Expr.Choose((Expr.Compare) substitute(c.test(), xs, r), substitute(c.then(), xs, r),
                        substitute(c.otherwise(), xs, r));
            }
            return e;
        }

        String text(Expr e) {
            if (e instanceof Expr.Num n) {
                return Const.formatDouble(n.value());
            }
            if (e instanceof Expr.Arg a) {
                return args.get(a.index());
            }
            if (e instanceof Expr.Result) {
                return result;
            }
            if (e instanceof Expr.Named n) {
                return mathClass.equals("Math") ? n.text() : n.text().replace("Math.", mathClass + ".");
            }
            if (e instanceof Expr.Apply a) {
                List<String> xs = new ArrayList<>();
                boolean call = a.op().methodName() != null;
                a.args().forEach(x -> xs.add(call ? text(x) : wrap(text(x))));
                String t = a.op().primal(xs, mathClass);
                return call ? t : "(" + t + ")";
            }
            if (e instanceof Expr.Compare c) {
                return text(c.left()) + " " + c.relation() + " " + text(c.right());
            }
            Expr.Choose c = (Expr.Choose) e;
            return "(" + text(c.test()) + " ? " + text(c.then()) + " : " + text(c.otherwise()) + ")";
        }
    }

    // ---- text --------------------------------------------------------------------------------------

    /** a·b, or null when either is zero. */
    static String times(String a, String b) {
        if (a == null || b == null || isZero(a) || isZero(b)) {
            return null;
        }
        if (a.equals("1") || a.equals("1.0")) {
            return b;
        }
        if (b.equals("1") || b.equals("1.0")) {
            return a;
        }
        if (a.equals("-1") || a.equals("-1.0")) {
            return "-" + wrap(b);
        }
        if (b.equals("-1") || b.equals("-1.0")) {
            return "-" + wrap(a);
        }
        return wrap(a) + " * " + wrap(b);
    }

    /** a + b, either null meaning zero. */
    static String plus(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.startsWith("-") ? a + " - " + wrap(b.substring(1)) : a + " + " + b;
    }

    private static boolean isZero(String s) {
        return s.equals("0") || s.equals("0.0") || s.equals("-0.0");
    }

    /** Parenthesises anything but a name, a number, a call, an element or a parenthesised expression. */
    static String wrap(String e) {
        if (e.matches("-?[\\w.$]+(\\[[^\\[\\]]*\\])*") || atomic(e)) {
            return e;
        }
        return "(" + e + ")";
    }

    /** Whether e is one parenthesised expression or one call: its outer parentheses close at its end. */
    private static boolean atomic(String e) {
        int open = e.indexOf('(');
        if (open < 0 || !e.endsWith(")") || !e.substring(0, open).matches("[\\w.$]*")) {
            return false;
        }
        int depth = 0;
        for (int i = open; i < e.length(); i++) {
            depth += e.charAt(i) == '(' ? 1 : e.charAt(i) == ')' ? -1 : 0;
            if (depth == 0 && i < e.length() - 1) {
                return false;
            }
        }
        return true;
    }

    // ---- names -------------------------------------------------------------------------------------

    /** The tangent of a name (a value, an adjoint, a copy), claimed on first use. */
    private String tangent(String name) {
        return tangents.computeIfAbsent(name, n -> claim.apply(tangentName(n)));
    }

    /** The tangent of {@code name[index]}, or null when the name does not vary (a literal factor). */
    private String tangentOf(String name, String index) {
        if (!varying.contains(name) && !tangents.containsKey(name)) {
            return null;
        }
        return tangent(name) + index;
    }

    private static String tangentName(String name) {
        return ForwardTransform.tangentName(name);
    }

    /**
     * The tangent of a linear line, or null when what it writes does not vary: the line over the tangents, except
     * that a value which does not vary (a literal, a constant's name) has the tangent 0.
     */
    private String linear(String code) {
        int eq = Statement.assignment(code);
        if (eq < 0) {
            String t = substitute(code);
            return t.equals(code) ? null : t;
        }
        int op = eq;
        while (op > 0 && "+-*/%&|^<>".indexOf(code.charAt(op - 1)) >= 0) {
            op--;
        }
        String lhs = code.substring(0, op);
        String tangentLhs = substitute(lhs);
        if (tangentLhs.equals(lhs)) {
            return null;
        }
        String rhs = code.substring(eq + 1);
        // A plain operand (a literal, a name, an element, maybe cast) that does not vary: a constant, tangent 0.
        boolean constant = OPERAND.matcher(rhs.trim()).matches() && !rhs.trim().equals("null")
                && Mentions.mentioned(rhs).stream().noneMatch(n -> varying.contains(n) || n.equals(intoName)
                        || n.equals(workspaceName));
        // (0, not 0.0, where the line may write a float)
        String zero = code.startsWith("double ") ? " 0.0" : " 0";
        return tangentLhs + code.substring(op, eq + 1) + (constant ? zero : substitute(rhs));
    }

    /** The tangent of a text a call passes (a name, an element, a buffer), or null where nothing in it varies. */
    private String tangentOfText(String text) {
        String t = substitute(text);
        return t.equals(text) ? null : t;
    }

    private static final java.util.regex.Pattern OPERAND =
            java.util.regex.Pattern.compile("(\\((double|float)\\) )?-?[\\w.$]+(\\[[^\\[\\]]*\\])*");

    /** The line over the tangents: each varying name (not one read only for its length) by its tangent's name. */
    private String substitute(String code) {
        return Mentions.rewrite(code, (name, length) -> {
            String special = name.equals(intoName) ? INTO : name.equals(workspaceName) ? WORKSPACE : null;
            return !length && (varying.contains(name) || special != null) ? tangent(special != null ? special : name) : name;
        });
    }

    private String intoName;
    private String workspaceName;

    /** Names the sweep's result object and workspace, whose tangents are those of the tangent result. */
    AdjointTangent named(String into, String workspace) {
        this.intoName = into;
        this.workspaceName = workspace;
        return this;
    }

    static List<Code> of(List<Code> sweep, Map<String, String> tangents, Set<String> varying,
            Predicate<Operand> hasTangent, Function<String, String> claim, String into, String workspace)
            throws Refused {
        return new AdjointTangent(tangents, varying, hasTangent, claim).named(into, workspace).code(sweep);
    }
}
