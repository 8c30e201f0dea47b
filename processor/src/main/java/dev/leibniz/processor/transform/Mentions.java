package dev.leibniz.processor.transform;

import java.util.HashSet;
import java.util.Set;

/**
 * The names a piece of generated code mentions (not those after a dot, nor inside literals);
 * {@code #a} where it reads only {@code a.length}.
 */
final class Mentions {
    /** The prefix marking a name of which only the length is read. */
    static final String LENGTH = "#";

    private Mentions() {}

    static Set<String> mentioned(String code) {
        Set<String> out = new HashSet<>();
        int n = code.length();
        int i = 0;
        while (i < n) {
            char ch = code.charAt(i);
            if (ch == '"' || ch == '\'') {
                int j = i + 1;
                while (j < n && code.charAt(j) != ch) {
                    j += code.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else if (Character.isDigit(ch)) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(code.charAt(j)) || code.charAt(j) == '.'
                        || code.charAt(j) == '_')) {
                    j++;
                }
                i = j;
            } else if (Character.isJavaIdentifierStart(ch)) {
                int j = i + 1;
                while (j < n && Character.isJavaIdentifierPart(code.charAt(j))) {
                    j++;
                }
                int before = i - 1;
                while (before >= 0 && code.charAt(before) == ' ') {
                    before--;
                }
                if (before < 0 || code.charAt(before) != '.') {
                    boolean length = code.startsWith(".length", j)
                            && (j + 7 == n || !Character.isJavaIdentifierPart(code.charAt(j + 7)));
                    out.add(length ? LENGTH + code.substring(i, j) : code.substring(i, j));
                }
                i = j;
            } else {
                i++;
            }
        }
        return out;
    }
}
