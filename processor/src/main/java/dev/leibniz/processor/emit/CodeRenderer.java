package dev.leibniz.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.leibniz.processor.transform.Code;
import java.util.List;

/**
 * Prints the transforms' code model as a JavaPoet block: one step per line, with its comment. The
 * whole body is printed here and handed to JavaPoet as one literal, which JavaPoet indents line by
 * line: a format call per line made JavaPoet the larger part of the processor's time on a big class.
 */
final class CodeRenderer {
    /** The companion's indentation unit, as {@code CompanionEmitter} gives it to JavaPoet. */
    private static final String INDENT = "    ";

    private CodeRenderer() {}

    static CodeBlock render(List<Code> codes) {
        StringBuilder out = new StringBuilder();
        render(out, codes, "");
        return CodeBlock.of("$L", out);
    }

    private static void render(StringBuilder out, List<Code> codes, String indent) {
        String inner = indent + INDENT;
        for (Code c : codes) {
            if (c instanceof Code.Line line) {
                out.append(indent).append(line.code()).append(';');
                comment(out, line.comment());
            } else if (c instanceof Code.Comment comment) {
                out.append(indent).append("// ").append(comment.text()).append('\n');
            } else if (c instanceof Code.Loop loop) {
                String label = loop.label() == null ? "" : loop.label() + ": ";
                out.append(indent).append(label).append(loop.doWhile() != null ? "do" : loop.header()).append(" {");
                comment(out, loop.comment());
                render(out, loop.body(), inner);
                if (loop.doWhile() != null) {
                    out.append(indent).append("} while (").append(loop.doWhile()).append(");\n");
                } else {
                    out.append(indent).append("}\n");
                }
            } else if (c instanceof Code.Branch br) {
                out.append(indent).append("if (").append(br.condition()).append(") {");
                comment(out, br.comment());
                render(out, br.then(), inner);
                if (!br.otherwise().isEmpty()) {
                    out.append(indent).append("} else {\n");
                    render(out, br.otherwise(), inner);
                }
                out.append(indent).append("}\n");
            }
        }
    }

    /** Ends a line, with its comment if it has one. */
    private static void comment(StringBuilder out, String comment) {
        if (comment != null) {
            out.append(" // ").append(comment);
        }
        out.append('\n');
    }
}
