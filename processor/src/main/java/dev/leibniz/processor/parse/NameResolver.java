package dev.leibniz.processor.parse;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Resolves the simple names a method body uses (types, fields, methods) the way javac would,
 * so that code copied into the companion class, which has none of the user's imports, can name
 * them fully. Method bodies are not attributed yet while annotation processors run, so this
 * is done from imports and members.
 */
final class NameResolver {
    private final Elements elements;
    private final Lookups lookups;
    private final Trees trees;
    private final TypeElement owner;
    private final CompilationUnitTree unit;
    private final String packageName;

    NameResolver(Elements elements, Lookups lookups, Trees trees, TypeElement owner, CompilationUnitTree unit) {
        this.elements = elements;
        this.lookups = lookups;
        this.trees = trees;
        this.owner = owner;
        this.unit = unit;
        PackageElement pkg = elements.getPackageOf(owner);
        this.packageName = pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
    }

    /** The type a simple name denotes where the method is written, or null. */
    TypeElement type(String simple) {
        for (Element e = owner; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            if (t.getSimpleName().contentEquals(simple)) {
                return t;
            }
            TypeElement member = memberType(t, simple);
            if (member != null) {
                return member;
            }
        }
        for (ImportTree imp : unit.getImports()) {
            String q = imp.getQualifiedIdentifier().toString();
            if (!imp.isStatic() && q.endsWith("." + simple)) {
                TypeElement t = elements.getTypeElement(q);
                if (t != null) {
                    return t;
                }
            }
        }
        TypeElement samePackage = elements.getTypeElement(packageName.isEmpty() ? simple : packageName + "." + simple);
        if (samePackage != null) {
            return samePackage;
        }
        for (ImportTree imp : unit.getImports()) {
            String q = imp.getQualifiedIdentifier().toString();
            if (!imp.isStatic() && q.endsWith(".*")) {
                TypeElement t = elements.getTypeElement(q.substring(0, q.length() - 1) + simple);
                if (t != null) {
                    return t;
                }
            }
        }
        return elements.getTypeElement("java.lang." + simple);
    }

    /**
     * The type a dotted name denotes: {@code p.Outer.Inner}, or {@code Outer.Inner} reached through
     * an import or an enclosing class, at any depth; null when it names no type. A leftmost name
     * that {@code isValue} accepts (a local or field) is a value, never a type, as in Java.
     */
    TypeElement type(ExpressionTree e, Predicate<String> isValue) {
        if (e instanceof IdentifierTree id) {
            String n = id.getName().toString();
            return isValue.test(n) ? null : type(n);
        }
        if (!(e instanceof MemberSelectTree s)) {
            return null;
        }
        ExpressionTree left = s.getExpression();
        while (left instanceof MemberSelectTree inner) {
            left = inner.getExpression();
        }
        if (left instanceof IdentifierTree id && isValue.test(id.getName().toString())) {
            return null;
        }
        TypeElement qualified = elements.getTypeElement(s.toString());
        if (qualified != null) {
            return qualified;
        }
        TypeElement outer = type(s.getExpression(), isValue);
        return outer == null ? null : memberType(outer, s.getIdentifier().toString());
    }

    /** The member type {@code simple} of {@code outer}, inherited ones included; null if none. */
    TypeElement memberType(TypeElement outer, String simple) {
        for (Element member : lookups.named(outer, simple)) {
            if (member instanceof TypeElement type) {
                return type;
            }
        }
        return null;
    }

    /** The field {@code simple} of {@code t}, inherited ones included; null if none. */
    VariableElement fieldOf(TypeElement t, CharSequence simple) {
        for (Element member : lookups.named(t, simple)) {
            if (member.getKind().isField()) {
                return (VariableElement) member;
            }
        }
        return null;
    }

    /** The field a simple name denotes (enclosing classes first, then static imports), or null. */
    VariableElement field(String simple) {
        for (Element e = owner; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            VariableElement f = fieldOf(t, simple);
            if (f != null) {
                return f;
            }
        }
        for (TypeElement t : staticImportOwners(simple)) {
            VariableElement f = fieldOf(t, simple);
            if (f != null && f.getModifiers().contains(Modifier.STATIC)) {
                return f;
            }
        }
        return null;
    }

    /** The methods an unqualified call {@code simple(...)} may mean, nearest scope first. */
    List<ExecutableElement> methods(String simple) {
        for (Element e = owner; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            List<ExecutableElement> found = methodsNamed(t, simple);
            if (!found.isEmpty()) {
                return found;
            }
        }
        for (TypeElement t : staticImportOwners(simple)) {
            List<ExecutableElement> found = new ArrayList<>();
            for (ExecutableElement m : methodsNamed(t, simple)) {
                if (m.getModifiers().contains(Modifier.STATIC)) {
                    found.add(m);
                }
            }
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    List<ExecutableElement> methodsNamed(TypeElement t, String simple) {
        List<ExecutableElement> found = new ArrayList<>();
        for (Element m : lookups.named(t, simple)) {
            if (m.getKind() == ElementKind.METHOD) {
                found.add((ExecutableElement) m);
            }
        }
        return found;
    }

    /** Whether every import is one this resolver models: not a module import, nor one of a missing class. */
    boolean modelsAllImports() {
        for (ImportTree imp : unit.getImports()) {
            String q = imp.getQualifiedIdentifier().toString();
            if (!q.endsWith(".*") && !imp.isStatic() && elements.getTypeElement(q) == null) {
                return false;
            }
        }
        return true;
    }

    /** Whether a static import brings in a member (field, method or type) of this name. */
    boolean staticallyImported(String simple) {
        for (TypeElement t : staticImportOwners(simple)) {
            for (Element m : lookups.named(t, simple)) {
                if (m.getModifiers().contains(Modifier.STATIC)) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<TypeElement> staticImportOwners(String simple) {
        List<TypeElement> owners = new ArrayList<>();
        for (ImportTree imp : unit.getImports()) {
            if (!imp.isStatic()) {
                continue;
            }
            String q = imp.getQualifiedIdentifier().toString();
            int dot = q.lastIndexOf('.');
            String member = q.substring(dot + 1);
            if (member.equals("*") || member.equals(simple)) {
                TypeElement t = elements.getTypeElement(q.substring(0, dot));
                if (t != null) {
                    owners.add(t);
                }
            }
        }
        return owners;
    }

    /**
     * Whether a member belongs to the method's own class (declared or inherited), so the
     * companion reaches it through the receiver; a member of an enclosing class does not.
     */
    boolean isOwnMember(Element member) {
        return lookups.contains(owner, member);
    }

    /** The simple name of the method's class, for messages. */
    String ownerName() {
        return owner.getSimpleName().toString();
    }

    /** The record component a private field stores, or null when it is no record's. */
    RecordComponentElement component(VariableElement field) {
        for (var c : ElementFilter.recordComponentsIn(field.getEnclosingElement().getEnclosedElements())) {
            if (c.getSimpleName().equals(field.getSimpleName())) {
                return c;
            }
        }
        return null;
    }

    /**
     * Whether a record component's accessor is the implicit one, which returns the field
     * unchanged; javac keeps no source tree for it, unlike an accessor the user wrote.
     */
    boolean hasImplicitAccessor(RecordComponentElement c) {
        return c.getAccessor() != null && lookups.path(c.getEnclosingElement()) != null
                && trees.getTree(c.getAccessor()) == null;
    }

    /**
     * How generated code names a type: simple for java.lang, canonical otherwise, and canonical
     * for java.lang too where a type of the companion's package (p.Math) hides it.
     */
    String sourceName(TypeElement t) {
        String q = t.getQualifiedName().toString();
        String simple = t.getSimpleName().toString();
        if (t.getEnclosingElement().getKind() == ElementKind.PACKAGE && q.equals("java.lang." + simple)
                && elements.getTypeElement(packageName.isEmpty() ? simple : packageName + "." + simple) == null) {
            return simple;
        }
        return q;
    }
}
