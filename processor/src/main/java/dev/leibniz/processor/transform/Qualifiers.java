package dev.leibniz.processor.transform;

import dev.leibniz.processor.ir.Call;
import dev.leibniz.processor.ir.Compute;
import dev.leibniz.processor.ir.Const;
import dev.leibniz.processor.ir.Func;
import dev.leibniz.processor.ir.If;
import dev.leibniz.processor.ir.Loop;
import dev.leibniz.processor.ir.Opaque;
import dev.leibniz.processor.ir.Operand;
import dev.leibniz.processor.ir.Walk;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the leading identifiers of qualified names in Java source text. */
final class Qualifiers {
    private static final Pattern QUALIFIER = Pattern.compile("(?<![\\w$.])([A-Za-z_$][\\w$]*)\\s*\\.(?=\\s*[A-Za-z_$])");

    private Qualifiers() {}

    /**
     * The leading identifiers of every qualified name the generated code of f writes: copied
     * code, conditions, constants, calls and their derivatives, java.lang where it is qualified,
     * and {@code dev} of {@code dev.leibniz.Workspace}.
     */
    static Set<String> roots(Func f) {
        Set<String> roots = new HashSet<>(Set.of("dev"));
        Walk.statements(f.body(), s -> {
            if (s instanceof Opaque o) {
                o.code().text().forEach(t -> add(t, roots));
            } else if (s instanceof If i) {
                i.condition().text().forEach(t -> add(t, roots));
            } else if (s instanceof Loop l && l.condition() != null) {
                l.condition().text().forEach(t -> add(t, roots));
            } else if (s instanceof Compute c) {
                add(c.mathClass() + ".", roots);
                for (Operand a : c.args()) {
                    if (a instanceof Const k) {
                        add(k.text(), roots);
                    }
                }
            } else if (s instanceof Call k) {
                for (String name : new String[] {k.callee().primal(), k.callee().pullback(), k.callee().rule(),
                        k.callee().gradientType()}) {
                    if (name != null) {
                        add(name, roots);
                    }
                }
            }
        });
        return roots;
    }

    private static void add(String code, Set<String> roots) {
        Matcher m = QUALIFIER.matcher(code);
        while (m.find()) {
            roots.add(m.group(1));
        }
    }
}
