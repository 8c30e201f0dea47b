package dev.leibniz.processor.ir;

import java.util.LinkedHashSet;
import java.util.Set;

/** The array parameters a procedure writes: its outputs, each with a seed in the pullback. */
public final class Outputs {
    private Outputs() {}

    public static Set<Var> of(Block body) {
        Set<Var> written = new LinkedHashSet<>();
        Walk.statements(body, s -> {
            if (s instanceof Store st && st.array().kind() == Var.Kind.PARAM) {
                written.add(st.array());
            }
        });
        return written;
    }
}
