package dev.leibniz.processor.transform;

import dev.leibniz.processor.ir.Func;
import dev.leibniz.processor.ir.Param;
import dev.leibniz.processor.ir.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The first statements of a sweep. When an argument is one of the arrays its result object hands
 * out (a gradient, a vector-valued method's value), or a row of one, the object lets go of all
 * its buffers first; otherwise the sweep would zero or fill, as a buffer, an array it reads as an
 * argument: {@code f(into.x(), into)}, or a layer applied to its own last value, would give a
 * silently wrong result. A procedure also refuses an array it writes that is another argument.
 */
public final class SharedArrays {
    private SharedArrays() {}

    /**
     * The name of the companion's private test for an array a result of f's sweep handed out:
     * one name per sweep, not one overloaded name, as javac weighs every overload of a name at
     * every call (600 overloads in a 200-method class cost it 0.7 s).
     */
    public static String test(Func f) {
        return f.name() + "HandedOut";
    }

    /**
     * The fields of f's result type holding arrays the user can reach: the value of a
     * vector-valued method, and the gradients of differentiated array parameters.
     */
    public static List<String> held(Func f) {
        List<String> held = new ArrayList<>();
        if (f.returnsArray()) {
            held.add("value");
        }
        for (Param p : f.params()) {
            if (p.differentiated() && p.var().type().isFloatingArray()) {
                held.add(p.name());
            }
        }
        return held;
    }

    /** Whether f's sweep tests its arguments through a method of its own: when its result hands out several arrays. */
    public static boolean needsTest(Func f) {
        return held(f).size() > 1;
    }

    /**
     * The guard, or null when the result hands out no array or the sweep takes none.
     *
     * @param seed the sweep's seed parameter (an array for a vector-valued method); null for a sweep only run
     * @param outputSeeds a procedure's seeds; the tests cover these, the seed and the array arguments
     *     (callers' adjoints come only from generated callers, which never pass what a call site's result
     *     handed out)
     * @param dropped the fields to set to null (held arrays, workspace, call sites)
     */
    static Code guard(Func f, String into, String seed, List<String> outputSeeds, List<String> dropped) {
        List<String> args = new ArrayList<>();
        if (f.returnsArray() && seed != null) {
            args.add(seed);
        }
        for (Param p : f.params()) {
            if (p.var().type().isFloatingArray()) {
                args.add(p.var().name());
            }
        }
        args.addAll(outputSeeds);
        if (held(f).isEmpty() || args.isEmpty()) {
            return null;
        }
        List<String> tests = new ArrayList<>();
        List<String> held = held(f);
        for (String a : args) {
            // one array handed out: tested in place; more: through the sweep's own test (see needsTest)
            tests.add(needsTest(f) ? test(f) + "(" + into + ", " + a + ")"
                    : "dev.leibniz.Workspace.shares(" + into + "." + held.get(0) + ", " + a + ")");
        }
        List<Code> drop = new ArrayList<>();
        for (String field : dropped) {
            drop.add(new Code.Line(into + "." + field + " = null", null));
        }
        return new Code.Branch(String.join(" || ", tests), drop, List.of(),
                "an argument is an array this result handed out: drop them all rather than overwrite it");
    }

    /** An array parameter by the name the sweep knows it by, and its type. */
    private record Named(String name, Type type) {}

    /**
     * For a procedure, the check that no array it writes is also passed as another of its array
     * parameters or seeds (or holds it as a row): its sweep reads the others as they were on
     * entry, which such a call changes under it. A {@code @Differentiable} caller is refused this
     * at compile time (see {@code ArrayArguments}); this is the same rule for a call from plain Java.
     *
     * @param outputSeeds the procedure's seeds, one per array it writes
     */
    static List<Code> distinctOutputs(Func f, List<String> outputSeeds) {
        java.util.Set<dev.leibniz.processor.ir.Var> outputs = dev.leibniz.processor.ir.Outputs.of(f.body());
        List<Named> arrays = new ArrayList<>();
        List<Named> written = new ArrayList<>();
        for (Param p : f.params()) {
            if (p.var().type().isFloatingArray()) {
                arrays.add(new Named(p.var().name(), p.var().type()));
                if (outputs.contains(p.var())) {
                    written.add(arrays.get(arrays.size() - 1));
                }
            }
        }
        for (String seed : outputSeeds) {
            arrays.add(new Named(seed, Type.DOUBLE_ARRAY));
        }
        String method = f.tangentOf() != null ? f.tangentOf().name() : f.name();
        List<Code> out = new ArrayList<>();
        for (Named w : written) {
            for (Named a : arrays) {
                if (a != w && comparable(w.type(), a.type())) {
                    String how = w.type() == a.type() ? "the same array is also passed as '" + a.name() + "'"
                            : w.type() == Type.DOUBLE_MATRIX ? "one of its rows is also passed as '" + a.name() + "'"
                            : "it is also a row of '" + a.name() + "'";
                    String message = "\"" + method + " writes into its parameter '" + w.name() + "', and " + how
                            + "; pass a copy for one of them\"";
                    out.add(new Code.Branch("dev.leibniz.Workspace.shares(" + w.name() + ", " + a.name() + ")",
                            List.of(new Code.Line("throw new IllegalArgumentException(" + message + ")", null)),
                            List.of(), null));
                }
            }
        }
        return out;
    }

    /** Whether arrays of these types can be (or hold) the same array: float[] only with float[]. */
    private static boolean comparable(Type a, Type b) {
        return a == Type.FLOAT_ARRAY ? b == Type.FLOAT_ARRAY : b != Type.FLOAT_ARRAY;
    }
}
