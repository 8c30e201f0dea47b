package dev.leibniz.processor.ir;

import java.util.function.Consumer;

/** Visits every statement of a block, nested blocks included, in program order. */
public final class Walk {
    private Walk() {}

    public static void statements(Block b, Consumer<Stmt> visit) {
        for (Stmt s : b.stmts()) {
            visit.accept(s);
            if (s instanceof If i) {
                statements(i.then(), visit);
                statements(i.otherwise(), visit);
            } else if (s instanceof Loop l) {
                statements(l.body(), visit);
            }
        }
    }
}
