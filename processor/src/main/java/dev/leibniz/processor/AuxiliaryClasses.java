package dev.leibniz.processor;

import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.leibniz.processor.diag.Unsupported;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.tools.JavaFileObject;

/**
 * Types the companion cannot name in its signatures: a top-level class declared in another
 * class's source file (an "auxiliary class"). javac warns under -Xlint:auxiliaryclass wherever
 * another file names one, and it checks method signatures before it reads any
 * {@code @SuppressWarnings}, so no annotation in the companion can silence it; a -Werror build
 * would fail in CGrad.java. (In method bodies the companion's class-level suppression works.)
 */
final class AuxiliaryClasses {
    private AuxiliaryClasses() {}

    static void check(Trees trees, ExecutableElement m, MethodTree tree) throws Unsupported {
        TypeElement owner = (TypeElement) m.getEnclosingElement();
        if (!m.getModifiers().contains(Modifier.STATIC)) {
            TypeElement aux = auxiliary(trees, owner.asType());
            if (aux != null) {
                throw new Unsupported(tree, message("the receiver's class", aux, trees));
            }
        }
        for (int i = 0; i < m.getParameters().size(); i++) {
            TypeElement aux = auxiliary(trees, m.getParameters().get(i).asType());
            if (aux != null) {
                Tree at = tree.getParameters().get(i).getType();
                throw new Unsupported(at, message("the parameter type", aux, trees));
            }
        }
    }

    private static String message(String what, TypeElement aux, Trees trees) {
        String file = trees.getPath(aux).getCompilationUnit().getSourceFile().getName();
        file = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        String name = aux.getSimpleName().toString();
        return what + " " + name + " is declared in " + file + " beside another top-level class, and the generated "
                + "companion must name it in its method signatures, where javac's -Xlint:auxiliaryclass warning "
                + "cannot be suppressed; move " + name + " into its own file " + name + ".java, or make it a static "
                + "member class";
    }

    /** The auxiliary class a type mentions (as itself, an array element or a type argument), or null. */
    private static TypeElement auxiliary(Trees trees, TypeMirror t) {
        if (t instanceof ArrayType a) {
            return auxiliary(trees, a.getComponentType());
        }
        if (!(t instanceof DeclaredType d)) {
            return null;
        }
        TypeElement top = (TypeElement) d.asElement();
        while (top.getEnclosingElement().getKind() != ElementKind.PACKAGE) {
            top = (TypeElement) top.getEnclosingElement();
        }
        TreePath path = trees.getPath(top);
        // Only a class compiled from source now is auxiliary to javac; a class file never is.
        if (path != null && !path.getCompilationUnit().getSourceFile()
                .isNameCompatible(top.getSimpleName().toString(), JavaFileObject.Kind.SOURCE)) {
            return top;
        }
        for (TypeMirror a : d.getTypeArguments()) {
            TypeElement aux = auxiliary(trees, a);
            if (aux != null) {
                return aux;
            }
        }
        return null;
    }
}
