package dev.leibniz.processor.parse;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import dev.leibniz.processor.diag.Unsupported;
import dev.leibniz.processor.ir.Template;
import dev.leibniz.processor.ir.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Re-prints an expression the derivative treats as a black box, for the companion class:
 * locals become IR variables, and every other name is qualified, since the companion has none
 * of the user's imports. Constructs that cannot be carried over are rejected with a reason.
 */
final class TemplatePrinter {
    private final NameResolver names;
    private final Elements elements;
    private final Function<String, Var> locals;
    private final List<Object> parts = new ArrayList<>();

    private TemplatePrinter(NameResolver names, Elements elements, Function<String, Var> locals) {
        this.names = names;
        this.elements = elements;
        this.locals = locals;
    }

    static Template print(ExpressionTree e, NameResolver names, Elements elements, Function<String, Var> locals)
            throws Unsupported {
        return print(e, names, elements, locals, null);
    }

    /**
     * @param arrayType the declared type of the variable e initialises, such as {@code int[]}:
     *     a bare initializer {@code {0, 1}} needs it spelled out once it is no longer a declaration
     */
    static Template print(ExpressionTree e, NameResolver names, Elements elements, Function<String, Var> locals,
            String arrayType) throws Unsupported {
        return print(e, names, elements, locals, arrayType, null);
    }

    /**
     * @param effects lowers an assignment or ++/-- met inside the expression, before it, and gives
     *     the variable holding its value; null where none may appear
     */
    static Template print(ExpressionTree e, NameResolver names, Elements elements, Function<String, Var> locals,
            String arrayType, Effects effects) throws Unsupported {
        TemplatePrinter p = new TemplatePrinter(names, elements, locals);
        p.arrayType = arrayType;
        p.effects = effects;
        p.expr(e);
        return new Template(p.parts);
    }

    /** The type a bare array initializer being printed has, or null where none may appear. */
    private String arrayType;
    private Effects effects;
    /** How many && / || right operands and ?: arms enclose the node being printed. */
    private int conditional;

    /** Lowers a side effect inside an expression and returns the variable holding its value. */
    @FunctionalInterface
    interface Effects {
        Var apply(ExpressionTree effect) throws Unsupported;
    }

    static String typeText(Tree type, NameResolver names, Elements elements) throws Unsupported {
        TemplatePrinter p = new TemplatePrinter(names, elements, n -> null);
        p.type(type);
        return new Template(p.parts).render();
    }

    private void text(String s) {
        parts.add(s);
    }

    private void expr(ExpressionTree e) throws Unsupported {
        switch (e.getKind()) {
            case PARENTHESIZED -> {
                text("(");
                expr(((ParenthesizedTree) e).getExpression());
                text(")");
            }
            case IDENTIFIER -> identifier((IdentifierTree) e);
            case MEMBER_SELECT -> memberSelect((MemberSelectTree) e);
            case METHOD_INVOCATION -> call((MethodInvocationTree) e);
            case NEW_CLASS -> newClass((NewClassTree) e);
            case NEW_ARRAY -> newArray((NewArrayTree) e);
            case ARRAY_ACCESS -> {
                ArrayAccessTree a = (ArrayAccessTree) e;
                expr(a.getExpression());
                text("[");
                expr(a.getIndex());
                text("]");
            }
            case TYPE_CAST -> {
                TypeCastTree c = (TypeCastTree) e;
                text("(");
                type(c.getType());
                text(") ");
                expr(c.getExpression());
            }
            case CONDITIONAL_EXPRESSION -> {
                ConditionalExpressionTree c = (ConditionalExpressionTree) e;
                expr(c.getCondition());
                text(" ? ");
                conditional++;
                expr(c.getTrueExpression());
                text(" : ");
                expr(c.getFalseExpression());
                conditional--;
            }
            case INSTANCE_OF -> {
                InstanceOfTree i = (InstanceOfTree) e;
                if (i.getPattern() != null) {
                    throw new Unsupported(e, "pattern matching in instanceof is not supported in a @Differentiable method; "
                            + "use a plain instanceof and a cast");
                }
                expr(i.getExpression());
                text(" instanceof ");
                type(i.getType());
            }
            case LAMBDA_EXPRESSION -> throw new Unsupported(e, "lambdas are not supported in a @Differentiable method; "
                    + "write the computation inline, or move it into a separate @Differentiable method");
            case MEMBER_REFERENCE -> throw new Unsupported(e, "method references are not supported in a @Differentiable method; "
                    + "call the method directly");
            case ASSIGNMENT, PLUS_ASSIGNMENT, MINUS_ASSIGNMENT, MULTIPLY_ASSIGNMENT, DIVIDE_ASSIGNMENT,
                    REMAINDER_ASSIGNMENT, PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> {
                if (effects == null || conditional > 0) {
                    throw new Unsupported(e, conditional > 0
                            ? "an assignment or ++/-- that runs only on some paths (after && or ||, or in ?:) is not "
                                    + "supported in a @Differentiable method; make it its own statement"
                            : "an assignment inside this expression is not supported in a @Differentiable method; "
                                    + "make the assignment its own statement");
                }
                parts.add(effects.apply(e)); // done before the expression, in evaluation order; its value stands here
            }
            case AND_ASSIGNMENT, OR_ASSIGNMENT, XOR_ASSIGNMENT, LEFT_SHIFT_ASSIGNMENT, RIGHT_SHIFT_ASSIGNMENT,
                    UNSIGNED_RIGHT_SHIFT_ASSIGNMENT ->
                    throw new Unsupported(e, "bitwise compound assignments are not supported in a @Differentiable method; "
                            + "write x = x & y as its own statement");
            default -> {
                if (e instanceof LiteralTree) {
                    text(e.toString());
                } else if (e instanceof UnaryTree u) {
                    text(Operators.unary(e.getKind()));
                    if (u.getExpression() instanceof UnaryTree) {
                        text(" "); // - -x must not print as --x
                    }
                    expr(u.getExpression());
                } else if (e instanceof BinaryTree b) {
                    expr(b.getLeftOperand());
                    text(" " + Operators.binary(e.getKind()) + " ");
                    boolean shortCircuit = e.getKind() == Tree.Kind.CONDITIONAL_AND || e.getKind() == Tree.Kind.CONDITIONAL_OR;
                    conditional += shortCircuit ? 1 : 0;
                    expr(b.getRightOperand());
                    conditional -= shortCircuit ? 1 : 0;
                } else {
                    throw new Unsupported(e, "this kind of expression (" + e.getKind().toString().toLowerCase(java.util.Locale.ROOT)
                            + ") is not supported in a @Differentiable method");
                }
            }
        }
    }

    private void identifier(IdentifierTree id) throws Unsupported {
        String n = id.getName().toString();
        Var local = locals.apply(n);
        if (local != null) {
            parts.add(local);
            return;
        }
        if (n.equals("this") || n.equals("super")) {
            throw new Unsupported(id, "'" + n + "' is not available in a static method");
        }
        VariableElement f = names.field(n);
        if (f != null) {
            fieldRef(id, f, null);
            return;
        }
        TypeElement t = names.type(n);
        if (t != null) {
            typeRef(id, t);
            return;
        }
        throw Unsupported.unresolved(id, n, "cannot resolve '" + n + "' for the generated companion class");
    }

    /**
     * A field read, through {@code on} (a local object) or, when null, the type or the method's
     * receiver.
     */
    private void fieldRef(Tree at, VariableElement f, Var on) throws Unsupported {
        Object constant = f.getConstantValue();
        var component = Lookups.accessible(f) ? null : names.component(f);
        if (component != null && constant == null) {
            if (!names.hasImplicitAccessor(component)) {
                throw new Unsupported(at, "the record component '" + f.getSimpleName() + "' is private, and its "
                        + "accessor is written by hand, so it may not return the field; call " + f.getSimpleName()
                        + "() here if that is what you mean, or pass the value as a parameter");
            }
            parts.add(on != null ? on : receiver(at, f)); // the implicit accessor returns the private field as it is
            text("." + f.getSimpleName() + "()");
            return;
        }
        if (!Lookups.accessible(f)) {
            if (constant != null) {
                text(elements.getConstantExpression(constant));
                return;
            }
            throw new Unsupported(at, "the private field '" + f.getSimpleName() + "' cannot be read from the generated "
                    + "companion class; make it package-private or a compile-time constant");
        }
        if (!f.getModifiers().contains(Modifier.STATIC)) {
            parts.add(on != null ? on : receiver(at, f)); // read through the receiver: a constant to the derivative
            text("." + f.getSimpleName());
            return;
        }
        text(names.sourceName((TypeElement) f.getEnclosingElement()) + "." + f.getSimpleName());
    }

    /** The companion's receiver for an instance member the method names without qualification. */
    private Var receiver(Tree at, javax.lang.model.element.Element member) throws Unsupported {
        Var self = locals.apply("this");
        String kind = member instanceof VariableElement ? "instance field" : "instance method";
        if (self == null) {
            throw new Unsupported(at, "the " + kind + " '" + member.getSimpleName() + "' is not available in a static method");
        }
        if (!names.isOwnMember(member)) {
            throw new Unsupported(at, "'" + member.getSimpleName() + "' belongs to the enclosing "
                    + member.getEnclosingElement().getSimpleName() + " instance, which the generated companion cannot "
                    + "reach from the receiver; pass " + (member instanceof VariableElement ? "its value" : "its result")
                    + " as a parameter, or keep a copy in a field of " + names.ownerName());
        }
        return self;
    }

    private void typeRef(Tree at, TypeElement t) throws Unsupported {
        if (!Lookups.accessible(t)) {
            throw new Unsupported(at, "the private type '" + t.getSimpleName() + "' cannot be used from the generated "
                    + "companion class; make it package-private");
        }
        text(names.sourceName(t));
    }

    private void memberSelect(MemberSelectTree s) throws Unsupported {
        memberSelect(s, false);
    }

    /** @param method whether s names a method ({@code p.x()}), so no field of that name is meant */
    private void memberSelect(MemberSelectTree s, boolean method) throws Unsupported {
        // A dotted name may be a package prefix (java.util.Random): keep those as written.
        String whole = s.toString();
        TypeElement qualified = method ? null : typeOf(s);
        if (qualified != null) {
            typeRef(s, qualified);
            return;
        }
        ExpressionTree target = s.getExpression();
        if (method) {
            expr(target);
            text("." + s.getIdentifier());
            return;
        }
        if (target instanceof IdentifierTree self && self.getName().contentEquals("this") && locals.apply("this") != null) {
            VariableElement f = names.field(s.getIdentifier().toString());
            if (f != null) {
                fieldRef(s, f, null);
                return;
            }
        }
        Var object = target instanceof IdentifierTree id ? locals.apply(id.getName().toString()) : null;
        TypeElement objectType = object == null || !object.type().isReference() ? null
                : elements.getTypeElement(object.javaType());
        if (objectType != null) { // p.x on a local Point: a private field needs its accessor or an error, as above
            VariableElement f = names.fieldOf(objectType, s.getIdentifier());
            if (f != null && !f.getModifiers().contains(Modifier.STATIC)) {
                fieldRef(s, f, object);
                return;
            }
        }
        TypeElement targetType = typeOf(target);
        if (targetType != null && !s.getIdentifier().contentEquals("class")) {
            VariableElement f = names.fieldOf(targetType, s.getIdentifier());
            if (f != null) {
                fieldRef(s, f, null);
                return;
            }
        }
        if (target instanceof IdentifierTree first && targetType == null && locals.apply(first.getName().toString()) == null
                && names.field(first.getName().toString()) == null) {
            String n = first.getName().toString();
            if (elements.getPackageElement(n) == null) {
                throw Unsupported.unresolved(first, n, "cannot resolve '" + n + "' for the generated companion class");
            }
            text(whole); // a package name: leave it as written
            return;
        }
        expr(target);
        text("." + s.getIdentifier());
    }

    /** The type a qualifier names, when it is a type name rather than a value. */
    private TypeElement typeOf(ExpressionTree target) {
        return names.type(target, n -> locals.apply(n) != null || names.field(n) != null);
    }

    private void call(MethodInvocationTree c) throws Unsupported {
        if (!c.getTypeArguments().isEmpty()) {
            throw new Unsupported(c, "explicit type arguments are not supported in a @Differentiable method");
        }
        ExpressionTree sel = c.getMethodSelect();
        if (sel instanceof IdentifierTree id) {
            String n = id.getName().toString();
            List<ExecutableElement> ms = names.methods(n);
            if (ms.isEmpty()) {
                throw Unsupported.unresolved(c, n, "cannot resolve the method '" + n + "' for the generated companion class");
            }
            boolean allStatic = ms.stream().allMatch(m -> m.getModifiers().contains(Modifier.STATIC));
            boolean noneStatic = ms.stream().noneMatch(m -> m.getModifiers().contains(Modifier.STATIC));
            if (ms.stream().noneMatch(Lookups::accessible)) {
                throw new Unsupported(c, "the private method '" + n + "' cannot be called from the generated companion "
                        + "class; make it package-private");
            }
            if (allStatic) {
                text(names.sourceName((TypeElement) ms.get(0).getEnclosingElement()) + "." + n);
            } else if (noneStatic && locals.apply("this") != null) {
                parts.add(receiver(c, ms.get(0)));
                text("." + n);
            } else {
                throw new Unsupported(c, "the instance method '" + n + "' is not available here; call it as this." + n
                        + " from an instance method, or make it static");
            }
        } else if (sel instanceof MemberSelectTree ms) {
            memberSelect(ms, true);
        } else {
            expr(sel);
        }
        args(c.getArguments());
    }

    private void newClass(NewClassTree n) throws Unsupported {
        if (n.getClassBody() != null) {
            throw new Unsupported(n, "anonymous classes are not supported in a @Differentiable method; "
                    + "declare a named class and instantiate it");
        }
        if (n.getEnclosingExpression() != null) {
            throw new Unsupported(n, "qualified inner-class creation is not supported in a @Differentiable method");
        }
        text("new ");
        type(n.getIdentifier());
        args(n.getArguments());
    }

    private void newArray(NewArrayTree n) throws Unsupported {
        if (n.getType() == null) {
            if (arrayType == null || !arrayType.endsWith("[]")) {
                throw new Unsupported(n, "array initializers need an explicit 'new T[]' in a @Differentiable method");
            }
            String outer = arrayType;
            text("new " + outer + " {");
            arrayType = outer.substring(0, outer.length() - 2); // nested initializers are the rows
            String sep = "";
            for (ExpressionTree i : n.getInitializers()) {
                text(sep);
                expr(i);
                sep = ", ";
            }
            arrayType = outer;
            text("}");
            return;
        }
        text("new ");
        type(n.getType());
        for (ExpressionTree d : n.getDimensions()) {
            text("[");
            expr(d);
            text("]");
        }
        if (n.getInitializers() != null) {
            text("[] {");
            String sep = "";
            for (ExpressionTree i : n.getInitializers()) {
                text(sep);
                expr(i);
                sep = ", ";
            }
            text("}");
        }
    }

    private void args(List<? extends ExpressionTree> args) throws Unsupported {
        text("(");
        String sep = "";
        for (ExpressionTree a : args) {
            text(sep);
            expr(a);
            sep = ", ";
        }
        text(")");
    }

    private void type(Tree t) throws Unsupported {
        switch (t.getKind()) {
            case PRIMITIVE_TYPE -> text(t.toString());
            case ARRAY_TYPE -> {
                type(((com.sun.source.tree.ArrayTypeTree) t).getType());
                text("[]");
            }
            case IDENTIFIER -> {
                TypeElement te = names.type(((IdentifierTree) t).getName().toString());
                if (te == null) {
                    throw Unsupported.unresolved(t, t.toString(), "cannot resolve the type '" + t
                            + "' for the generated companion class");
                }
                typeRef(t, te);
            }
            case MEMBER_SELECT -> {
                TypeElement te = names.type((ExpressionTree) t, n -> false);
                if (te != null) {
                    typeRef(t, te);
                } else {
                    text(t.toString());
                }
            }
            default -> throw new Unsupported(t, "generic and annotated types are not supported in a @Differentiable "
                    + "method; declare the local with a plain class or primitive type");
        }
    }
}
