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
        scan(code, (start, end, length) -> out.add(length ? LENGTH + code.substring(start, end) : code.substring(start, end)));
        return out;
    }

    /**
     * The code with each name it mentions replaced by {@code rename(name, onlyItsLength)}; literals, members after a
     * dot and everything else as they are.
     */
    static String rewrite(String code, java.util.function.BiFunction<String, Boolean, String> rename) {
        StringBuilder out = new StringBuilder();
        int[] copied = {0};
        scan(code, (start, end, length) -> {
            out.append(code, copied[0], start).append(rename.apply(code.substring(start, end), length));
            copied[0] = end;
        });
        return out.append(code, copied[0], code.length()).toString();
    }

    /** Where a name stands in the code, and whether only its length is read there. */
    private interface Sink {
        void name(int start, int end, boolean length);
    }

    /** Calls the sink for every name the code mentions, in order. */
    private static void scan(String code, Sink sink) {
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
                    sink.name(i, j, code.startsWith(".length", j)
                            && (j + 7 == n || !Character.isJavaIdentifierPart(code.charAt(j + 7))));
                }
                i = j;
            } else {
                i++;
            }
        }
    }
}
