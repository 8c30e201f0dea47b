package dev.leibniz.processor.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * A statement with its place in program order and the loops around it: what the analyses of
 * "written after" and "in a loop around both" read.
 *
 * @param order its index in program order (nested statements follow the statement holding them)
 * @param loops the loops around it, outermost first
 */
public record Placed(Stmt stmt, int order, List<Loop> loops) {

    /** Every statement of a block, nested ones too, in program order; none from inside {@code opaque}. */
    public static List<Placed> of(Block root, Stmt opaque) {
        List<Placed> out = new ArrayList<>();
        place(root, List.of(), opaque, out);
        return out;
    }

    private static void place(Block b, List<Loop> loops, Stmt opaque, List<Placed> out) {
        for (Stmt s : b.stmts()) {
            out.add(new Placed(s, out.size(), loops));
            if (s == opaque) {
                continue;
            }
            if (s instanceof If i) {
                place(i.then(), loops, opaque, out);
                place(i.otherwise(), loops, opaque, out);
            } else if (s instanceof Loop l) {
                List<Loop> inner = new ArrayList<>(loops);
                inner.add(l);
                place(l.body(), List.copyOf(inner), opaque, out);
            }
        }
    }
}
