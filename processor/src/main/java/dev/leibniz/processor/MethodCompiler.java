package dev.leibniz.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.leibniz.processor.analysis.Activity;
import dev.leibniz.processor.diag.Unsupported;
import dev.leibniz.processor.emit.CodeSize;
import dev.leibniz.processor.emit.CompanionEmitter;
import dev.leibniz.processor.ir.Call;
import dev.leibniz.processor.ir.Func;
import dev.leibniz.processor.ir.Walk;
import dev.leibniz.processor.parse.MethodParser;
import dev.leibniz.processor.rules.UserRules;
import dev.leibniz.processor.transform.ReverseTransform;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Runs the pipeline (validate, parse, analyse, transform) for every method of a round. A
 * method that calls one that cannot be differentiated fails too, with the error on its call
 * and a note that names the chain of calls down to the offending expression, as Swift does.
 */
final class MethodCompiler {
    private record Compiled(ExecutableElement method, Func func, ReverseTransform.Result pullback,
            CompilationUnitTree unit, Activity activity) {}

    private final ProcessingEnvironment env;
    private final Trees trees;
    private final UserRules rules;
    /** Null when the compiler cannot confirm javac's errors: then an unresolved name is reported as ours. */
    private final UnresolvedNameCheck unresolvedNames;
    /** Why a method cannot be differentiated: "h: 'expr' is not differentiable ...", through its callees. */
    private final Map<ExecutableElement, String> failed = new LinkedHashMap<>();
    /** Methods with an error javac reports in the user's code, and their callers: no error of ours. */
    private final Set<ExecutableElement> skipped = new java.util.HashSet<>();
    /** Methods that failed on a name javac cannot resolve: javac's error is the one to see, for callers too. */
    private final Set<ExecutableElement> silent = new java.util.HashSet<>();

    /** Each method compiled so far (null when it failed or was skipped), so a callee compiled for its caller is not compiled again. */
    private final Map<ExecutableElement, Compiled> compiled = new java.util.HashMap<>();
    /** Methods being compiled now: a procedure's callers ask for its outputs while it is parsed only if it recurses. */
    private final Set<ExecutableElement> inProgress = new java.util.HashSet<>();

    /** What javac is asked repeatedly (members of types, source paths), asked once for the whole round. */
    private final dev.leibniz.processor.parse.Lookups lookups;

    /** The tangent programs (forward mode), compiled after the methods themselves. */
    private final TangentCompiler tangents;

    MethodCompiler(ProcessingEnvironment env, Trees trees, UserRules rules, UnresolvedNameCheck unresolvedNames) {
        this.lookups = new dev.leibniz.processor.parse.Lookups(env.getElementUtils(), trees);
        this.tangents = new TangentCompiler(env, lookups, m -> {
            Compiled c = compiled(m);
            return c == null ? null : new TangentCompiler.Source(c.func(), c.activity());
        });
        this.env = env;
        this.unresolvedNames = unresolvedNames;
        this.trees = trees;
        this.rules = rules;
    }

    /** Compiles all methods, then drops those whose callees failed; returns the rest per class. */
    Map<TypeElement, List<CompanionEmitter.Method>> compile(Map<TypeElement, List<ExecutableElement>> byClass) {
        Map<TypeElement, List<Compiled>> done = new LinkedHashMap<>();
        for (var e : byClass.entrySet()) {
            List<Compiled> list = new ArrayList<>();
            for (ExecutableElement m : e.getValue()) {
                Compiled c = compiled(m);
                if (c != null) {
                    list.add(c);
                }
            }
            done.put(e.getKey(), list);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<Compiled> list : done.values()) {
                for (Compiled c : new ArrayList<>(list)) {
                    if (callsFailed(c)) {
                        list.remove(c);
                        changed = true;
                    }
                }
            }
        }
        // A cut sweep (ReverseTransform.Result#reverseOnly) only for methods whose accumulating pullback a caller
        // compiled here runs: elsewhere it would be code javac compiles for nothing.
        java.util.Set<ExecutableElement> called = new java.util.HashSet<>();
        java.util.Set<ExecutableElement> recorded = new java.util.HashSet<>();
        for (List<Compiled> list : done.values()) {
            for (Compiled c : list) {
                for (dev.leibniz.processor.ir.Placed p : dev.leibniz.processor.ir.Placed.of(c.func().body(), null)) {
                    if (p.stmt() instanceof dev.leibniz.processor.ir.Call k) {
                        // a call in a loop of a callee that splits is recorded and replayed (ArrayWrites.recorded)
                        boolean split = k.callee().record() != null && !p.loops().isEmpty();
                        if (split) {
                            recorded.add(k.callee().method());
                        } else if (k.callee().accumulating() != null) {
                            called.add(k.callee().method());
                        }
                    }
                }
            }
        }
        Map<ExecutableElement, String> why = new java.util.HashMap<>();
        java.util.Set<ExecutableElement> seconds = secondSweeps(done, why);
        DirectValues direct = new DirectValues(m -> {
            Compiled c = lookups.path(m) == null ? null : compiled(m);
            return c == null ? null : c.func();
        });
        Map<TypeElement, List<CompanionEmitter.Method>> out = new LinkedHashMap<>();
        done.forEach((owner, list) -> out.put(owner,
                list.stream().map(c -> {
                    TangentCompiler.Tangent t = tangents.of(c.method());
                    ReverseTransform.Result pullback = called.contains(c.method()) ? c.pullback()
                            : ReverseTransform.withoutReverseOnly(c.pullback());
                    // (a caller may name the record even where it calls outside loops: emitted then, unused)
                    pullback = recorded.contains(c.method()) || c.func().returnsArray() ? pullback
                            : ReverseTransform.withoutSplit(pullback);
                    ReverseTransform.Second second = pullback.second();
                    if (second != null && second.body() != null && !seconds.contains(c.method())) {
                        pullback = ReverseTransform.withSecond(pullback, second.refuse(why.get(c.method())));
                    }
                    if (t != null && !c.func().returnsArray() && !c.func().isProcedure() && !seconds.contains(c.method())) {
                        env.getMessager().printMessage(Diagnostic.Kind.NOTE, "Leibniz: " + c.method().getSimpleName()
                                + " has forward mode (mTangent) but no second order (mHessian, mHvp, mLaplacian): "
                                + why.get(c.method()), c.method());
                    }
                    String itself = direct.of(c.method(), c.func());
                    if (itself != null) { // mValue calls the method: no sweep runs without its gradient
                        pullback = ReverseTransform.withoutValueAlone(pullback);
                    }
                    return new CompanionEmitter.Method(c.func(), pullback, lookups.gradientName(c.method()),
                            t == null ? null : t.func(), t == null ? null : t.pullback(),
                            t == null ? null : t.vector(), t == null ? null : t.vectorPullback(), itself);
                }).toList()));
        return out;
    }

    /**
     * The methods whose gradient sweeps have tangents of their own (second sweeps, forward over reverse) that hold:
     * every method they call has its second sweep and its tangent program too, those compiled here as this finds,
     * those compiled before as their companions show. A method that loses its second sweep takes its callers' along.
     */
    private java.util.Set<ExecutableElement> secondSweeps(Map<TypeElement, List<Compiled>> done,
            Map<ExecutableElement, String> why) {
        Map<ExecutableElement, ReverseTransform.Second> here = new java.util.HashMap<>();
        done.values().forEach(list -> list.forEach(c -> here.put(c.method(), c.pullback().second())));
        java.util.Set<ExecutableElement> ok = new java.util.HashSet<>();
        here.forEach((m, s) -> {
            if (s != null && s.body() != null) {
                ok.add(m);
            } else if (s != null) {
                why.put(m, s.refused());
            }
        });
        for (boolean changed = true; changed; ) {
            changed = false;
            for (ExecutableElement m : List.copyOf(ok)) {
                for (dev.leibniz.processor.ir.Callee callee : here.get(m).needs()) {
                    ExecutableElement n = callee.method();
                    boolean has = here.containsKey(n) ? ok.contains(n) && tangents.of(n) != null : compiledElsewhere(callee);
                    if (!has) {
                        why.put(m, "it calls '" + callee.description() + "', which has no second order");
                        ok.remove(m);
                        changed = true;
                        break;
                    }
                }
            }
        }
        return ok;
    }

    /** Whether a callee compiled before this round has a second sweep and a tangent program in its companion. */
    private boolean compiledElsewhere(dev.leibniz.processor.ir.Callee callee) {
        String pullback = callee.pullback();
        int dot = pullback.lastIndexOf('.');
        TypeElement companion = env.getElementUtils().getTypeElement(pullback.substring(0, dot));
        if (companion == null) {
            return false;
        }
        String name = callee.method().getSimpleName().toString();
        java.util.Set<String> methods = new java.util.HashSet<>();
        javax.lang.model.util.ElementFilter.methodsIn(companion.getEnclosedElements())
                .forEach(e -> methods.add(e.getSimpleName().toString()));
        return methods.contains(name + "SecondSweep") && methods.contains(name + "Tangent");
    }

    /** Compiles m once, on first demand (a caller may need a procedure's outputs before its turn). */
    private Compiled compiled(ExecutableElement m) {
        if (compiled.containsKey(m)) {
            return compiled.get(m);
        }
        inProgress.add(m);
        Compiled c = compile((TypeElement) m.getEnclosingElement(), m);
        inProgress.remove(m);
        compiled.put(m, c);
        return c;
    }

    /** Per procedure, the outputs it writes in full (asked at every call of it). */
    private final Map<ExecutableElement, Map<Integer, Integer>> fills = new java.util.HashMap<>();

    /** What callers need to know of the methods they call, from those methods' own IR. */
    private final dev.leibniz.processor.parse.ProcedureOutputs facts = new dev.leibniz.processor.parse.ProcedureOutputs() {
        @Override
        public List<Integer> outputsOf(ExecutableElement procedure) {
            return MethodCompiler.this.outputsOf(procedure);
        }

        @Override
        public boolean mayReturnArgument(ExecutableElement method) {
            return MethodCompiler.this.mayReturnArgument(method);
        }

        @Override
        public List<Integer> outputsRead(ExecutableElement procedure) {
            return MethodCompiler.this.outputsRead(procedure);
        }

        @Override
        public List<Integer> replayReads(ExecutableElement method) {
            if (lookups.path(method) == null || inProgress.contains(method)) {
                return null; // compiled elsewhere, or recursive
            }
            Compiled c = compiled(method);
            if (c == null || c.pullback().split() == null || c.func().returnsArray()) {
                return null; // (a double[]-valued method's record is its Jacobian's alone: see JacobianEmitter)
            }
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < c.func().params().size(); i++) {
                if (c.pullback().split().reads().contains(c.func().params().get(i).var().name())) {
                    out.add(i);
                }
            }
            return out;
        }

        @Override
        public Map<Integer, Integer> fills(ExecutableElement procedure) {
            if (inProgress.contains(procedure)) {
                return Map.of();
            }
            return fills.computeIfAbsent(procedure, p -> {
                Compiled c = compiled(p);
                return c == null ? Map.of() : dev.leibniz.processor.analysis.Fills.of(c.func());
            });
        }

        @Override
        public List<Integer> accumulatingReads(ExecutableElement procedure) {
            List<Integer> read = MethodCompiler.this.outputsRead(procedure);
            Compiled c = read.isEmpty() ? null : compiled(procedure);
            if (c == null || c.pullback().reverseOnly() == null) {
                return read;
            }
            // The caller's reverse sweep runs the cut sweep: an output it never names is not read there.
            Set<String> named = dev.leibniz.processor.transform.ForwardPruning.mentioned(c.pullback().reverseOnly());
            List<Integer> out = new ArrayList<>();
            for (int i : read) {
                if (named.contains(c.func().params().get(i).var().name())) {
                    out.add(i);
                }
            }
            return out;
        }
    };

    /** The outputs a procedure reads anywhere (loads, calls, black-box code): conservative, from its IR. */
    private List<Integer> outputsRead(ExecutableElement procedure) {
        List<Integer> outputs = outputsOf(procedure);
        Compiled c = outputs == null ? null : compiled(procedure);
        if (c == null) {
            return outputs == null ? List.of() : outputs;
        }
        Set<dev.leibniz.processor.ir.Var> read = dev.leibniz.processor.analysis.ArraysRead.of(c.func(), true);
        List<Integer> positions = new ArrayList<>();
        for (int i : outputs) {
            if (read.contains(c.func().params().get(i).var())) {
                positions.add(i);
            }
        }
        return positions;
    }

    /** Whether a double[]-valued method of this round returns anything but arrays it made itself. */
    private boolean mayReturnArgument(ExecutableElement method) {
        if (lookups.path(method) == null || inProgress.contains(method)) {
            return true; // compiled elsewhere, or recursive: assume the worst
        }
        Compiled c = compiled(method);
        if (c == null) {
            return true;
        }
        boolean[] shared = {false};
        Walk.statements(c.func().body(), s -> {
            if (s instanceof dev.leibniz.processor.ir.Return r && r.value() instanceof dev.leibniz.processor.ir.Var v
                    && !madeHere(c.func(), v)) {
                shared[0] = true;
            }
        });
        return shared[0];
    }

    /** Whether an array variable holds an array the method made (new, a copy, or a choice copied). */
    private static boolean madeHere(Func f, dev.leibniz.processor.ir.Var v) {
        boolean[] made = {false};
        Walk.statements(f.body(), s -> made[0] |= s instanceof dev.leibniz.processor.ir.ArrayNew n && n.target() == v);
        return made[0];
    }

    /** The positions of the arrays a procedure of this round writes, from its own IR. */
    private List<Integer> outputsOf(ExecutableElement procedure) {
        if (inProgress.contains(procedure)) {
            return null;
        }
        Compiled c = compiled(procedure);
        if (c == null) {
            return List.of(); // it failed: the caller's call to it reports that
        }
        Set<dev.leibniz.processor.ir.Var> written = dev.leibniz.processor.ir.Outputs.of(c.func().body());
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < c.func().params().size(); i++) {
            if (written.contains(c.func().params().get(i).var())) {
                positions.add(i);
            }
        }
        return positions;
    }

    private Compiled compile(TypeElement owner, ExecutableElement m) {
        TreePath path = lookups.path(m);
        if (path == null) {
            return null; // compiled earlier: its companion exists already
        }
        CompilationUnitTree unit = path.getCompilationUnit();
        MethodTree tree = (MethodTree) path.getLeaf();
        if (UserErrors.inSignature(m)) {
            skipped.add(m);
            return null;
        }
        try {
            Set<String> wrt = Signatures.check(m, tree);
            AuxiliaryClasses.check(trees, m, tree);
            Func f = MethodParser.parse(env.getElementUtils(), lookups, trees, unit, m, tree, wrt, rules, facts);
            Activity activity = Activity.of(f);
            ReverseTransform.Result pullback = ReverseTransform.of(f, activity);
            int size = CodeSize.estimate(pullback.body());
            if (size > CodeSize.LIMIT) {
                throw new Unsupported(tree, "the generated pullback of " + m.getSimpleName() + " would be too large "
                        + "for the JVM (about " + size + " bytes of bytecode; a method may have " + CodeSize.LIMIT
                        + "): split " + m.getSimpleName() + " into several @Differentiable methods that call each other");
            }
            return new Compiled(m, f, pullback, unit, activity);
        } catch (Unsupported u) {
            if (u.isUnresolved() && unresolvedNames != null) {
                unresolvedNames.expect(m, unit, u.tree());
                silent.add(m); // javac reports the name after processing, unless an error of ours stops it first
                failed.put(m, m.getSimpleName() + ": " + u.getMessage());
                return null;
            }
            Tree at = u.tree() != null ? u.tree() : tree;
            if (u.isReportedByJavac()
                    || u.unresolvedName() != null && UserErrors.unknownName(trees, unit, at, u.unresolvedName())) {
                skipped.add(m);
                return null;
            }
            trees.printMessage(Diagnostic.Kind.ERROR, u.getMessage(), at, unit);
            failed.put(m, m.getSimpleName() + ": " + u.getMessage());
        } catch (RuntimeException | StackOverflowError bug) {
            StringWriter trace = new StringWriter();
            bug.printStackTrace(new PrintWriter(trace));
            env.getMessager().printMessage(Diagnostic.Kind.ERROR, "Leibniz failed internally on "
                    + owner.getQualifiedName() + "." + m.getSimpleName() + ": " + bug
                    + ". Please report this with the method's source. Details: " + trace, m);
            failed.put(m, m.getSimpleName() + ": Leibniz failed internally on it");
        }
        return null;
    }

    /** Reports, on each call to a method that failed, why: the chain of callees down to the cause. */
    private boolean callsFailed(Compiled c) {
        boolean[] callsSkipped = {false};
        Walk.statements(c.func().body(),
                s -> callsSkipped[0] |= s instanceof Call k && skipped.contains(k.callee().method()));
        if (callsSkipped[0]) {
            skipped.add(c.method()); // its callee has the user's error, which javac reports
            return true;
        }
        List<Call> calls = new ArrayList<>();
        Walk.statements(c.func().body(), s -> {
            if (s instanceof Call k && failed.containsKey(k.callee().method())) {
                calls.add(k);
            }
        });
        if (calls.isEmpty()) {
            return false;
        }
        if (calls.stream().anyMatch(k -> silent.contains(k.callee().method()))) {
            silent.add(c.method());
            failed.put(c.method(), c.method().getSimpleName() + ": calls a method javac will report");
            return true;
        }
        for (Call k : calls) {
            String why = failed.get(k.callee().method());
            trees.printMessage(Diagnostic.Kind.ERROR, "cannot differentiate through '" + k.callee().description()
                    + "': it is not differentiable (see the note)", k.tree(), c.unit());
            trees.printMessage(Diagnostic.Kind.NOTE, "in " + why, k.tree(), c.unit());
        }
        Call first = calls.get(0);
        failed.put(c.method(), c.method().getSimpleName() + " calls " + failed.get(first.callee().method()));
        return true;
    }
}
