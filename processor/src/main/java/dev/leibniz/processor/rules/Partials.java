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

    /** The variables whose forward values the partial of operand {@code i} reads. */
    public static List<Var> reads(Compute c, int i) {
        List<String> markers = new ArrayList<>();
        for (int k = 0; k < c.args().size(); k++) {
            markers.add("\u0001" + k + "\u0001");
        }
        String d = c.op().partial(i, markers, "\u0002", literals(c), c.mathClass());
        List<Var> reads = new ArrayList<>();
        if (d == null) {
            return reads;
        }
        for (int k = 0; k < c.args().size(); k++) {
            if (d.contains(markers.get(k)) && c.args().get(k) instanceof Var v) {
                reads.add(v);
            }
        }
        if (d.contains("\u0002")) {
            reads.add(c.target());
        }
        return reads;
    }

    private static List<Double> literals(Compute c) {
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
