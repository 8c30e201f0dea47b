package dev.leibniz.processor;

import dev.leibniz.processor.ir.ArrayNew;
import dev.leibniz.processor.ir.Call;
import dev.leibniz.processor.ir.Func;
import dev.leibniz.processor.ir.Param;
import dev.leibniz.processor.ir.Walk;
import dev.leibniz.processor.parse.Lookups;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;

/**
 * Decides which value methods ({@code mValue}) call the user's method itself rather than the
 * sweep with its gradient switched off. The sweep's value path exists to lend the result's
 * buffers to the arrays a method makes; a method that makes none computes exactly what its own
 * code computes, and its own code is small enough for the JIT to inline into the callers'
 * sweeps, where the sweep is not (GMM d2 K5's gradient: 16 % faster in JMH).
 */
final class DirectValues {
    /** A method's IR when it was compiled in this round; null otherwise. */
    private final Function<ExecutableElement, Func> funcs;
    private final Map<ExecutableElement, Boolean> allocationFree = new HashMap<>();

    DirectValues(Function<ExecutableElement, Func> funcs) {
        this.funcs = funcs;
    }

    /**
     * The user's method as the companion names it ({@code p.C.m}) when {@code mValue} may call it:
     * static, not generic, without checked exceptions, returning {@code double} or nothing,
     * reachable from the companion, and making no array, its callees included. Null otherwise.
     */
    String of(ExecutableElement m, Func f) {
        boolean returnsDoubleOrNothing = m.getReturnType().getKind() == TypeKind.DOUBLE
                || m.getReturnType().getKind() == TypeKind.VOID;
        if (!m.getModifiers().contains(Modifier.STATIC) || !m.getTypeParameters().isEmpty()
                || !m.getThrownTypes().isEmpty() || !returnsDoubleOrNothing || f.returnsArray()
                || !Lookups.accessible(m) || !allocationFree(m)) {
            return null;
        }
        String owner = ((TypeElement) m.getEnclosingElement()).getQualifiedName().toString();
        String root = owner.contains(".") ? owner.substring(0, owner.indexOf('.')) : owner;
        for (Param p : f.params()) {
            if (p.var().name().equals(root)) {
                return null; // the parameter would hide the package (or class) the qualified name starts with
            }
        }
        return owner + "." + m.getSimpleName();
    }

    /** Whether m's code makes no array, nor does any method it calls whose value path would lend buffers. */
    private boolean allocationFree(ExecutableElement m) {
        Boolean known = allocationFree.get(m);
        if (known != null) {
            return known;
        }
        allocationFree.put(m, false); // recursion: assume it allocates
        Func f = funcs.apply(m);
        boolean[] free = {f != null};
        if (f != null) {
            Walk.statements(f.body(), s -> {
                if (s instanceof ArrayNew) {
                    free[0] = false;
                } else if (s instanceof Call k && k.callee().value() != null) {
                    // the sweep would call the callee's value method with buffers; the user's code calls the callee
                    free[0] &= allocationFree(k.callee().method());
                }
            });
        }
        allocationFree.put(m, free[0]);
        return free[0];
    }
}
