package dev.leibniz.processor.analysis;

import dev.leibniz.processor.ir.Call;
import dev.leibniz.processor.ir.Func;
import dev.leibniz.processor.ir.If;
import dev.leibniz.processor.ir.Load;
import dev.leibniz.processor.ir.Loop;
import dev.leibniz.processor.ir.Opaque;
import dev.leibniz.processor.ir.Return;
import dev.leibniz.processor.ir.RowView;
import dev.leibniz.processor.ir.Template;
import dev.leibniz.processor.ir.Var;
import dev.leibniz.processor.ir.Walk;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The variables a method reads anywhere (loads, calls it passes them to, black-box code, branch
 * and loop conditions, its return): conservative, from its IR.
 */
public final class ArraysRead {
    private ArraysRead() {}

    /**
     * @param lengths whether measuring an array ({@code i < out.length}) counts as reading it: it reads
     *     none of its elements, but a caller that must hand the same array to the method's reverse sweep
     *     (which measures it again) has to keep one of that length
     */
    public static Set<Var> of(Func f, boolean lengths) {
        Set<Var> read = new HashSet<>();
        Walk.statements(f.body(), s -> {
            if (s instanceof Load l) {
                read.add(l.array().base());
            } else if (s instanceof Call k) {
                k.args().forEach(a -> {
                    if (a instanceof Var v) {
                        read.add(v.base()); // passed on: the callee may read it
                    }
                });
            } else if (s instanceof Opaque o) {
                read.addAll(reads(o.code(), lengths));
            } else if (s instanceof RowView r) {
                read.add(r.parent());
            } else if (s instanceof If i) {
                read.addAll(reads(i.condition(), lengths));
            } else if (s instanceof Loop l && l.condition() != null) {
                read.addAll(reads(l.condition(), lengths));
            } else if (s instanceof Return r && r.value() instanceof Var v) {
                read.add(v);
            }
        });
        return read;
    }

    private static List<Var> reads(Template t, boolean lengths) {
        return lengths ? t.vars() : t.valueReads();
    }
}
