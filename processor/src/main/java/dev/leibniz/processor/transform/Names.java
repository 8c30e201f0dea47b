package dev.leibniz.processor.transform;

import java.util.HashSet;
import java.util.Set;
import javax.lang.model.SourceVersion;

/** Hands out unique, readable Java names: the wanted name if free, else name_2, name_3, ... */
final class Names {
    private final Set<String> taken = new HashSet<>(Set.of("Math", "StrictMath", "Double", "Float", "Integer",
            "Long", "Boolean", "String", "Object"));

    String claim(String wanted) {
        String base = SourceVersion.isKeyword(wanted) ? wanted + "_" : wanted;
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    /** Reserves a name that must stay as it is (a parameter's). */
    void reserve(String name) {
        taken.add(name);
    }
}
