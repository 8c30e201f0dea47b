package dev.leibniz.processor.ir;

import java.util.LinkedHashSet;
import java.util.Set;

/** The array parameters a procedure writes, itself or through procedures it calls: its outputs, each with a seed. */
public final class Outputs {
    private Outputs() {}

    public static Set<Var> of(Block body) {
        Set<Var> written = new LinkedHashSet<>();
        Walk.statements(body, s -> {
            if (s instanceof Store st && st.array().kind() == Var.Kind.PARAM) {
                written.add(st.array());
            } else if (s instanceof Call k) {
                k.outputs().stream().filter(v -> v.kind() == Var.Kind.PARAM).forEach(written::add);
            }
        });
        return written;
    }
}
