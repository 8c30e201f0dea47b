package dev.leibniz.processor.rules;

import dev.leibniz.processor.ir.Compute;
import dev.leibniz.processor.ir.Const;
import dev.leibniz.processor.ir.Operand;
import dev.leibniz.processor.ir.Var;
import java.util.ArrayList;
import java.util.List;

/** Renders a step's partial derivatives from the table, for analysis and transforms alike. */
public final class Partials {
    private Partials() {}

    /** The partial of {@code c} with respect to operand {@code i}, or null when it is zero. */
    public static String of(Compute c, int i) {
        List<String> args = new ArrayList<>();
        for (Operand o : c.args()) {
            args.add(text(o));
        }
        return c.op().partial(i, args, c.target().name(), literals(c), c.mathClass());
    }

    /** The Java expression computing the step itself. */
    public static String primal(Compute c) {
        List<String> args = new ArrayList<>();
        for (Operand o : c.args()) {
            args.add(text(o));
        }
        return c.op().primal(args, c.mathClass());
    }

    /** Whether the partial of operand {@code i} reads the step's own result. */
    public static boolean readsResult(Compute c, int i) {
        String d = c.op().partial(i, markers(c), ExprParser.result(), literals(c), c.mathClass());
        return d != null && d.contains(ExprParser.result());
    }

    private static List<String> markers(Compute c) {
        List<String> markers = new ArrayList<>();
        for (int k = 0; k < c.args().size(); k++) {
            markers.add(ExprParser.arg(k));
        }
        return markers;
    }

    /** The operands whose forward values the partial of operand {@code i} reads (not the result). */
    public static List<Var> reads(Compute c, int i) {
        List<String> markers = markers(c);
        String d = c.op().partial(i, markers, ExprParser.result(), literals(c), c.mathClass());
        List<Var> reads = new ArrayList<>();
        if (d == null) {
            return reads;
        }
        for (int k = 0; k < c.args().size(); k++) {
            if (d.contains(markers.get(k)) && c.args().get(k) instanceof Var v) {
                reads.add(v);
            }
        }
        return reads;
    }

    /** Whether some partial of op reads the step's own result (exp, sqrt, a / b, ...). */
    public static boolean readsResult(Elementary op, List<? extends Operand> args) {
        List<String> markers = new ArrayList<>();
        List<Double> lits = new ArrayList<>();
        for (int k = 0; k < args.size(); k++) {
            markers.add(ExprParser.arg(k));
            lits.add(args.get(k) instanceof Const c && c.isLiteral() ? c.numeric() : null);
        }
        for (int i = 0; i < args.size(); i++) {
            String d = op.partial(i, markers, ExprParser.result(), lits, "Math");
            if (d != null && d.contains(ExprParser.result())) {
                return true;
            }
        }
        return false;
    }

    /** Each operand's value where it is a literal, else null: what the table's formulas fold. */
    public static List<Double> literals(Compute c) {
        List<Double> lits = new ArrayList<>();
        for (Operand o : c.args()) {
            lits.add(o instanceof Const k && k.isLiteral() ? k.numeric() : null);
        }
        return lits;
    }

    public static String text(Operand o) {
        return o instanceof Var v ? v.name() : ((Const) o).operandText();
    }
}
