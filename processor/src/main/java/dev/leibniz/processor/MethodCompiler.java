package dev.leibniz.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.leibniz.processor.analysis.Activity;
import dev.leibniz.processor.diag.Unsupported;
import dev.leibniz.processor.emit.CompanionEmitter;
import dev.leibniz.processor.ir.Func;
import dev.leibniz.processor.parse.MethodParser;
import dev.leibniz.processor.transform.ReverseTransform;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/** Runs the pipeline (validate, parse, analyse, transform) for the methods of one class. */
final class MethodCompiler {
    private final ProcessingEnvironment env;
    private final Trees trees;

    MethodCompiler(ProcessingEnvironment env, Trees trees) {
        this.env = env;
        this.trees = trees;
    }

    List<CompanionEmitter.Method> compileAll(TypeElement owner, List<ExecutableElement> methods) {
        List<CompanionEmitter.Method> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ExecutableElement m : methods) {
            TreePath path = trees.getPath(m);
            if (path == null) {
                continue; // compiled earlier: its companion exists already
            }
            CompilationUnitTree unit = path.getCompilationUnit();
            MethodTree tree = (MethodTree) path.getLeaf();
            try {
                if (!seen.add(m.getSimpleName().toString())) {
                    throw new Unsupported(tree, "overloaded @Differentiable methods are not supported yet: "
                            + "the companion would hold two '" + m.getSimpleName() + "Gradient' types; rename one of them");
                }
                Set<String> wrt = Signatures.check(m, tree);
                Func f = MethodParser.parse(env.getElementUtils(), trees, unit, m, tree, wrt);
                Activity activity = Activity.of(f);
                out.add(new CompanionEmitter.Method(f, ReverseTransform.of(f, activity)));
            } catch (Unsupported u) {
                Tree at = u.tree() != null ? u.tree() : tree;
                trees.printMessage(Diagnostic.Kind.ERROR, u.getMessage(), at, unit);
            } catch (RuntimeException | StackOverflowError bug) {
                StringWriter trace = new StringWriter();
                bug.printStackTrace(new PrintWriter(trace));
                env.getMessager().printMessage(Diagnostic.Kind.ERROR, "Leibniz failed internally on "
                        + owner.getQualifiedName() + "." + m.getSimpleName() + ": " + bug
                        + ". Please report this with the method's source. Details: " + trace, m);
            }
        }
        return out;
    }
}
