package dev.leibniz.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeKind;
import javax.tools.Diagnostic;

/**
 * Leibniz stays silent about a method that uses a name it cannot resolve, so that javac's own
 * "cannot find symbol" is the error the user sees. This makes that silence safe: once javac has
 * attributed the method, a name that javac did resolve (one Leibniz's resolver missed) becomes
 * an error, rather than a derivative that is silently not generated.
 */
final class UnresolvedNameCheck implements TaskListener {
    private record Pending(ExecutableElement method, CompilationUnitTree unit, Tree name) {}

    private final Trees trees;
    private final List<Pending> pending = new ArrayList<>();

    private UnresolvedNameCheck(Trees trees) {
        this.trees = trees;
    }

    /** Listens to this compilation; null when the compiler offers no task to listen to. */
    static UnresolvedNameCheck install(ProcessingEnvironment env, Trees trees) {
        try {
            UnresolvedNameCheck check = new UnresolvedNameCheck(trees);
            JavacTask.instance(env).addTaskListener(check);
            return check;
        } catch (IllegalArgumentException | IllegalStateException notJavac) {
            return null;
        }
    }

    /** Expects javac to report {@code name} in {@code method} as unresolved. */
    void expect(ExecutableElement method, CompilationUnitTree unit, Tree name) {
        pending.add(new Pending(method, unit, name));
    }

    @Override
    public void finished(TaskEvent e) {
        if (e.getKind() != TaskEvent.Kind.ANALYZE) {
            return;
        }
        for (Iterator<Pending> it = pending.iterator(); it.hasNext();) {
            Pending p = it.next();
            if (p.unit() != e.getCompilationUnit()) {
                continue;
            }
            TreePath path = trees.getPath(p.unit(), p.name());
            Element resolved = path == null ? null : trees.getElement(path);
            if (resolved == null) {
                continue; // not attributed yet (another class of the file), or javac stopped early on errors
            }
            it.remove();
            if (resolved.asType().getKind() != TypeKind.ERROR) {
                trees.printMessage(Diagnostic.Kind.ERROR, "Leibniz could not resolve '" + p.name() + "', which javac "
                        + "resolves to " + resolved + ", so it wrote no derivative for '" + p.method().getSimpleName()
                        + "'; please report this with the method's source",
                        p.name(), p.unit());
            }
        }
    }
}
