package dev.leibniz.processor.transform;

import dev.leibniz.processor.ir.Block;
import dev.leibniz.processor.ir.Compute;
import dev.leibniz.processor.ir.Const;
import dev.leibniz.processor.ir.If;
import dev.leibniz.processor.ir.Operand;
import dev.leibniz.processor.ir.Pos;
import dev.leibniz.processor.ir.Template;
import dev.leibniz.processor.ir.Type;
import dev.leibniz.processor.ir.Var;
import dev.leibniz.processor.rules.Elementary;
import dev.leibniz.processor.rules.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a partial derivative from the table ({@link Expr}) out of IR steps, one operation per
 * step, so that the steps can be differentiated again. A piecewise rule ({@code r == 0 ? 0 : a / r})
 * becomes an {@code if} whose untaken side is never computed, so it cannot turn a 0 into NaN.
 */
final class PartialLowering {
    private final List<Operand> args;
    private final Var result;
    private final String mathClass;
    private final Pos pos;
    private Block out;
    /** The values computed already, shared with the transform that lowers the partial. */
    private final ValueTable values;

    PartialLowering(List<Operand> args, Var result, String mathClass, Pos pos, Block out, ValueTable values) {
        this.values = values;
        this.args = args;
        this.result = result;
        this.mathClass = mathClass;
        this.pos = pos;
        this.out = out;
    }

    /** The partial's value as an operand: a constant, an operand of the step, or a new temporary. */
    Operand lower(Expr e) {
        if (e instanceof Expr.Num n) {
            return Const.literal(n.value());
        }
        if (e instanceof Expr.Arg a) {
            return args.get(a.index());
        }
        if (e instanceof Expr.Result) {
            return result;
        }
        if (e instanceof Expr.Named n) {
            return new Const(mathClass.equals("Math") ? n.text() : n.text().replace("Math.", mathClass + "."),
                    Type.DOUBLE, Double.NaN);
        }
        if (e instanceof Expr.Apply a) {
            List<Operand> operands = new ArrayList<>();
            for (Expr x : a.args()) {
                operands.add(lower(x));
            }
            return values.step(out, name(a.op()), a.op(), mathClass, operands, pos);
        }
        if (e instanceof Expr.Choose c) {
            return choose(c);
        }
        throw new IllegalStateException("a comparison is not a value: " + e);
    }

    private Operand choose(Expr.Choose c) {
        Var phi = temp("partial", Var.Kind.PHI);
        Block saved = out;
        Block then = new Block(saved.depth() + 1);
        Block otherwise = new Block(saved.depth() + 1);
        out = then;
        values.enter(false);
        out.add(new Compute(phi, Elementary.COPY, List.of(lower(c.then())), mathClass, pos));
        values.leave();
        out = otherwise;
        values.enter(false);
        out.add(new Compute(phi, Elementary.COPY, List.of(lower(c.otherwise())), mathClass, pos));
        values.leave();
        out = saved;
        Var taken = new Var("branch", Type.BOOLEAN, Var.Kind.BRANCH);
        taken.setDepth(out.depth());
        out.add(new If(condition(c.test()), taken, then, otherwise, List.of(phi), pos));
        return phi;
    }

    private Template condition(Expr.Compare c) {
        return Template.concat(side(c.left()), " " + c.relation() + " ", side(c.right()));
    }

    private Object side(Expr e) {
        if (e instanceof Expr.Num n) {
            return Const.formatDouble(n.value());
        }
        if (e instanceof Expr.Arg a) {
            Operand o = args.get(a.index());
            return o instanceof Var v ? v : ((Const) o).operandText();
        }
        if (e instanceof Expr.Result) {
            return result;
        }
        throw new IllegalStateException("a condition compares operands and literals only: " + e);
    }

    private Var temp(String base, Var.Kind kind) {
        Var v = new Var(base, Type.DOUBLE, kind);
        v.setDepth(out.depth());
        return v;
    }

    private static String name(Elementary op) {
        String m = op.methodName();
        return m != null ? m : op.toString();
    }
}
