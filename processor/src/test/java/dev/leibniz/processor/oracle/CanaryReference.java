package dev.leibniz.processor.oracle;

import dev.leibniz.processor.oracle.Ast.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For {@link HarnessCanaryTest} only: the fake companions call this at run time to get the
 * reference value and gradient, so that a fake is exactly right except for its planted bug.
 * Public because the generated code lives in another package.
 */
public final class CanaryReference {

    private static final Map<String, Method> METHODS = new ConcurrentHashMap<>();

    private CanaryReference() {}

    static void register(String ownerBinaryName, Method m) {
        METHODS.put(ownerBinaryName + "#" + m.name(), m);
    }

    /**
     * {value, d/d(first double parameter), ...}; {@code args} holds every parameter as a double
     * (booleans as 0/1).
     */
    public static double[] eval(String ownerBinaryName, String method, double[] args) {
        Method m = METHODS.get(ownerBinaryName + "#" + method);
        if (m == null) {
            throw new IllegalStateException("not registered: " + ownerBinaryName + "#" + method);
        }
        DsInterpreter.Result r = new DsInterpreter(m).eval(args);
        double[] out = new double[1 + r.gradient().length];
        out[0] = r.value();
        System.arraycopy(r.gradient(), 0, out, 1, r.gradient().length);
        return out;
    }
}
