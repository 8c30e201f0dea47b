package dev.leibniz.processor.parse;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
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
    private final TypeElement owner;
    private final CompilationUnitTree unit;
    private final String packageName;

    NameResolver(Elements elements, TypeElement owner, CompilationUnitTree unit) {
        this.elements = elements;
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
            for (TypeElement member : ElementFilter.typesIn(elements.getAllMembers(t))) {
                if (member.getSimpleName().contentEquals(simple)) {
                    return member;
                }
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

    /** The field a simple name denotes (enclosing classes first, then static imports), or null. */
    VariableElement field(String simple) {
        for (Element e = owner; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            for (VariableElement f : ElementFilter.fieldsIn(elements.getAllMembers(t))) {
                if (f.getSimpleName().contentEquals(simple)) {
                    return f;
                }
            }
        }
        for (TypeElement t : staticImportOwners(simple)) {
            for (VariableElement f : ElementFilter.fieldsIn(elements.getAllMembers(t))) {
                if (f.getSimpleName().contentEquals(simple) && f.getModifiers().contains(Modifier.STATIC)) {
                    return f;
                }
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
        for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(t))) {
            if (m.getSimpleName().contentEquals(simple)) {
                found.add(m);
            }
        }
        return found;
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

    /** Whether generated code in the user's package may name this member or type. */
    static boolean accessible(Element e) {
        for (Element x = e; x != null && x.getKind() != ElementKind.PACKAGE; x = x.getEnclosingElement()) {
            if (x.getModifiers().contains(Modifier.PRIVATE)) {
                return false;
            }
        }
        return true;
    }
}
