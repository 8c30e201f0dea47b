package dev.leibniz.processor.parse;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import dev.leibniz.processor.diag.Unsupported;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Finds a name in a method body that javac will not resolve either: a misspelled local, method
 * or {@code Math} function. javac reports those only after annotation processing, and not at
 * all once a processor has reported an error, so the processor must stay silent about such a
 * method and let javac's "cannot find symbol" be the error the user sees.
 *
 * <p>It errs on the side of "resolves": a name declared anywhere in the method counts, code in
 * class bodies and {@code case} labels is not looked at, and a file with imports it does not
 * understand is not checked at all.
 */
final class UnresolvedNames {
    private final NameResolver names;
    private final Elements elements;
    private final Set<String> declared = new HashSet<>();

    private UnresolvedNames(NameResolver names, Elements elements) {
        this.names = names;
        this.elements = elements;
    }

    /** Throws {@link Unsupported#unresolved} on the first name in the method javac cannot resolve. */
    static void check(NameResolver names, Elements elements, TypeElement owner, MethodTree method)
            throws Unsupported {
        if (!names.modelsAllImports()) {
            return;
        }
        if (elements.getOrigin(owner) != Elements.Origin.EXPLICIT) {
            return; // an implicitly declared class imports a whole module
        }
        if (owner.getNestingKind() == javax.lang.model.element.NestingKind.LOCAL
                || owner.getNestingKind() == javax.lang.model.element.NestingKind.ANONYMOUS) {
            return; // its methods also see the enclosing method's locals
        }
        UnresolvedNames u = new UnresolvedNames(names, elements);
        for (javax.lang.model.element.Element e = owner; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            t.getTypeParameters().forEach(p -> u.declared.add(p.getSimpleName().toString()));
        }
        method.getParameters().forEach(p -> u.declared.add(p.getName().toString()));
        method.getTypeParameters().forEach(p -> u.declared.add(p.getName().toString()));
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree v, Void unused) {
                u.declared.add(v.getName().toString());
                return super.visitVariable(v, unused);
            }

            @Override
            public Void visitClass(ClassTree c, Void unused) {
                u.declared.add(c.getSimpleName().toString());
                return null;
            }

            @Override
            public Void visitTypeParameter(TypeParameterTree t, Void unused) {
                u.declared.add(t.getName().toString());
                return null;
            }
        }.scan(method.getBody(), null);
        Tree missing = u.find(method.getBody());
        if (missing != null) {
            throw Unsupported.unresolved(missing, missing.toString());
        }
    }

    /** The first unresolved name in t, or null. */
    private Tree find(Tree t) {
        Tree[] found = new Tree[1];
        new TreeScanner<Void, Void>() {
            @Override
            public Void scan(Tree tree, Void unused) {
                return found[0] == null ? super.scan(tree, unused) : null;
            }

            @Override
            public Void visitIdentifier(IdentifierTree id, Void unused) {
                if (!resolves(id.getName().toString())) {
                    found[0] = id;
                }
                return null;
            }

            @Override
            public Void visitMemberSelect(MemberSelectTree s, Void unused) {
                boolean qualified = leftmost(s) instanceof IdentifierTree first && !resolves(first.getName().toString());
                if (qualified && !namesTypeOrPackage(s)) {
                    found[0] = s; // java.util.Arrayz
                    return null;
                }
                TypeElement type = typeOf(s.getExpression());
                if (type != null && !hasMember(type, s.getIdentifier().toString(), false)) {
                    found[0] = s;
                    return null;
                }
                return type != null || qualified ? null : super.visitMemberSelect(s, unused);
            }

            @Override
            public Void visitMethodInvocation(MethodInvocationTree c, Void unused) {
                ExpressionTree sel = c.getMethodSelect();
                if (sel instanceof IdentifierTree id) {
                    String n = id.getName().toString();
                    if (!n.equals("this") && !n.equals("super") && names.methods(n).isEmpty()
                            && !names.staticallyImported(n)) {
                        found[0] = id;
                        return null;
                    }
                } else if (sel instanceof MemberSelectTree s) {
                    TypeElement type = typeOf(s.getExpression());
                    if (type != null && !hasMember(type, s.getIdentifier().toString(), true)) {
                        found[0] = s;
                        return null;
                    }
                    scan(s.getExpression(), unused);
                } else {
                    scan(sel, unused);
                }
                scan(c.getTypeArguments(), unused);
                return scan(c.getArguments(), unused);
            }

            @Override
            public Void visitVariable(VariableTree v, Void unused) {
                if (v.getType() != null && !v.getType().toString().equals("var")) {
                    scan(v.getType(), unused);
                }
                return scan(v.getInitializer(), unused);
            }

            @Override
            public Void visitNewClass(NewClassTree n, Void unused) {
                scan(n.getEnclosingExpression(), unused);
                if (n.getEnclosingExpression() == null) { // outer.new Inner(): Inner is a member of outer's class
                    scan(n.getIdentifier(), unused);
                }
                return scan(n.getArguments(), unused); // not the body: its members are the class's own
            }

            @Override
            public Void visitClass(ClassTree c, Void unused) {
                return null;
            }

            @Override
            public Void visitAnnotation(AnnotationTree a, Void unused) {
                return null;
            }

            @Override
            public Void visitCase(CaseTree c, Void unused) {
                scan(c.getStatements(), unused); // not the labels: enum constants resolve against the selector
                return c.getStatements() == null ? scan(c.getBody(), unused) : null;
            }
        }.scan(t, null);
        return found[0];
    }

    private boolean resolves(String n) {
        return n.equals("this") || n.equals("super") || declared.contains(n) || names.field(n) != null
                || names.type(n) != null || names.staticallyImported(n);
    }

    private static ExpressionTree leftmost(MemberSelectTree s) {
        ExpressionTree e = s.getExpression();
        while (e instanceof MemberSelectTree inner) {
            e = inner.getExpression();
        }
        return e;
    }

    /** {@code java.util.Random} or {@code java.util}: a package, or a type (maybe followed by its members). */
    private boolean namesTypeOrPackage(MemberSelectTree s) {
        for (ExpressionTree e = s; e instanceof MemberSelectTree m; e = m.getExpression()) {
            if (elements.getTypeElement(m.toString()) != null) {
                return true;
            }
        }
        return elements.getPackageElement(s.toString()) != null;
    }

    /** The type a qualifier names, when it names a type rather than a value. */
    private TypeElement typeOf(ExpressionTree e) {
        return names.type(e, n -> declared.contains(n) || names.field(n) != null);
    }

    private boolean hasMember(TypeElement type, String member, boolean method) {
        if (member.equals("class") || member.equals("this") || member.equals("super")) {
            return true;
        }
        if (method) {
            return !names.methodsNamed(type, member).isEmpty();
        }
        return names.memberType(type, member) != null || names.fieldOf(type, member) != null;
    }
}
