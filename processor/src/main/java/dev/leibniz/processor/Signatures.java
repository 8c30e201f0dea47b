package dev.leibniz.processor;

import com.sun.source.tree.MethodTree;
import dev.leibniz.processor.diag.Unsupported;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/** Checks a @Differentiable method's signature and works out which parameters to differentiate. */
public final class Signatures {
    private Signatures() {}

    /** Returns the names of the differentiated parameters. */
    static Set<String> check(ExecutableElement m, MethodTree tree) throws Unsupported {
        javax.lang.model.element.TypeElement owner = (javax.lang.model.element.TypeElement) m.getEnclosingElement();
        if (!m.getModifiers().contains(Modifier.STATIC) && !owner.getTypeParameters().isEmpty()) {
            throw new Unsupported(tree, "@Differentiable instance methods of generic classes are not supported; "
                    + "make the method static");
        }
        if (!m.getModifiers().contains(Modifier.STATIC) && owner.getModifiers().contains(Modifier.PRIVATE)) {
            throw new Unsupported(tree, "the companion cannot name the private class " + owner.getSimpleName()
                    + "; make it package-private or the method static");
        }
        if (tree.getBody() == null) {
            throw new Unsupported(tree, "a @Differentiable method needs a body");
        }
        if (!m.getTypeParameters().isEmpty()) {
            throw new Unsupported(tree.getTypeParameters().get(0), "a @Differentiable method cannot be generic");
        }
        if (m.getReturnType().getKind() != TypeKind.DOUBLE && m.getReturnType().getKind() != TypeKind.VOID
                && !m.getReturnType().toString().equals("double[]")) {
            throw new Unsupported(tree.getReturnType(), "a @Differentiable method must return double or double[] (or be "
                    + "void and write into array parameters), not "
                    + m.getReturnType() + "; return the scalar you want the gradient of");
        }
        Set<String> all = new LinkedHashSet<>();
        for (int i = 0; i < m.getParameters().size(); i++) {
            VariableElement p = m.getParameters().get(i);
            if (p.getSimpleName().contentEquals("value")) {
                throw new Unsupported(tree.getParameters().get(i), "a parameter named 'value' would clash with the "
                        + "gradient's value() accessor; rename the parameter");
            }
            if (differentiable(p.asType().toString())) {
                all.add(p.getSimpleName().toString());
            }
        }
        List<String> wrt = wrt(m);
        if (wrt.isEmpty()) {
            return all;
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String name : wrt) {
            boolean exists = m.getParameters().stream().anyMatch(p -> p.getSimpleName().contentEquals(name));
            if (!exists) {
                throw new Unsupported(annotationTree(tree), "wrt names '" + name + "', but " + m.getSimpleName()
                        + " has no parameter of that name; its parameters are " + parameterNames(m));
            }
            if (!all.contains(name)) {
                throw new Unsupported(annotationTree(tree), "wrt names '" + name + "', which cannot be differentiated: "
                        + "only double, float, double[], float[] and double[][] parameters can");
            }
            chosen.add(name);
        }
        return chosen;
    }

    /** The parameters a method's derivative covers: its wrt names, or every differentiable type. */
    public static java.util.Set<String> differentiated(ExecutableElement m) {
        java.util.Set<String> all = new LinkedHashSet<>();
        for (VariableElement p : m.getParameters()) {
            if (differentiable(p.asType().toString())) {
                all.add(p.getSimpleName().toString());
            }
        }
        List<String> wrt = wrt(m);
        if (wrt.isEmpty()) {
            return all;
        }
        java.util.Set<String> chosen = new LinkedHashSet<>(wrt);
        chosen.retainAll(all);
        return chosen;
    }

    /** The contract's differentiable parameter types. */
    public static boolean differentiable(String type) {
        return switch (type) {
            case "double", "float", "double[]", "float[]", "double[][]" -> true;
            default -> false;
        };
    }

    private static com.sun.source.tree.Tree annotationTree(MethodTree tree) {
        for (var a : tree.getModifiers().getAnnotations()) {
            if (a.getAnnotationType().toString().endsWith("Differentiable")) {
                return a;
            }
        }
        return tree;
    }

    private static String parameterNames(ExecutableElement m) {
        return m.getParameters().stream().map(p -> p.getSimpleName().toString()).toList().toString();
    }

    private static List<String> wrt(ExecutableElement m) {
        for (AnnotationMirror a : m.getAnnotationMirrors()) {
            if (!a.getAnnotationType().toString().equals(LeibnizProcessor.ANNOTATION)) {
                continue;
            }
            for (var e : a.getElementValues().entrySet()) {
                if (e.getKey().getSimpleName().contentEquals("wrt")) {
                    @SuppressWarnings("unchecked")
                    List<? extends AnnotationValue> values = (List<? extends AnnotationValue>) e.getValue().getValue();
                    return values.stream().map(v -> (String) v.getValue()).toList();
                }
            }
        }
        return List.of();
    }
}
