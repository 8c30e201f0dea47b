package dev.leibniz.processor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * The names the companion gives its own members, chosen so they never collide with the user's:
 * the companion {@code p.C -> p.CGrad} ({@code p.Outer.Inner -> p.Outer_InnerGrad}), each
 * method's result type, and the result type's fields that are not a parameter's.
 */
public final class CompanionNames {
    /** The constant in each result type that maps parameter positions to accessors. */
    private static final String POSITIONS = "DIFFERENTIATED";
    /** The constant in a procedure's result type that lists the positions of the arrays it writes. */
    private static final String OUTPUTS = "WRITTEN";
    /** The result type's field holding the tape and buffers of a method with loops or arrays. */
    private static final String WORKSPACE = "workspace";

    private CompanionNames() {}

    public static String of(TypeElement owner) {
        StringBuilder sb = new StringBuilder(owner.getSimpleName());
        for (Element e = owner.getEnclosingElement(); e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
            sb.insert(0, e.getSimpleName() + "_");
        }
        return sb.append("Grad").toString();
    }

    /**
     * The result type of a {@code @Differentiable} method: {@code MGradient}, with the parameter
     * types spelled in for overloads ({@code FDoubleDoubleArrayGradient}). Where two methods of
     * the class still get the same name ({@code loss} and {@code Loss}), the later one in
     * declaration order gets {@code _2}, the next {@code _3}: declaration order is also the order
     * of a class file's methods, so a caller compiled later computes the same name.
     */
    public static String gradient(ExecutableElement m) {
        return gradient(m, differentiableMethods((TypeElement) m.getEnclosingElement()));
    }

    /** The {@code @Differentiable} methods a class declares, in declaration order. */
    public static List<ExecutableElement> differentiableMethods(TypeElement owner) {
        List<ExecutableElement> all = new ArrayList<>();
        for (ExecutableElement o : ElementFilter.methodsIn(owner.getEnclosedElements())) {
            if (isDifferentiable(o)) {
                all.add(o);
            }
        }
        return all;
    }

    /**
     * {@link #gradient(ExecutableElement)} given the class's {@link #differentiableMethods}, for a
     * caller that asks for many methods of one class.
     */
    public static String gradient(ExecutableElement m, List<ExecutableElement> all) {
        Map<String, Integer> sameName = new HashMap<>(); // counted first: once per method made this quadratic
        for (ExecutableElement o : all) {
            sameName.merge(o.getSimpleName().toString(), 1, Integer::sum);
        }
        String mine = null;
        if (all.contains(m)) {
            String name = m.getSimpleName().toString();
            String base = spelled(name, parameterTypes(m), sameName.get(name) > 1);
            int n = 1;
            for (ExecutableElement o : all) {
                if (o.equals(m)) {
                    break;
                }
                // Only a method whose capitalized name begins the base can spell the same base (spelled once each).
                String other = o.getSimpleName().toString();
                if (base.startsWith(other.substring(1), 1) && capitalize(other).charAt(0) == base.charAt(0)
                        && spelled(other, parameterTypes(o), sameName.get(other) > 1).equals(base)) {
                    n++;
                }
            }
            mine = n == 1 ? base : base + "_" + n;
        }
        if (mine == null) { // not annotated (a caller may still ask): the plain rule
            mine = spelled(m.getSimpleName().toString(), parameterTypes(m), false);
        }
        return mine;
    }

    private static List<TypeMirror> parameterTypes(ExecutableElement m) {
        List<TypeMirror> types = new ArrayList<>();
        m.getParameters().forEach(v -> types.add(v.asType()));
        return types;
    }

    /** The result type of a method's tangent program: {@code FTangentGradient} for {@code FGradient} ({@code _2} kept). */
    public static String tangentGradient(String gradient) {
        int at = gradient.lastIndexOf("Gradient");
        return gradient.substring(0, at) + "TangentGradient" + gradient.substring(at + "Gradient".length());
    }

    private static String spelled(String name, List<TypeMirror> params, boolean overloaded) {
        StringBuilder sb = new StringBuilder(capitalize(name));
        if (overloaded) {
            for (TypeMirror type : params) {
                String t = type.toString();
                String base = t.replace("[]", "");
                base = base.substring(base.lastIndexOf('.') + 1);
                int rank = (t.length() - t.replace("[]", "").length()) / 2;
                sb.append(capitalize(base)).append(rank == 1 ? "Array" : rank == 2 ? "Matrix" : "");
            }
        }
        return sb.append("Gradient").toString();
    }

    private static String capitalize(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static boolean isDifferentiable(ExecutableElement m) {
        for (AnnotationMirror a : m.getAnnotationMirrors()) {
            if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName()
                    .contentEquals(LeibnizProcessor.ANNOTATION)) { // not toString(): called N² times on a class of N methods
                return true;
            }
        }
        return false;
    }

    /** The result type's workspace field: {@code workspace}, or {@code workspace_2} if a parameter has that name. */
    public static String workspaceField(Collection<String> params) {
        return free(WORKSPACE, params);
    }

    /** The result type's position map constant: {@code DIFFERENTIATED}, or {@code DIFFERENTIATED_2} likewise. */
    public static String positionsField(Collection<String> params) {
        return free(POSITIONS, params);
    }

    /** Whether a compiled result type's field is its position map, whatever suffix it got. */
    public static boolean isPositionsField(VariableElement field) {
        // Accessor fields are instance fields, so the one static field of this name family is the map.
        return field.getModifiers().contains(Modifier.STATIC)
                && field.getSimpleName().toString().matches(POSITIONS + "(_[0-9]+)?");
    }

    /** A procedure's result type's constant listing its outputs: {@code WRITTEN}, or {@code WRITTEN_2} likewise. */
    public static String outputsField(Collection<String> params) {
        return free(OUTPUTS, params);
    }

    /** Whether a compiled result type's field is its list of outputs, whatever suffix it got. */
    public static boolean isOutputsField(VariableElement field) {
        return field.getModifiers().contains(Modifier.STATIC)
                && field.getSimpleName().toString().matches(OUTPUTS + "(_[0-9]+)?");
    }

    private static String free(String wanted, Collection<String> params) {
        String name = wanted;
        for (int n = 2; params.contains(name); n++) {
            name = wanted + "_" + n;
        }
        return name;
    }
}
