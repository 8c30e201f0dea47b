package dev.leibniz.processor.transform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the leading identifiers of qualified names in Java source text. */
final class Qualifiers {
    private static final Pattern QUALIFIER = Pattern.compile("(?<![\\w$.])([A-Za-z_$][\\w$]*)\\s*\\.(?=\\s*[A-Za-z_$])");

    private Qualifiers() {}

    static void reserve(String code, Names names) {
        Matcher m = QUALIFIER.matcher(code);
        while (m.find()) {
            names.reserve(m.group(1));
        }
    }
}
