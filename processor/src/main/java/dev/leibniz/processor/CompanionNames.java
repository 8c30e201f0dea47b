package dev.leibniz.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/** The contract's naming: {@code p.C -> p.CGrad}, {@code p.Outer.Inner -> p.Outer_InnerGrad}. */
public final class CompanionNames {
    private CompanionNames() {}

    public static String of(TypeElement owner) {
        StringBuilder sb = new StringBuilder(owner.getSimpleName());
        for (Element e = owner.getEnclosingElement(); e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
            sb.insert(0, e.getSimpleName() + "_");
        }
        return sb.append("Grad").toString();
    }
}
