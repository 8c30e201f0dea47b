package dev.leibniz.processor;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * The simple names the companion must write fully qualified so that its code, which names
 * {@code Math}, {@code String}, ... by their simple names, always reaches java.lang: those a type
 * of the companion's own package hides ({@code p.Math}), and those of the types its signatures
 * mention that JavaPoet would otherwise import over java.lang ({@code q.Math}).
 */
final class JavaLangShadows {
    private JavaLangShadows() {}

    static Set<String> of(Elements elements, PackageElement pkg, Collection<TypeMirror> mentioned) {
        Set<String> names = new TreeSet<>();
        for (Element e : pkg.getEnclosedElements()) {
            if (isJavaLangName(elements, e.getSimpleName().toString())) {
                names.add(e.getSimpleName().toString());
            }
        }
        mentioned.forEach(t -> collect(elements, t, names));
        return names;
    }

    private static void collect(Elements elements, TypeMirror t, Set<String> names) {
        if (t instanceof ArrayType a) {
            collect(elements, a.getComponentType(), names);
        } else if (t instanceof DeclaredType d) {
            TypeElement type = (TypeElement) d.asElement();
            TypeElement top = type;
            while (top.getEnclosingElement().getKind() != ElementKind.PACKAGE) {
                top = (TypeElement) top.getEnclosingElement();
            }
            boolean javaLang = elements.getPackageOf(top).getQualifiedName().contentEquals("java.lang");
            if (!javaLang && isJavaLangName(elements, top.getSimpleName().toString())) {
                // JavaPoet decides imports by the named type's own simple name, nested or not.
                names.add(top.getSimpleName().toString());
                names.add(type.getSimpleName().toString());
            }
            d.getTypeArguments().forEach(a -> collect(elements, a, names));
        }
    }

    private static boolean isJavaLangName(Elements elements, String simple) {
        return elements.getTypeElement("java.lang." + simple) != null;
    }
}
