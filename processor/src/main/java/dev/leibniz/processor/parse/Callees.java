package dev.leibniz.processor.parse;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import dev.leibniz.processor.CompanionNames;
import dev.leibniz.processor.Signatures;
import dev.leibniz.processor.UserErrors;
import dev.leibniz.processor.diag.Unsupported;
import dev.leibniz.processor.ir.Callee;
import dev.leibniz.processor.ir.Type;
import dev.leibniz.processor.rules.UserRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * Finds the method a call goes to and, when it has a derivative (it is {@code @Differentiable},
 * or a {@code @DerivativeOf} rule covers it), how the generated code calls it and its derivative.
 */
final class Callees {
    private Callees() {}

    /** The method a call resolves to, as far as names and argument counts tell; null if unknown. */
    static ExecutableElement method(MethodParser p, Expressions ex, MethodInvocationTree c) {
        List<ExecutableElement> fit = new ArrayList<>();
        for (ExecutableElement m : candidates(p, c)) {
            if (m.getParameters().size() == c.getArguments().size() && matches(p, ex, m, c.getArguments())) {
                fit.add(m);
            }
        }
        return fit.size() == 1 ? fit.get(0) : null;
    }

    /** Whether the call may go to a method whose signature names a type that does not exist. */
    static boolean mayCallErroneous(MethodParser p, MethodInvocationTree c) {
        return candidates(p, c).stream().anyMatch(m -> m.getParameters().size() == c.getArguments().size()
                && UserErrors.inSignature(m));
    }

    private static List<ExecutableElement> candidates(MethodParser p, MethodInvocationTree c) {
        ExpressionTree sel = c.getMethodSelect();
        if (sel instanceof IdentifierTree id) {
            return p.names().methods(id.getName().toString());
        }
        if (sel instanceof MemberSelectTree s) {
            TypeElement owner = ownerOf(p, s.getExpression());
            return owner == null ? List.of() : p.names().methodsNamed(owner, s.getIdentifier().toString());
        }
        return List.of();
    }

    private static TypeElement ownerOf(MethodParser p, ExpressionTree target) {
        ExpressionTree t = Expressions.unparen(target);
        if (t instanceof IdentifierTree id) {
            String n = id.getName().toString();
            if (n.equals("this")) {
                return (TypeElement) p.method().getEnclosingElement();
            }
            Slot s = p.slot(n);
            if (s != null) {
                return s.javaType == null ? null : p.elements().getTypeElement(s.javaType);
            }
            if (p.names().field(n) != null) {
                return null;
            }
            return p.names().type(n);
        }
        if (t instanceof MemberSelectTree) {
            return p.elements().getTypeElement(t.toString());
        }
        return null;
    }

    /** Whether the arguments' types fit the parameters well enough to pick among overloads. */
    private static boolean matches(MethodParser p, Expressions ex, ExecutableElement m, List<? extends ExpressionTree> args) {
        for (int i = 0; i < args.size(); i++) {
            String param = m.getParameters().get(i).asType().toString();
            Type pt = Type.ofName(param);
            Type at = ex.typeOf(args.get(i));
            if (at == null) {
                ExpressionTree a = Expressions.unparen(args.get(i));
                Slot s = a instanceof IdentifierTree id ? p.slot(id.getName().toString()) : null;
                if (s != null && s.javaType != null && !s.javaType.equals(param)) {
                    return false;
                }
                continue;
            }
            if (pt == null || pt.isReference() != at.isReference()) {
                return false;
            }
            if (pt.isReference() ? pt != at : !widens(at, pt)) {
                return false;
            }
        }
        return true;
    }

    private static boolean widens(Type from, Type to) {
        if (from == to) {
            return true;
        }
        List<Type> order = List.of(Type.BYTE, Type.SHORT, Type.INT, Type.LONG, Type.FLOAT, Type.DOUBLE);
        return from != Type.BOOLEAN && to != Type.BOOLEAN && order.indexOf(from) >= 0
                && order.indexOf(from) <= order.indexOf(to) && !(from == Type.CHAR && to == Type.SHORT);
    }

    static boolean isDifferentiable(ExecutableElement m) {
        for (AnnotationMirror a : m.getAnnotationMirrors()) {
            if (a.getAnnotationType().toString().equals("dev.leibniz.Differentiable")) {
                return true;
            }
        }
        return false;
    }

    /** How to call m and its derivative, or null when m has none. */
    static Callee describe(MethodParser p, MethodInvocationTree at, ExecutableElement m) throws Unsupported {
        UserRules.Rule rule = p.rules().find(m);
        if (rule == null && p.trees().getPath(m) == null) {
            rule = UserRules.findBeside(m, p.elements()); // a rule compiled earlier, next to its method
        }
        if (rule == null && !isDifferentiable(m)) {
            return null;
        }
        TypeElement owner = (TypeElement) m.getEnclosingElement();
        if (!NameResolver.accessible(m)) {
            throw new Unsupported(at, "'" + m.getSimpleName() + "' is private, so the generated companion cannot call "
                    + "it; make it package-private");
        }
        if (m.getReturnType().getKind() != javax.lang.model.type.TypeKind.DOUBLE) {
            return null;
        }
        boolean isStatic = m.getModifiers().contains(Modifier.STATIC);
        String primal = isStatic ? p.names().sourceName(owner) + "." + m.getSimpleName() : m.getSimpleName().toString();
        Set<String> d = Signatures.differentiated(m);
        List<Boolean> differentiated = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (VariableElement param : m.getParameters()) {
            differentiated.add(d.contains(param.getSimpleName().toString()));
            names.add(param.getSimpleName().toString());
        }
        String description = owner.getSimpleName() + "." + m.getSimpleName();
        if (rule != null) {
            TypeElement ruleOwner = (TypeElement) rule.rule().getEnclosingElement();
            return new Callee(primal, differentiated, names, null, null,
                    p.names().sourceName(ruleOwner) + "." + rule.rule().getSimpleName(), rule.returns(), description, m);
        }
        String companion = qualifiedCompanion(owner);
        if (p.trees().getPath(m) == null && p.elements().getTypeElement(companion) == null) {
            throw new Unsupported(at, "'" + description + "' is @Differentiable, but its companion " + companion
                    + " is not on the classpath; compile the library that declares it with the Leibniz processor");
        }
        String gradient = companion + "." + CompanionNames.gradient(m);
        if (p.trees().getPath(m) == null) {
            readPositions(p, gradient, differentiated, names); // the class file may have lost the parameter names
        }
        return new Callee(primal, differentiated, names, companion + "." + m.getSimpleName() + "Pullback", gradient,
                null, null, description, m);
    }

    /** Reads which parameters have accessors, and their names, from a compiled result type. */
    private static void readPositions(MethodParser p, String gradient, List<Boolean> differentiated, List<String> names) {
        TypeElement type = p.elements().getTypeElement(gradient);
        if (type == null) {
            return;
        }
        for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            if (CompanionNames.isPositionsField(field) && field.getConstantValue() instanceof String map) {
                java.util.Collections.fill(differentiated, false);
                for (String entry : map.split(";")) {
                    if (entry.isEmpty()) {
                        continue;
                    }
                    int at = Integer.parseInt(entry.substring(0, entry.indexOf('=')));
                    differentiated.set(at, true);
                    names.set(at, entry.substring(entry.indexOf('=') + 1));
                }
            }
        }
    }

    private static String qualifiedCompanion(TypeElement owner) {
        Element e = owner;
        while (!(e instanceof PackageElement)) {
            e = e.getEnclosingElement();
        }
        PackageElement pkg = (PackageElement) e;
        String name = CompanionNames.of(owner);
        return pkg.isUnnamed() ? name : pkg.getQualifiedName() + "." + name;
    }
}
