package dev.leibniz.processor.emit;

import dev.leibniz.processor.transform.Code;
import java.util.List;
import java.util.Set;

/**
 * An upper estimate of the bytecode javac makes of generated code, so that a method whose
 * pullback would exceed the JVM's 64 KB limit on a method's code is an error on the user's
 * method, not javac's "code too large" in CGrad.java. Every token is charged what its most
 * expensive instruction costs: a variable a wide load or store (4 bytes), a dotted name a
 * field access or call on top (3 bytes per dot), a comparison a boolean value (9 bytes).
 */
public final class CodeSize {
    /** The JVM's limit on the code of one method, in bytes. */
    public static final int LIMIT = 65_535;

    private static final Set<String> FREE = Set.of("double", "int", "boolean", "long", "float", "short", "byte",
            "char", "if", "for", "while", "do", "else");

    private CodeSize() {}

    public static int estimate(List<Code> codes) {
        int bytes = 0;
        for (Code c : codes) {
            if (c instanceof Code.Line line) {
                bytes += tokens(line.code(), false);
            } else if (c instanceof Code.Branch b) {
                bytes += tokens(b.condition(), true) + 3 + estimate(b.then()) + estimate(b.otherwise());
            } else if (c instanceof Code.Loop l) {
                String head = l.doWhile() != null ? l.doWhile() : l.header();
                bytes += 3 + tokens(head, true) + estimate(l.body());
            }
        }
        return bytes;
    }

    /**
     * @param condition whether the code is a branch's condition, whose comparisons jump instead of pushing 0 or 1
     *     (scanned by hand, not with a regular expression: it runs over every generated line)
     */
    private static int tokens(String code, boolean condition) {
        int bytes = 0;
        int n = code.length();
        int i = 0;
        while (i < n) {
            char ch = code.charAt(i);
            int start = i;
            if (ch < 128 && (Character.isLetter(ch) || ch == '_' || ch == '$')) {
                i++;
                while (i < n && (isWord(code.charAt(i)) || code.charAt(i) == '$' || code.charAt(i) == '.')) {
                    i++;
                }
            } else if (ch >= '0' && ch <= '9') {
                i++;
                while (i < n && (isWord(code.charAt(i)) || code.charAt(i) == '.')) {
                    i++;
                }
            } else if (OPERATORS.indexOf(ch) >= 0) {
                i++;
                while (i < n && OPERATORS.indexOf(code.charAt(i)) >= 0) {
                    i++;
                }
            } else {
                i++;
                if (ch == '[') {
                    bytes += 1;
                }
                continue;
            }
            bytes += cost(code.substring(start, i), condition);
        }
        return bytes;
    }

    private static int dots(String t) {
        int n = 0;
        for (int i = t.indexOf('.'); i >= 0; i = t.indexOf('.', i + 1)) {
            n++;
        }
        return n;
    }

    private static final String OPERATORS = "-+*/%<>=!&|?:^~";

    private static boolean isWord(char ch) {
        return ch < 128 && (Character.isLetterOrDigit(ch) || ch == '_');
    }

    private static int cost(String t, boolean condition) {
        char first = t.charAt(0);
        if (Character.isJavaIdentifierStart(first)) {
            if (FREE.contains(t)) {
                return 1; // at most a conversion, as in (float) x
            }
            return switch (t) {
                case "true", "false", "null", "return" -> 1;
                case "break", "continue" -> 3;
                case "new" -> 4;
                default -> 4 + 3 * dots(t);
            };
        }
        if (Character.isDigit(first)) {
            return 3; // ldc2_w
        }
        return switch (t) {
            case "+=", "-=", "*=", "/=", "%=" -> 5; // the operation and a wide store
            case "++", "--" -> 6; // wide iinc
            case "<", ">", "<=", ">=", "==", "!=", "&&", "||", "!" -> condition ? 4 : 9; // compare, jump(, push 0 or 1)
            case "?", ":" -> 3;
            default -> 1;
        };
    }
}
