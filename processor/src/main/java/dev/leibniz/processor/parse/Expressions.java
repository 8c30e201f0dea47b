package dev.leibniz.processor.parse;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import dev.leibniz.processor.diag.Unsupported;
import dev.leibniz.processor.ir.Block;
import dev.leibniz.processor.ir.Compute;
import dev.leibniz.processor.ir.Const;
import dev.leibniz.processor.ir.If;
import dev.leibniz.processor.ir.Opaque;
import dev.leibniz.processor.ir.Operand;
import dev.leibniz.processor.ir.Template;
import dev.leibniz.processor.ir.Type;
import dev.leibniz.processor.ir.Var;
import dev.leibniz.processor.rules.Elementary;
import dev.leibniz.processor.rules.Partials;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Lowers expressions to one elementary step each. Sub-expressions that read no floating-point
 * local cannot depend on a differentiated input; they stay whole, as constants or black-box
 * steps, and Java evaluates them exactly as written.
 */
final class Expressions {
    private final MethodParser p;

    Expressions(MethodParser p) {
        this.p = p;
    }

    /**
     * Lowers {@code e}, whose value is used as type {@code ctx}.
     *
     * @param name the user variable the value is assigned to, or null for a temporary
     */
    Operand lower(ExpressionTree e, Type ctx, String name) throws Unsupported {
        e = unparen(e);
        checkFits(e, ctx);
        if (e.getKind() == Tree.Kind.SWITCH_EXPRESSION) {
            Type t = typeOf(e);
            return p.switches().expression((com.sun.source.tree.SwitchExpressionTree) e,
                    t != null && t.isNumeric() && ctx != null && ctx.isNumeric() ? Type.promote(t, ctx) : ctx, name);
        }
        if (!p.mentionsFloating(e)) {
            return inactive(e, ctx, name);
        }
        if (ctx == Type.REFERENCE || ctx == Type.BOOLEAN) {
            return opaque(e, ctx, name); // objects and booleans carry no derivative of their own
        }
        switch (e.getKind()) {
            case IDENTIFIER -> {
                Slot s = p.slot(((IdentifierTree) e).getName().toString());
                return p.currentOf(s, e);
            }
            case PLUS, MINUS, MULTIPLY, DIVIDE, REMAINDER -> {
                return binary((BinaryTree) e, name);
            }
            case UNARY_MINUS -> {
                Operand a = lower(((UnaryTree) e).getExpression(), ctx, null);
                return compute(Elementary.NEG, List.of(a), a.type(), name, "neg", e, "Math");
            }
            case UNARY_PLUS -> {
                return lower(((UnaryTree) e).getExpression(), ctx, name);
            }
            case TYPE_CAST -> {
                return cast((TypeCastTree) e, name);
            }
            case CONDITIONAL_EXPRESSION -> {
                return conditional((ConditionalExpressionTree) e, ctx, name);
            }
            case METHOD_INVOCATION -> {
                return call((MethodInvocationTree) e, ctx, name);
            }
            case ASSIGNMENT, PLUS_ASSIGNMENT, MINUS_ASSIGNMENT, MULTIPLY_ASSIGNMENT, DIVIDE_ASSIGNMENT,
                    REMAINDER_ASSIGNMENT, PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> {
                return p.sideEffect(e, e); // a = b = 2 * x: b's assignment runs first, its value is b
            }
            case ARRAY_ACCESS -> {
                ArrayLowering.Access a = ArrayLowering.access(p, e);
                if (a != null) {
                    return ArrayLowering.load(p, this, a, name == null ? null : target(name, "elem",
                            a.slot().type.element(), List.of()), e);
                }
                Type t = typeOf(e);
                return opaque(e, t != null ? t : ctx, name);
            }
            default -> {
                Type t = typeOf(e);
                return opaque(e, t != null ? t : ctx, name);
            }
        }
    }

    /**
     * Rejects a value of the wrong kind (a string or boolean where a number goes, a number where
     * a boolean goes). javac reports such code too; rejecting it here keeps the companion from
     * repeating the error.
     */
    private void checkFits(ExpressionTree e, Type ctx) throws Unsupported {
        Type actual = typeOf(e);
        if (actual == null || ctx == null || actual == ctx) {
            return;
        }
        boolean fits;
        if (actual.isNumeric() && ctx.isNumeric()) {
            fits = Type.promote(actual, ctx) == ctx || e instanceof LiteralTree; // widening, or a constant
        } else {
            fits = actual.isReference() && ctx.isReference();
        }
        if (!fits) {
            throw new Unsupported(e, "this " + describe(actual) + " value cannot be used where a " + describe(ctx)
                    + " is expected");
        }
    }

    private static String describe(Type t) {
        return t == Type.REFERENCE ? "non-numeric" : t.javaName();
    }

    /** The Java source of a branch condition, evaluated as written. */
    Template condition(ExpressionTree e) throws Unsupported {
        return template(unparen(e));
    }

    /** A declared type as the companion must spell it. */
    String typeText(Tree type) throws Unsupported {
        return TemplatePrinter.typeText(type, p.names(), p.elements());
    }

    Template template(ExpressionTree e) throws Unsupported {
        return TemplatePrinter.print(e, p.names(), p.elements(), p::localOrNull, arrayType, effect -> p.sideEffect(effect, e));
    }

    /** The declared type of the array local whose initializer is being lowered, for bare {@code {...}}. */
    private String arrayType;

    /** Lowers a declaration's initializer, which may be a bare array initializer of {@code javaType}. */
    Operand initializer(ExpressionTree e, Type t, String name, String javaType) throws Unsupported {
        arrayType = javaType;
        try {
            return lower(e, t, name);
        } finally {
            arrayType = null;
        }
    }


    private Operand binary(BinaryTree b, String name) throws Unsupported {
        Type lt = typeOf(b.getLeftOperand());
        Type rt = typeOf(b.getRightOperand());
        if (lt == Type.REFERENCE || rt == Type.REFERENCE || b.getLeftOperand().getKind() == Tree.Kind.STRING_LITERAL
                || b.getRightOperand().getKind() == Tree.Kind.STRING_LITERAL) {
            throw new Unsupported(b, "only numbers can be combined with a differentiated value here; "
                    + "build strings and objects in a separate statement");
        }
        if (lt == null && rt == null) {
            throw new Unsupported(b, "cannot tell the type of this expression; assign its operands to local variables "
                    + "with explicit types first");
        }
        if (lt == null) {
            lt = contextFor(b.getLeftOperand(), rt);
        }
        if (rt == null) {
            rt = contextFor(b.getRightOperand(), lt);
        }
        Operand l = lower(b.getLeftOperand(), lt, null);
        Operand r = lower(b.getRightOperand(), rt, null);
        Elementary op = switch (b.getKind()) {
            case PLUS -> Elementary.ADD;
            case MINUS -> Elementary.SUB;
            case MULTIPLY -> Elementary.MUL;
            case DIVIDE -> Elementary.DIV;
            default -> Elementary.REM;
        };
        Type t = Type.promote(lt, rt);
        return compute(op, List.of(l, r), t, name, tempName(op), b, "Math");
    }

    /** An operand of unknown type takes its floating partner's type, as Java's promotion would. */
    private Type contextFor(ExpressionTree unknown, Type partner) throws Unsupported {
        if (partner.isFloating()) {
            return partner;
        }
        throw new Unsupported(unknown, "cannot tell the type of this expression; assign it to a local variable "
                + "with an explicit type first");
    }

    private Operand cast(TypeCastTree c, String name) throws Unsupported {
        Type target = Type.ofName(c.getType().toString());
        Type from = typeOf(c.getExpression());
        if (target == null) {
            throw new Unsupported(c, "casts to " + c.getType() + " are not supported in a @Differentiable method");
        }
        if (from == null) {
            from = target;
        }
        if (!target.isFloating()) {
            return opaque(c, target, name); // rounding to an integer: piecewise constant, derivative 0
        }
        Operand a = lower(c.getExpression(), from, null);
        if (from == target) {
            return a.type() == target ? a : copy(a, target, name, c);
        }
        Elementary op = target == Type.DOUBLE ? Elementary.TO_DOUBLE : Elementary.TO_FLOAT;
        return compute(op, List.of(a), target, name, target == Type.DOUBLE ? "asDouble" : "asFloat", c, "Math");
    }

    private Operand copy(Operand a, Type t, String name, Tree at) {
        return compute(Elementary.COPY, List.of(a), t, name, "copy", at, "Math");
    }

    private Operand conditional(ConditionalExpressionTree c, Type ctx, String name) throws Unsupported {
        Type tt = typeOf(c.getTrueExpression());
        Type ft = typeOf(c.getFalseExpression());
        Type t = tt != null && ft != null ? Type.promote(tt, ft) : ctx;
        Template cond = condition(c.getCondition());
        Var reused = p.reuse;
        Var phi = target(name, "select", t, List.of());
        List<Var> phis = phi == reused ? List.of() : List.of(phi); // a loop's variable is declared already
        Block thenB = p.branch(() -> {
            Operand v = lower(c.getTrueExpression(), t, null);
            p.add(new Compute(phi, Elementary.COPY, List.of(v), "Math", p.pos(c.getTrueExpression())));
            return true;
        });
        Block elseB = p.branch(() -> {
            Operand v = lower(c.getFalseExpression(), t, null);
            p.add(new Compute(phi, Elementary.COPY, List.of(v), "Math", p.pos(c.getFalseExpression())));
            return true;
        });
        var at = p.pos(c.getCondition());
        p.add(new If(cond, p.newVar("branch", Type.BOOLEAN, Var.Kind.BRANCH), thenB, elseB, phis,
                new dev.leibniz.processor.ir.Pos(at.line(), at.text() + " ?")));
        return phi;
    }

    private Operand call(MethodInvocationTree c, Type ctx, String name) throws Unsupported {
        if (isStop(c)) {
            Operand a = lower(c.getArguments().get(0), ctx, null);
            return compute(Elementary.STOP, List.of(a), a.type(), name, "stopped", c, "Math");
        }
        String mathClass = mathClassOf(c);
        String method = methodName(c);
        Elementary op = mathClass == null ? null : Elementary.ofMethod(method, c.getArguments().size());
        if (op == null) { // not in the table: maybe another @Differentiable method, or one with a user rule
            if (Callees.mayCallErroneous(p, this, c)) {
                throw Unsupported.reportedByJavac(c, "the called method's signature has an error javac reports");
            }
            javax.lang.model.element.ExecutableElement m = Callees.method(p, this, c);
            dev.leibniz.processor.ir.Callee callee = m == null ? null : Callees.describe(p, c, m);
            if (callee != null) {
                return differentiableCall(c, m, callee, name);
            }
        }
        if (op == null) {
            // Not in the table: a black box, and an error if a derivative would have to pass through it.
            Type t = typeOf(c);
            return opaque(c, t != null ? t : ctx, name);
        }
        List<Operand> args = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        for (ExpressionTree a : c.getArguments()) {
            Type at = typeOf(a);
            Type use = op == Elementary.ABS || op == Elementary.MAX || op == Elementary.MIN || op == Elementary.SIGNUM
                    ? (at != null ? at : Type.DOUBLE) : Type.DOUBLE;
            types.add(use);
            args.add(lower(a, use, null));
        }
        Type result = resultType(op, types);
        return compute(op, args, result, name, method, c, mathClass);
    }

    /** The numbers a call passes to a {@code double...} parameter, in a new array as Java packs them. */
    private Var packed(MethodInvocationTree c, javax.lang.model.element.ExecutableElement m,
            List<? extends ExpressionTree> values) throws Unsupported {
        var param = m.getParameters().get(m.getParameters().size() - 1);
        Type t = Type.ofName(param.asType().toString());
        Var array = p.newVar(param.getSimpleName().toString(), t, Var.Kind.LOCAL);
        p.add(new dev.leibniz.processor.ir.ArrayNew(array,
                List.of(new Const(String.valueOf(values.size()), Type.INT, values.size())), true, p.pos(c), c));
        for (int k = 0; k < values.size(); k++) {
            Operand v = lower(values.get(k), t.element(), null);
            p.add(new dev.leibniz.processor.ir.Store(array, List.of(new Const(String.valueOf(k), Type.INT, k)), v,
                    p.pos(values.get(k))));
        }
        return array;
    }

    /** A call to a method with a derivative: one step, whose reverse calls that derivative. */
    /**
     * {@code double[] h = layer(w, x)}: a call to a double[]-valued method with a derivative, into a new
     * array variable; null when the call is not one.
     */
    Var arrayCall(MethodInvocationTree c, String name) throws Unsupported {
        javax.lang.model.element.ExecutableElement m = Callees.method(p, this, c);
        dev.leibniz.processor.ir.Callee callee = m == null ? null : Callees.describe(p, c, m);
        if (callee == null || !m.getReturnType().toString().equals("double[]")) {
            return null;
        }
        return (Var) differentiableCall(c, m, callee, name, Type.DOUBLE_ARRAY);
    }

    /**
     * {@code affine(w, b, x, out);}: a call of a {@code @Differentiable void} method, which writes
     * into some of its array arguments; false when the call is not one.
     */
    boolean procedureCall(MethodInvocationTree c) throws Unsupported {
        javax.lang.model.element.ExecutableElement m = Callees.method(p, this, c);
        if (m == null || m.getReturnType().getKind() != javax.lang.model.type.TypeKind.VOID || !Callees.isDifferentiable(m)) {
            return false;
        }
        dev.leibniz.processor.ir.Callee callee = Callees.describe(p, c, m);
        if (callee == null) {
            return false;
        }
        differentiableCall(c, m, callee, null, null);
        return true;
    }

    /** An array a procedure writes must be a local array or row the method may change, and passed once. */
    private void checkWritten(MethodInvocationTree c, dev.leibniz.processor.ir.Callee callee, List<Operand> args)
            throws Unsupported {
        for (int i : callee.outputs()) {
            ExpressionTree at = c.getArguments().get(i);
            Var v = (Var) args.get(i);
            p.checkWritable(v, at);
            Var base = v.base();
            String what = "'" + callee.description() + "' writes into its parameter '" + callee.paramNames().get(i) + "'";
            if (base.kind() == Var.Kind.PARAM && (v.kind() == Var.Kind.VIEW || !p.isProcedure())) {
                throw new Unsupported(at, what + ", and '" + at + "' is " + (v.kind() == Var.Kind.VIEW ? "a row of " : "")
                        + "a parameter of this method, which must not change its arguments; copy it into a local "
                        + "array first (double[] copy = " + (v.kind() == Var.Kind.VIEW ? at : base.baseName()) + ".clone())");
            }
            for (int j = 0; j < args.size(); j++) {
                if (j != i && args.get(j) == v) {
                    throw new Unsupported(at, what + ", and '" + at + "' is also passed as '"
                            + callee.paramNames().get(j) + "'; pass a copy for one of them, so that what it reads "
                            + "is not what it writes");
                }
            }
        }
    }

    private Operand differentiableCall(MethodInvocationTree c, javax.lang.model.element.ExecutableElement m,
            dev.leibniz.processor.ir.Callee callee, String name) throws Unsupported {
        if (!m.getReturnType().toString().equals("double")) {
            throw new Unsupported(c, "the double[] that '" + m.getSimpleName() + "' returns must go into a double[] "
                    + "variable of its own: double[] h = " + m.getSimpleName() + "(...)");
        }
        return differentiableCall(c, m, callee, name, Type.DOUBLE);
    }

    private Operand differentiableCall(MethodInvocationTree c, javax.lang.model.element.ExecutableElement m,
            dev.leibniz.processor.ir.Callee callee, String name, Type result) throws Unsupported {
        Operand receiver = null;
        if (!m.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)) {
            if (c.getMethodSelect() instanceof MemberSelectTree s) {
                receiver = lower(s.getExpression(), Type.REFERENCE, null);
                if (receiver instanceof Var v && v.kind() == Var.Kind.TEMP) { // ms[k].predict(x): the temporary has ms[k]'s class
                    String declared = javaTypeOf(s.getExpression());
                    v.setJavaType(declared != null ? declared
                            : p.names().sourceName((TypeElement) m.getEnclosingElement()));
                }
            } else if (p.names().isOwnMember(m)) {
                receiver = p.localOrNull("this");
            } else {
                throw new Unsupported(c, "'" + m.getSimpleName() + "' belongs to the enclosing "
                        + m.getEnclosingElement().getSimpleName() + " instance, which the generated companion cannot "
                        + "reach from the receiver; pass that " + m.getEnclosingElement().getSimpleName()
                        + " as a parameter and call it on the parameter");
            }
            if (receiver == null) {
                throw new Unsupported(c, "the instance method '" + m.getSimpleName() + "' needs a receiver here");
            }
        }
        List<Operand> args = new ArrayList<>();
        boolean spread = Callees.spreads(p, this, m, c.getArguments());
        int fixed = spread ? m.getParameters().size() - 1 : c.getArguments().size();
        for (int i = 0; i < fixed; i++) {
            ExpressionTree a = c.getArguments().get(i);
            Type pt = Type.ofName(m.getParameters().get(i).asType().toString());
            if (pt != null && pt.isFloatingArray()) {
                ExpressionTree u = unparen(a);
                Slot s = u instanceof IdentifierTree id ? p.slot(id.getName().toString()) : null;
                Var row = s == null && pt == Type.DOUBLE_ARRAY ? ArrayLowering.rowView(p, this, u, null) : null;
                if (row != null) {
                    args.add(row); // dot(W[j], x): the row's adjoint is that row of W's
                    continue;
                }
                if (u instanceof ConditionalExpressionTree choice && pt.rank() == 1) { // dot(h, c ? x : h)
                    args.add(ArrayCopies.choice(p, this, choice, m.getParameters().get(i).getSimpleName().toString(),
                            pt, a));
                    continue;
                }
                if (s == null || s.type != pt) {
                    throw new Unsupported(a, "pass a " + pt.javaName() + " variable here, so its derivative can flow back");
                }
                args.add(p.currentOf(s, u));
            } else {
                Operand arg = lower(a, pt == null ? Type.REFERENCE : pt, null);
                if (pt == null && arg instanceof Var v && v.kind() == Var.Kind.TEMP) { // "ab" for a String: keep its class
                    String declared = javaTypeOf(a);
                    v.setJavaType(declared != null ? declared : m.getParameters().get(i).asType().toString());
                }
                args.add(arg);
            }
        }
        if (spread) {
            args.add(packed(c, m, c.getArguments().subList(fixed, c.getArguments().size())));
        }
        checkWritten(c, callee, args);
        List<Operand> all = new ArrayList<>(args);
        if (receiver != null) {
            all.add(receiver);
        }
        // y = f(y) in a loop: the reverse sweep needs y's old value and adjoint apart, so go through a temporary.
        Var t = result == null ? null
                : result == Type.DOUBLE_ARRAY ? p.newVar(name, result, Var.Kind.LOCAL)
                : all.contains(p.reuse) ? p.newVar(m.getSimpleName().toString(), Type.DOUBLE, Var.Kind.TEMP)
                : target(name, m.getSimpleName().toString(), Type.DOUBLE, all);
        p.add(new dev.leibniz.processor.ir.Call(t, callee, receiver, args, p.pos(c), c));
        if (result == Type.DOUBLE_ARRAY) {
            p.returnedBy(t, m);
        }
        return t;
    }

    private static Type resultType(Elementary op, List<Type> args) {
        return switch (op) {
            case ABS, SIGNUM -> args.get(0) == Type.FLOAT ? Type.FLOAT : promoteNumeric(args.get(0));
            case MAX, MIN -> Type.promote(args.get(0), args.get(1));
            case ROUND -> args.get(0) == Type.FLOAT ? Type.INT : Type.LONG;
            default -> Type.DOUBLE;
        };
    }

    private static Type promoteNumeric(Type t) {
        return Type.promote(t, Type.INT);
    }

    Var compound(CompoundAssignmentTree c, Slot slot, Var old) throws Unsupported {
        Elementary op = switch (c.getKind()) {
            case PLUS_ASSIGNMENT -> Elementary.ADD;
            case MINUS_ASSIGNMENT -> Elementary.SUB;
            case MULTIPLY_ASSIGNMENT -> Elementary.MUL;
            case DIVIDE_ASSIGNMENT -> Elementary.DIV;
            default -> Elementary.REM;
        };
        Type rt = typeOf(c.getExpression());
        if (!slot.type.isFloating() || rt == null) {
            if (!slot.type.isFloating()) {
                // x op= e on an integer local: Java casts back, so the derivative is 0.
                String sym = Operators.binary(switch (c.getKind()) {
                    case PLUS_ASSIGNMENT -> Tree.Kind.PLUS;
                    case MINUS_ASSIGNMENT -> Tree.Kind.MINUS;
                    case MULTIPLY_ASSIGNMENT -> Tree.Kind.MULTIPLY;
                    case DIVIDE_ASSIGNMENT -> Tree.Kind.DIVIDE;
                    default -> Tree.Kind.REMAINDER;
                });
                Type rhs = typeOf(c.getExpression());
                boolean narrows = rhs == null || Type.promote(slot.type, rhs) != slot.type;
                Template code = narrows
                        ? Template.concat("(" + slot.type.javaName() + ") (", old, " " + sym + " (",
                                template(c.getExpression()), "))")
                        : Template.concat(old, " " + sym + " (", template(c.getExpression()), ")");
                Var v = p.newVar(slot.name, slot.type, Var.Kind.LOCAL);
                p.add(new Opaque(v, code, p.pos(c), c, ArrayArguments.writes(p, this, c)));
                return v;
            }
            rt = slot.type;
        }
        Operand r = lower(c.getExpression(), rt, null);
        Type t = Type.promote(slot.type, rt);
        Operand v = compute(op, List.of(old, r), t, t == slot.type ? slot.name : null, tempName(op), c, "Math");
        if (t != slot.type) {
            Elementary narrow = slot.type == Type.FLOAT ? Elementary.TO_FLOAT : Elementary.COPY;
            return (Var) compute(narrow, List.of(v), slot.type, slot.name, "narrow", c, "Math");
        }
        return (Var) v;
    }

    Var increment(UnaryTree u, Slot slot, Var old) {
        boolean up = u.getKind() == Tree.Kind.PREFIX_INCREMENT || u.getKind() == Tree.Kind.POSTFIX_INCREMENT;
        Const one = new Const("1", Type.INT, 1);
        Elementary op = up ? Elementary.ADD : Elementary.SUB;
        if (slot.type.isFloating() || slot.type == Type.INT || slot.type == Type.LONG) {
            return (Var) compute(op, List.of(old, one), slot.type, slot.name, tempName(op), u, "Math");
        }
        Template code = Template.concat("(" + slot.type.javaName() + ") (", old, up ? " + 1)" : " - 1)");
        Var v = p.newVar(slot.name, slot.type, Var.Kind.LOCAL);
        p.add(new Opaque(v, code, p.pos(u), u));
        return v;
    }

    /** A sub-expression that reads no floating local: a constant, a local, or a black-box step. */
    private Operand inactive(ExpressionTree e, Type ctx, String name) throws Unsupported {
        if (e instanceof IdentifierTree id) {
            Var local = p.localOrNull(id.getName().toString());
            if (local != null) {
                return local;
            }
            if (p.slot(id.getName().toString()) != null) {
                return p.currentOf(p.slot(id.getName().toString()), e);
            }
        }
        Const c = constant(e);
        if (c != null) {
            return c;
        }
        Type t = typeOf(e);
        if (t == null) {
            t = ctx;
        }
        if (t == null) {
            throw new Unsupported(e, "cannot tell the type of this expression; assign it to a local variable "
                    + "with an explicit type first");
        }
        return opaque(e, t, name);
    }

    private Operand opaque(ExpressionTree e, Type t, String name) throws Unsupported {
        Template code = template(e);
        // Never a loop's variable (assigned or declared there): a black-box value must stay a constant, and
        // the variable may later carry a derivative in the same location.
        Var v = name != null && (p.reuse != null || p.inLoop() && t.isFloating())
                ? p.newVar(opaqueName(e), t, Var.Kind.TEMP)
                : target(name, opaqueName(e), t, List.copyOf(code.vars()));
        if (v.type() == Type.REFERENCE && v.javaType().equals("Object")
                && e instanceof com.sun.source.tree.ArrayAccessTree) {
            String element = javaTypeOf(e);
            if (element != null) {
                v.setJavaType(element); // pts[i] of a Point[]: the companion must know it is a Point
            }
        }
        p.add(new Opaque(v, code, p.pos(e), e, ArrayArguments.writes(p, this, e)));
        return v;
    }

    /** Literals and static final fields (and their negations) are repeated freely. */
    private Const constant(ExpressionTree e) throws Unsupported {
        e = unparen(e);
        if (e instanceof LiteralTree lit && lit.getValue() instanceof Number n) {
            Type t = literalType(lit);
            return new Const(e.toString(), t, n.doubleValue());
        }
        if (e.getKind() == Tree.Kind.UNARY_MINUS) {
            Const inner = constant(((UnaryTree) e).getExpression());
            if (inner != null) {
                return new Const("-" + inner.operandText(), inner.type(), -inner.numeric());
            }
            return null;
        }
        VariableElement f = fieldOf(e);
        if (f != null && f.getModifiers().contains(Modifier.FINAL) && f.getModifiers().contains(Modifier.STATIC)) {
            Type t = Type.ofName(f.asType().toString());
            if (t != null && t.isNumeric()) {
                Template text = template(e);
                Object v = f.getConstantValue();
                return new Const(text.render(), t, v instanceof Number n ? n.doubleValue() : Double.NaN);
            }
        }
        return null;
    }

    private VariableElement fieldOf(ExpressionTree e) {
        if (e instanceof IdentifierTree id) {
            if (p.slot(id.getName().toString()) != null) {
                return null;
            }
            return p.names().field(id.getName().toString());
        }
        if (e instanceof MemberSelectTree s) {
            TypeElement owner = typeNamed(s.getExpression());
            if (owner != null) {
                VariableElement f = p.names().fieldOf(owner, s.getIdentifier());
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    /**
     * The declared Java type of an object-valued expression, as the companion spells it: a local
     * or parameter, an element of one, a new object or a string; null when unknown.
     */
    String javaTypeOf(ExpressionTree e) {
        e = unparen(e);
        if (e instanceof IdentifierTree id) {
            Slot s = p.slot(id.getName().toString());
            return s == null ? null : s.javaType;
        }
        if (e instanceof com.sun.source.tree.ArrayAccessTree a) {
            String array = javaTypeOf(a.getExpression());
            return array != null && array.endsWith("[]") ? array.substring(0, array.length() - 2) : null;
        }
        if (e instanceof com.sun.source.tree.NewClassTree n && n.getClassBody() == null && n.getEnclosingExpression() == null) {
            try {
                return typeText(n.getIdentifier());
            } catch (Unsupported notNameable) {
                return null;
            }
        }
        if (e instanceof com.sun.source.tree.NewArrayTree n && n.getType() != null) {
            try {
                return typeText(n.getType()) + "[]".repeat(n.getDimensions().size() + (n.getInitializers() != null ? 1 : 0));
            } catch (Unsupported notNameable) {
                return null;
            }
        }
        return e.getKind() == Tree.Kind.STRING_LITERAL ? "java.lang.String" : null;
    }

    /** The type a qualifier names, when it is a type name rather than a value; null otherwise. */
    TypeElement typeNamed(ExpressionTree e) {
        return p.names().type(unparen(e), n -> p.slot(n) != null || p.names().field(n) != null);
    }

    /** Gradients.stop(x): the value of x as a constant. */
    private boolean isStop(MethodInvocationTree c) {
        if (c.getArguments().size() != 1 || !methodName(c).equals("stop")) {
            return false;
        }
        TypeElement owner = staticOwner(c);
        return owner != null && owner.getQualifiedName().contentEquals("dev.leibniz.Gradients");
    }

    /**
     * The class a call names as its qualifier ({@code Math.sin}, {@code java.util.Arrays.fill}),
     * or for an unqualified call the class whose method of that name is in scope; null otherwise.
     */
    TypeElement staticOwner(MethodInvocationTree c) {
        ExpressionTree sel = c.getMethodSelect();
        if (sel instanceof MemberSelectTree s) {
            return typeNamed(s.getExpression());
        }
        if (sel instanceof IdentifierTree id) {
            var ms = p.names().methods(id.getName().toString());
            return ms.isEmpty() ? null : (TypeElement) ms.get(0).getEnclosingElement();
        }
        return null;
    }

    /** How the companion names java.lang.Math or StrictMath when a call goes there, else null. */
    private String mathClassOf(MethodInvocationTree c) {
        TypeElement owner = staticOwner(c);
        if (owner == null) {
            return null;
        }
        String q = owner.getQualifiedName().toString();
        return q.equals("java.lang.Math") || q.equals("java.lang.StrictMath") ? p.names().sourceName(owner) : null;
    }

    static String methodName(MethodInvocationTree c) {
        ExpressionTree sel = c.getMethodSelect();
        return sel instanceof MemberSelectTree s ? s.getIdentifier().toString() : ((IdentifierTree) sel).getName().toString();
    }

    /**
     * The static type of an expression, as far as the processor can tell without javac's
     * attribution (which runs after annotation processing); null when unknown.
     */
    Type typeOf(ExpressionTree e) {
        e = unparen(e);
        switch (e.getKind()) {
            case INT_LITERAL -> { return Type.INT; }
            case LONG_LITERAL -> { return Type.LONG; }
            case FLOAT_LITERAL -> { return Type.FLOAT; }
            case DOUBLE_LITERAL -> { return Type.DOUBLE; }
            case BOOLEAN_LITERAL -> { return Type.BOOLEAN; }
            case CHAR_LITERAL -> { return Type.CHAR; }
            case STRING_LITERAL, NULL_LITERAL -> { return Type.REFERENCE; }
            case IDENTIFIER, MEMBER_SELECT -> {
                if (e instanceof IdentifierTree id && p.slot(id.getName().toString()) != null) {
                    return p.slot(id.getName().toString()).type;
                }
                if (e instanceof MemberSelectTree s && s.getIdentifier().contentEquals("length")) {
                    return Type.INT;
                }
                VariableElement f = fieldOf(e);
                return f == null ? null : Type.ofName(f.asType().toString());
            }
            case PLUS, MINUS, MULTIPLY, DIVIDE, REMAINDER -> {
                BinaryTree b = (BinaryTree) e;
                Type l = typeOf(b.getLeftOperand());
                Type r = typeOf(b.getRightOperand());
                if (e.getKind() == Tree.Kind.PLUS && (l == Type.REFERENCE || r == Type.REFERENCE)) {
                    return Type.REFERENCE; // string concatenation
                }
                if (l == null || r == null) {
                    return l != null && l.isFloating() ? l : r != null && r.isFloating() ? r : null;
                }
                return Type.promote(l, r);
            }
            case LESS_THAN, LESS_THAN_EQUAL, GREATER_THAN, GREATER_THAN_EQUAL, EQUAL_TO, NOT_EQUAL_TO,
                    CONDITIONAL_AND, CONDITIONAL_OR, LOGICAL_COMPLEMENT, INSTANCE_OF -> { return Type.BOOLEAN; }
            case UNARY_MINUS, UNARY_PLUS, BITWISE_COMPLEMENT -> {
                Type t = typeOf(((UnaryTree) e).getExpression());
                return t == null ? null : t.isFloating() ? t : promoteNumeric(t);
            }
            case TYPE_CAST -> { return Type.ofName(((TypeCastTree) e).getType().toString()); }
            case ASSIGNMENT -> { // (u = x * x) + 1: an assignment's value has its variable's type
                return typeOf(((com.sun.source.tree.AssignmentTree) e).getVariable());
            }
            case PLUS_ASSIGNMENT, MINUS_ASSIGNMENT, MULTIPLY_ASSIGNMENT, DIVIDE_ASSIGNMENT, REMAINDER_ASSIGNMENT -> {
                return typeOf(((CompoundAssignmentTree) e).getVariable());
            }
            case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> {
                return typeOf(((UnaryTree) e).getExpression());
            }
            case NEW_ARRAY -> {
                var n = (com.sun.source.tree.NewArrayTree) e;
                if (n.getType() == null) {
                    return null;
                }
                String text = n.getType().toString() + "[]".repeat(n.getDimensions().size()
                        + (n.getInitializers() != null ? 1 : 0));
                Type t = Type.ofName(text);
                return t != null ? t : Type.REFERENCE;
            }
            case ARRAY_ACCESS -> {
                ArrayLowering.Access a = ArrayLowering.access(p, e);
                if (a != null) {
                    return a.slot().type.element();
                }
                if (unparen(((com.sun.source.tree.ArrayAccessTree) e).getExpression()) instanceof IdentifierTree id
                        && p.slot(id.getName().toString()) != null
                        && p.slot(id.getName().toString()).type == Type.DOUBLE_MATRIX) {
                    return Type.DOUBLE_ARRAY; // a row
                }
                String element = javaTypeOf(e); // c[i] of an int[]: an int
                return element == null ? null : Type.ofName(element); // an object element stays untyped, as before
            }
            case SWITCH_EXPRESSION -> {
                Type t = null;
                for (ExpressionTree v : SwitchValues.of((com.sun.source.tree.SwitchExpressionTree) e)) {
                    Type a = typeOf(v);
                    if (a == null) {
                        return null;
                    }
                    t = t == null ? a : t == a ? t : t.isNumeric() && a.isNumeric() ? Type.promote(t, a) : null;
                    if (t == null) {
                        return null;
                    }
                }
                return t;
            }
            case CONDITIONAL_EXPRESSION -> {
                ConditionalExpressionTree c = (ConditionalExpressionTree) e;
                Type a = typeOf(c.getTrueExpression());
                Type b = typeOf(c.getFalseExpression());
                return a == null || b == null ? null : a == b ? a : a.isNumeric() && b.isNumeric() ? Type.promote(a, b) : null;
            }
            case METHOD_INVOCATION -> {
                MethodInvocationTree c = (MethodInvocationTree) e;
                String mc = mathClassOf(c);
                Elementary op = mc == null ? null : Elementary.ofMethod(methodName(c), c.getArguments().size());
                if (op == null) {
                    javax.lang.model.element.ExecutableElement m = Callees.method(p, this, c);
                    return m == null ? null : Type.ofName(m.getReturnType().toString());
                }
                List<Type> args = new ArrayList<>();
                for (ExpressionTree a : c.getArguments()) {
                    Type t = typeOf(a);
                    args.add(t == null ? Type.DOUBLE : t);
                }
                return resultType(op, args);
            }
            default -> { return null; }
        }
    }

    private static Type literalType(LiteralTree lit) {
        return switch (lit.getKind()) {
            case INT_LITERAL -> Type.INT;
            case LONG_LITERAL -> Type.LONG;
            case FLOAT_LITERAL -> Type.FLOAT;
            default -> Type.DOUBLE;
        };
    }

    private Operand compute(Elementary op, List<Operand> args, Type t, String name, String temp, Tree at,
            String mathClass) {
        Var v = target(name, temp, t, args, op);
        p.add(new Compute(v, op, args, mathClass, p.pos(at)));
        return v;
    }

    /** One step {@code op(args)} into a temporary, for callers that build statements themselves. */
    Operand apply(Elementary op, List<Operand> args, Type t, Tree at) {
        return compute(op, args, t, null, tempName(op), at, "Math");
    }

    private Var target(String name, String temp, Type t, List<? extends Operand> args) {
        return target(name, temp, t, args, null);
    }

    /**
     * The variable a step writes: inside a loop, the user's variable itself (written in place),
     * unless the step reads that variable and its derivative needs the new value too, which an
     * in-place write would lose; otherwise a new version or temporary.
     */
    private Var target(String name, String temp, Type t, List<? extends Operand> args, Elementary op) {
        Var reuse = p.reuse;
        if (name != null && reuse != null && reuse.baseName().equals(name) && reuse.type() == t
                && !(args.contains(reuse) && op != null && Partials.readsResult(op, args))) {
            p.reuse = null;
            return reuse;
        }
        Var v = p.newVar(name != null ? name : temp, t, name != null ? Var.Kind.LOCAL : Var.Kind.TEMP);
        if (p.inLoop() && name != null) {
            v.setMutable();
        }
        return v;
    }

    private static String tempName(Elementary op) {
        return switch (op) {
            case ADD -> "sum";
            case SUB -> "diff";
            case MUL -> "prod";
            case DIV -> "quot";
            case REM -> "rem";
            default -> op.toString();
        };
    }

    private static String opaqueName(ExpressionTree e) {
        if (e instanceof MethodInvocationTree c) {
            return methodName(c);
        }
        if (e.getKind() == Tree.Kind.NEW_CLASS) {
            return "instance";
        }
        return "k";
    }

    static ExpressionTree unparen(ExpressionTree e) {
        while (e instanceof ParenthesizedTree p) {
            e = p.getExpression();
        }
        return e;
    }

}
