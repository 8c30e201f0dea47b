package dev.leibniz.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Scope;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Errors in the user's own code that javac reports itself. A method that has one gets no
 * companion code and no error from Leibniz: the companion would only repeat javac's error in
 * CGrad.java, and the user should see javac's alone.
 */
public final class UserErrors {
    private UserErrors() {}

    /** Whether a type the companion's signatures would mention does not exist (a typo). */
    public static boolean inSignature(ExecutableElement m) {
        if (erroneous(m.getReturnType())) {
            return true;
        }
        for (VariableElement p : m.getParameters()) {
            if (erroneous(p.asType())) {
                return true;
            }
        }
        return false;
    }

    private static boolean erroneous(TypeMirror t) {
        if (t.getKind() == TypeKind.ERROR) {
            return true;
        }
        if (t instanceof ArrayType a) {
            return erroneous(a.getComponentType());
        }
        return t instanceof DeclaredType d && d.getTypeArguments().stream().anyMatch(UserErrors::erroneous);
    }

    /**
     * Whether javac, too, finds nothing called {@code name} where {@code at} stands, so that it
     * reports the name itself. Asked only after Leibniz's own resolver failed, which knows no
     * more than javac's scopes (imports, the package, java.lang).
     */
    static boolean unknownName(Trees trees, CompilationUnitTree unit, Tree at, String name) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        TreePath path = TreePath.getPath(unit, at);
        if (path == null) {
            return false;
        }
        try {
            for (Scope s = trees.getScope(path); s != null; s = s.getEnclosingScope()) {
                for (Element e : s.getLocalElements()) {
                    if (e.getSimpleName().contentEquals(simple)) {
                        return false;
                    }
                }
            }
        } catch (RuntimeException javacCouldNotTell) {
            return false; // then Leibniz reports its own error, as for any name it cannot resolve
        }
        return true;
    }
}
