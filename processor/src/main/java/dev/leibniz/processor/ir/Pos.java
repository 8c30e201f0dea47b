package dev.leibniz.processor.ir;

/**
 * Where a step came from in the user's source: its line and the source text, for the comment
 * on each generated line.
 *
 * @param line the 1-based source line
 * @param text the source text of the statement or expression, on one line
 */
public record Pos(long line, String text) {
    public String comment() {
        return "line " + line + ": " + text;
    }
}
