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
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
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
        for (ExecutableElement m : candidates(p, ex, c)) {
            if (m.getParameters().size() == c.getArguments().size() && matches(p, ex, m, c.getArguments())
                    || spreads(p, ex, m, c.getArguments())) {
                fit.add(m);
            }
        }
        return fit.size() == 1 ? fit.get(0) : null;
    }

    /**
     * Whether a call passes separate numbers to m's {@code double...} or {@code float...}
     * parameter, which Java then packs into an array: {@code sum(a, b, c)} for {@code sum(double... xs)}.
     */
    static boolean spreads(MethodParser p, Expressions ex, ExecutableElement m, List<? extends ExpressionTree> args) {
        int n = m.getParameters().size();
        if (!m.isVarArgs() || args.size() < n - 1) {
            return false;
        }
        Type last = Type.ofName(m.getParameters().get(n - 1).asType().toString());
        if (last != Type.DOUBLE_ARRAY && last != Type.FLOAT_ARRAY) {
            return false;
        }
        if (args.size() == n) {
            Type at = ex.typeOf(args.get(n - 1));
            if (at == null || at.isReference()) {
                return false; // an array, or unknown: passed as the array itself
            }
        }
        if (!matches(p, ex, m, args.subList(0, n - 1))) {
            return false;
        }
        for (ExpressionTree a : args.subList(n - 1, args.size())) {
            Type at = ex.typeOf(a);
            if (at != null && (at.isReference() || !widens(at, last.element()))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the call may go to a method whose signature names a type that does not exist. */
    static boolean mayCallErroneous(MethodParser p, Expressions ex, MethodInvocationTree c) {
        return candidates(p, ex, c).stream().anyMatch(m -> m.getParameters().size() == c.getArguments().size()
                && UserErrors.inSignature(m));
    }

    private static List<ExecutableElement> candidates(MethodParser p, Expressions ex, MethodInvocationTree c) {
        ExpressionTree sel = c.getMethodSelect();
        if (sel instanceof IdentifierTree id) {
            return p.names().methods(id.getName().toString());
        }
        if (sel instanceof MemberSelectTree s) {
            TypeElement owner = ownerOf(p, ex, s.getExpression());
            return owner == null ? List.of() : p.names().methodsNamed(owner, s.getIdentifier().toString());
        }
        return List.of();
    }

    private static TypeElement ownerOf(MethodParser p, Expressions ex, ExpressionTree target) {
        ExpressionTree t = Expressions.unparen(target);
        if (t instanceof IdentifierTree id && id.getName().contentEquals("this")) {
            return (TypeElement) p.method().getEnclosingElement();
        }
        if (t instanceof IdentifierTree id && p.slot(id.getName().toString()) != null
                || t instanceof com.sun.source.tree.ArrayAccessTree) {
            String declared = ex.javaTypeOf(t); // a local, a parameter or an element of one: call through its class
            return declared == null || declared.endsWith("[]") ? null : p.elements().getTypeElement(declared);
        }
        return ex.typeNamed(t);
    }

    /** Whether the arguments' types fit the parameters well enough to pick among overloads. */
    private static boolean matches(MethodParser p, Expressions ex, ExecutableElement m, List<? extends ExpressionTree> args) {
        for (int i = 0; i < args.size(); i++) {
            TypeMirror param = m.getParameters().get(i).asType();
            Type pt = Type.ofName(param.toString());
            Type at = ex.typeOf(args.get(i));
            if (pt == null) { // an object parameter (String, int[], a user class): any reference of a fitting class
                if (at != null && !at.isReference()) {
                    return false;
                }
                String known = ex.javaTypeOf(args.get(i));
                if (known != null && !assignable(p, known, param)) {
                    return false;
                }
                continue;
            }
            if (at == null) {
                continue; // unknown: the argument count and the other arguments decide
            }
            if (pt.isReference() != at.isReference() || (pt.isReference() ? pt != at : !widens(at, pt))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether an object declared as {@code from} (a canonical name, maybe with {@code []}) can be
     * passed where {@code to} is expected, judged by the erased class hierarchy.
     */
    private static boolean assignable(MethodParser p, String from, TypeMirror to) {
        if (to instanceof ArrayType array) {
            if (!from.endsWith("[]")) {
                return false;
            }
            String element = from.substring(0, from.length() - 2);
            TypeMirror target = array.getComponentType();
            return target.getKind().isPrimitive() ? element.equals(target.toString()) : assignable(p, element, target);
        }
        if (!(to instanceof DeclaredType declared)) {
            return true; // a type variable: any object
        }
        String target = ((TypeElement) declared.asElement()).getQualifiedName().toString();
        if (target.equals("java.lang.Object")) {
            return true;
        }
        if (from.endsWith("[]")) {
            return target.equals("java.lang.Cloneable") || target.equals("java.io.Serializable");
        }
        int generic = from.indexOf('<');
        TypeElement start = p.elements().getTypeElement(generic < 0 ? from : from.substring(0, generic));
        return start == null || isSubclass(start, target);
    }

    private static boolean isSubclass(TypeElement t, String target) {
        if (t.getQualifiedName().contentEquals(target)) {
            return true;
        }
        List<TypeMirror> supers = new ArrayList<>(t.getInterfaces());
        supers.add(t.getSuperclass());
        for (TypeMirror s : supers) {
            if (s instanceof DeclaredType d && isSubclass((TypeElement) d.asElement(), target)) {
                return true;
            }
        }
        return false;
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
        boolean inSource = p.lookups().path(m) != null;
        if (rule == null && !inSource) {
            rule = UserRules.findBeside(m, p.elements()); // a rule compiled earlier, next to its method
        }
        if (rule == null && !isDifferentiable(m)) {
            return null;
        }
        TypeElement owner = (TypeElement) m.getEnclosingElement();
        if (!Lookups.accessible(m)) {
            throw new Unsupported(at, "'" + m.getSimpleName() + "' is private, so the generated companion cannot call "
                    + "it; make it package-private");
        }
        boolean arrayValued = rule == null && m.getReturnType().toString().equals("double[]");
        boolean procedure = rule == null && m.getReturnType().getKind() == javax.lang.model.type.TypeKind.VOID;
        if (m.getReturnType().getKind() != javax.lang.model.type.TypeKind.DOUBLE && !arrayValued && !procedure) {
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
                    p.names().sourceName(ruleOwner) + "." + rule.rule().getSimpleName(), rule.returns(), description, m,
                    List.of(), List.of(), null, null);
        }
        String companion = qualifiedCompanion(owner);
        if (!inSource && p.elements().getTypeElement(companion) == null) {
            throw new Unsupported(at, "'" + description + "' is @Differentiable, but its companion " + companion
                    + " is not on the classpath; compile the library that declares it with the Leibniz processor");
        }
        String gradient = companion + "." + p.lookups().gradientName(m);
        if (!inSource) {
            readPositions(p, gradient, differentiated, names); // the class file may have lost the parameter names
        }
        List<Integer> outputs = List.of();
        if (procedure) {
            outputs = inSource ? p.procedures().outputsOf(m) : readOutputs(p, gradient);
            if (outputs == null) {
                throw new Unsupported(at, "'" + description + "' writes arrays through a chain of calls that leads back "
                        + "to itself; a procedure cannot call itself: write the recursion as a loop");
            }
        }
        // A method compiled in this round may be split into a record and a replay (SplitSweeps).
        List<Integer> split = inSource ? p.procedures().replayReads(m) : null;
        String value = m.getSimpleName() + "Value";
        String partial = m.getSimpleName() + "PartialPullback";
        String accumulating = m.getSimpleName() + "AccumulatingPullback";
        TypeElement compiled = !inSource ? p.elements().getTypeElement(companion) : null;
        // A companion compiled earlier may predate these methods.
        boolean hasValue = compiled == null || hasMethod(compiled, value);
        boolean hasPartial = compiled == null || hasMethod(compiled, partial);
        boolean hasAccumulating = compiled == null || hasMethod(compiled, accumulating);
        // A library's companion does not say which outputs its procedure reads: assume all.
        List<Integer> outputsRead = procedure && inSource ? p.procedures().outputsRead(m) : outputs;
        return new Callee(primal, differentiated, names, companion + "." + m.getSimpleName() + "Pullback", gradient,
                null, null, description, m, outputs, outputsRead, hasValue ? companion + "." + value : null,
                hasPartial && readsArrays(m, differentiated, outputs) ? companion + "." + partial : null,
                hasAccumulating && hasArrays(m, differentiated) ? companion + "." + accumulating : null,
                procedure && inSource ? p.procedures().accumulatingReads(m) : outputsRead,
                split != null ? companion + "." + m.getSimpleName() + "Record" : null,
                split != null ? companion + "." + m.getSimpleName() + "Replay" : null, split,
                procedure && inSource ? p.procedures().fills(m) : null);
    }

    /** Whether a differentiated parameter is an array: the companion then has an accumulating pullback. */
    private static boolean hasArrays(ExecutableElement m, List<Boolean> differentiated) {
        for (int i = 0; i < m.getParameters().size(); i++) {
            Type t = Type.ofName(m.getParameters().get(i).asType().toString());
            if (differentiated.get(i) && t != null && t.isFloatingArray()) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasMethod(TypeElement type, String name) {
        return ElementFilter.methodsIn(type.getEnclosedElements()).stream().anyMatch(e -> e.getSimpleName().contentEquals(name));
    }

    /** Whether a differentiated array parameter is not an output: the companion then has a partial pullback. */
    private static boolean readsArrays(ExecutableElement m, List<Boolean> differentiated, List<Integer> outputs) {
        for (int i = 0; i < m.getParameters().size(); i++) {
            Type t = Type.ofName(m.getParameters().get(i).asType().toString());
            if (differentiated.get(i) && t != null && t.isFloatingArray() && !outputs.contains(i)) {
                return true;
            }
        }
        return false;
    }

    /** Reads a compiled procedure's outputs, the positions of the arrays it writes, from its result type. */
    private static List<Integer> readOutputs(MethodParser p, String gradient) {
        TypeElement type = p.elements().getTypeElement(gradient);
        List<Integer> outputs = new ArrayList<>();
        if (type != null) {
            for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
                if (CompanionNames.isOutputsField(field) && field.getConstantValue() instanceof String list) {
                    for (String at : list.split(",")) {
                        if (!at.isEmpty()) {
                            outputs.add(Integer.parseInt(at));
                        }
                    }
                }
            }
        }
        return outputs;
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
