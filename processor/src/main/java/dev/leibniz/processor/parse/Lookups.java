package dev.leibniz.processor.parse;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.leibniz.processor.CompanionNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Look-ups javac answers slowly and the processor repeats, done once per round: the members of a
 * type (inherited ones included), indexed by simple name, since {@code Elements.getAllMembers}
 * rebuilds the whole list on every call and name resolution asks at every {@code Math.f}; and a
 * method's source path, since {@code Trees.getPath} scans the file from its top each time. On a
 * class of many methods both were among the processor's largest costs.
 */
public final class Lookups {
    private final Elements elements;
    private final Trees trees;
    private final Map<TypeElement, Index> indexes = new HashMap<>();
    private final Map<Element, Optional<TreePath>> paths = new HashMap<>();
    private final Set<TypeElement> indexed = new HashSet<>();
    private final Map<TypeElement, List<ExecutableElement>> differentiable = new HashMap<>();

    /** Whether generated code in the user's package may name this member or type. */
    public static boolean accessible(Element e) {
        for (Element x = e; x != null && x.getKind() != ElementKind.PACKAGE; x = x.getEnclosingElement()) {
            if (x.getModifiers().contains(javax.lang.model.element.Modifier.PRIVATE)) {
                return false;
            }
        }
        return true;
    }

    /** An empty cache over javac's elements and trees; keep one per round (neither changes within it). */
    public Lookups(Elements elements, Trees trees) {
        this.elements = elements;
        this.trees = trees;
    }

    /**
     * The element's source path, as {@code Trees.getPath}: null when it was compiled earlier. The
     * first question about a file records the paths of all its classes and methods in one scan,
     * where javac would scan the file again for each method.
     */
    public TreePath path(Element e) {
        Optional<TreePath> known = paths.get(e);
        if (known == null) {
            TypeElement top = outermost(e);
            if (top != null && indexed.add(top)) {
                TreePath unit = trees.getPath(top); // (a top-level class is found near the file's start)
                if (unit != null) {
                    index(unit.getCompilationUnit());
                }
                known = paths.get(e);
            }
        }
        if (known == null) { // not a class or method: ask javac
            known = Optional.ofNullable(trees.getPath(e));
            paths.put(e, known);
        }
        return known.orElse(null);
    }

    /** The name of a {@code @Differentiable} method's result type ({@link CompanionNames#gradient}). */
    public String gradientName(ExecutableElement m) {
        // asked for every call and tangent of m: each answer reads all the class's methods
        return gradientNames.computeIfAbsent(m, x -> CompanionNames.gradient(x,
                differentiable.computeIfAbsent((TypeElement) x.getEnclosingElement(), CompanionNames::differentiableMethods)));
    }

    private final Map<ExecutableElement, String> gradientNames = new HashMap<>();

    private static TypeElement outermost(Element e) {
        TypeElement top = null;
        for (Element x = e; x != null && x.getKind() != ElementKind.PACKAGE && x.getKind() != ElementKind.MODULE;
                x = x.getEnclosingElement()) {
            if (x instanceof TypeElement t) {
                top = t;
            }
        }
        return top;
    }

    private void index(CompilationUnitTree unit) {
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitClass(ClassTree tree, Void unused) {
                record(getCurrentPath());
                return super.visitClass(tree, unused);
            }

            @Override
            public Void visitMethod(MethodTree tree, Void unused) {
                record(getCurrentPath());
                return null; // (classes declared in a body are left to javac's look-up)
            }

            private void record(TreePath path) {
                Element declared = trees.getElement(path);
                if (declared != null) {
                    paths.putIfAbsent(declared, Optional.of(path));
                }
            }
        }.scan(unit, null);
    }

    /** The members of {@code t} named {@code simple}, of any kind, in javac's order. */
    List<Element> named(TypeElement t, CharSequence simple) {
        return index(t).byName.getOrDefault(simple.toString(), List.of());
    }

    /** Whether {@code member} is a member of {@code t}, declared or inherited. */
    boolean contains(TypeElement t, Element member) {
        return index(t).all.contains(member);
    }

    private Index index(TypeElement t) {
        return indexes.computeIfAbsent(t, k -> new Index(elements.getAllMembers(k)));
    }

    private static final class Index {
        final Map<String, List<Element>> byName = new HashMap<>();
        final Set<Element> all = new HashSet<>();

        Index(List<? extends Element> members) {
            for (Element e : members) {
                byName.computeIfAbsent(e.getSimpleName().toString(), k -> new ArrayList<>()).add(e);
                all.add(e);
            }
        }
    }
}
