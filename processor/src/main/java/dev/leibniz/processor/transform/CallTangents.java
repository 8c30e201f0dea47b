package dev.leibniz.processor.transform;

import dev.leibniz.processor.ir.Call;
import dev.leibniz.processor.ir.Callee;
import dev.leibniz.processor.ir.Operand;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The tangents of a call, for the second sweep ({@link AdjointTangent}): a call in the forward sweep
 * is followed by the callee's tangent program ({@code gTangent}), and a pullback in the reverse
 * sweep becomes the callee's own second sweep ({@code gSecondSweep}), which does the pullback's
 * work and writes the tangents of the gradients beside.
 */
final class CallTangents {
    private CallTangents() {}

    /** The callee's companion method named {@code g + suffix}. */
    static String method(Callee c, String suffix) {
        String pullback = c.pullback();
        return pullback.substring(0, pullback.length() - "Pullback".length()) + suffix;
    }

    /** {@code gTangent(receiver, args, dArgs)}: the directional derivative of the call's value. */
    static String tangent(Call k, String receiver, List<String> args, Function<String, String> tangentOf) {
        List<String> all = new ArrayList<>(args);
        all.addAll(argTangents(k, args, tangentOf));
        return method(k.callee(), "Tangent") + "(" + receiver + String.join(", ", all) + ")";
    }

    /**
     * {@code gSecondSweep(receiver, args, dArgs, seeds, dSeeds, site, dSite, given, dGiven)}: the pullback's work
     * and its tangents.
     *
     * @param given the caller's adjoints the callee adds into (an accumulating pullback's, a replay's), "null" for
     *     none; empty for a pullback of its own gradients, which then passes nulls
     * @param adjoints how many adjoints the callee's sweep takes
     */
    static String second(Call k, String receiver, List<String> args, List<String> seeds, String site, List<String> given,
            int adjoints, Function<String, String> tangentOf) {
        List<String> all = new ArrayList<>(args);
        all.addAll(argTangents(k, args, tangentOf));
        all.addAll(seeds);
        for (String seed : seeds) {
            String d = tangentOf.apply(seed);
            all.add(d != null ? d : seed.startsWith("-") || Character.isDigit(seed.charAt(0)) ? "0.0" : zeroLike(seed));
        }
        all.add(site);
        all.add(tangentOf.apply(site));
        for (int i = 0; i < adjoints; i++) {
            String a = i < given.size() ? given.get(i) : "null";
            String d = a.equals("null") ? null : tangentOf.apply(a);
            all.add(a);
            all.add(d == null ? "null" : d);
        }
        return method(k.callee(), "SecondSweep") + "(" + receiver + String.join(", ", all) + ")";
    }

    /** The tangents of the differentiated arguments, in order; zero where an argument does not vary. */
    private static List<String> argTangents(Call k, List<String> args, Function<String, String> tangentOf) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (!k.callee().differentiated().get(i)) {
                continue;
            }
            String d = tangentOf.apply(args.get(i));
            out.add(d != null ? d : zero(k.args().get(i), args.get(i)));
        }
        return out;
    }

    private static String zero(Operand a, String text) {
        return switch (a.type()) {
            case DOUBLE_ARRAY -> "new double[" + text + ".length]";
            case FLOAT_ARRAY -> "new float[" + text + ".length]";
            case DOUBLE_MATRIX -> "dev.leibniz.Workspace.zeroed(null, " + text + ")";
            case FLOAT -> "0.0f";
            default -> "0.0";
        };
    }

    /** A seed that is an adjoint array which does not vary (it cannot: adjoints vary): a zero array like it. */
    private static String zeroLike(String seed) {
        return "new double[" + seed + ".length]";
    }
}
