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
 * transform, then the same analysis and reverse transform as any method, whose reverse sweep is
 * then a Hessian-vector product (second order's fallback where the gradient sweep has no tangent
 * of its own, see {@code transform/AdjointTangent}). A method whose tangent cannot be built keeps its gradient; it
 * only has no forward-mode and second-order methods, and a note says why.
 */
final class TangentCompiler {
    /** A compiled method's IR and activity, which its tangent program starts from. */
    record Source(Func func, Activity activity) {}

    /**
     * A tangent program and its own pullback.
     *
     * @param secondOrder whether the pullback differentiates it again (H·v); false when the tangent goes
     *     through a black box, such as a {@code @DerivativeOf} rule's partials
     */
    record Tangent(Func func, ReverseTransform.Result pullback, boolean secondOrder, Func vector,
            ReverseTransform.Result vectorPullback) {}

    private final ProcessingEnvironment env;
    private final dev.leibniz.processor.parse.Lookups lookups;
    private final Function<ExecutableElement, Source> sources;
    private final Map<ExecutableElement, Tangent> done = new HashMap<>();
    private final Map<ExecutableElement, String> failed = new HashMap<>();
    private final Set<ExecutableElement> inProgress = new HashSet<>();
    /** The method whose tangent program is being built (its calls of itself call that program). */
    private ExecutableElement building;

    TangentCompiler(ProcessingEnvironment env, dev.leibniz.processor.parse.Lookups lookups,
            Function<ExecutableElement, Source> sources) {
        this.env = env;
        this.lookups = lookups;
        this.sources = sources;
    }

    /** The tangent program of m, or null when it has none. */
    Tangent of(ExecutableElement m) {
        if (done.containsKey(m) || failed.containsKey(m)) {
            return done.get(m);
        }
        if (!inProgress.add(m)) {
            return null; // mutual recursion: the caller's tangent fails on its call
        }
        ExecutableElement outer = building;
        building = m;
        Source source = sources.apply(m);
        Tangent t = null;
        String firstOrderOnly = null;
        if (source != null) {
            try {
                t = build(source, true);
            } catch (Unsupported secondOrderFailed) {
                firstOrderOnly = secondOrderFailed.getMessage();
                try {
                    t = build(source, false); // forward mode alone, without second order
                } catch (Unsupported u) {
                    t = null;
                    failed.put(m, u.getMessage());
                    env.getMessager().printMessage(Diagnostic.Kind.NOTE, "Leibniz: no forward mode (mTangent) or second "
                            + "order (mHessian, mHvp, mLaplacian, mJacobian) for " + m.getSimpleName() + ": "
                            + u.getMessage(), m);
                }
            }
        }
        inProgress.remove(m);
        building = outer;
        if (t != null && !t.secondOrder()) {
            env.getMessager().printMessage(Diagnostic.Kind.NOTE, "Leibniz: " + m.getSimpleName() + " has forward mode "
                    + "(mTangent, mJacobian) but no second order (mHessian, mHvp, mLaplacian): " + firstOrderOnly
                    + " (a @DerivativeOf rule gives first derivatives only)", m);
        }
        if (t != null) {
            done.put(m, t);
        } else {
            failed.putIfAbsent(m, "it has no tangent");
        }
        return t;
    }

    private Tangent build(Source source, boolean secondOrder) throws Unsupported {
        Func tf = ForwardTransform.of(source.func(), source.activity(), c -> callee(c, secondOrder), secondOrder);
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
        return new Tangent(tf, pullback, secondOrder, vector, vectorPullback);
    }

    /** A callee's tangent program, as a callee of the caller's tangent program; null when it has none. */
    private Callee callee(Callee c, boolean secondOrder) {
        if (c.rule() != null || c.pullback() == null) {
            return null;
        }
        ExecutableElement m = c.method();
        String name = m.getSimpleName().toString();
        String companion = c.pullback().substring(0, c.pullback().length() - (name + "Pullback").length() - 1);
        String gradient = CompanionNames.tangentGradient(c.gradientType());
        boolean calleeSecondOrder;
        if (m.equals(building)) {
            calleeSecondOrder = secondOrder; // a method calling itself: its tangent program is the one being built
        } else if (lookups.path(m) != null) {
            Tangent t = of(m);
            if (t == null) {
                return null;
            }
            calleeSecondOrder = t.secondOrder();
        } else {
            javax.lang.model.element.TypeElement type = env.getElementUtils().getTypeElement(gradient);
            if (type == null) {
                return null; // compiled before forward mode existed
            }
            // a second-order tangent's result has an accessor per differentiated parameter
            calleeSecondOrder = javax.lang.model.util.ElementFilter.methodsIn(type.getEnclosedElements()).stream()
                    .anyMatch(e -> e.getParameters().isEmpty() && !e.getSimpleName().contentEquals("value"));
        }
        if (secondOrder && !calleeSecondOrder) {
            return null; // the caller's second order needs the callee's
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
        if (!secondOrder) {
            java.util.Collections.fill(differentiated, false); // the callee's tangent is only run
        }
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
