package dev.leibniz.processor;

import dev.leibniz.processor.analysis.Activity;
import dev.leibniz.processor.diag.Unsupported;
import dev.leibniz.processor.emit.CodeSize;
import dev.leibniz.processor.ir.Callee;
import dev.leibniz.processor.ir.Func;
import dev.leibniz.processor.transform.ForwardTransform;
import dev.leibniz.processor.transform.ReverseTransform;
import dev.leibniz.processor.transform.VectorTangent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.tools.Diagnostic;

/**
 * Compiles each method's tangent program (forward mode), on demand and once: the forward
 * transform, then the same analysis and reverse transform as any method, whose forward sweep is
 * then the tangent program's value (second order is the tangent of the gradient sweep instead,
 * {@code transform/AdjointTangent}). A method whose tangent cannot be built keeps its gradient; it
 * only has no forward-mode and second-order methods, and a note says why.
 */
final class TangentCompiler {
    /** A compiled method's IR and activity, which its tangent program starts from. */
    record Source(Func func, Activity activity) {}

    /**
     * A tangent program, as a sweep (its value method runs the forward sweep alone), and the same along many
     * directions at once where that can be built (the Jacobian's columns).
     */
    record Tangent(Func func, ReverseTransform.Result pullback, Func vector, ReverseTransform.Result vectorPullback) {}

    private final ProcessingEnvironment env;
    private final dev.leibniz.processor.parse.Lookups lookups;
    private final Function<ExecutableElement, Source> sources;
    private final Map<ExecutableElement, Tangent> done = new HashMap<>();
    private final Map<ExecutableElement, String> failed = new HashMap<>();
    private final Set<ExecutableElement> inProgress = new HashSet<>();
    /** The methods being built that a call back to them (recursion) assumed to have a tangent program. */
    private final Set<ExecutableElement> assumed = new HashSet<>();
    /** The methods finished since the outermost build began, in order. */
    private final List<ExecutableElement> finished = new ArrayList<>();
    /** The notes for javac, per method, printed when the outermost build ends. */
    private final Map<ExecutableElement, String> notes = new java.util.LinkedHashMap<>();

    TangentCompiler(ProcessingEnvironment env, dev.leibniz.processor.parse.Lookups lookups,
            Function<ExecutableElement, Source> sources) {
        this.env = env;
        this.lookups = lookups;
        this.sources = sources;
    }

    /** The tangent program of m, or null when it has none. */
    Tangent of(ExecutableElement m) {
        if (done.containsKey(m) || failed.containsKey(m) || inProgress.contains(m)) {
            return done.get(m);
        }
        inProgress.add(m);
        Source source = sources.apply(m);
        Tangent t = null;
        int mark = finished.size();
        if (source != null) {
            try {
                t = build(source);
            } catch (Unsupported u) {
                forget(m, mark);
                failed.put(m, u.getMessage());
                notes.put(m, "Leibniz: no forward mode (mTangent) or second order (mHessian, mHvp, mLaplacian, "
                        + "mJacobian) for " + m.getSimpleName() + ": " + u.getMessage());
            }
            assumed.remove(m);
        }
        inProgress.remove(m);
        if (t != null) {
            done.put(m, t);
        } else {
            failed.putIfAbsent(m, "it has no tangent");
        }
        finished.add(m);
        if (inProgress.isEmpty()) { // (notes wait for the outermost: a cycle may build a method twice)
            notes.forEach((n, note) -> env.getMessager().printMessage(Diagnostic.Kind.NOTE, note, n));
            notes.clear();
            finished.clear();
        }
        return t;
    }

    /**
     * Forgets the methods finished since {@code mark}, if a call back to m (recursion) assumed m's tangent program,
     * which m then failed to get: they call it. They are built again on demand, and fail on their call of m.
     */
    private void forget(ExecutableElement m, int mark) {
        if (!assumed.remove(m)) {
            return;
        }
        List<ExecutableElement> since = finished.subList(mark, finished.size());
        for (ExecutableElement x : since) {
            done.remove(x);
            failed.remove(x);
            notes.remove(x);
        }
        since.clear();
    }

    private Tangent build(Source source) throws Unsupported {
        Func tf = ForwardTransform.of(source.func(), source.activity(), this::callee);
        ReverseTransform.Result pullback = ReverseTransform.of(tf, Activity.of(tf));
        if (CodeSize.estimate(pullback.body()) > CodeSize.LIMIT) {
            throw new Unsupported(null, "its tangent's adjoint would be too large for the JVM");
        }
        Func vector = VectorTangent.of(tf, source.func().params().size(), new VectorTangent.Types(
                env.getTypeUtils().getPrimitiveType(javax.lang.model.type.TypeKind.INT),
                env.getTypeUtils().getArrayType(env.getTypeUtils().getPrimitiveType(javax.lang.model.type.TypeKind.DOUBLE))));
        ReverseTransform.Result vectorPullback = null;
        if (vector != null) {
            try {
                vectorPullback = ReverseTransform.of(vector, Activity.of(vector));
            } catch (Unsupported u) {
                vector = null; // the Jacobian's columns then run the one-direction tangent program each
            }
        }
        return new Tangent(tf, pullback, vector, vectorPullback);
    }

    /** A callee's tangent program, as a callee of the caller's tangent program; null when it has none. */
    private Callee callee(Callee c) {
        if (c.rule() != null || c.pullback() == null) {
            return null;
        }
        ExecutableElement m = c.method();
        String name = m.getSimpleName().toString();
        String companion = c.pullback().substring(0, c.pullback().length() - (name + "Pullback").length() - 1);
        String gradient = CompanionNames.tangentGradient(c.gradientType());
        if (inProgress.contains(m)) {
            assumed.add(m); // recursion: its tangent program is the one being built
        } else if (lookups.path(m) != null ? of(m) == null : env.getElementUtils().getTypeElement(gradient) == null) {
            return null; // (a library compiled before forward mode existed has no tangent result type)
        }
        List<Boolean> differentiated = new ArrayList<>(c.differentiated());
        List<String> names = new ArrayList<>(c.paramNames());
        Map<Integer, Integer> tangentOf = new HashMap<>();
        List<String> tangentNames = ForwardTransform.tangentParameterNames(c.paramNames(), c.differentiated());
        for (int i = 0; i < c.differentiated().size(); i++) {
            if (c.differentiated().get(i)) {
                tangentOf.put(i, differentiated.size());
                names.add(tangentNames.get(differentiated.size() - c.differentiated().size()));
                differentiated.add(true);
            }
        }
        java.util.Collections.fill(differentiated, false); // the callee's tangent program is only run
        List<Integer> outputs = new ArrayList<>(c.outputs());
        for (int i : c.outputs()) {
            if (!tangentOf.containsKey(i)) {
                return null; // an output not differentiated has no tangent array to write into
            }
            outputs.add(tangentOf.get(i));
        }
        List<Integer> outputsRead = new ArrayList<>(c.outputsRead());
        for (int i : c.outputsRead()) {
            outputsRead.add(tangentOf.get(i));
        }
        String tangent = ForwardTransform.nameOf(name);
        return new Callee(companion + "." + tangent, differentiated, names, companion + "." + tangent + "Pullback",
                gradient, null, null, c.description(), m, outputs, outputsRead, companion + "." + tangent + "Value",
                null);
    }
}
