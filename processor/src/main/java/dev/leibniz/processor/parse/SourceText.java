package dev.leibniz.processor.parse;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import dev.leibniz.processor.ir.Pos;
import java.io.IOException;

/** Source lines and text of trees, for the comments on generated steps. */
final class SourceText {
    private static final int MAX = 72;
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private final CompilationUnitTree unit;
    private final SourcePositions positions;
    private final CharSequence content;

    SourceText(CompilationUnitTree unit, SourcePositions positions) {
        this.unit = unit;
        this.positions = positions;
        CharSequence c;
        try {
            c = unit.getSourceFile().getCharContent(true);
        } catch (IOException e) {
            c = null;
        }
        this.content = c;
    }

    Pos pos(Tree t) {
        long start = positions.getStartPosition(unit, t);
        long end = positions.getEndPosition(unit, t);
        long line = start >= 0 ? unit.getLineMap().getLineNumber(start) : 0;
        String text = content != null && start >= 0 && end > start && end <= content.length()
                ? content.subSequence((int) start, (int) end).toString()
                : t.toString();
        text = SPACES.matcher(text).replaceAll(" ").trim();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.length() > MAX) {
            text = text.substring(0, MAX - 3) + "...";
        }
        return new Pos(line, text);
    }
}
