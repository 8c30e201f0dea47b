package dev.leibniz.processor.analysis;

import com.sun.source.tree.Tree;
import dev.leibniz.processor.diag.Unsupported;
import dev.leibniz.processor.ir.Func;
import dev.leibniz.processor.ir.Opaque;
import dev.leibniz.processor.ir.Var;
import dev.leibniz.processor.ir.Walk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A method without a derivative that is handed a floating array may write into it (as
 * {@code Arrays.sort} does), and the derivative would never know. That is an error when the
 * array's values reach the result.
 */
final class ArrayEscapes {
    private ArrayEscapes() {}

    static void check(Func f, Predicate<Var> useful) throws Unsupported {
        List<Opaque> opaques = new ArrayList<>();
        Walk.statements(f.body(), s -> {
            if (s instanceof Opaque o) {
                opaques.add(o);
            }
        });
        for (Opaque o : opaques) {
            for (Map.Entry<Var, Tree> w : o.writes().entrySet()) {
                Var v = w.getKey();
                if (useful.test(v)) {
                    throw new Unsupported(w.getValue(), "'" + w.getValue() + "' may write into the array '"
                            + v.baseName() + "', whose values reach the result, and Leibniz cannot see what it "
                            + "writes. " + advice(w.getValue()));
                }
            }
        }
    }

    private static String advice(Tree call) {
        if (call.toString().contains("sort(")) {
            return "Sort with an explicit loop instead (an insertion sort, say): its comparisons and swaps are "
                    + "differentiated like any other code";
        }
        return "Write it as a loop over the elements instead (System.arraycopy, Arrays.fill, Arrays.copyOf, "
                + "Arrays.copyOfRange and clone() of a whole double[] or float[] are differentiated)";
    }
}
