package dev.leibniz.processor.rules;

import dev.leibniz.processor.Signatures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Derivative rules that users supply with {@code @DerivativeOf}, checked against the signature
 * they must have. The table of elementary derivatives stays {@link Elementary}; these are
 * whole methods' pullbacks.
 */
public final class UserRules {
    /** A checked rule: calling {@code rule} gives the pullback of {@code target}. */
    public record Rule(ExecutableElement target, ExecutableElement rule, String returns) {}

    /** A rule that does not fit, with the message for its annotation. */
    public record Problem(ExecutableElement rule, String message) {}

    private final Map<ExecutableElement, Rule> byTarget = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    public static UserRules check(Set<? extends Element> annotated, Elements elements) {
        UserRules r = new UserRules();
        for (Element e : annotated) {
            if (e instanceof ExecutableElement m) {
                r.add(m, elements);
            }
        }
        return r;
    }

    public Rule find(ExecutableElement target) {
        return byTarget.get(target);
    }

    /** A rule declared next to its method in a class compiled earlier, or null. */
    public static Rule findBeside(ExecutableElement target, Elements elements) {
        TypeElement owner = (TypeElement) target.getEnclosingElement();
        List<Element> rules = new ArrayList<>();
        for (ExecutableElement m : ElementFilter.methodsIn(owner.getEnclosedElements())) {
            for (AnnotationMirror a : m.getAnnotationMirrors()) {
                if (a.getAnnotationType().toString().equals("dev.leibniz.DerivativeOf")) {
                    rules.add(m);
                }
            }
        }
        return check(new java.util.LinkedHashSet<>(rules), elements).find(target);
    }

    public List<Problem> problems() {
        return problems;
    }

    private void add(ExecutableElement rule, Elements elements) {
        String name = null;
        TypeElement of = (TypeElement) rule.getEnclosingElement();
        for (AnnotationMirror a : rule.getAnnotationMirrors()) {
            if (!a.getAnnotationType().toString().equals("dev.leibniz.DerivativeOf")) {
                continue;
            }
            for (var v : a.getElementValues().entrySet()) {
                if (v.getKey().getSimpleName().contentEquals("value")) {
                    name = (String) v.getValue().getValue();
                } else if (v.getKey().getSimpleName().contentEquals("of")
                        && v.getValue().getValue() instanceof DeclaredType t) {
                    of = (TypeElement) t.asElement();
                }
            }
        }
        if (!rule.getModifiers().contains(Modifier.STATIC)) {
            problems.add(new Problem(rule, "a @DerivativeOf rule must be static"));
            return;
        }
        List<ExecutableElement> candidates = new ArrayList<>();
        for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(of))) {
            if (m.getSimpleName().contentEquals(String.valueOf(name)) && m != rule) {
                candidates.add(m);
            }
        }
        if (candidates.isEmpty()) {
            problems.add(new Problem(rule, "@DerivativeOf names '" + name + "', but " + of.getQualifiedName()
                    + " has no method of that name"));
            return;
        }
        ExecutableElement target = null;
        for (ExecutableElement c : candidates) {
            if (startsWith(rule, c)) {
                target = c;
            }
        }
        if (target == null) {
            target = candidates.get(0);
            problems.add(new Problem(rule, "this rule must start with the parameters of " + describe(of, target)
                    + "; expected: " + expected(target, rule.getSimpleName().toString())));
            return;
        }
        if (!target.getModifiers().contains(Modifier.STATIC) || target.getReturnType().getKind() != TypeKind.DOUBLE) {
            problems.add(new Problem(rule, "@DerivativeOf works for static methods returning double; "
                    + describe(of, target) + " is not one"));
            return;
        }
        String expected = expected(target, rule.getSimpleName().toString());
        if (!signature(rule).equals(expectedTypes(target))) {
            problems.add(new Problem(rule, "the derivative rule of " + describe(of, target)
                    + " must be declared as: " + expected));
            return;
        }
        byTarget.put(target, new Rule(target, rule, returns(target)));
    }

    private static boolean startsWith(ExecutableElement rule, ExecutableElement target) {
        List<? extends VariableElement> r = rule.getParameters();
        List<? extends VariableElement> t = target.getParameters();
        if (r.size() <= t.size()) {
            return false;
        }
        for (int i = 0; i < t.size(); i++) {
            if (!r.get(i).asType().toString().equals(t.get(i).asType().toString())) {
                return false;
            }
        }
        return true;
    }

    /** "void", "double" or "double[]": one return slot per differentiated scalar parameter. */
    static String returns(ExecutableElement target) {
        Set<String> d = Signatures.differentiated(target);
        long scalars = target.getParameters().stream()
                .filter(p -> d.contains(p.getSimpleName().toString()) && p.asType().getKind().isPrimitive())
                .count();
        return scalars == 0 ? "void" : scalars == 1 ? "double" : "double[]";
    }

    /** The exact declaration a rule for target must have, for the error message and the check. */
    static String expected(ExecutableElement target, String ruleName) {
        Set<String> d = Signatures.differentiated(target);
        List<String> params = new ArrayList<>();
        for (VariableElement p : target.getParameters()) {
            params.add(p.asType() + " " + p.getSimpleName());
        }
        params.add("double seed");
        for (VariableElement p : target.getParameters()) {
            if (d.contains(p.getSimpleName().toString()) && !p.asType().getKind().isPrimitive()) {
                params.add(p.asType() + " " + p.getSimpleName() + "_bar");
            }
        }
        return "static " + returns(target) + " " + ruleName + "(" + String.join(", ", params) + ")";
    }

    /** The expected declaration's return and parameter types only: the rule's own names are free. */
    private static String expectedTypes(ExecutableElement target) {
        Set<String> d = Signatures.differentiated(target);
        List<String> types = new ArrayList<>();
        for (VariableElement p : target.getParameters()) {
            types.add(p.asType().toString());
        }
        types.add("double");
        for (VariableElement p : target.getParameters()) {
            if (d.contains(p.getSimpleName().toString()) && !p.asType().getKind().isPrimitive()) {
                types.add(p.asType().toString());
            }
        }
        return returns(target) + "(" + String.join(", ", types) + ")";
    }

    private static String signature(ExecutableElement rule) {
        List<String> types = rule.getParameters().stream().map(p -> p.asType().toString()).collect(Collectors.toList());
        return rule.getReturnType() + "(" + String.join(", ", types) + ")";
    }

    private static String describe(TypeElement of, ExecutableElement m) {
        return of.getSimpleName() + "." + m.getSimpleName() + "(" + m.getParameters().stream()
                .map(p -> p.asType().toString()).collect(Collectors.joining(", ")) + ")";
    }
}
