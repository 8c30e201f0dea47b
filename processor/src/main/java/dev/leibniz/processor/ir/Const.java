package dev.leibniz.processor.ir;

/**
 * A value known not to depend on anything differentiated and cheap and pure to evaluate again: a
 * literal or a static constant, kept as Java source text.
 *
 * @param text Java source for the value, already qualified for use from the companion class
 * @param type its type
 * @param numeric the value if it is a literal, for folding; NaN otherwise
 */
public record Const(String text, Type type, double numeric) implements Operand {

    public static Const literal(double value) {
        return new Const(formatDouble(value), Type.DOUBLE, value);
    }

    public boolean isLiteral() {
        return !Double.isNaN(numeric);
    }

    /** Source text safe as an operand of any operator. */
    public String operandText() {
        return text.startsWith("-") ? "(" + text + ")" : text;
    }

    public static String formatDouble(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return (long) v + ".0";
        }
        return Double.toString(v);
    }
}
