package dev.leibniz.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.leibniz.processor.transform.Code;
import java.util.List;

/** Prints the transforms' code model as a JavaPoet block: one step per line, with its comment. */
final class CodeRenderer {
    private CodeRenderer() {}

    static CodeBlock render(List<Code> codes) {
        CodeBlock.Builder b = CodeBlock.builder();
        render(b, codes);
        return b.build();
    }

    private static void render(CodeBlock.Builder b, List<Code> codes) {
        for (Code c : codes) {
            if (c instanceof Code.Line line) {
                if (line.comment() == null) {
                    b.add("$L;\n", line.code());
                } else {
                    b.add("$L; // $L\n", line.code(), line.comment());
                }
            } else if (c instanceof Code.Comment comment) {
                b.add("// $L\n", comment.text());
            } else if (c instanceof Code.Loop loop) {
                String label = loop.label() == null ? "" : loop.label() + ": ";
                String head = loop.doWhile() != null ? label + "do" : label + loop.header();
                if (loop.comment() == null) {
                    b.add("$L {\n", head);
                } else {
                    b.add("$L { // $L\n", head, loop.comment());
                }
                b.indent();
                render(b, loop.body());
                b.unindent();
                if (loop.doWhile() != null) {
                    b.add("} while ($L);\n", loop.doWhile());
                } else {
                    b.add("}\n");
                }
            } else if (c instanceof Code.Branch br) {
                if (br.comment() == null) {
                    b.add("if ($L) {\n", br.condition());
                } else {
                    b.add("if ($L) { // $L\n", br.condition(), br.comment());
                }
                b.indent();
                render(b, br.then());
                b.unindent();
                if (!br.otherwise().isEmpty()) {
                    b.add("} else {\n");
                    b.indent();
                    render(b, br.otherwise());
                    b.unindent();
                }
                b.add("}\n");
            }
        }
    }
}
