package dev.leibniz.processor.transform;

import dev.leibniz.processor.CompanionNames;
import dev.leibniz.processor.analysis.Activity;
import dev.leibniz.processor.ir.ArrayNew;
import dev.leibniz.processor.ir.Block;
import dev.leibniz.processor.ir.Break;
import dev.leibniz.processor.ir.Call;
import dev.leibniz.processor.ir.Compute;
import dev.leibniz.processor.ir.Func;
import dev.leibniz.processor.ir.If;
import dev.leibniz.processor.ir.Load;
import dev.leibniz.processor.ir.Loop;
import dev.leibniz.processor.ir.Opaque;
import dev.leibniz.processor.ir.Operand;
import dev.leibniz.processor.ir.Param;
import dev.leibniz.processor.ir.Pos;
import dev.leibniz.processor.ir.Return;
import dev.leibniz.processor.ir.RowView;
import dev.leibniz.processor.ir.Stmt;
import dev.leibniz.processor.ir.Store;
import dev.leibniz.processor.ir.Type;
import dev.leibniz.processor.ir.Var;
import dev.leibniz.processor.ir.Walk;
import dev.leibniz.processor.rules.Partials;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverse mode (adjoint) code: a forward sweep that computes and keeps every intermediate under a
 * name, then a reverse sweep that walks the steps backwards and accumulates each value's adjoint
 * {@code v_bar = ∂result/∂v} from the partials in the derivative table, as in the textbook
 * derivation (MML §5.6). Branches are replayed from the decision the forward sweep recorded, and
 * loops backwards from their trip counts; inside loops the values a step's derivative reads are
 * saved on the tape just before the step, when the loop overwrites them.
 */
public final class ReverseTransform {
    /**
     * The body of the pullback.
     *
     * @param seed the name of the parameter holding the adjoint of the result
     * @param into the name of the parameter receiving value and gradient
     * @param workspace whether the result type must hold a {@code dev.leibniz.Workspace}
     */
    /**
     * @param gradient the name of the sweep's flag: false for the value alone
     * @param adjoints the sweep's last parameters, one per differentiated array parameter: the caller's adjoint
     *     of the argument, into which the reverse sweep adds (in place, touching only the elements it reaches)
     *     instead of into an array of its own; null in every call but the accumulating pullback's
     * @param reverseOnly the body of the sweep that the accumulating pullback runs (the forward sweep cut to what
     *     the reverse sweep reads, see {@link ForwardPruning}), or null when it is the full sweep
     * @param split the record and replay for callers that call the method in loops, or null
     * @param guard what the sweep (not the record, replay or cut sweep, which only generated callers run) starts
     *     with: see {@link SharedArrays}; empty when no argument can be an array the result object holds
     */
    public record Result(String seed, String into, List<Code> body, boolean workspace, List<Site> sites,
            List<String> outputSeeds, String gradient, String wanted, List<Adjoint> adjoints, List<Code> reverseOnly,
            SplitSweeps split, List<Code> guard, Second second) {}

    /**
     * The tangent of the sweep (forward over reverse, {@link AdjointTangent}): with tangents of the
     * differentiated parameters and of the seed, it also writes into a second result object the
     * tangent of every gradient, which along v is H·v.
     *
     * @param body the sweep and its tangent, or null when the sweep has none (then {@code refused} says why)
     * @param tangents the tangents' parameters, one per differentiated parameter in order
     * @param seedTangents the parameters holding the tangents of the seeds (the seed, or a procedure's output seeds)
     * @param intoTangent the parameter receiving the tangents of the value and of the gradients
     * @param adjointTangents the tangents of the callers' adjoints ({@link Result#adjoints}), in their order
     * @param locals what the sweep's own flags are here ({@code gradient}, {@code wanted}), and its sites' tangents
     * @param needs the methods whose second sweeps and tangents this one calls: without them it has none either
     */
    public record Second(List<Code> body, List<String> tangents, List<String> seedTangents, String intoTangent,
            List<String> adjointTangents, List<Code> locals, java.util.Set<dev.leibniz.processor.ir.Callee> needs,
            String refused) {
        /** The same sweep refused, for the reason given (a callee it needs has none). */
        public Second refuse(String why) {
            return new Second(null, tangents, seedTangents, intoTangent, adjointTangents, locals, needs, why);
        }
    }

    /** The same pullback without a cut sweep: its accumulating pullback runs the full sweep. */
    public static Result withoutReverseOnly(Result r) {
        return r.reverseOnly() == null ? r : new Result(r.seed(), r.into(), r.body(), r.workspace(), r.sites(),
                r.outputSeeds(), r.gradient(), r.wanted(), r.adjoints(), null, r.split(), r.guard(), r.second());
    }

    /** The same pullback with its second sweep replaced (refused, where a callee has none). */
    public static Result withSecond(Result r, Second second) {
        return new Result(r.seed(), r.into(), r.body(), r.workspace(), r.sites(), r.outputSeeds(), r.gradient(),
                r.wanted(), r.adjoints(), r.reverseOnly(), r.split(), r.guard(), second);
    }

    /** The same pullback without the split sweeps: no caller records it. */
    public static Result withoutSplit(Result r) {
        return r.split() == null ? r : new Result(r.seed(), r.into(), r.body(), r.workspace(), r.sites(),
                r.outputSeeds(), r.gradient(), r.wanted(), r.adjoints(), r.reverseOnly(), null, r.guard(), r.second());
    }

    /** The comment on the sweep's branch that computes the value alone. */
    static final String VALUE_ALONE = "the value alone";

    /**
     * The same pullback without the sweep's branch for the value alone: for a method whose value method calls the
     * method itself, nothing runs the sweep without its gradient.
     */
    public static Result withoutValueAlone(Result r) {
        List<Code> body = r.body().stream()
                .filter(c -> !(c instanceof Code.Branch b && VALUE_ALONE.equals(b.comment())))
                .toList();
        return new Result(r.seed(), r.into(), body, r.workspace(), r.sites(), r.outputSeeds(), r.gradient(),
                r.wanted(), r.adjoints(), r.reverseOnly(), r.split(), r.guard(), r.second());
    }

    /**
     * The sweep as it runs without its gradient: the forward sweep up to the branch for the value alone, then that
     * branch's body (which returns); null where the sweep has no such branch.
     */
    public static List<Code> valueAlone(Result r) {
        for (int k = 0; k < r.body().size(); k++) {
            if (r.body().get(k) instanceof Code.Branch b && VALUE_ALONE.equals(b.comment())) {
                List<Code> out = new ArrayList<>(r.body().subList(0, k));
                out.removeIf(c -> c instanceof Code.Comment); // (the sweeps' headers: there is one sweep)
                out.addAll(b.then());
                return out;
            }
        }
        return null;
    }

    /** A parameter of the sweep: a caller's adjoint array ({@code type} is its Java type), or null. */
    public record Adjoint(String type, String name) {}

    /**
     * A field of the result type holding, for one call site, the callee's own result object,
     * reused from call to call.
     */
    public record Site(String type, String field) {}

    private final Func f;
    private final Activity activity;
    private final Layout layout;
    private final Names names = new Names();
    private final Set<Var> named = new HashSet<>();
    private final Map<Var, String> adjoint = new HashMap<>();
    private final Set<Var> declaredAdjoints = new HashSet<>();
    /** Workspace buffer numbers, per statement and which of its buffers (array, adjoint, copy of an argument ...). */
    private final Map<List<Object>, Integer> slots = new HashMap<>();
    /** Within the reverse of a loop that pushes a buffer made before it, the name of the popped copy. */
    private final Map<Var, String> copyNames = new HashMap<>();
    /** Per double[]-valued call inside a loop, the local naming its stack of returned arrays. */
    private final Map<Call, String> returnedStacks = new java.util.LinkedHashMap<>();
    /** Per array made in a loop with a size the reverse sweep cannot rebuild, the local naming its stack of sizes. */
    private final Map<ArrayNew, String> sizeStacks = new java.util.LinkedHashMap<>();
    private String value;
    private String seed;
    private String tape;
    private String workspace;
    private boolean valueDeclaredAtTop;
    /** The prelude's line taking the tape, emptied (null without a tape). */
    private Code tapeLine;

    private String valueType() {
        return f.returnsArray() ? "double[]" : "double";
    }
    private String into;
    /** The sweep's boolean parameter: false for the value alone (the companion's value method). */
    private String gradientWanted;
    /** The sweep's mask of the parameters whose gradients the caller wants (bit i: parameter i). */
    private String wanted;
    private final List<Site> sites = new ArrayList<>();
    /** Per differentiated array parameter, the sweep's parameter holding a caller's adjoint to add into (or null). */
    private final Map<Var, String> adjointIn = new HashMap<>();
    private final Map<Call, String> siteOf = new HashMap<>();

    private ReverseTransform(Func f, Activity activity) throws dev.leibniz.processor.diag.Unsupported {
        this.f = f;
        this.activity = activity;
        this.layout = new Layout(f, activity);
    }

    public static Result of(Func f, Activity activity) throws dev.leibniz.processor.diag.Unsupported {
        return new ReverseTransform(f, activity).run();
    }

    private Result run() {
        Set<String> roots = Qualifiers.roots(f);
        for (Param p : f.params()) {
            names.reserve(p.name());
        }
        for (Param p : f.params()) {
            // A parameter named like a package the code names (dev in dev.leibniz.Workspace) would hide it.
            p.var().setName(roots.contains(p.name()) ? names.claim(p.name()) : p.name());
            named.add(p.var());
        }
        if (f.receiver() != null) {
            f.receiver().setName(names.claim("self"));
            named.add(f.receiver());
        }
        reserveQualifiers();
        value = names.claim("value");
        seed = names.claim("seed");
        into = names.claim("into");
        gradientWanted = names.claim("gradient");
        wanted = names.claim("wanted");
        List<String> outputSeeds = new ArrayList<>();
        java.util.Set<Var> outputs = f.isProcedure() ? dev.leibniz.processor.ir.Outputs.of(f.body()) : java.util.Set.of();
        for (Param p : f.params()) {
            if (outputs.contains(p.var())) {
                outputSeeds.add(names.claim(p.name() + "Seed")); // the contract's o1Seed, ..., okSeed
            }
        }
        List<Adjoint> adjoints = new ArrayList<>();
        for (Param p : f.params()) {
            if (p.differentiated() && p.var().type().isFloatingArray()) {
                String name = names.claim(p.name() + "Adjoint");
                adjointIn.put(p.var(), name);
                adjoints.add(new Adjoint(p.var().javaType(), name));
            }
        }
        List<String> paramNames = f.params().stream().map(Param::name).toList();
        String workspaceField = CompanionNames.workspaceField(paramNames);
        Set<String> fields = new HashSet<>(List.of("value", workspaceField));
        fields.addAll(paramNames);
        Walk.statements(f.body(), s -> {
            if (s instanceof Call k && k.callee().pullback() != null && (activity.acts(k) || k.callee().value() != null)) {
                String field = k.callee().method().getSimpleName() + "Call";
                for (int n = 2; !fields.add(field); n++) {
                    field = k.callee().method().getSimpleName() + "Call" + n;
                }
                siteOf.put(k, field);
                sites.add(new Site(k.callee().gradientType(), field));
            }
        });
        boolean usesTape = !layout.savedBefore.isEmpty() || !layout.savedAfter.isEmpty() || recordsInLoops()
                || layout.snapshots.keySet().stream().anyMatch(k -> !copied(k).isEmpty());
        boolean returnsInLoops = hasArrayCallsInLoops();
        boolean usesWorkspace = usesTape || !layout.reusable.isEmpty() || returnsInLoops || hasActiveArrayCalls()
                || !layout.sizesKept.isEmpty();
        // (the value methods of callees keep their own workspaces, in the sites' result objects)
        if (usesWorkspace) {
            workspace = names.claim("workspace");
            tape = usesTape ? names.claim("tape") : null;
            entryTape = tape != null || !readsOutputsOnEntry() ? tape : names.claim("tape");
            Walk.statements(f.body(), st -> {
                if (returnedInLoop(st)) {
                    returnedStacks.put((Call) st, names.claim(((Call) st).target().baseName() + "Returned"));
                }
            });
            for (ArrayNew n : layout.sizesKept) {
                sizeStacks.put(n, names.claim(n.target().baseName() + "Sizes"));
            }
        }
        nameForwardValues(f.body());
        Walk.statements(f.body(), s -> {
            Var t = Layout.target(s);
            if (t != null && activity.isActive(t)) {
                adjointName(t);
            }
        });

        List<Code> body = new ArrayList<>();
        if (usesWorkspace) {
            String field = into + "." + workspaceField;
            body.add(new Code.Branch(field + " == null",
                    List.of(new Code.Line(field + " = new dev.leibniz.Workspace()", null)), List.of(), null));
            body.add(new Code.Line("dev.leibniz.Workspace " + workspace + " = " + field, null,
                    new Act.Workspace(workspaceField)));
            if (tape != null) {
                tapeLine = new Code.Line("dev.leibniz.Tape " + tape + " = " + workspace + ".tape(" + gradientWanted + ")",
                        "saved values, branch decisions and trip counts for the reverse sweep");
                body.add(tapeLine);
            } else if (entryTape != null) { // the first-order sweep has nothing to push; the second sweep has
                body.add(Code.marker(new Act.Call(t -> List.of(new Code.Line("dev.leibniz.Tape " + entryTape + " = "
                        + workspace + ".tape(true)", "what replayed calls find on entry, for their second sweeps")), true)));
            }
            int site = 0;
            for (String stack : returnedStacks.values()) {
                body.add(new Code.Line("dev.leibniz.Tape " + stack + " = " + workspace + ".returned(" + site++ + ", " + gradientWanted + ")",
                        "the arrays this call returns in the loop, taken back at the top of each reverse iteration"));
            }
            for (String stack : sizeStacks.values()) {
                body.add(new Code.Line("dev.leibniz.Tape " + stack + " = " + workspace + ".returned(" + site++ + ", " + gradientWanted + ")",
                        "the sizes of an array made in the loop, taken back at the top of each reverse iteration"));
            }
        }
        for (Site site : sites) {
            body.add(new Code.Branch(into + "." + site.field() + " == null",
                    List.of(new Code.Line(into + "." + site.field() + " = new " + site.type() + "()", null)), List.of(),
                    null));
        }
        int forwardStart = body.size();
        body.add(new Code.Comment("Forward sweep: the value, keeping the intermediates the reverse sweep reads."));
        valueDeclaredAtTop = hasNestedReturn(f.body());
        if (valueDeclaredAtTop) {
            body.add(new Code.Line(valueType() + " " + value, null, Act.LINEAR));
        }
        List<Code> valueAlone = f.isProcedure() ? List.of(new Code.Line("return", null))
                : List.of(new Code.Line(into + ".value = " + value, null), new Code.Line("return " + value, null));
        Loop fused = layout.fused;
        List<Stmt> top = f.body().stmts();
        Block before = fused == null ? f.body() : piece(top.subList(0, top.indexOf(fused)));
        Block after = fused == null ? null : piece(top.subList(top.indexOf(fused) + 1, top.size()));
        body.addAll(forward(before));
        if (fused != null) {
            // The value alone needs the loop and what follows it without their reverse.
            Set<Var> declared = new HashSet<>(declaredForward);
            List<Code> alone = new ArrayList<>();
            alone.add(plainLoop(fused, forward(fused.body()), false));
            alone.addAll(forward(after));
            alone.addAll(valueAlone);
            declaredForward.retainAll(declared);
            valueAlone = alone;
        }
        int forwardEnd = body.size();
        body.add(new Code.Branch("!" + gradientWanted, valueAlone, List.of(), VALUE_ALONE));
        List<Code> gradients = new ArrayList<>();
        List<Code> reverse = new ArrayList<>();
        List<Code> fusedStart = new ArrayList<>();
        Map<Var, Touch> touches = Map.of();
        if (fused != null) {
            fusedStart.addAll(reverse(after)); // the result's adjoint: the seed
            predeclare(fused, f.body(), fusedStart);
            touches = touches(fused);
        }
        for (int position = 0; position < f.params().size(); position++) {
            Param p = f.params().get(position);
            if (p.differentiated() && p.var().type().isFloatingArray()) {
                String shape = into + "." + p.name() + ", " + p.var().name()
                        + (p.var().type() == Type.DOUBLE_MATRIX ? ")" : ".length)");
                String zeroed = "dev.leibniz.Workspace.zeroed(" + shape;
                if (position < 63 && !outputs.contains(p.var())) {
                    // A gradient no caller wants is only added into: its array need not be zeroed (O(1), not O(length)).
                    zeroed = "(" + wanted + " & " + (1L << position) + "L) != 0 ? " + zeroed
                            + " : dev.leibniz.Workspace.sized(" + shape;
                }
                if (touches.containsKey(p.var())) { // the fused loop assigns or zeroes every element (see fusedLoop)
                    zeroed = "dev.leibniz.Workspace.sized(" + shape;
                }
                // A caller's adjoint, when one is given, is added into where it is: nothing to zero, nothing to copy.
                String given = adjointIn.get(p.var());
                if (activity.isActive(p.var())) {
                    reverse.add(new Code.Line(p.var().javaType() + " " + adjointName(p.var()) + " = " + given + " != null ? "
                            + given + " : " + zeroed, null, Act.LINEAR));
                    gradients.add(new Code.Branch(given + " == null",
                            List.of(new Code.Line(into + "." + p.name() + " = " + adjointName(p.var()), null, Act.LINEAR)),
                            List.of(), null));
                } else {
                    gradients.add(new Code.Branch(given + " == null",
                            List.of(new Code.Line(into + "." + p.name() + " = " + zeroed, null, Act.LINEAR)), List.of(),
                            "no derivative to add"));
                }
            }
        }
        int o = 0;
        for (Param p : f.params()) {
            // An output's seed is its adjoint after the method; every output is differentiated, except in a tangent
            // program run for forward mode alone, which differentiates nothing.
            if (outputs.contains(p.var())) {
                String seedName = outputSeeds.get(o++);
                if (p.differentiated()) { // (a caller adding in place passes its adjoint as the seed too)
                    reverse.add(new Code.Branch(adjointName(p.var()) + " != " + seedName,
                            List.of(new Code.Line("dev.leibniz.Workspace.accumulate(" + adjointName(p.var()) + ", "
                                    + seedName + ")", "the seed of the output " + p.name(), Act.LINEAR)), List.of(), null));
                }
            }
        }
        if (fused != null) {
            // The loop's reverse runs inside it (see Fusion): the adjoints it starts from come first.
            body.add(new Code.Comment("Forward and reverse sweep of the loop together: each iteration's reverse right after it."));
            body.addAll(reverse);
            reverse.clear();
            body.addAll(fusedStart);
            fusedLoop(fused, touches, (Var) ((Return) after.stmts().get(after.stmts().size() - 1)).value(), body);
            body.addAll(forward(after));
        }
        reverse.addAll(reverse(before));
        if (!reverse.isEmpty()) {
            body.add(new Code.Comment("Reverse sweep: v_bar is the derivative of the result with respect to v."));
            body.addAll(reverse);
        }
        int tailStart = body.size();
        if (!f.isProcedure()) {
            body.add(new Code.Line(into + ".value = " + value, null, Act.LINEAR));
        }
        for (Param p : f.params()) {
            if (p.differentiated() && !p.var().type().isFloatingArray()) {
                String g = declaredAdjoints.contains(p.var()) ? adjoint.get(p.var()) : "0.0";
                String cast = p.var().type() == Type.FLOAT ? "(float) " : "";
                body.add(new Code.Line(into + "." + p.name() + " = " + cast + g, null, Act.LINEAR));
            }
        }
        body.addAll(gradients);
        if (!f.isProcedure()) {
            body.add(new Code.Line("return " + value, null));
        }
        // (a tangent program's accumulating pullback is never called: its callers run callees' tangents whole)
        List<Code> reverseOnly = fused == null && f.tangentOf() == null
                ? reverseOnly(body, forwardStart, forwardEnd, tailStart) : null;
        SplitSweeps split = fused == null && f.tangentOf() == null && tapeLine != null && f.receiver() == null
                && returnedStacks.isEmpty() && sizeStacks.isEmpty() && (!adjoints.isEmpty() || f.returnsArray())
                && !hasEagerCalls() ? split(body, forwardStart, forwardEnd, tailStart) : null;
        Set<String> arrays = new HashSet<>();
        adjoint.forEach((v, name) -> {
            if (v.type() == Type.DOUBLE_ARRAY && v.kind() != Var.Kind.VIEW) {
                arrays.add(name);
            }
        });
        if (split != null) {
            split = new SplitSweeps(split.record(), AdjointPeephole.apply(split.replay(), arrays), split.reads());
        }
        Second second = f.tangentOf() == null ? second(body, adjoints, outputSeeds, arrays) : null;
        return new Result(seed, into, AdjointPeephole.apply(body, arrays), usesWorkspace, sites, outputSeeds,
                gradientWanted, wanted, adjoints, reverseOnly == null ? null : AdjointPeephole.apply(reverseOnly, arrays),
                split, guard(workspaceField, outputSeeds, usesWorkspace), second);
    }

    /** Whether v can carry a derivative (a float's tangent is a float, rounded like the value). */
    private boolean varies(Var v) {
        return activity.isActive(v) && (v.type() == Type.DOUBLE || v.type() == Type.DOUBLE_ARRAY
                || v.type() == Type.DOUBLE_MATRIX || v.type() == Type.FLOAT || v.type() == Type.FLOAT_ARRAY);
    }

    /**
     * Black-box code's act: none where its result varies (no second order through it), else inert (handing a
     * varying array to such code is an error before this, {@code Activity}).
     */
    private Act opaque(Var target) {
        return target != null && varies(target) ? null : Act.INERT;
    }

    /** The tangent of the sweep (forward over reverse), or why it has none. */
    private Second second(List<Code> body, List<Adjoint> adjoints, List<String> outputSeeds, Set<String> arrays) {
        Map<String, String> tangents = new HashMap<>();
        Set<String> varying = new HashSet<>();
        List<String> params = new ArrayList<>();
        for (Param p : f.params()) {
            if (p.differentiated()) {
                String d = names.claim(ForwardTransform.tangentName(p.var().name()));
                tangents.put(p.var().name(), d);
                params.add(d);
            }
        }
        java.util.function.Consumer<Var> vary = v -> {
            if (varies(v)) {
                varying.add(v.name());
            }
        };
        f.params().forEach(p -> vary.accept(p.var()));
        Walk.statements(f.body(), st -> {
            Var t = Layout.target(st);
            if (t != null) {
                vary.accept(t);
            }
            if (st instanceof If i) {
                i.phis().forEach(vary);
            }
        });
        adjoint.values().forEach(a -> {
            if (Statement.isName(a)) {
                varying.add(a);
            }
        });
        varying.addAll(copiesClaimed);
        varying.add(value);
        List<String> seedTangents = new ArrayList<>();
        for (String sd : f.isProcedure() ? outputSeeds : List.of(seed)) {
            varying.add(sd);
            String d = names.claim(ForwardTransform.tangentName(sd));
            tangents.put(sd, d);
            seedTangents.add(d);
        }
        String intoTangent = names.claim(ForwardTransform.tangentName(into));
        tangents.put(AdjointTangent.INTO, intoTangent);
        if (workspace != null) {
            tangents.put(AdjointTangent.WORKSPACE, names.claim(ForwardTransform.tangentName(workspace)));
        }
        List<Code> locals = new ArrayList<>();
        locals.add(new Code.Line("boolean " + gradientWanted + " = true", "the sweep's flags: every gradient"));
        locals.add(new Code.Line("long " + wanted + " = -1L", null));
        List<String> adjointTangents = new ArrayList<>();
        for (Adjoint a : adjoints) {
            String d = names.claim(ForwardTransform.tangentName(a.name()));
            tangents.put(a.name(), d);
            varying.add(a.name());
            adjointTangents.add(d);
        }
        for (Site site : sites) {
            locals.add(new Code.Branch(intoTangent + "." + site.field() + " == null", List.of(new Code.Line(intoTangent
                    + "." + site.field() + " = new " + site.type() + "()", null)), List.of(), null));
        }
        java.util.Set<dev.leibniz.processor.ir.Callee> needs = new HashSet<>();
        Walk.statements(f.body(), st -> {
            // (a call whose value does not vary calls nothing of the callee's second order)
            if (st instanceof Call k && k.callee().pullback() != null
                    && (k.target() != null ? activity.isActive(k.target()) : activity.acts(k))) {
                needs.add(k.callee());
            }
        });
        List<Code> sweep = body.stream()
                .filter(c -> !(c instanceof Code.Branch b && VALUE_ALONE.equals(b.comment())))
                .toList();
        try {
            List<Code> both = AdjointTangent.of(sweep, tangents, varying,
                    o -> o instanceof Var v && varying.contains(v.name()), names::claim, into, workspace);
            return new Second(AdjointPeephole.apply(both, arrays), params, seedTangents, intoTangent, adjointTangents,
                    locals, needs, null);
        } catch (AdjointTangent.Refused r) {
            return new Second(null, params, seedTangents, intoTangent, adjointTangents, locals, needs, r.getMessage());
        }
    }

    /** Every name a popped copy of an array got ({@link #copyNames} holds those of the loop being reversed). */
    private final Set<String> copiesClaimed = new HashSet<>();

    /** The sweep's first statements: its checks of array arguments ({@link SharedArrays}). */
    private List<Code> guard(String workspaceField, List<String> allSeeds, boolean usesWorkspace) {
        // A method with nothing differentiated (a tangent program) is only run: its seeds are null, never checked.
        boolean seeded = f.params().stream().anyMatch(Param::differentiated);
        List<String> outputSeeds = seeded ? allSeeds : List.of();
        List<Code> out = new ArrayList<>();
        if (f.isProcedure()) {
            out.addAll(SharedArrays.distinctOutputs(f, outputSeeds));
        }
        List<String> dropped = new ArrayList<>(SharedArrays.held(f));
        if (usesWorkspace) {
            dropped.add(workspaceField);
        }
        sites.forEach(s -> dropped.add(s.field()));
        Code guard = SharedArrays.guard(f, into, seeded ? seed : null, outputSeeds, dropped);
        if (guard != null) {
            out.add(guard);
        }
        return out;
    }

    /**
     * Whether a call's gradient is computed in the forward sweep (outside loops) and kept in its
     * call site's result object, where the reverse sweep reads it: state a record cannot put on the
     * tape, since the next record would overwrite it before this one is replayed.
     */
    private boolean hasEagerCalls() {
        boolean[] found = {false};
        Walk.statements(f.body(), s -> found[0] |= s instanceof Call k && layout.eager(k));
        return found[0];
    }

    /**
     * What follows the value-alone branch of a sweep: the reverse sweep and what ends the method,
     * without the two lines that report the value ({@code into.value = value}, {@code return value}).
     */
    private List<Code> reverseWithoutValue(List<Code> body, int forwardEnd, int tailStart) {
        List<Code> tail = new ArrayList<>(body.subList(forwardEnd + 1, body.size()));
        if (!f.isProcedure()) {
            tail.remove(tail.size() - 1); // return value
            tail.remove(tailStart - forwardEnd - 1); // into.value = value
        }
        return tail;
    }

    /** The sweep split into a record and a replay for callers that call it in loops (see {@link SplitSweeps}). */
    private SplitSweeps split(List<Code> body, int forwardStart, int forwardEnd, int tailStart) {
        List<Code> tail = reverseWithoutValue(body, forwardEnd, tailStart);
        List<Code> valueEnd = f.isProcedure() ? List.of()
                : List.of(new Code.Line(into + ".value = " + value, null), new Code.Line("return " + value, null));
        Code recordTape = new Code.Line("dev.leibniz.Tape " + tape + " = " + gradientWanted + " ? " + workspace
                + ".kept() : " + workspace + ".tape(false)",
                "this call site's tape, as the records before left it (a caller computing its value alone records nothing)");
        Code replayTape = new Code.Line("dev.leibniz.Tape " + tape + " = " + workspace + ".kept()",
                "this call site's tape: the record to replay is on top");
        int[] fresh = {0};
        return SplitSweeps.of(body.subList(0, forwardStart), tapeLine, recordTape, replayTape,
                body.subList(forwardStart, forwardEnd),
                tail, valueEnd, workspace, tape, () -> slots.computeIfAbsent(List.of("split", fresh[0]++), k -> slots.size()));
    }

    /**
     * The sweep for a caller's reverse sweep (see {@link ForwardPruning}): the forward sweep cut
     * to what the reverse sweep reads, then the reverse sweep. The caller has the value from its
     * own forward sweep, so the value is returned only if the cut sweep computes it anyway; null
     * when cutting saves no work in a loop.
     */
    private List<Code> reverseOnly(List<Code> body, int forwardStart, int forwardEnd, int tailStart) {
        List<Code> tail = reverseWithoutValue(body, forwardEnd, tailStart);
        List<Code> forward = body.subList(forwardStart, forwardEnd);
        List<Code> pruned = ForwardPruning.prune(forward, tail, Set.of());
        if (pruned == null) {
            return null;
        }
        List<Code> out = new ArrayList<>(body.subList(0, forwardStart));
        out.add(new Code.Comment("The forward sweep cut to what the reverse sweep reads: the caller has the value."));
        out.addAll(pruned.subList(1, pruned.size())); // (its first line was the forward sweep's comment)
        out.addAll(tail);
        if (!f.isProcedure()) {
            boolean known = ForwardPruning.assigns(pruned, value);
            out.add(new Code.Line("return " + (known ? value : f.returnsArray() ? "null" : "0.0"),
                    known ? null : "no caller reads it"));
        }
        return out;
    }

    private boolean recordsInLoops() {
        boolean[] found = {false};
        Walk.statements(f.body(), s -> {
            if ((s instanceof If || s instanceof Loop) && layout.hasReverse.contains(s) && !layout.loopsOf(s).isEmpty()) {
                found[0] = true;
            }
        });
        return found[0];
    }

    // ---- names ------------------------------------------------------------------------------

    /**
     * A local named like the first part of a qualified name the code uses ({@code java} in
     * {@code java.util.Random}, a package {@code p} in {@code p.C.K}) would shadow it, so those
     * names are never given to locals.
     */
    private void reserveQualifiers() {
        Qualifiers.roots(f).forEach(names::reserve);
    }

    private void nameForwardValues(Block b) {
        for (Stmt s : b.stmts()) {
            if (s instanceof If i) {
                i.phis().forEach(this::name);
                if (layout.hasReverse.contains(s)) {
                    name(i.taken());
                }
                nameForwardValues(i.then());
                nameForwardValues(i.otherwise());
            } else if (s instanceof Loop l) {
                if (layout.hasReverse.contains(s)) {
                    name(l.trips());
                }
                if (l.counted() != null) {
                    name(l.counted().index());
                }
                nameForwardValues(l.body());
            } else {
                Var t = Layout.target(s);
                if (t != null) {
                    name(t);
                }
            }
        }
    }

    private void name(Var v) {
        if (named.add(v)) {
            v.setName(names.claim(v.baseName()));
        }
    }

    private String adjointName(Var v) {
        return adjoint.computeIfAbsent(v, k -> names.claim(k.name() + "_bar"));
    }

    private static boolean hasNestedReturn(Block body) {
        boolean[] nested = {false};
        for (Stmt s : body.stmts()) {
            if (s instanceof If i) {
                Walk.statements(i.then(), x -> nested[0] |= x instanceof Return);
                Walk.statements(i.otherwise(), x -> nested[0] |= x instanceof Return);
            }
        }
        return nested[0];
    }

    // ---- forward sweep ----------------------------------------------------------------------

    private List<Code> forward(Block b) {
        List<Code> out = new ArrayList<>();
        for (Stmt s : b.stmts()) {
            if (b.depth() == 0 && (s instanceof If || s instanceof Loop)) {
                for (Var v : layout.hoisted) {
                    if (definedIn(s, v)) {
                        out.add(new Code.Line(v.javaType() + " " + v.name() + " = " + v.type().zero(),
                                "kept for the reverse sweep", Act.LINEAR));
                    }
                }
                // An array made inside a branch: its adjoint must outlive the branch for the reverse sweep.
                Walk.statements(inner(s), x -> {
                    Var made = x instanceof ArrayNew n ? n.target()
                            : x instanceof Call k && k.target() != null && k.target().type().isFloatingArray() ? k.target()
                            : null;
                    if (made != null && activity.isActive(made) && layout.loopsOf(x).isEmpty()
                            && hoistedAdjoints.add(made)) {
                        out.add(new Code.Line(made.javaType() + " " + adjointName(made) + " = null",
                                "the adjoint of an array made below, kept for the reverse sweep", Act.LINEAR));
                    }
                });
            }
            for (Var v : layout.savedBefore.getOrDefault(s, List.of())) {
                out.add(new Code.Line(tape + ".push(" + v.name() + ")", null, Act.LINEAR));
            }
            if (s instanceof Compute c) {
                out.add(new Code.Line(define(c.target()) + " = " + Partials.primal(c), comment(c.pos()), new Act.Step(c)));
            } else if (s instanceof Opaque o) {
                out.add(new Code.Line(
                        o.target() == null ? o.code().render() : define(o.target()) + " = " + o.code().render(),
                        comment(o.pos()), opaque(o.target())));
            } else if (s instanceof Call k) {
                boolean recorded = recorded(k);
                for (int i : recorded ? Set.<Integer>of() : copied(k)) {
                    out.add(new Code.Line(tape + ".pushAll(" + Partials.text(k.args().get(i)) + ")",
                            "what the call sees of " + Partials.text(k.args().get(i)) + ", for its reverse", Act.LINEAR));
                }
                String on = k.receiver() == null ? "" : Partials.text(k.receiver()) + ".";
                String call = recorded // its forward sweep, leaving what its reverse sweep reads on its site's tape
                        ? k.callee().record() + "(" + args(k.args()) + (k.args().isEmpty() ? "" : ", ") + gradientWanted
                                + ", " + into + "." + siteOf.get(k) + ")"
                        : layout.eager(k) // the gradient at once, scaled in the reverse sweep
                        ? pullbackOf(k) + "(" + (k.receiver() == null ? "" : Partials.text(k.receiver()) + ", ")
                                + args(k.args()) + (k.args().isEmpty() ? "" : ", ") + "1.0, " + wantedOf(k)
                                + into + "." + siteOf.get(k) + ")"
                        : k.callee().value() != null // with the call's result object's buffers: no allocation
                        ? k.callee().value() + "(" + (k.receiver() == null ? "" : Partials.text(k.receiver()) + ", ")
                                + args(k.args()) + (k.args().isEmpty() ? "" : ", ") + into + "." + siteOf.get(k) + ")"
                        : on + k.callee().primal() + "(" + args(k.args()) + ")";
                Var h = k.target();
                String lhs = h == null ? null : define(h);
                out.add(new Code.Line(h == null ? call : lhs + " = " + call, comment(k.pos()), forwardCallAct(k, lhs,
                        recorded)));
                for (int i : recorded ? copied(k) : Set.<Integer>of()) {
                    out.add(new Code.Line(tape + ".pushAll(" + Partials.text(k.args().get(i)) + ")",
                            "what the call left in " + Partials.text(k.args().get(i)) + ", for its replay", Act.LINEAR));
                }
                if (returnedInLoop(k)) {
                    out.add(new Code.Line(returnedStacks.get(k) + ".push(" + h.name() + ")", "kept for this iteration's reverse",
                            Act.LINEAR));
                } else if (h != null && h.type().isFloatingArray() && activity.isActive(h)) { // its adjoint, zero to start
                    String type = hoistedAdjoints.contains(h) ? "" : h.javaType() + " ";
                    out.add(new Code.Line(type + adjointName(h) + " = " + workspace + ".doubles(" + slot(k, 0) + ", "
                            + h.name() + ".length)", "its adjoint", Act.LINEAR));
                    declaredAdjoints.add(h);
                }
            } else if (s instanceof Load l) {
                out.add(new Code.Line(define(l.target()) + " = " + l.array().name() + index(l.index()), comment(l.pos()),
                        Act.LINEAR));
            } else if (s instanceof Store st) {
                out.add(new Code.Line(st.array().name() + index(st.index()) + " = " + Partials.text(st.value()),
                        comment(st.pos()), Act.LINEAR));
            } else if (s instanceof ArrayNew n) {
                arrayNew(n, out);
            } else if (s instanceof RowView r) {
                out.add(new Code.Line(define(r.target()) + " = " + r.parent().name() + index(r.index()), comment(r.pos()),
                        Act.LINEAR));
            } else if (s instanceof Return r) {
                out.add(new Code.Line((valueDeclaredAtTop ? "" : valueType() + " ") + value + " = " + Partials.text(r.value()),
                        comment(r.pos()), Act.LINEAR));
            } else if (s instanceof Break br) {
                out.add(new Code.Line("break", comment(br.pos())));
            } else if (s instanceof If i) {
                forwardIf(i, out);
            } else if (s instanceof Loop l) {
                forwardLoop(l, out);
            }
            if (layout.savedAfter.contains(s)) {
                out.add(new Code.Line(tape + ".push(" + Layout.target(s).name() + ")", null, Act.LINEAR));
            }
        }
        return out;
    }

    /**
     * What a call in the forward sweep takes in the second sweep: after a call of the value, the callee's tangent
     * program; in place of a gradient taken at once (eager), the callee's second sweep; in place of a record (which
     * only a replay reads, and the second sweep replays nothing), the value and its tangent. Null for a rule.
     *
     * @param lhs the left-hand side the line assigns ({@code double h}, {@code h}), or null for a procedure
     */
    private Act forwardCallAct(Call k, String lhs, boolean recorded) {
        if (k.callee().pullback() == null) {
            // A @DerivativeOf rule has no second derivatives: only a value that does not vary has its tangent (nothing).
            return k.target() != null && !activity.isActive(k.target()) ? new Act.Call(t -> List.of(), false)
                    : new Act.Refuse("its derivative goes through '" + k.callee().description()
                            + "', whose @DerivativeOf rule gives first derivatives only");
        }
        if (recorded && !secondSweepReplays(k)) {
            return null; // a replay the second sweep cannot stand in for
        }
        Var h = k.target();
        String receiver = k.receiver() == null ? "" : Partials.text(k.receiver()) + ", ";
        List<String> args = new ArrayList<>();
        k.args().forEach(a -> args.add(Partials.text(a)));
        String site = siteOf.containsKey(k) ? into + "." + siteOf.get(k) : null;
        boolean varies = h != null ? activity.isActive(h) && (h.type() == Type.DOUBLE || h.type() == Type.DOUBLE_ARRAY)
                : k.outputs().stream().anyMatch(activity::isActive);
        String declared = lhs != null && lhs.contains(" ") ? (h.type() == Type.DOUBLE ? "double " : "double[] ") : "";
        if (layout.eager(k)) {
            return new Act.Call(t -> {
                List<Code> lines = new ArrayList<>();
                String second = CallTangents.second(k, receiver, args, List.of("1.0"), site, List.of(), adjointsOf(k), t);
                lines.add(new Code.Line(lhs == null ? second : lhs + " = " + second, "and its tangents"));
                if (h != null && varies) {
                    lines.add(new Code.Line(declared + t.apply(h.name()) + " = " + t.apply(site) + ".value()", null));
                }
                return lines;
            }, true);
        }
        if (h == null && !recorded) {
            // A procedure writes its outputs in place: its tangent program writes them and their tangents, in its place.
            return new Act.Call(t -> List.of(new Code.Line(CallTangents.tangent(k, receiver, args, t),
                    "its outputs and their tangents")), true);
        }
        return new Act.Call(t -> {
            List<Code> lines = new ArrayList<>();
            if (recorded) {
                // What the call finds in the outputs it reads on entry, for its second sweep in place of the replay.
                for (int i : k.callee().outputsRead()) {
                    String a = args.get(i);
                    String d = t.apply(a);
                    lines.add(new Code.Line(entryTape + ".pushAll(" + a + ")", "what the call finds in " + a
                            + ", for its second sweep"));
                    lines.add(new Code.Line(entryTape + ".pushAll(" + (d != null ? d : "new double[" + a + ".length]") + ")",
                            null));
                }
            }
            if (recorded && h == null) {
                lines.add(new Code.Line(CallTangents.tangent(k, receiver, args, t), "its outputs and their tangents: "
                        + "nothing replays it here"));
                return lines;
            }
            if (recorded) {
                String value = k.callee().value() + "(" + receiver + String.join(", ", args) + (args.isEmpty() ? "" : ", ")
                        + site + ")";
                lines.add(new Code.Line(lhs == null ? value : lhs + " = " + value, "its value: nothing replays it here"));
            }
            if (varies) {
                String tangent = CallTangents.tangent(k, receiver, args, t);
                lines.add(new Code.Line(h == null ? tangent : declared + t.apply(h.name()) + " = " + tangent, null));
            }
            return lines;
        }, recorded);
    }

    /**
     * Whether the callee's second sweep can stand in for the replay of a recorded call. It runs the callee again,
     * from the arguments the replay gets: what the call left in them. For the arrays the callee does not write that is
     * what it saw; an output whose values on entry it reads is gone (a replay reads them from its record), so the
     * second sweep pushes them before the call and passes them back: as a double[] only.
     */
    private boolean secondSweepReplays(Call k) {
        if (!k.callee().outputsRead().isEmpty() && entryTape == null) {
            return false; // (no workspace to keep a tape in)
        }
        for (int i : k.callee().outputsRead()) {
            if (k.args().get(i).type() != Type.DOUBLE_ARRAY) {
                return false; // (pushed whole only as double[])
            }
        }
        return true;
    }

    /**
     * The tape the second sweep pushes what replayed calls find on entry to: the sweep's own, or one for the second
     * sweep alone (null without a workspace).
     */
    private String entryTape;

    /** Whether some recorded call's callee reads, on entry, an output it writes. */
    private boolean readsOutputsOnEntry() {
        boolean[] found = {false};
        Walk.statements(f.body(), s -> found[0] |= s instanceof Call k && recorded(k) && !k.callee().outputsRead().isEmpty());
        return found[0];
    }

    /** How many callers' adjoints the callee's sweep takes: one per differentiated floating-array parameter. */
    private static int adjointsOf(Call k) {
        int n = 0;
        javax.lang.model.element.ExecutableElement m = k.callee().method();
        for (int i = 0; i < k.args().size(); i++) {
            if (k.callee().differentiated().get(i) && k.args().get(i).type().isFloatingArray()) {
                n++;
            }
        }
        return m == null ? 0 : n;
    }

    private void forwardIf(If i, List<Code> out) {
        for (Var phi : i.phis()) {
            if (!layout.hoisted.contains(phi)) {
                out.add(new Code.Line(phi.javaType() + " " + phi.name(), null, Act.LINEAR));
            }
        }
        String cond = i.condition().render();
        boolean record = layout.hasReverse.contains(i);
        boolean onTape = record && !layout.loopsOf(i).isEmpty();
        if (record && !onTape) {
            out.add(new Code.Line(define(i.taken()) + " = " + cond, comment(i.pos()), Act.INERT));
            cond = i.taken().name();
        }
        List<Code> then = forward(i.then());
        List<Code> otherwise = forward(i.otherwise());
        if (onTape) {
            // Pushed where each path leaves the branch, after anything the branch itself pushed, so the
            // reverse sweep pops this decision first, then replays the branch's own pushes in order.
            recordAtExits(then, "true");
            recordAtExits(otherwise, "false");
        }
        if (then.isEmpty() && !otherwise.isEmpty()) {
            String negated = cond.matches("[\\w.]+") ? "!" + cond : "!(" + cond + ")";
            out.add(new Code.Branch(negated, otherwise, List.of(), comment(i.pos())));
        } else {
            out.add(new Code.Branch(cond, then, otherwise, comment(i.pos())));
        }
    }

    /** Adds {@code tape.push(decision)} before every break that ends a path, and at the end if reachable. */
    private void recordAtExits(List<Code> code, String decision) {
        pushBeforeBreaks(code, decision);
        if (completes(code)) {
            code.add(new Code.Line(tape + ".push(" + decision + ")", "which way the branch went"));
        }
    }

    private void pushBeforeBreaks(List<Code> code, String decision) {
        for (int k = 0; k < code.size(); k++) {
            Code c = code.get(k);
            if (c instanceof Code.Line line && line.code().equals("break")) {
                code.add(k, new Code.Line(tape + ".push(" + decision + ")", "which way the branch went"));
                k++;
            } else if (c instanceof Code.Branch b) {
                pushBeforeBreaks(b.then(), decision);
                pushBeforeBreaks(b.otherwise(), decision);
            }
        }
    }

    /** Whether control can fall off the end of this code (javac's rule for break and if). */
    private static boolean completes(List<Code> code) {
        if (code.isEmpty()) {
            return true;
        }
        Code last = code.get(code.size() - 1);
        if (last instanceof Code.Line line) {
            return !line.code().equals("break");
        }
        if (last instanceof Code.Branch b) {
            return completes(b.then()) || b.otherwise().isEmpty() || completes(b.otherwise());
        }
        return true;
    }

    /**
     * How the fused loop's reverse fills the adjoint of a parameter array without zeroing it
     * first: the loads it reaches elements through ({@link Fusion#offsets}), the smallest and
     * largest constant among those whose reverse adds anything, and the one load whose reverse
     * assigns instead of adding. Iteration j reaches the elements {@code base + step·j + c};
     * with step 1, the largest c reaches an element before any other constant does (in an earlier
     * iteration), so the first load with the largest c assigns; the elements between
     * {@code base + min} and {@code base + max} that smaller constants may reach first are zeroed
     * before the loop, and those no iteration reached after it. With step -1 the roles of the
     * smallest and largest constants swap.
     */
    private record Touch(Var array, Fusion.Offset any, int min, int max, Load assigns, int position) {}

    /** Loads of the fused loop whose reverse wrote a line, in the order written (null: not recording). */
    private List<Load> written;
    /** Loads whose reverse assigns the element rather than adding to it. */
    private final Set<Load> assigning = new HashSet<>();

    private Map<Var, Touch> touches(Loop fused) {
        Map<Var, Map<Load, Fusion.Offset>> candidates = new java.util.LinkedHashMap<>();
        for (Param p : f.params()) {
            if (p.differentiated() && activity.isActive(p.var())) {
                Map<Load, Fusion.Offset> offsets = Fusion.offsets(fused, p.var(), layout, activity);
                if (offsets != null) {
                    candidates.put(p.var(), offsets);
                }
            }
        }
        if (candidates.isEmpty()) {
            return Map.of();
        }
        // Which loads' reverse writes a line: the reverse of the body, written once and thrown away.
        Set<Var> declared = new HashSet<>(declaredAdjoints);
        written = new ArrayList<>();
        reverse(fused.body());
        List<Load> lines = written;
        written = null;
        declaredAdjoints.retainAll(declared);
        Map<Var, Touch> out = new java.util.LinkedHashMap<>();
        int step = fused.counted().step();
        for (var e : candidates.entrySet()) {
            List<Load> adding = new ArrayList<>(lines);
            adding.retainAll(e.getValue().keySet());
            if (adding.isEmpty()) {
                continue;
            }
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (Load l : adding) {
                min = Math.min(min, e.getValue().get(l).constant());
                max = Math.max(max, e.getValue().get(l).constant());
            }
            int first = step > 0 ? max : min;
            Load assigns = adding.stream().filter(l -> e.getValue().get(l).constant() == first).findFirst().orElseThrow();
            int position = 0;
            while (f.params().get(position).var() != e.getKey()) {
                position++;
            }
            out.put(e.getKey(), new Touch(e.getKey(), e.getValue().get(assigns), min, max, assigns, position));
        }
        return out;
    }

    /**
     * The fused loop (see {@link Fusion}): forward and reverse of each iteration together. With the
     * seed 1 (what {@code m(args)} and {@code m(args, into)} pass) and the gradients in arrays of
     * the result's own, the products with the result's adjoint fold away and the elements of
     * parameters' gradients ({@link Touch}) can be assigned: that case gets a copy of the loop of
     * its own. The other copy adds into every gradient, a caller's adjoint ({@link Adjoint}) or an
     * array zeroed first.
     */
    private void fusedLoop(Loop fused, Map<Var, Touch> touches, Var result, List<Code> out) {
        String trips = fused.trips().name();
        String bar = adjoint.get(result);
        StringBuilder usual = new StringBuilder(bar + " == 1.0");
        List<Code> unitBefore = new ArrayList<>();
        List<Code> unitAfter = new ArrayList<>();
        List<Code> anyBefore = new ArrayList<>();
        boolean counted = false; // whether a range below needs the trip count
        for (Touch t : touches.values()) {
            String given = adjointIn.get(t.array());
            usual.append(" && ").append(given).append(" == null");
            String base = Partials.text(fused.counted().start()); // (only counted loops assign elements)
            String b = t.any().symbol() == null && base.matches("-?\\d{1,9}") ? base
                    : "(long) " + base + (t.any().symbol() == null ? "" : " + " + t.any().symbol().name());
            String g = adjointName(t.array());
            String length = t.array().name() + ".length";
            List<String[]> before = new ArrayList<>();
            List<String[]> after = new ArrayList<>();
            if (fused.counted().step() > 0) {
                if (t.min() < t.max()) {
                    before.add(new String[] {plus(b, t.min()), plus(b, t.max())});
                }
                after.add(new String[] {"0", plus(b, t.min())});
                if (t.any().symbol() != null || !Fusion.reachesEnd(fused, t.array(), t.max(), layout)) {
                    after.add(new String[] {plus(b.equals("0") ? trips : b + " + " + trips, t.max()), length});
                    counted = true;
                }
            } else {
                if (t.min() < t.max()) {
                    before.add(new String[] {plus(b, t.min() + 1), plus(b, t.max() + 1)});
                }
                after.add(new String[] {plus(b, t.max() + 1), length});
                after.add(new String[] {"0", plus(b + " - " + trips, t.min() + 1)});
                counted = true;
            }
            for (String[] r : before) {
                unitBefore.add(new Code.Line("dev.leibniz.Workspace.zero(" + g + ", " + r[0] + ", " + r[1] + ")",
                        "elements the loop may add to before assigning them", Act.LINEAR));
            }
            for (String[] r : after) {
                if (!r[0].equals(r[1])) {
                    unitAfter.add(new Code.Line("dev.leibniz.Workspace.zero(" + g + ", " + r[0] + ", " + r[1] + ")",
                            "elements no iteration reached", Act.LINEAR));
                }
            }
            String own = given + " == null" + (t.position() < 63 ? " && (" + wanted + " & " + (1L << t.position()) + "L) != 0" : "");
            anyBefore.add(new Code.Branch(own, List.of(new Code.Line("dev.leibniz.Workspace.zero(" + g + ", 0, " + length + ")",
                    "added into below", Act.LINEAR)), List.of(), null));
        }
        if (counted) {
            unitBefore.add(0, new Code.Line("int " + trips + " = 0", null));
        }
        if (f.tangentOf() != null) {
            // A tangent program's sweep serves H·v, not the first-order calls the copy speeds up: one copy keeps
            // the companion (and javac's time on it) smaller.
            out.addAll(anyBefore);
            out.add(plainLoop(fused, fusedBody(fused, false), true));
            return;
        }
        Set<Var> declared = new HashSet<>(declaredAdjoints);
        Set<Var> declaredInForward = new HashSet<>(declaredForward);
        adjoint.put(result, "1.0");
        touches.values().forEach(t -> assigning.add(t.assigns()));
        List<Code> unit = new ArrayList<>(unitBefore);
        unit.add(plainLoop(fused, fusedBody(fused, counted), true));
        unit.addAll(unitAfter);
        assigning.clear();
        adjoint.put(result, bar);
        declaredAdjoints.retainAll(declared); // the second copy declares them again, in its own scope
        declaredForward.retainAll(declaredInForward);
        List<Code> any = new ArrayList<>(anyBefore);
        any.add(plainLoop(fused, fusedBody(fused, false), true));
        out.add(new Code.Branch(usual.toString(), unit, any, "the usual seed and gradients of its own: the products with the seed "
                + "fold away, elements are assigned", List.of(bar)));
    }

    private List<Code> fusedBody(Loop fused, boolean counts) {
        List<Code> both = new ArrayList<>();
        if (counts) {
            both.add(new Code.Line(fused.trips().name() + "++", null));
        }
        both.addAll(forward(fused.body()));
        both.addAll(reverse(fused.body()));
        return both;
    }

    private static String plus(String base, int k) {
        if (base.matches("-?\\d{1,9}")) {
            return Long.toString(Long.parseLong(base) + k);
        }
        return k == 0 ? base : k > 0 ? base + " + " + k : base + " - " + (-k);
    }

    /** A top-level piece of the method's body, forward or reverse, as the body itself would be. */
    private Block piece(List<Stmt> stmts) {
        Block b = new Block(0);
        b.stmts().addAll(stmts);
        pieces.add(b);
        return b;
    }

    private final Set<Block> pieces = new HashSet<>();

    /** The loop's own header around the given body, counting no trips. */
    private Code plainLoop(Loop l, List<Code> body, boolean fusedComment) {
        String cond = l.condition() == null ? "true" : l.condition().render();
        String header;
        if (l.counted() != null) {
            Loop.Counted c = l.counted();
            String i = c.index().name();
            String update = c.step() == 1 ? i + "++" : c.step() == -1 ? i + "--"
                    : c.step() > 0 ? i + " += " + c.step() : i + " -= " + (-c.step());
            header = "for (int " + i + " = " + Partials.text(c.start()) + "; " + cond + "; " + update + ")";
        } else {
            header = "while (" + cond + ")";
        }
        return new Code.Loop(l.label(), header, body, l.doWhile() ? cond : null,
                comment(l.pos()) + (fusedComment ? " (and its reverse)" : ""));
    }

    private void forwardLoop(Loop l, List<Code> out) {
        boolean counts = layout.hasReverse.contains(l) && !layout.tripsFromHeader.containsKey(l);
        if (counts) {
            out.add(new Code.Line(define(l.trips()) + " = 0", null));
        }
        List<Code> body = new ArrayList<>();
        if (counts) {
            body.add(new Code.Line(l.trips().name() + "++", null));
        }
        body.addAll(forward(l.body()));
        for (Var a : layout.restoredArrays.getOrDefault(l, Set.of())) {
            body.add(new Code.Line(tape + ".pushAll(" + a.name() + ")", "what this iteration left in " + a.name()
                    + ", for its reverse", Act.LINEAR));
        }
        out.add(plainLoop(l, body, false));
        if (counts && !layout.loopsOf(l).isEmpty()) {
            out.add(new Code.Line(tape + ".push(" + l.trips().name() + ")", null));
        }
    }

    private void arrayNew(ArrayNew n, List<Code> out) {
        Var a = n.target();
        String alloc = layout.reusable.contains(n) ? buffer(n, 0) : fresh(n);
        out.add(new Code.Line(define(a) + " = " + alloc, comment(n.pos()), Act.LINEAR));
        if (sizeStacks.containsKey(n)) {
            for (Operand d : n.dims()) {
                out.add(new Code.Line(sizeStacks.get(n) + ".push(" + Partials.text(d) + ")", "its size, for its adjoint"));
            }
        }
        if (activity.isActive(a) && layout.loopsOf(n).isEmpty()) { // in a loop: each reverse iteration makes its own
            String adj = workspace != null ? buffer(n, 1) : fresh(n);
            String type = hoistedAdjoints.contains(a) ? "" : a.javaType() + " ";
            out.add(new Code.Line(type + adjointName(a) + " = " + adj, "its adjoint", Act.LINEAR));
            declaredAdjoints.add(a);
        }
    }

    /** {@code workspace.doubles(slot, d0[, d1])}: a zero-filled buffer kept from the last call. */
    private String buffer(ArrayNew n, int which) {
        String kind = n.target().type() == Type.FLOAT_ARRAY ? "floats" : "doubles";
        return workspace + "." + kind + "(" + slot(n, which) + ", " + args(n.dims()) + ")";
    }

    /** {@code new double[d0][d1]}. */
    private static String fresh(ArrayNew n) {
        StringBuilder sb = new StringBuilder("new ").append(n.target().type().element().javaName());
        n.dims().forEach(d -> sb.append('[').append(Partials.text(d)).append(']'));
        return sb.toString();
    }

    /** Each statement gets its own buffers in the workspace: for an array, its adjoint, copies of call arguments. */
    private int slot(Stmt n, int which) {
        return slots.computeIfAbsent(List.of(n, which), k -> slots.size());
    }

    private static String index(List<Operand> index) {
        StringBuilder sb = new StringBuilder();
        for (Operand o : index) {
            sb.append('[').append(Partials.text(o)).append(']');
        }
        return sb.toString();
    }

    /** The left-hand side defining v: a declaration, unless v is declared elsewhere. */
    private String define(Var v) {
        if (layout.hoisted.contains(v) || v.kind() == Var.Kind.PHI || isTernaryPhi(v) || declaredAlready(v)) {
            return v.name();
        }
        declaredForward.add(v);
        return v.javaType() + " " + v.name();
    }

    private final Set<Var> declaredForward = new HashSet<>();
    /** Arrays made inside a branch, whose adjoints are declared before it. */
    private final Set<Var> hoistedAdjoints = new HashSet<>();

    /** A mutable variable is declared at its first assignment only. */
    private boolean declaredAlready(Var v) {
        return v.isMutable() && declaredForward.contains(v);
    }

    private boolean isTernaryPhi(Var v) {
        Block h = layout.home.get(v);
        if (h == null) {
            return false;
        }
        for (Stmt s : h.stmts()) {
            if (s instanceof If i && i.phis().contains(v)) {
                return true;
            }
        }
        return false;
    }

    private static boolean definedIn(Stmt s, Var v) {
        boolean[] found = {false};
        Walk.statements(inner(s), x -> found[0] |= defines(x, v));
        return found[0] || defines(s, v);
    }

    private static Block inner(Stmt s) {
        Block b = new Block(1);
        if (s instanceof If i) {
            b.stmts().addAll(i.then().stmts());
            b.stmts().addAll(i.otherwise().stmts());
        } else if (s instanceof Loop l) {
            b.stmts().addAll(l.body().stmts());
        }
        return b;
    }

    private static boolean defines(Stmt s, Var v) {
        return Layout.target(s) == v
                || s instanceof If i && (i.taken() == v || i.phis().contains(v))
                || s instanceof Loop l && (l.trips() == v);
    }

    // ---- reverse sweep ----------------------------------------------------------------------

    private List<Code> reverse(Block b) {
        List<Code> returnedHere = returnedArrays(b); // before the steps: their reverse uses these adjoints
        List<Code> out = new ArrayList<>();
        List<Stmt> stmts = b.stmts();
        for (int k = stmts.size() - 1; k >= 0; k--) {
            Stmt s = stmts.get(k);
            if (layout.undo.containsKey(s)) {
                out.add(new Code.Line(layout.undo.get(s).render(), "stepped back, not saved"));
            }
            if (s instanceof Return r) {
                if (activity.isActive(r.value())) {
                    if (f.returnsArray()) { // seedᵀ·∂value/∂x: the seed is the returned array's adjoint
                        out.add(new Code.Line("dev.leibniz.Workspace.accumulate(" + adjointName((Var) r.value()) + ", "
                                + seed + ")", comment(r.pos()), Act.LINEAR));
                    } else {
                        accumulate(out, (Var) r.value(), seed, comment(r.pos()), seed, "", null, 0);
                    }
                }
            } else if (s instanceof Compute c) {
                reverseCompute(c, out);
            } else if (s instanceof Call call) {
                reverseCall(call, out);
            } else if (s instanceof Load l) {
                pops(s, out); // even when skipped: the tape must stay in step with the forward sweep
                if (!layout.acts(l) || !declaredAdjoints.contains(l.target())) {
                    continue;
                }
                if (activity.isActive(l.array())) {
                    String narrow = l.array().type() == Type.FLOAT_ARRAY ? "(float) " : ""; // no lossy compound assignment
                    out.add(new Code.Line(adjointName(l.array()) + index(l.index()) + (assigning.contains(l) ? " = " : " += ")
                            + narrow + adjointName(l.target()), comment(l.pos())
                            + (assigning.contains(l) ? " (the element's first contribution)" : ""), Act.LINEAR));
                    if (written != null) {
                        written.add(l);
                    }
                }
                kill(s, l.target(), out);
            } else if (s instanceof Store st) {
                if (!layout.acts(st)) {
                    continue;
                }
                pops(s, out);
                String element = adjointName(st.array()) + index(st.index());
                if (activity.isActive(st.value())) {
                    accumulate(out, (Var) st.value(), element, comment(st.pos()), adjointName(st.array()), index(st.index()),
                            null, 0);
                }
                out.add(new Code.Line(element + " = 0", "the element's old value did not reach the result", Act.LINEAR));
            } else if (s instanceof If i) {
                predeclare(s, b, out);
                List<Code> then = reverse(i.then());
                List<Code> otherwise = reverse(i.otherwise());
                if (!layout.hasReverse.contains(s)) {
                    continue;
                }
                String taken = layout.loopsOf(s).isEmpty() ? i.taken().name() : tape + ".popBoolean()";
                out.add(then.isEmpty()
                        ? new Code.Branch("!" + taken, otherwise, List.of(), comment(i.pos()))
                        : new Code.Branch(taken, then, otherwise, comment(i.pos())));
            } else if (s instanceof Loop l) {
                predeclare(s, b, out);
                if (layout.hasReverse.contains(s)) {
                    reverseLoop(l, out);
                }
            }
        }
        if (!out.isEmpty()) {
            out.addAll(0, rowBindings(b));
            out.addAll(0, iterationAdjoints(b));
            out.addAll(0, returnedHere);
        }
        return out;
    }

    /** A double[]-valued call inside a loop, whose result carries a derivative. */
    private boolean returnedInLoop(Stmt s) {
        return s instanceof Call k && k.target() != null && k.target().type().isFloatingArray()
                && activity.isActive(k.target())
                && !layout.loopsOf(k).isEmpty();
    }

    /**
     * The callee's partial pullback when some of its differentiated arguments carry no
     * derivative here (their gradients need not be made), else its pullback.
     */
    private String pullbackOf(Call k) {
        return unwanted(k) ? k.callee().partial() : k.callee().pullback();
    }

    /** {@code "mask, "} for the partial pullback: the differentiated arguments whose gradients this call uses. */
    private String wantedOf(Call k) {
        if (!unwanted(k)) {
            return "";
        }
        long mask = 0;
        for (int i = 0; i < k.args().size(); i++) {
            if (k.callee().differentiated().get(i) && (activity.isActive(k.args().get(i)) || k.writes(i))) {
                mask |= 1L << i;
            }
        }
        return mask + "L, ";
    }

    private boolean unwanted(Call k) {
        if (k.callee().partial() == null || k.args().size() >= 63) {
            return false;
        }
        for (int i = 0; i < k.args().size(); i++) {
            if (k.callee().differentiated().get(i) && k.args().get(i).type().isFloatingArray()
                    && !activity.isActive(k.args().get(i)) && !k.writes(i)) {
                return true;
            }
        }
        return false;
    }

    /** A call of a double[]-valued method whose companion computes its value (not a rule's). */
    private static boolean returnsArray(Call k) {
        return k.target() != null && k.target().type() == Type.DOUBLE_ARRAY && k.callee().pullback() != null;
    }

    private boolean hasActiveArrayCalls() {
        boolean[] found = {false};
        Walk.statements(f.body(), s -> found[0] |= s instanceof Call k && returnsArray(k));
        return found[0];
    }

    private boolean hasArrayCallsInLoops() {
        boolean[] found = {false};
        Walk.statements(f.body(), s -> found[0] |= returnedInLoop(s));
        return found[0];
    }

    /**
     * The arrays this block's calls returned, taken back at the top of its reverse (the stack is
     * apart from the tape, so this order is its own), each with a zeroed adjoint of its length.
     */
    private List<Code> returnedArrays(Block b) {
        List<Code> out = new ArrayList<>();
        for (Stmt s : b.stmts()) {
            if (returnedInLoop(s)) {
                Var h = ((Call) s).target();
                String type = layout.poppedAtLoopTop(h) ? "" : h.javaType() + " ";
                out.add(new Code.Line(type + h.name() + " = " + returnedStacks.get((Call) s) + ".popObject()",
                        "the array this iteration's call returned: its length (values the reverse reads are on the tape)",
                        Act.LINEAR_BEFORE));
                out.add(new Code.Line(h.javaType() + " " + adjointName(h) + " = " + workspace + ".doubles("
                        + slot(s, 0) + ", " + h.name() + ".length)", "its adjoint, zero to start", Act.LINEAR));
                declaredAdjoints.add(h);
            }
        }
        return out;
    }

    /** Arrays made in a loop's body: each reverse iteration starts their adjoints at zero, as the forward one the array. */
    private List<Code> iterationAdjoints(Block b) {
        List<Code> out = new ArrayList<>();
        for (Stmt s : b.stmts()) {
            if (s instanceof ArrayNew n && activity.isActive(n.target()) && !layout.loopsOf(n).isEmpty()) {
                List<String> dims = new ArrayList<>();
                if (sizeStacks.containsKey(n)) {
                    for (int d = n.dims().size() - 1; d >= 0; d--) {
                        String size = names.claim(n.target().baseName() + "Size");
                        out.add(new Code.Line("int " + size + " = " + sizeStacks.get(n) + ".popInt()",
                                "the size this iteration's " + n.target().name() + " had"));
                        dims.add(0, size);
                    }
                } else {
                    n.dims().forEach(d -> dims.add(layout.reverseText(d, n)));
                }
                String kind = n.target().type() == Type.FLOAT_ARRAY ? "floats" : "doubles";
                String adj = workspace != null ? workspace + "." + kind + "(" + slot(n, 1) + ", " + String.join(", ", dims) + ")"
                        : "new " + n.target().type().element().javaName() + "[" + String.join("][", dims) + "]";
                out.add(new Code.Line(n.target().javaType() + " " + adjointName(n.target()) + " = " + adj,
                        "the adjoint of this iteration's " + n.target().name() + ", zero to start", Act.LINEAR));
                declaredAdjoints.add(n.target());
            }
        }
        return out;
    }

    /**
     * The rows this block takes of a matrix, bound again at the top of its reverse: the row
     * itself where the forward one is out of scope, and its adjoint, the same row of the
     * matrix's adjoint.
     */
    private List<Code> rowBindings(Block b) {
        List<Code> out = new ArrayList<>();
        for (Stmt s : b.stmts()) {
            if (s instanceof RowView r) {
                StringBuilder sb = new StringBuilder(); // the index as the top of the reverse block can spell it
                r.index().forEach(o -> sb.append('[').append(layout.reverseText(o, r)).append(']'));
                String at = sb.toString();
                if (b != f.body() && !pieces.contains(b)) {
                    out.add(new Code.Line(r.target().javaType() + " " + r.target().name() + " = " + r.parent().name() + at,
                            "the row again, for the reverse sweep", Act.LINEAR));
                }
                if (activity.isActive(r.target())) {
                    out.add(new Code.Line(r.target().javaType() + " " + adjointName(r.target()) + " = "
                            + adjointName(r.parent()) + at, "its adjoint is that row of " + adjointName(r.parent()),
                            Act.LINEAR));
                }
            }
        }
        return out;
    }

    private void reverseCompute(Compute c, List<Code> out) {
        Var t = c.target();
        pops(c, out); // even when skipped: the tape must stay in step with the forward sweep
        if (!activity.isActive(t) || !declaredAdjoints.contains(t)) {
            return; // no adjoint reached this value: its contribution is zero
        }
        String bar = adjoint.get(t);
        List<String> self = new ArrayList<>();
        for (int i = 0; i < c.args().size(); i++) {
            Operand a = c.args().get(i);
            String d = activity.isActive(a) ? Partials.of(c, i) : null;
            if (d == null) {
                continue;
            }
            if (a == t) {
                self.add(d); // an in-place update: t's own adjoint is scaled below
            } else {
                accumulate(out, (Var) a, Terms.times(bar, d), comment(c.pos()), bar, "", c, i);
            }
        }
        if (c.args().contains(t)) {
            // each partial parenthesized: max's is a conditional, which + would otherwise split (t = max(t, t))
            String d = self.isEmpty() ? "0" : self.size() == 1 ? self.get(0)
                    : String.join(" + ", self.stream().map(x -> "(" + x + ")").toList());
            if (!d.equals("1")) {
                out.add(new Code.Line(bar + " = " + (d.equals("0") ? "0.0" : Terms.times(bar, self.size() == 1 ? d : "(" + d + ")")),
                        comment(c.pos()), d.equals("0") ? Act.LINEAR : new Act.Scale(bar, c)));
            }
        } else {
            kill(c, t, out);
        }
    }

    /**
     * The callee's derivative, scaled by this call's adjoint: its companion's pullback (which
     * computes the callee's forward sweep again), or the user's {@code @DerivativeOf} rule.
     */
    /** Whether the call is recorded in the forward sweep and replayed in the reverse sweep ({@link SplitSweeps}). */
    private boolean recorded(Call k) {
        return dev.leibniz.processor.analysis.ArrayWrites.recorded(k, !layout.loopsOf(k).isEmpty(), activity);
    }

    private void reverseCall(Call k, List<Code> out) {
        Var t = k.target();
        boolean recorded = recorded(k);
        Map<Integer, String> seen;
        if (recorded) { // its copies were pushed right after it, before a save of its result
            popSavedAfter(k, out);
            seen = popSnapshots(k, out);
            if (!k.callee().outputsRead().isEmpty() && secondSweepReplays(k)) {
                out.add(Code.marker(entryPops(k))); // the second sweep pushed them just before the call
            }
            popSavedBefore(k, out);
        } else {
            seen = popSnapshots(k, out); // pushed after the values saved before the call
            pops(k, out); // even when skipped: the tape must stay in step with the forward sweep
        }
        if (recorded && t != null && !declaredAdjoints.contains(t)) {
            declaredAdjoints.add(t); // nothing reached its result, but the replay must still take back its record
            out.add(new Code.Line("double " + adjointName(t) + " = 0.0", "no derivative reached it", Act.LINEAR));
        }
        if (t == null ? !activity.acts(k) : !activity.isActive(t) || !declaredAdjoints.contains(t)) {
            return;
        }
        List<String> argTexts = new ArrayList<>();
        for (int i = 0; i < k.args().size(); i++) {
            argTexts.add(seen.getOrDefault(i, Partials.text(k.args().get(i))));
        }
        String receiver = k.receiver() == null ? "" : Partials.text(k.receiver()) + ", ";
        String comment = comment(k.pos());
        if (layout.eager(k)) {
            String site = into + "." + siteOf.get(k);
            String bar = adjoint.get(t);
            for (int i = 0; i < k.args().size(); i++) {
                Operand a = k.args().get(i);
                if (!k.callee().differentiated().get(i) || !activity.isActive(a)) {
                    continue;
                }
                String g = site + "." + k.callee().paramNames().get(i) + "()";
                String adj = adjointName((Var) a);
                if (a.type().isFloatingArray()) {
                    out.add(new Code.Line("dev.leibniz.Workspace.accumulate(" + adj + ", " + g + ", " + bar + ")",
                            comment, new Act.Call(tg -> List.of(
                                    new Code.Line("dev.leibniz.Workspace.accumulate(" + tg.apply(adj) + ", " + tg.apply(g)
                                            + ", " + bar + ")", null),
                                    new Code.Line("dev.leibniz.Workspace.accumulate(" + tg.apply(adj) + ", " + g + ", "
                                            + tg.apply(bar) + ")", null)), false)));
                } else {
                    // the gradient taken at once varies too: d(bar * g) = dBar * g + bar * dG
                    accumulate(out, (Var) a, Terms.times(bar, g), comment, declares -> new Act.Call(tg -> List.of(
                            new Code.Line((declares ? "double " : "") + tg.apply(adj) + (declares ? " = " : " += ")
                                    + tg.apply(bar) + " * " + g + " + " + bar + " * " + tg.apply(g), null)), false));
                }
            }
        } else if (k.callee().pullback() != null && k.callee().accumulating() != null) {
            // The callee adds into this method's adjoints of the array arguments where they stand (an argument it
            // writes: its adjoint is the seed, and afterwards the adjoint of the values on entry); the gradients of
            // its other parameters come back in its result object.
            String site = into + "." + siteOf.get(k);
            List<String> seeds = new ArrayList<>();
            if (t != null) {
                seeds.add(adjoint.get(t));
            }
            for (int i : k.callee().outputs()) {
                Var o = (Var) k.args().get(i);
                seeds.add(activity.isActive(o) ? adjointName(o)
                        : workspace + ".doubles(" + slot(k, 2 * k.args().size() + i) + ", " + Partials.text(o) + ".length)");
            }
            long mask = 0;
            List<String> given = new ArrayList<>();
            for (int i = 0; i < k.args().size(); i++) {
                Operand a = k.args().get(i);
                if (!k.callee().differentiated().get(i)) {
                    continue;
                }
                boolean wantedHere = activity.isActive(a) || k.writes(i);
                if (wantedHere && i < 63) {
                    mask |= 1L << i;
                }
                if (a.type().isFloatingArray()) {
                    given.add(activity.isActive(a) ? adjointName((Var) a) : "null");
                }
            }
            if (k.args().size() >= 63) {
                mask = -1L;
            }
            out.add(new Code.Line((recorded ? k.callee().replay() : k.callee().accumulating()) + "(" + receiver
                    + String.join(", ", argTexts)
                    + (argTexts.isEmpty() ? "" : ", ") + String.join(", ", seeds) + (seeds.isEmpty() ? "" : ", ")
                    + mask + "L, " + site + ", " + String.join(", ", given) + ")", comment,
                    !recorded ? secondSweepAct(k, receiver, argTexts, seeds, site, given)
                            : secondSweepReplays(k) ? replayAct(k, receiver, argTexts, seeds, site, given) : null));
            for (int i = 0; i < k.args().size(); i++) {
                Operand a = k.args().get(i);
                if (k.callee().differentiated().get(i) && activity.isActive(a) && !a.type().isFloatingArray()) {
                    accumulate(out, (Var) a, site + "." + k.callee().paramNames().get(i) + "()", comment,
                            declares -> Act.LINEAR);
                }
            }
        } else if (k.callee().pullback() != null) {
            String site = into + "." + siteOf.get(k);
            List<String> seeds = new ArrayList<>();
            if (t != null) {
                seeds.add(adjoint.get(t));
            }
            for (int i : k.callee().outputs()) { // a procedure: the adjoints of what it wrote are its seeds
                Var o = (Var) k.args().get(i);
                seeds.add(activity.isActive(o) ? adjointName(o)
                        : workspace + ".doubles(" + slot(k, 2 * k.args().size() + i) + ", " + Partials.text(o) + ".length)");
            }
            out.add(new Code.Line(pullbackOf(k) + "(" + receiver + String.join(", ", argTexts) + ", "
                    + String.join(", ", seeds) + ", " + wantedOf(k) + site + ")", comment,
                    secondSweepAct(k, receiver, argTexts, seeds, site, List.of())));
            for (int i = 0; i < k.args().size(); i++) {
                Operand a = k.args().get(i);
                if (!k.callee().differentiated().get(i) || !activity.isActive(a)) {
                    continue;
                }
                String g = site + "." + k.callee().paramNames().get(i) + "()";
                if (k.writes(i)) { // what it held before the call reaches the result only through the call
                    out.add(new Code.Line("dev.leibniz.Workspace.replace(" + adjointName((Var) a) + ", " + g + ")",
                            comment, Act.LINEAR));
                } else if (a.type().isFloatingArray()) {
                    out.add(new Code.Line("dev.leibniz.Workspace.accumulate(" + adjointName((Var) a) + ", " + g + ")", comment,
                            Act.LINEAR));
                } else {
                    accumulate(out, (Var) a, g, comment, declares -> Act.LINEAR);
                }
            }
        } else {
            List<String> ruleArgs = new ArrayList<>(argTexts);
            ruleArgs.add(adjoint.get(t));
            List<Var> scalars = new ArrayList<>();
            for (int i = 0; i < k.args().size(); i++) {
                Operand a = k.args().get(i);
                if (!k.callee().differentiated().get(i)) {
                    continue;
                }
                if (a.type().isFloatingArray()) {
                    String scratch = a.type() == Type.DOUBLE_MATRIX
                            ? "dev.leibniz.Workspace.zeroed(null, " + Partials.text(a) + ")"
                            : "new " + a.type().element().javaName() + "[" + Partials.text(a) + ".length]";
                    ruleArgs.add(activity.isActive(a) ? adjointName((Var) a) : scratch);
                } else {
                    scalars.add(a instanceof Var v && activity.isActive(v) ? v : null);
                }
            }
            String call = k.callee().rule() + "(" + String.join(", ", ruleArgs) + ")";
            switch (k.callee().ruleReturns()) {
                case "void" -> out.add(new Code.Line(call, comment));
                case "double" -> {
                    if (scalars.get(0) != null) {
                        accumulate(out, scalars.get(0), call, comment);
                    } else {
                        out.add(new Code.Line(call, comment));
                    }
                }
                default -> {
                    String partials = names.claim("partials");
                    out.add(new Code.Line("double[] " + partials + " = " + call, comment));
                    for (int n = 0; n < scalars.size(); n++) {
                        if (scalars.get(n) != null) {
                            accumulate(out, scalars.get(n), partials + "[" + n + "]", comment);
                        }
                    }
                }
            }
        }
        if (t != null) {
            kill(k, t, out);
        }
    }

    /**
     * In place of a replay: what the call found in the outputs it reads on entry, taken back (last pushed first), and
     * the callee's second sweep from those.
     */
    private Act replayAct(Call k, String receiver, List<String> args, List<String> seeds, String site,
            List<String> given) {
        return new Act.Call(t -> {
            List<String> entry = new ArrayList<>(args);
            Map<String, String> tangents = new HashMap<>();
            for (Map.Entry<Integer, String[]> e : entries.getOrDefault(k, Map.of()).entrySet()) {
                entry.set(e.getKey(), e.getValue()[0]);
                tangents.put(e.getValue()[0], e.getValue()[1]);
            }
            return List.of(new Code.Line(CallTangents.second(k, receiver, entry, seeds, site, given, adjointsOf(k),
                    x -> tangents.containsKey(x) ? tangents.get(x) : t.apply(x)), "and its tangents"));
        }, true);
    }

    /** Per replayed call, the names of what it found in the outputs it reads on entry, and of their tangents. */
    private final Map<Call, Map<Integer, String[]>> entries = new HashMap<>();

    /** What a replayed call found in the outputs it reads on entry, taken back (last pushed first) for its second sweep. */
    private Act entryPops(Call k) {
        return new Act.Call(t -> {
            List<Code> lines = new ArrayList<>();
            Map<Integer, String[]> named = new HashMap<>();
            List<Integer> read = k.callee().outputsRead();
            for (int n = read.size() - 1; n >= 0; n--) {
                int i = read.get(n);
                String a = Partials.text(k.args().get(i));
                String name = names.claim(a + "Entry");
                String d = names.claim(ForwardTransform.tangentName(name));
                int slot = slot(k, 3 * k.args().size() + i);
                lines.add(new Code.Line("double[] " + d + " = " + t.apply(workspace) + ".popAll(" + slot + ", " + entryTape
                        + ")", null));
                lines.add(new Code.Line("double[] " + name + " = " + workspace + ".popAll(" + slot + ", " + entryTape + ")",
                        "what the call found in " + a + ", for its second sweep"));
                named.put(i, new String[] {name, d});
            }
            entries.put(k, named);
            return lines;
        }, true);
    }

    /** In place of a pullback, replay or accumulating pullback: the callee's second sweep, its work and its tangents. */
    private Act secondSweepAct(Call k, String receiver, List<String> args, List<String> seeds, String site,
            List<String> given) {
        return new Act.Call(t -> List.of(new Code.Line(CallTangents.second(k, receiver, args, seeds, site, given,
                adjointsOf(k), t), "and its tangents")), true);
    }

    /**
     * Takes back, last pushed first, the copies of array arguments saved before the call; each
     * lands in a buffer of its own, whose name the reverse call passes instead of the array's.
     */
    private Map<Integer, String> popSnapshots(Call k, List<Code> out) {
        Map<Integer, String> seen = new HashMap<>();
        List<Integer> copied = new ArrayList<>(copied(k));
        for (var e : layout.refills.getOrDefault(k, Map.of()).entrySet()) {
            Var a = (Var) k.args().get(e.getKey());
            String name = names.claim(a.baseName() + "Seen");
            out.add(new Code.Line("double[] " + name + " = " + workspace + ".doubles(" + slot(k, 1 + e.getKey()) + ", "
                    + Partials.text(e.getValue().length()) + ")", null, Act.LINEAR));
            out.add(new Code.Line(refill(e.getValue(), name), "what the call " + (recorded(k) ? "left in " : "saw of ")
                    + a.name() + ", computed again, not saved", refillAct(e.getValue(), name)));
            if (activity.isActive(a)) {
                copiesClaimed.add(name);
            }
            seen.put(e.getKey(), name);
        }
        for (int n = copied.size() - 1; n >= 0; n--) {
            int i = copied.get(n);
            Var a = (Var) k.args().get(i);
            String name = names.claim(a.baseName() + "Seen");
            boolean floats = a.type() == Type.FLOAT_ARRAY;
            out.add(new Code.Line(a.javaType() + " " + name + " = " + workspace + (floats ? ".popAllFloats(" : ".popAll(")
                    + slot(k, 1 + i) + ", " + tape + ")", (recorded(k) ? "what the call left in " : "what the call saw of ")
                    + a.name(), Act.LINEAR_BEFORE));
            if (activity.isActive(a)) {
                copiesClaimed.add(name);
            }
            seen.put(i, name);
        }
        return seen;
    }

    /** The snapshots of the call's arguments that the tape holds: those not computed again. */
    private Set<Integer> copied(Call k) {
        return layout.copied.getOrDefault(k, Set.of());
    }

    /** The writer's value method again, into {@code buffer} in place of the array it filled. */
    private String refill(dev.leibniz.processor.analysis.Refills.Refill r, String buffer) {
        Call w = r.writer();
        return w.callee().value() + "(" + String.join(", ", refillArgs(r, buffer)) + ", " + into + "." + siteOf.get(w)
                + ")";
    }

    /**
     * In the second sweep, the writer's tangent program in place of its value method: the buffer and its tangent. None
     * where an argument computed again varies (its tangent is not at hand).
     */
    private Act refillAct(dev.leibniz.processor.analysis.Refills.Refill r, String buffer) {
        for (Stmt step : r.steps().values()) {
            if (step instanceof Compute c && varies(c.target())) {
                return null;
            }
        }
        List<String> args = refillArgs(r, buffer);
        return new Act.Call(t -> List.of(new Code.Line(CallTangents.tangent(r.writer(), "", args, t),
                "and its tangent")), true);
    }

    /** The writer's arguments, those computed again written out, and the buffer in place of the array it filled. */
    private static List<String> refillArgs(dev.leibniz.processor.analysis.Refills.Refill r, String buffer) {
        Call w = r.writer();
        List<String> texts = new ArrayList<>();
        for (int j = 0; j < w.args().size(); j++) {
            Operand o = w.args().get(j);
            Stmt step = o instanceof Var v ? r.steps().get(v) : null;
            if (j == r.output()) {
                texts.add(buffer);
            } else if (step instanceof dev.leibniz.processor.ir.Compute c) {
                texts.add("(" + Partials.primal(c) + ")");
            } else if (step instanceof Opaque op) {
                texts.add("(" + op.code().render() + ")");
            } else {
                texts.add(Partials.text(o));
            }
        }
        return texts;
    }

    private static String args(List<Operand> args) {
        List<String> texts = new ArrayList<>();
        args.forEach(a -> texts.add(Partials.text(a)));
        return String.join(", ", texts);
    }

    private void kill(Stmt s, Var t, List<Code> out) {
        if (layout.killsAdjoint(s, t)) {
            out.add(new Code.Line(adjointName(t) + " = 0.0", "the value it had before this assignment is another one",
                    Act.LINEAR));
        }
    }

    /** Restores, from the tape, the values this step's derivative reads (last pushed, first popped). */
    private void pops(Stmt s, List<Code> out) {
        popSavedAfter(s, out);
        popSavedBefore(s, out);
    }

    /** The step's result, if it was saved right after the step. */
    private void popSavedAfter(Stmt s, List<Code> out) {
        if (layout.savedAfter.contains(s)) {
            Var t = Layout.target(s);
            out.add(new Code.Line(t.name() + " = " + pop(t), null, Act.LINEAR_BEFORE));
        }
    }

    /** The values saved before the step, and those computed again for its reverse. */
    private void popSavedBefore(Stmt s, List<Code> out) {
        List<Var> before = layout.savedBefore.getOrDefault(s, List.of());
        for (int k = before.size() - 1; k >= 0; k--) {
            Var v = before.get(k);
            out.add(new Code.Line(v.name() + " = " + pop(v), null, Act.LINEAR_BEFORE));
        }
        for (Var v : layout.restoredAt.getOrDefault(s, List.of())) {
            Stmt def = layout.recomputed.get(v);
            if (def instanceof Load l) {
                out.add(new Code.Line(v.name() + " = " + copyNames.getOrDefault(l.array(), l.array().name())
                        + index(l.index()), "loaded again, not saved", Act.LINEAR));
            } else if (def instanceof Opaque o) {
                out.add(new Code.Line(v.name() + " = " + o.code().render(), "computed again, not saved", opaque(v)));
            } else {
                out.add(new Code.Line(v.name() + " = " + Partials.primal((Compute) def), "computed again, not saved",
                        new Act.Step((Compute) def)));
            }
        }
    }

    private String pop(Var v) {
        return switch (v.type()) {
            case DOUBLE -> tape + ".popDouble()";
            case FLOAT -> "(float) " + tape + ".popDouble()";
            case LONG -> tape + ".popLong()";
            case INT -> tape + ".popInt()";
            case BOOLEAN -> tape + ".popBoolean()";
            case REFERENCE, DOUBLE_ARRAY, DOUBLE_MATRIX, FLOAT_ARRAY -> tape + ".popObject()";
            default -> "(" + v.type().javaName() + ") " + tape + ".popInt()";
        };
    }

    private void reverseLoop(Loop l, List<Code> out) {
        pops(l, out); // a start the header reads, computed again
        List<Code> body = new ArrayList<>();
        for (Var v : layout.poppedIn.getOrDefault(l, Set.of())) {
            if (layout.insideLoopBody(v) && !(l.counted() != null && v == l.counted().index())) {
                body.add(new Code.Line(v.javaType() + " " + v.name(), null, Act.LINEAR));
            }
        }
        int restored = 0; // each array a buffer of its own, numbered in the loop's own slots
        List<Var> pushed = new ArrayList<>(layout.restoredArrays.getOrDefault(l, Set.of()));
        java.util.Collections.reverse(pushed); // the last pushed first
        List<Var> renamed = new ArrayList<>();
        for (Var a : pushed) {
            String name = a.name();
            if (!layout.madeInBody(a, l)) { // a buffer made before the loop: its name is taken in this scope
                name = names.claim(a.baseName() + "Left");
                copyNames.put(a, name);
                if (activity.isActive(a)) {
                    copiesClaimed.add(name);
                }
                renamed.add(a);
            }
            body.add(new Code.Line(a.javaType() + " " + name + " = " + workspace
                    + (a.type() == Type.FLOAT_ARRAY ? ".popAllFloats(" : ".popAll(") + slot(l, restored++) + ", "
                    + tape + ")", "what this iteration left in " + a.name(), Act.LINEAR_BEFORE));
        }
        body.addAll(reverse(l.body()));
        renamed.forEach(copyNames::remove);
        String trips = l.trips().name();
        TripCounts.Header fromHeader = layout.tripsFromHeader.get(l);
        if (fromHeader != null) {
            out.add(new Code.Line("int " + trips + " = " + TripCounts.formula(fromHeader, Partials.text(l.counted().start()),
                    l.counted().step()), "its trip count, from its header: not saved"));
        } else if (!layout.loopsOf(l).isEmpty()) {
            out.add(new Code.Line("int " + trips + " = " + tape + ".popInt()", null));
        }
        String header;
        if (l.counted() != null && layout.rebuilt.contains(l)) {
            Loop.Counted c = l.counted();
            String i = c.index().name();
            String start = Partials.text(c.start());
            int step = c.step();
            String last = start.equals("0") ? "" : start + " + ";
            last += Math.abs(step) == 1 ? (step > 0 ? trips + " - 1" : "-(" + trips + " - 1)")
                    : "(" + trips + " - 1) * " + (step < 0 ? "(" + step + ")" : step);
            String test = step > 0 ? i + " >= " + start : i + " <= " + start;
            String back = step == 1 ? i + "--" : step == -1 ? i + "++" : step > 0 ? i + " -= " + step : i + " += " + (-step);
            header = "for (int " + i + " = " + last + "; " + test + "; " + back + ")";
        } else {
            String it = names.claim("iteration");
            if (l.counted() != null) {
                body.add(0, new Code.Line("int " + l.counted().index().name(), null));
            }
            header = "for (int " + it + " = " + trips + "; " + it + " > 0; " + it + "--)";
        }
        out.add(new Code.Loop(null, header, body, null, comment(l.pos()) + " (backwards)"));
    }

    /** Declares, before a compound statement, the adjoints it adds to that belong to this block. */
    private void predeclare(Stmt s, Block b, List<Code> out) {
        Block home = pieces.contains(b) ? f.body() : b;
        for (Var v : layout.contributions.get(s)) {
            if (layout.home.get(v) == home && !declaredAdjoints.contains(v)) {
                out.add(new Code.Line("double " + adjointName(v) + " = 0.0", null, Act.LINEAR));
                declaredAdjoints.add(v);
            }
        }
    }

    /** v_bar += term, declaring v_bar at its first contribution. */
    private void accumulate(List<Code> out, Var v, String term, String comment) {
        accumulate(out, v, term, comment, null, null, null, 0);
    }

    /**
     * v_bar += term, where term is {@code factor·∂step/∂operand} (with no step, the factor alone): told so, the
     * adjoint's own tangent can differentiate the line again ({@link Act.Add}); a null factor tells nothing.
     */
    private void accumulate(List<Code> out, Var v, String term, String comment, String factor, String factorIndex,
            Compute step, int operand) {
        String bar = adjointName(v);
        accumulate(out, v, term, comment, factor == null ? null
                : declares -> new Act.Add(bar, declares, factor, factorIndex, step, operand));
    }

    /** v_bar += term, told what the line does by {@code act} (given whether the line declares v_bar), if at all. */
    private void accumulate(List<Code> out, Var v, String term, String comment,
            java.util.function.Function<Boolean, Act> acts) {
        String bar = adjointName(v);
        boolean negative = term.startsWith("-");
        String magnitude = negative ? term.substring(1) : term;
        boolean declares = declaredAdjoints.add(v);
        Act act = acts == null ? null : acts.apply(declares);
        if (declares) {
            out.add(new Code.Line("double " + bar + " = " + term, comment, act));
        } else {
            out.add(new Code.Line(bar + (negative ? " -= " : " += ") + magnitude, comment, act));
        }
    }

    private static String comment(Pos p) {
        return p == null ? null : p.comment();
    }
}
