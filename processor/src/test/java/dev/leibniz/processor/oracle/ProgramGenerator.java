package dev.leibniz.processor.oracle;

import dev.leibniz.processor.oracle.Ast.And;
import dev.leibniz.processor.oracle.Ast.Assign;
import dev.leibniz.processor.oracle.Ast.BExpr;
import dev.leibniz.processor.oracle.Ast.Bin;
import dev.leibniz.processor.oracle.Ast.Call;
import dev.leibniz.processor.oracle.Ast.Cast;
import dev.leibniz.processor.oracle.Ast.Cmp;
import dev.leibniz.processor.oracle.Ast.Compound;
import dev.leibniz.processor.oracle.Ast.Cond;
import dev.leibniz.processor.oracle.Ast.Const;
import dev.leibniz.processor.oracle.Ast.ConstDecl;
import dev.leibniz.processor.oracle.Ast.Decl;
import dev.leibniz.processor.oracle.Ast.Expr;
import dev.leibniz.processor.oracle.Ast.Fn;
import dev.leibniz.processor.oracle.Ast.If;
import dev.leibniz.processor.oracle.Ast.Lit;
import dev.leibniz.processor.oracle.Ast.Method;
import dev.leibniz.processor.oracle.Ast.Neg;
import dev.leibniz.processor.oracle.Ast.Not;
import dev.leibniz.processor.oracle.Ast.Or;
import dev.leibniz.processor.oracle.Ast.Param;
import dev.leibniz.processor.oracle.Ast.Paren;
import dev.leibniz.processor.oracle.Ast.Program;
import dev.leibniz.processor.oracle.Ast.Return;
import dev.leibniz.processor.oracle.Ast.Stmt;
import dev.leibniz.processor.oracle.Ast.Ty;
import dev.leibniz.processor.oracle.Ast.Var;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates random valid {@code @Differentiable static double} methods over the supported subset
 * (see docs/GENERATED_API.md). Domains are kept by construction (log/sqrt of positive forms,
 * asin/acos of bounded forms, exp of squashed arguments, divisions by positive forms); whatever
 * still goes out of range at a particular point is detected and skipped by the interpreter.
 *
 * <p>Features that are legal Java inside the documented subset but are unusual enough to deserve a
 * switch can be turned off with {@code -Doracle.disable=a,b}: see {@link #FEATURES}.
 */
final class ProgramGenerator {

    static final String PKG = "gen";

    /** Switchable features (on by default except {@link #OFF_BY_DEFAULT}). */
    static final List<String> FEATURES = List.of(
            "paramWrite",          // assignment / compound assignment to a double parameter
            "staticImport",        // import static java.lang.Math.*; sin(x), PI
            "fqMath",              // java.lang.Math.sin(x)
            "strictMath",          // StrictMath.sin(x)
            "privateMethod",       // private static double m(...)
            "privateConst",        // private static final double PK = ...; used in a method
            "innerClass",          // methods of a static nested class (companion Outer_InnerGrad)
            "intCompoundDouble",   // int i; i += <double expr>  (implicit narrowing)
            "powIntVar",           // pow(u, n) with int parameter/local exponent, any-sign base
            "rawDiv",              // u / v with an arbitrary denominator
            "ternary",
            "earlyReturn",
            "castInt",             // (int) <double expr>
            "round",               // Math.round(..) (long)
            "intMath",             // abs/max/min over ints (int overloads), int division
            // README extensions beyond docs/GENERATED_API.md:
            "remainder",           // % and %= (double and integral)
            "incDec",              // x++; --i; as statements
            "longLocal",           // long locals (Math.round, widening, long arithmetic)
            "booleanLocal",        // boolean locals used as conditions
            "extraParams",         // long and boolean parameters (constants)
            "wrt",                 // @Differentiable(wrt = ...) on a subset of the double parameters
            "trickyNames",         // parameters/locals named like generated code: seed, into, value, prod, x_bar...
            "integralToDouble",    // int/long-typed value stored in a double variable or returned
                                   // (off: such values get an explicit (double) cast)
            // loops, arrays and calls (README "Supported language", "Composition"):
            "loops",               // for (up, down, step 2), while, do-while, enhanced for; nested
            "arrays",              // double[] parameters, local new double[n], a[i] reads/writes, .length
            "labeledJump",         // break/continue to a labelled outer loop
            "returnInLoop",        // return from inside a loop
            "calls",               // calls of generated @Differentiable library methods (libN)
            "rules",               // calls of softplus, which has a @DerivativeOf rule
            // switches that guarded processor bugs the loop and call oracle found (all fixed, all on):
            "loopExitMix",         // a return inside a loop nest that has another exit (return, break, continue)
            "constInit",           // a constant non-literal value (Math.cos(2.0) * 2) stored in a double variable
                                   // of a method with loops (off: a literal instead)
            "loopReturn",          // in a method with loops, a return other than the last statement
            "loopInBranch",        // a loop inside an if branch (updating an outer variable)
            "callArgWrite",        // in a method with loops, call arguments that read variables written later
                                   // (off: arguments read only parameters that are never written)
            "loopNestedBranch",    // inside a loop: an if nested in an if (else-if too), or a ternary
            "loopWrite",           // inside loops, writes to any variable, not only to the loop's own accumulators
            // data-flow shapes (docs/ORACLE.md, "Data-flow shapes"): operand sources x target histories
            "flow",                // flow groups: a target with a history, fed from one source, then used
            "flowElemLocal",       // loop locals declared from an array element and then updated, Horner
                                   // recurrences, dense-layer inits (off: no element-initialised targets)
            "flowInactiveOverwrite", // an active target overwritten by an inactive value (off: never)
            "inactiveArrays",      // int[] parameters, double[] parameters left out of wrt, constant tables
            "arrayCalls",          // System.arraycopy, Arrays.fill/copyOf/copyOfRange, clone()
            // issue 9 shapes (docs/ORACLE.md, "Rows, views, switches, side effects, varargs, array outputs"):
            "rows",                // double[][] parameters: rows as call arguments, read-only aliases, for-each rows, W[j][k]
            "varLocals",           // var t = 2.0 * x; var buf = new double[n];
            "loopArrays",          // double[] h = new double[n] inside loops (depth 1 and 2), filled, used, passed on
            "arrayValued",         // double[]-valued library methods libVK(a, x), their results read and passed on
            "sideEffects",         // a = b = e; if ((r = f) > 0); (t = e) / d; y[k++] = v; while (n-- > 0)
            "varargs",             // double... library methods libSK, called with spread numbers and with arrays
            "switches",            // switch statements and expressions over an int, arrow and colon forms
            "procedureCalls",      // void library procedures libPK writing their double[] out parameters (PENDING)
            // switches for processor bugs these shapes found (KNOWN_BUGS, docs/ORACLE.md):
            "rowDownIndex",        // a row taken with the index of a down-counting loop: for (j = W.length - 1; j >= 0; j--) f(W[j])
            "rowComputedIndex",    // a row taken with a computed index: W[W.length - 1] (off: W[0])
            "varRow",              // var row = W[j]; (off: double[] row = W[j];)
            "assignIntOperand",    // an assignment expression beside an int operand: (u = e) * n, 1 + (u = e)
            "arrayArgAfterReturn", // a local array handed to a call in a method that has an early return before
                                   // (off: only parameters, rows and constant tables are handed to calls there)
            "fusedTail");          // a sum over a[i + c] in the last loop before the return, which returns it
                                   // (transform/Fusion's shape, and beside it a carried value or an alternating sum)

    /**
     * Constructs that hit a processor bug and are therefore switched off by default (docs/ORACLE.md,
     * "Bugs the issue 9 shapes found"): rows of a down-counting loop's index are rejected, a row with
     * a computed index after an early return gives a companion that does not compile, {@code var}
     * of a row is rejected, an assignment expression beside an int operand is rejected, and a local
     * array written in an else branch that returns is taken as "written again afterwards" by a call
     * after the if. The
     * switches loopExitMix, constInit, loopReturn, loopInBranch, callArgWrite, loopNestedBranch and
     * loopWrite guarded the bugs the loop and call oracle found; all are fixed and on.
     */
    static final String KNOWN_BUGS = "";

    /**
     * Constructs the processor does not differentiate yet (work in progress), off by default until
     * it does: procedures (void methods writing their double[] parameters) called from generated methods.
     */
    static final String PENDING = "";

    /** What {@code oracle.disable} defaults to: the known bugs and the pending constructs. */
    static final String OFF_BY_DEFAULT = String.join(",", java.util.stream.Stream.of(KNOWN_BUGS, PENDING)
            .filter(x -> !x.isEmpty()).toList());

    /** Where an operand of a data-flow shape comes from. */
    enum Src {
        /** a double parameter */
        PARAM,
        /** an element of a differentiated double[] parameter */
        PARAM_ELEM,
        /** an element of a local double[] array (written by the method) */
        LOCAL_ELEM,
        /** an element of an int[] parameter, a double[] parameter left out of wrt, or a constant table */
        INACTIVE_ELEM,
        /** a literal, a class constant or a call of constants */
        CONST,
        /** a call: a library method, softplus (a rule) or Math */
        CALL,
        /** a loop index (int, cast or scaled) */
        INDEX
    }

    /** What happens to a target variable before it is used. */
    enum Hist {
        /** declared from the source */
        FRESH,
        /** an active variable reassigned from the source (sometimes t = t * x + src) */
        REASSIGN,
        /** updated by += -= *= /= with the source */
        COMPOUND,
        /** an active variable overwritten by a value that does not depend on the inputs */
        OVERWRITE_INACTIVE,
        /** a loop local declared from an array element, then updated (double z = b[j]; z += c;) */
        ELEM_LOCAL_UPDATED,
        /** an inner loop updates the outer loop's local (a dense layer) */
        INNER_LOOP_UPDATE,
        /** p = c[n - 1]; for (i = n - 2; i >= 0; i--) p = p * x + c[i]; (Horner) */
        RECURRENCE
    }

    /** The sources each history is generated with. */
    static List<Src> sourcesOf(Hist h) {
        switch (h) {
            case OVERWRITE_INACTIVE:
                return List.of(Src.INACTIVE_ELEM, Src.CONST, Src.CALL, Src.INDEX);
            case ELEM_LOCAL_UPDATED:
            case RECURRENCE:
                return List.of(Src.PARAM_ELEM, Src.LOCAL_ELEM, Src.INACTIVE_ELEM);
            default:
                return List.of(Src.values());
        }
    }

    /**
     * The issue 9 shapes by the switch that makes them: each is a feature name that a method using
     * it carries, and GeneratorSelfCheckTest requires every one in its sample (with the switch on).
     */
    static final java.util.Map<String, List<String>> SHAPES = java.util.Map.of(
            "rows", List.of("rowArg", "rowArgInLoop", "rowAlias", "rowAliasInLoop", "forEachRow", "matrixElem",
                    "matrixOutsideWrt"),
            "varLocals", List.of("varDouble", "varArray"),
            "loopArrays", List.of("arrayInLoop1", "arrayInLoop2", "loopBufferCall"),
            "arrayValued", List.of("vecCall", "vecCallInLoop", "vecResultPassed", "returnsNewArray"),
            "sideEffects", List.of("chainAssign", "assignInCond", "assignOperand", "postIncIndex", "whileDecrement"),
            "varargs", List.of("varargsSpread", "varargsArray"),
            "switches", List.of("switchArrow", "switchColon", "switchExprArrow", "switchExprColon", "switchInLoop"),
            "procedureCalls", List.of("procCall", "procCallInLoop", "procOutputPassed", "procStateInLoop"));

    /** Every history/source pair, as the feature name a method that has it carries ("flow:H/S"). */
    static List<String> flowCombos() {
        List<String> out = new ArrayList<>();
        for (Hist h : Hist.values()) {
            for (Src s : sourcesOf(h)) {
                out.add("flow:" + h + "/" + s);
            }
        }
        return out;
    }

    private static final String[][] PARAM_SETS = {
        {"x", "y", "z", "w"}, {"p", "q", "r", "s"}, {"theta", "phi", "rho", "tau"}, {"x1", "x2", "x3", "x4"},
    };
    private static final String[] TRICKY_PARAMS = {"seed", "into", "x_bar", "prod"};
    private static final String[] TRICKY_LOCALS = {"value", "sum", "diff", "quot", "select", "seed_2", "y_bar", "sin", "exp", "rem"};
    private static final String[] INT_PARAMS = {"n", "cnt"};
    private static final String[] DOUBLE_LOCALS = {"a", "b", "c", "d", "g", "h", "t", "u", "v"};
    private static final String[] INT_LOCALS = {"i", "j", "k", "m"};
    private static final String[] LONG_LOCALS = {"lo", "hi"};
    private static final String[] BOOLEAN_LOCALS = {"ok", "big"};
    private static final String[] METHOD_PREFIXES = {"m", "f", "loss", "energy", "eval"};
    private static final double[] DOUBLE_LITS = {0.5, 1.5, 2.0, 0.25, 3.0, 0.1, 1.0E-3, 10.0, 0.75, 1.0, 4.0};
    private static final Fn[] UNARY = {
        Fn.SIN, Fn.COS, Fn.TAN, Fn.ASIN, Fn.ACOS, Fn.ATAN, Fn.SINH, Fn.COSH, Fn.TANH, Fn.EXP, Fn.EXPM1,
        Fn.LOG, Fn.LOG10, Fn.LOG1P, Fn.SQRT, Fn.CBRT, Fn.ABS, Fn.TORADIANS, Fn.TODEGREES, Fn.FLOOR,
        Fn.CEIL, Fn.RINT, Fn.SIGNUM,
    };
    private static final Fn[] BINARY = {Fn.ATAN2, Fn.HYPOT, Fn.POW, Fn.MAX, Fn.MIN, Fn.FMA};

    private final Set<String> disabled;

    ProgramGenerator(Set<String> disabled) {
        for (String d : disabled) {
            if (!FEATURES.contains(d)) {
                throw new IllegalArgumentException("unknown feature '" + d + "', known: " + FEATURES);
            }
        }
        this.disabled = Set.copyOf(disabled);
    }

    boolean on(String feature) {
        return !disabled.contains(feature);
    }

    /** Deterministic seed mixing (SplitMix64 finaliser). */
    static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Class-level context shared by the methods of one program. */
    record ClassCtx(String className, boolean staticImport, List<ConstDecl> decls, List<Const> consts, List<Method> lib,
            boolean rules) {
        ClassCtx(String className, boolean staticImport, List<ConstDecl> decls, List<Const> consts) {
            this(className, staticImport, decls, consts, List.of(), false);
        }

        ClassCtx withLib(List<Method> newLib, boolean newRules) {
            return new ClassCtx(className, staticImport, decls, consts, List.copyOf(newLib), newRules);
        }
    }

    ClassCtx classCtx(long classSeed, String className) {
        SplittableRandom r = new SplittableRandom(mix(classSeed, -1));
        boolean staticImport = on("staticImport") && r.nextInt(2) == 0;
        double[] ks = {0.75, 1.25, 0.3, 2.5};
        double k = ks[r.nextInt(ks.length)];
        int n = 2 + r.nextInt(3);
        List<ConstDecl> decls = new ArrayList<>();
        decls.add(new ConstDecl("static final", Ty.DOUBLE, "K", Double.toString(k), k));
        // static final but not a compile-time constant: the companion must read the field
        decls.add(new ConstDecl("static final", Ty.DOUBLE, "K2", "Math.sqrt(2.0) * 0.5", Math.sqrt(2.0) * 0.5));
        decls.add(new ConstDecl("public static final", Ty.INT, "N", Integer.toString(n), n));
        List<Const> consts = new ArrayList<>();
        consts.add(new Const("K", Ty.DOUBLE, k));
        consts.add(new Const(className + ".K", Ty.DOUBLE, k));
        consts.add(new Const("K2", Ty.DOUBLE, Math.sqrt(2.0) * 0.5));
        consts.add(new Const("N", Ty.INT, n));
        consts.add(new Const("Math.PI", Ty.DOUBLE, Math.PI));
        consts.add(new Const("Math.E", Ty.DOUBLE, Math.E));
        if (on("strictMath")) {
            consts.add(new Const("StrictMath.PI", Ty.DOUBLE, StrictMath.PI));
        }
        if (staticImport) {
            consts.add(new Const("PI", Ty.DOUBLE, Math.PI));
            consts.add(new Const("E", Ty.DOUBLE, Math.E));
        }
        if (on("privateConst") && r.nextInt(3) == 0) {
            decls.add(new ConstDecl("private static final", Ty.DOUBLE, "PK", "0.375", 0.375));
            consts.add(new Const("PK", Ty.DOUBLE, 0.375));
        }
        return new ClassCtx(className, staticImport, decls, consts);
    }

    /** A program of {@code nMethods} random methods, some of them in a nested class. */
    Program program(long classSeed, String className, int nMethods) {
        ClassCtx ctx = classCtx(classSeed, className);
        SplittableRandom r = new SplittableRandom(mix(classSeed, -2));
        boolean useInner = on("innerClass") && nMethods >= 2 && r.nextInt(2) == 0;
        int nInner = useInner ? Math.max(1, nMethods / 5) : 0;
        // the library: callees, each may call the earlier ones (acyclic by construction)
        SplittableRandom lr = new SplittableRandom(mix(classSeed, -3));
        List<Method> lib = new ArrayList<>();
        boolean rules = on("rules") && lr.nextInt(3) > 0;
        if (on("calls")) {
            int nLib = 2 + lr.nextInt(4);
            for (int j = 0; j < nLib; j++) {
                ClassCtx lctx = ctx.withLib(lib, rules);
                lib.add(new MGen(new SplittableRandom(mix(classSeed, -100 - j)), lctx, true, "").method(mix(classSeed, -100 - j),
                        "lib" + j));
            }
        }
        // the issue 9 library methods: array-valued, varargs and procedures, from streams of their own
        // (with those switches off, every program is exactly what it was before them)
        if (on("calls")) {
            ClassCtx lctx = ctx.withLib(lib, rules);
            List<Method> extra = new ArrayList<>();
            SplittableRandom xr = new SplittableRandom(mix(classSeed, -4));
            if (on("arrays") && on("arrayValued")) {
                int n = 1 + xr.nextInt(2);
                for (int j = 0; j < n; j++) {
                    long ls = mix(classSeed, -200 - j);
                    extra.add(new MGen(new SplittableRandom(ls), lctx, true, "").vecLib(ls, "libV" + j));
                }
            }
            if (on("varargs")) {
                long ls = mix(classSeed, -300);
                extra.add(new MGen(new SplittableRandom(ls), lctx, true, "").varargsLib(ls, "libS0"));
            }
            if (on("arrays") && on("procedureCalls")) {
                long ls = mix(classSeed, -400);
                extra.add(new MGen(new SplittableRandom(ls), lctx, true, "").procLib(ls, "libP0", false));
                long us = mix(classSeed, -500);
                extra.add(new MGen(new SplittableRandom(us), lctx, true, "").procLib(us, "libU0", true));
            }
            lib.addAll(extra);
        }
        ctx = ctx.withLib(lib, rules);
        List<Method> outer = new ArrayList<>();
        List<Method> inner = new ArrayList<>();
        for (int i = 0; i < nMethods; i++) {
            long ms = mix(classSeed, i);
            String name = METHOD_PREFIXES[(int) Math.floorMod(ms, (long) METHOD_PREFIXES.length)] + i;
            Method m = new MGen(new SplittableRandom(ms), ctx, false, i >= nMethods - nInner ? className : "").method(ms, name);
            if (i >= nMethods - nInner) {
                List<String> f = new ArrayList<>(m.features());
                f.add("innerClass");
                inner.add(m.withFeatures(f));
            } else {
                outer.add(m);
            }
        }
        return new Program(PKG, className, ctx.staticImport(), ctx.decls(),
                rules ? List.of(DsInterpreter.SOFTPLUS_SOURCE) : List.of(), outer, inner, lib);
    }

    /** One method, fully determined by its seed and the class context. */
    Method method(long methodSeed, String name, ClassCtx ctx) {
        return new MGen(new SplittableRandom(methodSeed), ctx, false, "").method(methodSeed, name);
    }

    // ======================================================================================

    /** {@code fixed}: a loop index, counter or element variable that random statements must not assign. */
    private record VarInfo(String name, Ty ty, boolean param, boolean fixed) {
        VarInfo(String name, Ty ty, boolean param) {
            this(name, ty, param, false);
        }
    }

    /** An enclosing loop: its label (or null), its int index (or null) and the length key of its range. */
    private record LoopCtx(String label, String index, String key) {}

    /** A loop bound with a length key: arrays whose key equals it may be indexed by the index directly. */
    private record Bound(Expr e, String key) {}

    private static final String[] ARRAY_PARAMS = {"xs", "coef", "data"};
    private static final String[] ARRAY_LOCALS = {"buf", "ws", "cache"};
    private static final String[] INDEX_VARS = {"i", "j", "k", "idx"};
    private static final String[] COUNTERS = {"it", "iter", "rounds"};
    private static final String[] ELEMENT_VARS = {"el", "xv"};
    private static final String[] INT_ARRAY_PARAMS = {"ks", "ids"};
    private static final String OBS_PARAM = "obs";
    private static final String[] TABLES = {"tbl", "wts"};
    private static final String[] COPY_LOCALS = {"cp", "tmp"};
    private static final String[] FLOW_ACCS = {"acc", "total", "sq"};
    private static final String[] FLOW_TARGETS = {"zz", "cur", "pv", "hv"};
    // the issue 9 shapes' names
    private static final String[] X_ACCS = {"res", "agg", "tally", "score"};
    private static final String[] XIDX = {"jr", "kc", "ii", "jj", "kq", "ll"};
    private static final String[] ROW_NAMES = {"row", "first", "last", "wr"};
    private static final String[] BUF_NAMES = {"hb", "hid", "act", "yb"};
    private static final String[] VEC_NAMES = {"hvec", "pred", "hvec2"};
    private static final String[] SE_NAMES = {"ua", "ub", "uc", "rr", "st"};
    private static final String[] CNT_NAMES = {"kk", "pos", "left", "togo"};
    private static final String[] Z_NAMES = {"zd", "dotv"};
    private static final String[] VAR_NAMES = {"vt", "vb", "sv"};
    private static final String[] PB_NAMES = {"pb", "pb2", "outv"};

    private final class MGen {
        /** The random stream; the issue 9 shapes swap in {@link #xr} while they generate ({@link #withX}). */
        private SplittableRandom r;
        /** The issue 9 shapes' own stream: with their switches off it is never drawn from. */
        private SplittableRandom xr;
        /** The fused tails' own stream ({@link #fusedTail}): with fusedTail off it is never drawn from. */
        private SplittableRandom tr;
        /** Whether this method ends in a fused tail. */
        private boolean tailed;
        /** Whether this method gets issue 9 shape groups ({@link #extraGroup}), and how many it has. */
        private boolean xtra;
        private int xGroups;
        /** The label of the loop around the switch being generated (null: none or unlabelled). */
        private String switchLoopLabel;
        /** Whether a return other than the last statement has been generated so far. */
        private boolean returnSeen;
        /** Loop depth at which each local array of the issue 9 shapes was declared (others: 0). */
        private final java.util.Map<String, Integer> arrDepth = new java.util.HashMap<>();
        /** The double[][] parameter (null: none), its rows and columns. */
        private String mat;
        private int matRows;
        private int matCols;
        private final ClassCtx ctx;
        private final Deque<List<VarInfo>> scopes = new ArrayDeque<>();
        private final Set<String> features = new LinkedHashSet<>();
        private String hot;
        private int budget;
        private String[] doubleLocals = DOUBLE_LOCALS;
        /** A library method: no wrt, no long/boolean parameters, not private. */
        private final boolean isLib;
        /** Qualifier for calls of library methods and softplus ("" in the outer class). */
        private final String qualifier;
        private final Deque<LoopCtx> loops = new ArrayDeque<>();
        private final java.util.Map<String, String> arrKey = new java.util.HashMap<>();
        private int labels;
        /** Returns and break/continue generated in the current outermost loop nest. */
        private int nestReturns;
        private int nestJumps;
        /** Whether this method may contain loops (decided up front, for the loopReturn switch). */
        private boolean loopy;
        /** Whether this method gets data-flow shape groups ({@link #flowGroup}). */
        private boolean flowy;
        /** Static length of every array (parameters have one length per method). */
        private final java.util.Map<String, Integer> arrLen = new java.util.HashMap<>();
        /** Arrays whose elements are inactive: int[] parameters, double[] ones left out of wrt, constant tables. */
        private final Set<String> inactiveArrs = new java.util.HashSet<>();
        /** Local arrays that are never written (constant tables). */
        private final Set<String> constArrs = new java.util.HashSet<>();
        /** Accumulators of flow groups at method level: the final return adds them, so they reach the result. */
        private final List<String> flowOuts = new ArrayList<>();
        private int flowGroups;
        private int ifDepth;
        /** While generating call arguments with callArgWrite off: read parameters only, and pin them. */
        private boolean argMode;
        private final Set<String> pinned = new java.util.HashSet<>();
        private final Set<String> writtenParams = new java.util.HashSet<>();
        /** Accumulators declared for the current outermost loop nest. */
        private final Set<String> nestAcc = new java.util.HashSet<>();

        MGen(SplittableRandom r, ClassCtx ctx, boolean isLib, String qualifier) {
            this.r = r;
            this.ctx = ctx;
            this.isLib = isLib;
            this.qualifier = qualifier;
        }

        Method method(long seed, String name) {
            String[] set = PARAM_SETS[r.nextInt(PARAM_SETS.length)];
            if (on("trickyNames") && r.nextInt(100) < 12) {
                features.add("trickyNames");
                set = TRICKY_PARAMS;
            }
            if (on("trickyNames") && r.nextInt(100) < 12) {
                features.add("trickyNames");
                doubleLocals = TRICKY_LOCALS;
            }
            int nd = 1 + r.nextInt(4);
            List<Param> params = new ArrayList<>();
            for (int i = 0; i < nd; i++) {
                params.add(new Param(set[i], Ty.DOUBLE));
            }
            if (on("arrays") && r.nextInt(100) < (isLib ? 45 : 30)) {
                features.add("arrays");
                int na = r.nextInt(100) < 25 ? 2 : 1;
                for (int i = 0; i < na; i++) {
                    params.add(new Param(ARRAY_PARAMS[i], Ty.DARRAY, 1 + r.nextInt(4)));
                    arrKey.put(ARRAY_PARAMS[i], "p:" + ARRAY_PARAMS[i]);
                }
            }
            if (r.nextInt(10) < 3) {
                params.add(r.nextInt(params.size() + 1), new Param(INT_PARAMS[r.nextInt(INT_PARAMS.length)], Ty.INT));
            }
            if (on("extraParams") && !isLib && r.nextInt(100) < 10) {
                features.add("extraParams");
                params.add(r.nextInt(params.size() + 1), new Param(r.nextBoolean() ? "len" : "steps", Ty.LONG));
            }
            if (on("extraParams") && !isLib && r.nextInt(100) < 8) {
                features.add("extraParams");
                params.add(r.nextInt(params.size() + 1), new Param(r.nextBoolean() ? "flag" : "neg", Ty.BOOLEAN));
            }
            List<String> wrt = new ArrayList<>();
            if (on("wrt") && !isLib && r.nextInt(100) < 15) {
                features.add("wrt");
                for (int i = 0; i < nd; i++) {
                    if (r.nextInt(3) > 0) {
                        wrt.add(set[i]);
                    }
                }
                if (wrt.isEmpty()) {
                    wrt.add(set[r.nextInt(nd)]);
                }
                Collections.shuffle(wrt, new java.util.Random(r.nextLong()));
            }
            List<VarInfo> top = new ArrayList<>();
            for (Param p : params) {
                top.add(new VarInfo(p.name(), p.ty(), true));
            }
            scopes.push(top);
            if (r.nextInt(10) < 3) {
                hot = set[r.nextInt(nd)];
                features.add("fanOut");
            }
            String mods = "static";
            int mr = r.nextInt(100);
            if (mr < 12) {
                mods = "public static";
            } else if (mr < 18 && on("privateMethod") && !isLib) {
                mods = "private static";
                features.add("privateMethod");
            }
            loopy = on("loops") && r.nextInt(100) < 60;
            // The data-flow shapes' decisions draw from a stream of their own, so that with flow and
            // inactiveArrays off every method is exactly what the generator made before them.
            SplittableRandom fr = new SplittableRandom(mix(seed, 0x5EEDF10L));
            // Data-flow shapes (flow) want every kind of operand source at hand: an active array
            // parameter and an array whose elements are inactive, so those are added more often.
            flowy = on("flow") && !isLib && loopy && fr.nextInt(100) < 85;
            if (flowy && on("arrays") && params.stream().noneMatch(p -> p.ty() == Ty.DARRAY) && fr.nextInt(100) < 80) {
                features.add("arrays");
                addParam(params, params.size(), new Param(ARRAY_PARAMS[0], Ty.DARRAY, 1 + fr.nextInt(4)));
            }
            // an array whose elements are inactive: 1 an int[] parameter, 2 a double[] parameter
            // left out of wrt, 3 a constant local table {..}
            int inactiveKind = 0;
            if (on("inactiveArrays") && on("arrays") && !isLib && fr.nextInt(100) < (flowy ? 75 : 15)) {
                inactiveKind = 1 + fr.nextInt(3);
                if (inactiveKind == 2 && !on("wrt")) {
                    inactiveKind = 1;
                }
                features.add("inactiveArrays");
            }
            if (inactiveKind == 1) {
                String an = INT_ARRAY_PARAMS[fr.nextInt(INT_ARRAY_PARAMS.length)];
                addParam(params, fr.nextInt(params.size() + 1), new Param(an, Ty.IARRAY, 1 + fr.nextInt(4)));
                features.add("intArrayParam");
            } else if (inactiveKind == 2) {
                addParam(params, params.size(), new Param(OBS_PARAM, Ty.DARRAY, 1 + fr.nextInt(4)));
                features.add("arrayOutsideWrt");
                if (wrt.isEmpty()) {
                    features.add("wrt");
                    for (int i = 0; i < nd; i++) {
                        if (fr.nextInt(3) > 0) {
                            wrt.add(set[i]);
                        }
                    }
                    if (wrt.isEmpty()) {
                        wrt.add(set[fr.nextInt(nd)]);
                    }
                }
                // the other array parameters are mostly named in wrt too, obs never
                for (Param p : params) {
                    if (p.ty() == Ty.DARRAY && !p.name().equals(OBS_PARAM) && fr.nextInt(100) < 70) {
                        wrt.add(p.name());
                    }
                }
                Collections.shuffle(wrt, new java.util.Random(fr.nextLong()));
            }
            for (Param p : params) {
                if (p.ty() == Ty.DARRAY || p.ty() == Ty.IARRAY) {
                    arrLen.put(p.name(), p.len());
                    if (p.ty() == Ty.IARRAY || !wrt.isEmpty() && !wrt.contains(p.name())) {
                        inactiveArrs.add(p.name());
                    }
                }
            }
            tr = new SplittableRandom(mix(seed, 0xF05EDL));
            tailed = on("fusedTail") && on("loops") && on("arrays") && tr.nextInt(100) < 30;
            xr = new SplittableRandom(mix(seed, 0x15509L));
            xtra = !isLib && anyExtraOn() && xr.nextInt(100) < 50;
            if (xtra && on("rows") && on("arrays") && on("loops") && xr.nextInt(100) < 50) {
                // a double[][] parameter, differentiated or (sometimes) left out of wrt
                mat = xr.nextBoolean() ? "W" : "wm";
                matRows = 1 + xr.nextInt(3);
                matCols = 1 + xr.nextInt(4);
                addParam(params, params.size(), new Param(mat, Ty.DMATRIX, matRows, matCols));
                features.add("rows");
                boolean outside = false;
                if (!wrt.isEmpty()) {
                    outside = xr.nextInt(100) < 35;
                    if (!outside) {
                        wrt.add(mat);
                    }
                } else if (on("wrt") && xr.nextInt(100) < 25) {
                    outside = true;
                    features.add("wrt");
                    for (Param p : params) {
                        if (p.differentiable() && !p.name().equals(mat)) {
                            wrt.add(p.name());
                        }
                    }
                }
                if (outside) {
                    features.add("matrixOutsideWrt");
                }
            }
            List<Stmt> body = new ArrayList<>();
            List<Stmt> fills = new ArrayList<>();
            if (inactiveKind == 3) {
                // a constant table: never written, so its elements are inactive
                String tn = TABLES[fr.nextInt(TABLES.length)];
                int len = 1 + fr.nextInt(4);
                List<Expr> elems = new ArrayList<>();
                for (int e = 0; e < len; e++) {
                    Expr lit = new Lit(DOUBLE_LITS[fr.nextInt(DOUBLE_LITS.length)], Ty.DOUBLE);
                    elems.add(fr.nextInt(5) == 0 ? constant(fr) : fr.nextInt(4) == 0 ? new Neg(lit) : lit);
                }
                body.add(new Ast.ArrInit(tn, elems));
                declare(tn, Ty.DARRAY);
                arrKey.put(tn, "#" + len);
                arrLen.put(tn, len);
                inactiveArrs.add(tn);
                constArrs.add(tn);
                features.add("constTable");
            }
            if (on("arrays") && loopy && r.nextInt(100) < (flowy ? 65 : 30)) {
                // local arrays are allocated before any loop
                features.add("arrays");
                int nl = r.nextInt(100) < 25 ? 2 : 1;
                for (int i = 0; i < nl; i++) {
                    Bound b = arrayLength();
                    body.add(new Ast.ArrDecl(ARRAY_LOCALS[i], b.e()));
                    declare(ARRAY_LOCALS[i], Ty.DARRAY);
                    arrKey.put(ARRAY_LOCALS[i], b.key());
                    arrLen.put(ARRAY_LOCALS[i], staticInt(b.e()));
                    if (r.nextInt(100) < 75) {
                        // fill it: for (int i = 0; i < buf.length; i++) buf[i] = term;
                        features.add("loops");
                        String iv = INDEX_VARS[r.nextInt(INDEX_VARS.length)];
                        scopes.push(new ArrayList<>(List.of(new VarInfo(iv, Ty.INT, false, true))));
                        loops.push(new LoopCtx(null, iv, b.key()));
                        Stmt st = new Ast.ArrStore(ARRAY_LOCALS[i], new Var(iv, Ty.INT), '=', term());
                        loops.pop();
                        scopes.pop();
                        // (with arrayCalls, all fills come after the copies, which are allocations too)
                        (on("arrayCalls") ? fills : body).add(new Ast.For(null, iv, new Lit(0, Ty.INT),
                                new Cmp("<", new Var(iv, Ty.INT), new Ast.Len(ARRAY_LOCALS[i])), 1, List.of(st)));
                    }
                }
            }
            // (not in library methods: their callers pass arrays of other lengths, and the bounds
            // of these calls are computed from the lengths known here)
            if (on("arrayCalls") && on("arrays") && loopy && !isLib && !arrays(false).isEmpty() && r.nextInt(100) < 40) {
                // copies are allocations too, so they also come before any loop
                body.add(copyDecl());
            }
            body.addAll(fills);
            if (on("arrayCalls") && on("arrays") && loopy && !isLib && !writableLocalArrays().isEmpty() && r.nextInt(100) < 50) {
                // System.arraycopy / Arrays.fill into a local array that the rest of the method reads
                List<String> ws = writableLocalArrays();
                body.add(arrayCallStmt(ws.get(r.nextInt(ws.size()))));
            }
            body.addAll(block(0, true));
            return new Method(mods, "double", name, params, body, seed, new ArrayList<>(features), wrt);
        }

        /** Adds a parameter at {@code pos}, visible in the method's top scope. */
        private void addParam(List<Param> params, int pos, Param p) {
            params.add(pos, p);
            scopes.peekLast().add(new VarInfo(p.name(), p.ty(), true));
            arrKey.put(p.name(), "p:" + p.name());
        }

        /** The value of an int expression made of literals, N and lengths (all known statically). */
        private int staticInt(Expr e) {
            if (e instanceof Lit l) {
                return (int) l.value();
            } else if (e instanceof Const c) {
                return (int) c.value();
            } else if (e instanceof Ast.Len l) {
                return arrLen.get(l.arr());
            } else if (e instanceof Bin b && b.op() == '+') {
                return staticInt(b.l()) + staticInt(b.r());
            } else if (e instanceof Bin b && b.op() == '-') {
                return staticInt(b.l()) - staticInt(b.r());
            }
            throw new IllegalStateException("not static: " + e);
        }

        // ---------------------------------------------------------------- statements

        private List<Stmt> block(int depth, boolean top) {
            List<Stmt> out = new ArrayList<>();
            int n = top ? r.nextInt(isLib ? 5 : 9) : r.nextInt(isLib ? 3 : 4);
            for (int i = 0; i < n; i++) {
                if (top && xtra && xGroups < 2 && xr.nextInt(100) < 30) {
                    out.addAll(withX(() -> extraGroup(depth)));
                    continue;
                }
                if (top && flowy && flowGroups < 3 && r.nextInt(100) < 40) {
                    out.addAll(flowGroup(depth));
                    continue;
                }
                if (loopy && loops.size() < 2 && depth < 3 && (ifDepth == 0 || on("loopInBranch"))
                        && r.nextInt(100) < (loops.isEmpty() ? 22 : 6)) {
                    if (ifDepth > 0) {
                        features.add("loopInBranch");
                    }
                    out.addAll(loopStmts(depth));
                    continue;
                }
                Stmt s = stmt(depth);
                out.add(s);
                if (terminates(s)) {
                    return out;
                }
            }
            if (top) {
                if (flowy && flowGroups == 0) {
                    out.addAll(flowGroup(depth));
                }
                if (xtra && xGroups == 0) {
                    out.addAll(withX(() -> extraGroup(depth)));
                }
                // the flow groups' accumulators reach the result
                Expr ret = returnExpr();
                for (String acc : flowOuts) {
                    ret = new Bin('+', ret, new Var(acc, Ty.DOUBLE));
                }
                List<Stmt> tail = null;
                if (tailed) {
                    Expr start = ret;
                    SplittableRandom saved = r;
                    r = tr;
                    try {
                        tail = fusedTail(start);
                    } finally {
                        r = saved;
                    }
                }
                if (tail != null) {
                    out.addAll(tail);
                } else {
                    out.add(new Return(ret));
                }
            } else if (on("earlyReturn") && r.nextInt(100) < 30 && returnAllowed()) {
                features.add("earlyReturn");
                out.add(new Return(returnExpr()));
            }
            return out;
        }

        /** Mostly combines the live locals, so that the computation reaches the result. */
        private Expr returnExpr() {
            List<VarInfo> locals = new ArrayList<>();
            for (VarInfo v : visible()) {
                if (!v.param() && v.ty() != Ty.BOOLEAN && v.ty() != Ty.DARRAY) {
                    locals.add(v);
                }
            }
            if (locals.isEmpty() || r.nextInt(100) < 35) {
                return exprD();
            }
            Collections.shuffle(locals, new java.util.Random(r.nextLong()));
            int n = 1 + r.nextInt(Math.min(3, locals.size()));
            Expr e = new Var(locals.get(0).name(), locals.get(0).ty());
            for (int k = 1; k < n; k++) {
                e = new Bin("+-*".charAt(r.nextInt(3)), e, new Var(locals.get(k).name(), locals.get(k).ty()));
            }
            if (r.nextBoolean()) {
                e = new Bin("+-*".charAt(r.nextInt(3)), e, exprD());
            }
            return toDoubleVar(e);
        }

        private boolean terminates(Stmt s) {
            if (s instanceof Return) {
                return true;
            }
            if (s instanceof If i) {
                return blockTerminates(i.then()) && blockTerminates(i.els());
            }
            return false;
        }

        private boolean blockTerminates(List<Stmt> b) {
            return !b.isEmpty() && terminates(b.get(b.size() - 1));
        }

        private Stmt stmt(int depth) {
            if (on("arrays") && r.nextInt(100) < 5) {
                Stmt st = arrayStore();
                if (st != null) {
                    return st;
                }
            }
            int k = r.nextInt(100);
            if (k < 34) {
                return declDouble();
            } else if (k < 41) {
                String name = fresh(INT_LOCALS);
                if (name != null) {
                    Expr init = exprI();
                    declare(name, Ty.INT);
                    return new Decl(Ty.INT, name, init);
                }
                return declDouble();
            } else if (k < 44 && on("longLocal")) {
                String name = fresh(LONG_LOCALS);
                if (name != null) {
                    features.add("longLocal");
                    Expr init = exprL();
                    declare(name, Ty.LONG);
                    return new Decl(Ty.LONG, name, init);
                }
                return declDouble();
            } else if (k < 47 && on("booleanLocal")) {
                String name = fresh(BOOLEAN_LOCALS);
                if (name != null) {
                    features.add("booleanLocal");
                    budget = 8;
                    BExpr init = bexpr(1);
                    declare(name, Ty.BOOLEAN);
                    return new Ast.BDecl(name, init);
                }
                return declDouble();
            } else if (k < 57) {
                Stmt s = assign();
                return s != null ? s : declDouble();
            } else if (k < 70) {
                Stmt s = compound();
                return s != null ? s : declDouble();
            } else if (k < 73 && on("incDec")) {
                VarInfo v = assignTarget(true, false);
                if (v == null) {
                    return declDouble();
                }
                features.add("incDec");
                return new Ast.IncDec(v.name(), v.ty(), r.nextBoolean(), r.nextBoolean());
            } else if (k < 87 && depth < 3 && (loops.isEmpty() || ifDepth == 0 || on("loopNestedBranch"))) {
                if (!loops.isEmpty() && ifDepth > 0) {
                    features.add("loopNestedBranch");
                }
                return ifStmt(depth);
            }
            return declDouble();
        }

        private Stmt declDouble() {
            String name = fresh(doubleLocals);
            if (name == null) {
                Stmt s = assign(); // the pool is exhausted, so double locals exist
                if (s == null && !loops.isEmpty()) {
                    // inside a loop with loopWrite off: an empty branch instead
                    budget = 4;
                    return new If(cmp(), List.of(), List.of());
                }
                if (s == null) {
                    throw new IllegalStateException("no assignable variable");
                }
                return s;
            }
            Expr init = constGuard(exprD());
            declare(name, Ty.DOUBLE);
            return new Decl(Ty.DOUBLE, name, init);
        }

        private VarInfo assignTarget(boolean allowIntegral, boolean allowBoolean) {
            if (!loops.isEmpty()) {
                if (!on("loopWrite")) {
                    return null;
                }
                features.add("loopWrite");
            }
            List<VarInfo> cands = new ArrayList<>();
            for (VarInfo v : visible()) {
                if (v.fixed() || v.ty() == Ty.DARRAY || pinned.contains(v.name())) {
                    continue;
                }
                if (v.param()) {
                    if (v.ty() == Ty.DOUBLE && on("paramWrite") && r.nextInt(4) == 0) {
                        cands.add(v);
                    }
                } else if (v.ty() == Ty.DOUBLE || allowIntegral && v.ty().integral() || allowBoolean && v.ty() == Ty.BOOLEAN) {
                    cands.add(v);
                }
            }
            if (cands.isEmpty()) {
                return null;
            }
            VarInfo v = cands.get(r.nextInt(cands.size()));
            if (v.param()) {
                features.add("paramWrite");
                writtenParams.add(v.name());
            }
            return v;
        }

        private Stmt assign() {
            VarInfo v = assignTarget(true, true);
            if (v == null) {
                return null;
            }
            switch (v.ty()) {
                case INT:
                    return new Assign(v.name(), v.ty(), exprI());
                case LONG:
                    return new Assign(v.name(), v.ty(), exprL());
                case BOOLEAN:
                    budget = 8;
                    return new Ast.BAssign(v.name(), bexpr(1));
                default:
                    return new Assign(v.name(), v.ty(), constGuard(exprD()));
            }
        }

        private Stmt compound() {
            VarInfo v = assignTarget(true, false);
            if (v == null) {
                return null;
            }
            char op = "+-*/%".charAt(r.nextInt(on("remainder") ? 5 : 4));
            features.add("compound");
            if (op == '%') {
                features.add("remainder");
            }
            if (v.ty() == Ty.DOUBLE) {
                Expr e;
                if (op == '/' || op == '%') {
                    budget = 20;
                    e = pos(2);
                } else {
                    e = exprD();
                }
                return new Compound(v.name(), Ty.DOUBLE, op, constGuard(e));
            }
            // integral target
            if (on("intCompoundDouble") && r.nextInt(100) < 15) {
                features.add("intCompoundDouble");
                budget = 20;
                Expr e = op == '/' || op == '%' ? pos(2) : strictD(2);
                return new Compound(v.name(), v.ty(), op, e);
            }
            if (op == '/' || op == '%') {
                features.add("intDiv");
                return new Compound(v.name(), v.ty(), op, new Lit(1 + r.nextInt(3), Ty.INT));
            }
            return new Compound(v.name(), v.ty(), op, v.ty() == Ty.LONG ? exprL() : exprI());
        }

        private Stmt ifStmt(int depth) {
            ifDepth++;
            try {
                return ifStmt0(depth);
            } finally {
                ifDepth--;
            }
        }

        private Stmt ifStmt0(int depth) {
            budget = 10;
            BExpr c = bexpr(2);
            scopes.push(new ArrayList<>());
            List<Stmt> then = block(depth + 1, false);
            scopes.pop();
            List<Stmt> els;
            int e = r.nextInt(100);
            if (e < 40) {
                els = List.of();
            } else if (e < 70 || depth >= 2 || !loops.isEmpty() && !on("loopNestedBranch")) {
                scopes.push(new ArrayList<>());
                els = block(depth + 1, false);
                scopes.pop();
            } else {
                features.add("elseIf");
                els = List.of(ifStmt(depth + 1));
            }
            features.add("if");
            return new If(c, then, els);
        }

        // ---------------------------------------------------------------- loops and arrays

        private List<VarInfo> arrays(boolean paramsOnly) {
            List<VarInfo> out = new ArrayList<>();
            for (VarInfo v : visible()) {
                if (v.ty() == Ty.DARRAY && (!paramsOnly || v.param())) {
                    out.add(v);
                }
            }
            return out;
        }

        /** The length of a local array: an array parameter's length, a literal or N (never negative). */
        private Bound arrayLength() {
            List<VarInfo> ps = arrays(true);
            int k = r.nextInt(100);
            if (!ps.isEmpty() && k < 50) {
                VarInfo a = ps.get(r.nextInt(ps.size()));
                return new Bound(new Ast.Len(a.name()), arrKey.get(a.name()));
            } else if (k < 80) {
                int n = 2 + r.nextInt(3);
                return new Bound(new Lit(n, Ty.INT), "#" + n);
            }
            return new Bound(new Const("N", Ty.INT, constValue("N")), "#" + (int) constValue("N"));
        }

        /**
         * The method's end: {@code double acc = <what it would return>;} then a loop that sums terms
         * of {@code a[i]}, {@code a[i + 1]}, {@code a[i + 2]} (up or down, from 0 or 1) into acc, then
         * {@code return acc;}: the shape transform/Fusion runs forward and reverse in one pass, with
         * the gradient's elements assigned. Sometimes beside it, shapes it must not fuse: a value
         * carried to the next iteration and read by the sum, or {@code acc = term - acc}. The terms
         * may read any visible variable, acc itself included (which is then not a plain sum).
         */
        private List<Stmt> fusedTail(Expr ret) {
            List<VarInfo> as = arrays(false);
            String acc = fresh(doubleLocals);
            String i = fresh(INDEX_VARS);
            if (as.isEmpty() || acc == null || i == null) {
                return null;
            }
            features.add("fusedTail");
            List<Stmt> out = new ArrayList<>();
            out.add(new Decl(Ty.DOUBLE, acc, ret));
            declare(acc, Ty.DOUBLE);
            VarInfo a = as.get(r.nextInt(as.size()));
            int span = r.nextInt(3);
            boolean down = r.nextInt(100) < 30;
            int kind = r.nextInt(100);
            String prev = null;
            if (kind >= 72 && kind < 86) {
                prev = fresh(doubleLocals);
                if (prev != null) {
                    features.add("fusedTailCarried");
                    out.add(new Decl(Ty.DOUBLE, prev, new Lit(0.5, Ty.DOUBLE)));
                    declare(prev, Ty.DOUBLE);
                }
            }
            if (kind >= 86) {
                features.add("fusedTailAlternating");
            }
            Expr len = new Ast.Len(a.name());
            Expr init;
            BExpr cond;
            int step;
            if (down) {
                features.add("fusedTailDown");
                init = new Bin('-', len, new Lit(1 + span, Ty.INT));
                cond = new Cmp(">=", new Var(i, Ty.INT), new Lit(0, Ty.INT));
                step = -1;
            } else {
                init = new Lit(r.nextInt(2), Ty.INT);
                cond = new Cmp("<", new Var(i, Ty.INT), span == 0 ? len : new Bin('-', len, new Lit(span, Ty.INT)));
                step = 1;
            }
            scopes.push(new ArrayList<>(List.of(new VarInfo(i, Ty.INT, false, true))));
            loops.push(new LoopCtx(null, i, arrKey.get(a.name())));
            List<Stmt> body = new ArrayList<>();
            int n = 1 + r.nextInt(3);
            boolean updated = false;
            for (int s = 0; s < n; s++) {
                Expr e = elementTerm(a.name(), i, span);
                String t = s < n - 1 && r.nextInt(100) < 50 ? fresh(doubleLocals) : null;
                if (t != null) {
                    body.add(new Decl(Ty.DOUBLE, t, e));
                    declare(t, Ty.DOUBLE);
                    continue;
                }
                if (prev != null && !updated) {
                    e = new Bin('*', new Var(prev, Ty.DOUBLE), new Paren(e));
                }
                body.add(sumInto(acc, e, kind));
                updated = true;
            }
            if (!updated) {
                body.add(sumInto(acc, elementTerm(a.name(), i, span), kind));
            }
            if (prev != null) {
                body.add(new Assign(prev, Ty.DOUBLE, elementTerm(a.name(), i, span)));
            }
            loops.pop();
            scopes.pop();
            out.add(new Ast.For(null, i, init, cond, step, body));
            out.add(new Return(new Var(acc, Ty.DOUBLE)));
            return out;
        }

        /** {@code a[i + c]} for a random c up to span, alone or with a second element or a small term. */
        private Expr elementTerm(String a, String i, int span) {
            Expr el = element(a, i, r.nextInt(span + 1));
            int k = r.nextInt(100);
            if (k < 30) {
                return new Bin('*', el, element(a, i, r.nextInt(span + 1)));
            } else if (k < 55) {
                return new Bin(r.nextBoolean() ? '+' : '-', el, term());
            } else if (k < 80) {
                return new Bin('*', el, new Paren(term()));
            }
            return el;
        }

        private Expr element(String a, String i, int c) {
            return new Ast.Idx(a, c == 0 ? new Var(i, Ty.INT) : new Bin('+', new Var(i, Ty.INT), new Lit(c, Ty.INT)));
        }

        /** acc += e, acc -= e, acc = acc + e or acc = e + acc; acc = e - acc for an alternating sum. */
        private Stmt sumInto(String acc, Expr e, int kind) {
            Var v = new Var(acc, Ty.DOUBLE);
            if (kind >= 86) {
                return new Assign(acc, Ty.DOUBLE, new Bin('-', e, v));
            }
            return switch (r.nextInt(4)) {
                case 0 -> new Compound(acc, Ty.DOUBLE, '+', e);
                case 1 -> new Compound(acc, Ty.DOUBLE, '-', e);
                case 2 -> new Assign(acc, Ty.DOUBLE, new Bin('+', v, e));
                default -> new Assign(acc, Ty.DOUBLE, new Bin('+', e, v));
            };
        }

        /** A loop range (at most 5 trips): an array's length, a literal, N or an int parameter (at most 5). */
        private Bound loopBound() {
            List<VarInfo> as = arrays(false);
            int k = r.nextInt(100);
            if (!as.isEmpty() && k < 50) {
                VarInfo a = as.get(r.nextInt(as.size()));
                return new Bound(new Ast.Len(a.name()), arrKey.get(a.name()));
            } else if (k < 62) {
                for (VarInfo v : visible()) {
                    if (v.param() && v.ty() == Ty.INT) {
                        return new Bound(new Var(v.name(), Ty.INT), null);
                    }
                }
            }
            if (k < 85) {
                int n = 1 + r.nextInt(5);
                return new Bound(new Lit(n, Ty.INT), "#" + n);
            }
            return new Bound(new Const("N", Ty.INT, constValue("N")), "#" + (int) constValue("N"));
        }

        /** A read of an array element whose index is in bounds by construction. */
        private Expr arrayRead() {
            List<VarInfo> as = arrays(argMode || r.nextInt(100) < 60 && !arrays(true).isEmpty());
            VarInfo a = as.get(r.nextInt(as.size()));
            return new Ast.Idx(a.name(), index(a.name()));
        }

        /** An in-bounds index into {@code arr} (every array has length at least 1). */
        private Expr index(String arr) {
            Expr len = new Ast.Len(arr);
            LoopCtx l = null;
            for (LoopCtx c : loops) { // innermost first
                if (c.index() != null && r.nextInt(3) > 0) {
                    l = c;
                    break;
                }
            }
            if (l == null) {
                return r.nextBoolean() ? new Lit(0, Ty.INT) : new Bin('-', len, new Lit(1, Ty.INT));
            }
            Var i = new Var(l.index(), Ty.INT);
            boolean same = l.key() != null && l.key().equals(arrKey.get(arr));
            int k = r.nextInt(100);
            if (same && k < 45) {
                return i;
            } else if (same && k < 65) {
                return new Bin('-', new Bin('-', len, new Lit(1, Ty.INT)), i);
            } else if (k < 85) {
                return new Bin('%', new Paren(new Bin('+', i, new Lit(1 + r.nextInt(2), Ty.INT))), len);
            }
            return new Bin('%', i, len);
        }

        private String freshLabel() {
            return "outer" + (labels++);
        }

        /** A small loop term (shallow, so loop-carried values stay bounded). */
        private Expr term() {
            budget = 5;
            return constGuard(toDoubleVar(genD(1 + r.nextInt(2))));
        }

        /** Constant (inactive) value, by construction: literals, constants, integral values, calls of them. */
        private boolean inactive(Expr e) {
            if (e.ty() != Ty.DOUBLE) {
                return true;
            }
            if (e instanceof Ast.Invoke c) {
                for (Expr a : c.args()) {
                    if (a.ty() == Ty.DARRAY || !inactive(a)) {
                        return false;
                    }
                }
                return true;
            } else if (e instanceof Ast.Idx) {
                return false;
            } else if (e instanceof Paren p) {
                return inactive(p.e());
            } else if (e instanceof Neg n) {
                return inactive(n.e());
            } else if (e instanceof Cast c) {
                return inactive(c.e());
            } else if (e instanceof Bin b) {
                return inactive(b.l()) && inactive(b.r());
            } else if (e instanceof Cond c) {
                return inactive(c.a()) && inactive(c.b());
            } else if (e instanceof Call c) {
                for (Expr a : c.args()) {
                    if (!inactive(a)) {
                        return false;
                    }
                }
                return true;
            }
            return DsInterpreter.staticallyInactive(e);
        }

        /**
         * A value about to be stored in a double variable: with loops possible and constInit off, a
         * constant non-literal value is replaced (known processor bug, see KNOWN_BUGS).
         */
        private Expr constGuard(Expr e) {
            if (!loopy || e instanceof Lit || !inactive(e)) {
                return e;
            }
            if (on("constInit")) {
                features.add("constInit");
                return e;
            }
            return new Lit(DOUBLE_LITS[r.nextInt(DOUBLE_LITS.length)], Ty.DOUBLE);
        }

        /** May a return be generated here (inside a loop nest, unless loopExitMix)? */
        private boolean returnAllowed() {
            boolean ok = returnAllowed0();
            returnSeen |= ok;
            return ok;
        }

        private boolean returnAllowed0() {
            if (loopy && !on("loopReturn")) {
                return false;
            }
            if (loopy) {
                features.add("loopReturn");
            }
            if (loops.isEmpty()) {
                return true;
            }
            if (!on("returnInLoop")) {
                return false;
            }
            if (nestReturns + nestJumps > 0 && !on("loopExitMix")) {
                return false;
            }
            if (nestReturns + nestJumps > 0) {
                features.add("loopExitMix");
            }
            features.add("returnInLoop");
            nestReturns++;
            return true;
        }

        private boolean jumpAllowed() {
            if (nestReturns > 0 && !on("loopExitMix")) {
                return false;
            }
            if (nestReturns > 0) {
                features.add("loopExitMix");
            }
            nestJumps++;
            return true;
        }

        private List<Stmt> loopStmts(int depth) {
            features.add("loops");
            if (loops.isEmpty()) {
                nestReturns = 0;
                nestJumps = 0;
                nestAcc.clear();
            }
            List<Stmt> out = new ArrayList<>();
            String den = null;
            if (r.nextInt(100) < 55 && (loops.isEmpty() || on("loopWrite"))) {
                String acc = fresh(doubleLocals);
                if (acc != null) {
                    double[] inits = {0.0, 1.0, 0.5};
                    out.add(new Decl(Ty.DOUBLE, acc, new Lit(inits[r.nextInt(inits.length)], Ty.DOUBLE)));
                    declare(acc, Ty.DOUBLE);
                    nestAcc.add(acc);
                    if (r.nextInt(100) < 25) {
                        den = acc;
                    }
                }
            }
            String label = on("labeledJump") && loops.isEmpty() && r.nextInt(100) < 25 ? freshLabel() : null;
            int kind = r.nextInt(100);
            List<VarInfo> arrs = arrays(false);
            if (kind >= 85 && !arrs.isEmpty()) {
                VarInfo a = arrs.get(r.nextInt(arrs.size()));
                String ev = fresh(ELEMENT_VARS);
                if (ev != null) {
                    features.add("forEach");
                    scopes.push(new ArrayList<>(List.of(new VarInfo(ev, Ty.DOUBLE, false, true))));
                    loops.push(new LoopCtx(label, null, null));
                    List<Stmt> body = loopBody(depth, den, null);
                    loops.pop();
                    scopes.pop();
                    out.add(new Ast.ForEach(label, ev, a.name(), body));
                    return finish(out, den);
                }
                kind = 0;
            }
            if (kind >= 55 && kind < 85) {
                String it = fresh(COUNTERS);
                if (it != null) {
                    out.add(new Decl(Ty.INT, it, new Lit(0, Ty.INT)));
                    scopes.peek().add(new VarInfo(it, Ty.INT, false, true));
                    int trips = 1 + r.nextInt(5);
                    BExpr c = new Cmp("<", new Var(it, Ty.INT), new Lit(trips, Ty.INT));
                    boolean doWhile = kind >= 72;
                    if (r.nextInt(100) < 25) {
                        // a data-dependent trip count, still bounded by the counter
                        budget = 4;
                        c = new And(c, new Cmp("<", doubleVar(), new Lit(3.0, Ty.DOUBLE)));
                    }
                    scopes.push(new ArrayList<>());
                    loops.push(new LoopCtx(label, null, null));
                    List<Stmt> body = loopBody(depth, den, new Ast.IncDec(it, Ty.INT, true, r.nextBoolean()));
                    loops.pop();
                    scopes.pop();
                    features.add(doWhile ? "doWhile" : "while");
                    out.add(doWhile ? new Ast.DoWhile(label, body, c) : new Ast.While(label, c, body));
                    return finish(out, den);
                }
            }
            String i = fresh(INDEX_VARS);
            if (i == null) {
                return out; // only the accumulator
            }
            Bound b = loopBound();
            Ast.For f;
            scopes.push(new ArrayList<>(List.of(new VarInfo(i, Ty.INT, false, true))));
            int k = r.nextInt(100);
            String key = b.key();
            Expr init;
            BExpr cond;
            int step;
            if (k < 60) {
                init = new Lit(0, Ty.INT);
                cond = new Cmp("<", new Var(i, Ty.INT), b.e());
                step = 1;
            } else if (k < 75) {
                features.add("forStep");
                init = new Lit(r.nextInt(2), Ty.INT);
                cond = new Cmp("<", new Var(i, Ty.INT), b.e());
                step = 2;
            } else {
                features.add("forDown");
                init = new Bin('-', b.e(), new Lit(1, Ty.INT));
                cond = new Cmp(">=", new Var(i, Ty.INT), new Lit(0, Ty.INT));
                step = -1;
            }
            loops.push(new LoopCtx(label, i, key));
            List<Stmt> body = loopBody(depth, den, null);
            loops.pop();
            scopes.pop();
            f = new Ast.For(label, i, init, cond, step, body);
            out.add(f);
            return finish(out, den);
        }

        private List<Stmt> finish(List<Stmt> out, String den) {
            if (den != null) {
                // a divisor accumulated in the loop, then divided by
                String num = null;
                for (VarInfo v : visible()) {
                    if (!v.param() && !v.fixed() && v.ty() == Ty.DOUBLE && !v.name().equals(den)) {
                        num = v.name();
                    }
                }
                Expr top = num == null ? exprD() : new Var(num, Ty.DOUBLE);
                // den started at 0, 0.5 or 1 and only grew by positive terms; guard the 0 case
                Expr d = new Bin('+', new Var(den, Ty.DOUBLE), new Lit(0.5, Ty.DOUBLE));
                out.add(new Assign(den, Ty.DOUBLE, new Bin('/', top, new Paren(d))));
            }
            return out;
        }

        private List<Stmt> loopBody(int depth, String den, Stmt first) {
            List<Stmt> out = new ArrayList<>();
            if (first != null) {
                out.add(first);
            }
            if (den != null) {
                budget = 6;
                out.add(new Compound(den, Ty.DOUBLE, '+', pos(1)));
            }
            boolean doWhileBody = first != null && loops.peek() != null; // counters: no terminal statement at the end
            int n = 1 + r.nextInt(3);
            for (int s = 0; s < n; s++) {
                int k = r.nextInt(100);
                Stmt st = null;
                if (k < 38) {
                    st = accumulate();
                } else if (k < 58 && on("arrays")) {
                    st = arrayStore();
                } else if (k < 66 && loops.size() < 2) {
                    out.addAll(loopStmts(depth + 1));
                    continue;
                } else if (k < 80 && jumpAllowed()) {
                    budget = 6;
                    BExpr c = bexpr(1);
                    LoopCtx target = loops.peek();
                    if (on("labeledJump") && loops.size() > 1 && loops.peekLast().label() != null && r.nextBoolean()) {
                        target = loops.peekLast();
                        features.add("labeledJump");
                    }
                    String label = target == loops.peek() && r.nextInt(3) > 0 ? null : target.label();
                    Stmt jump = r.nextBoolean() ? new Ast.Break(label) : new Ast.Continue(label);
                    features.add(jump instanceof Ast.Break ? "break" : "continue");
                    st = new If(c, List.of(jump), List.of());
                } else if (k < 86 && returnAllowed()) {
                    budget = 6;
                    BExpr c = bexpr(1);
                    st = new If(c, List.of(new Return(returnExpr())), List.of());
                }
                if (st == null) {
                    st = stmt(depth + 1);
                }
                out.add(st);
                if (terminates(st)) {
                    if (doWhileBody) {
                        out.remove(out.size() - 1);
                    }
                    break;
                }
            }
            return out;
        }

        /** {@code s += term}, {@code s -= term} or {@code p *= (bounded factor)} on an outer double local. */
        private Stmt accumulate() {
            List<VarInfo> cands = new ArrayList<>();
            for (VarInfo v : visible()) {
                if (!v.param() && !v.fixed() && v.ty() == Ty.DOUBLE && (on("loopWrite") || nestAcc.contains(v.name()))) {
                    cands.add(v);
                }
            }
            if (cands.isEmpty()) {
                return null;
            }
            VarInfo v = cands.get(r.nextInt(cands.size()));
            if (!nestAcc.contains(v.name())) {
                features.add("loopWrite");
            }
            features.add("compound");
            int k = r.nextInt(100);
            if (k < 55) {
                return new Compound(v.name(), Ty.DOUBLE, r.nextInt(4) == 0 ? '-' : '+', term());
            } else if (k < 80) {
                budget = 5;
                features.add("loopProduct");
                return new Compound(v.name(), Ty.DOUBLE, '*', new Bin('+', new Lit(1.0, Ty.DOUBLE),
                        new Bin('*', new Lit(0.5, Ty.DOUBLE), squash(1))));
            }
            budget = 5;
            return new Assign(v.name(), Ty.DOUBLE, new Bin('+', new Bin('*', new Lit(0.5, Ty.DOUBLE), new Var(v.name(), Ty.DOUBLE)),
                    term()));
        }

        /** {@code buf[idx] = term} or {@code buf[idx] op= term} on a local array. */
        private Stmt arrayStore() {
            List<String> locals = writableLocalArrays();
            if (locals.isEmpty()) {
                return null;
            }
            String an = locals.get(r.nextInt(locals.size()));
            if (on("arrayCalls") && !isLib && r.nextInt(100) < 25) {
                return arrayCallStmt(an);
            }
            VarInfo a = new VarInfo(an, Ty.DARRAY, false);
            features.add("arrays");
            Expr idx = index(a.name());
            int k = r.nextInt(100);
            if (k < 45) {
                return new Ast.ArrStore(a.name(), idx, '=', term());
            } else if (k < 85) {
                return new Ast.ArrStore(a.name(), idx, r.nextInt(4) == 0 ? '-' : '+', term());
            }
            budget = 5;
            return new Ast.ArrStore(a.name(), idx, '*', new Bin('+', new Lit(1.0, Ty.DOUBLE),
                    new Bin('*', new Lit(0.5, Ty.DOUBLE), squash(1))));
        }

        // ---------------------------------------------------------------- data-flow shapes

        /** The double[] parameters whose elements are active (differentiated). */
        private List<String> activeParamArrays() {
            List<String> out = new ArrayList<>();
            for (VarInfo v : arrays(true)) {
                if (!inactiveArrs.contains(v.name())) {
                    out.add(v.name());
                }
            }
            return out;
        }

        /** Local double[] arrays that may be written (not constant tables). */
        private List<String> writableLocalArrays() {
            List<String> out = new ArrayList<>();
            for (VarInfo v : arrays(false)) {
                if (!v.param() && !constArrs.contains(v.name())) {
                    out.add(v.name());
                }
            }
            return out;
        }

        /** Visible arrays whose elements are inactive (int[] ones included). */
        private List<VarInfo> inactiveArrays() {
            List<VarInfo> out = new ArrayList<>();
            for (VarInfo v : visible()) {
                if ((v.ty() == Ty.DARRAY || v.ty() == Ty.IARRAY) && inactiveArrs.contains(v.name())) {
                    out.add(v);
                }
            }
            return out;
        }

        private List<String> loopIndices() {
            List<String> out = new ArrayList<>();
            for (LoopCtx c : loops) {
                if (c.index() != null) {
                    out.add(c.index());
                }
            }
            return out;
        }

        private boolean available(Src s) {
            switch (s) {
                case PARAM_ELEM:
                    return !activeParamArrays().isEmpty();
                case LOCAL_ELEM:
                    return !writableLocalArrays().isEmpty();
                case INACTIVE_ELEM:
                    return !inactiveArrays().isEmpty();
                case INDEX:
                    return !loopIndices().isEmpty();
                default:
                    return true;
            }
        }

        private Expr element(String arr) {
            Ty t = Ty.DOUBLE;
            for (VarInfo v : visible()) {
                if (v.name().equals(arr) && v.ty() == Ty.IARRAY) {
                    t = Ty.INT;
                }
            }
            features.add(t == Ty.INT ? "intArrayRead" : "arrays");
            return new Ast.Idx(arr, index(arr), t);
        }

        private Var scalarParam() {
            List<String> ps = new ArrayList<>();
            for (VarInfo v : visible()) {
                if (v.param() && v.ty() == Ty.DOUBLE) {
                    ps.add(v.name());
                }
            }
            return new Var(ps.get(r.nextInt(ps.size())), Ty.DOUBLE);
        }

        /**
         * An operand from source {@code s}, as written in real code: a bare variable, element or
         * constant, or one call (int-typed for int[] elements and loop indices).
         */
        private Expr source(Src s) {
            switch (s) {
                case PARAM:
                    return scalarParam();
                case PARAM_ELEM: {
                    List<String> as = activeParamArrays();
                    return element(as.get(r.nextInt(as.size())));
                }
                case LOCAL_ELEM: {
                    List<String> as = writableLocalArrays();
                    return element(as.get(r.nextInt(as.size())));
                }
                case INACTIVE_ELEM: {
                    List<VarInfo> as = inactiveArrays();
                    return element(as.get(r.nextInt(as.size())).name());
                }
                case CONST: {
                    int k = r.nextInt(100);
                    if (k < 45) {
                        return new Lit(DOUBLE_LITS[r.nextInt(DOUBLE_LITS.length)], Ty.DOUBLE);
                    } else if (k < 80) {
                        return constGuard(constant());
                    }
                    return constGuard(call(Fn.COS, new Lit(2.0, Ty.DOUBLE)));
                }
                case CALL: {
                    int k = r.nextInt(100);
                    if (k < 40 && on("calls") && !ctx.lib().isEmpty()) {
                        budget = 4;
                        Expr c = invokeLib(2);
                        if (c != null) {
                            return c;
                        }
                    }
                    if (k < 65 && on("rules") && ctx.rules()) {
                        features.add("rules");
                        return new Ast.Invoke(qualifier, "softplus", List.of(scalarParam()), true);
                    }
                    Fn[] fs = {Fn.SIN, Fn.TANH, Fn.ATAN, Fn.COS};
                    return call(fs[r.nextInt(fs.length)], scalarParam());
                }
                case INDEX: {
                    List<String> is = loopIndices();
                    Var i = new Var(is.get(r.nextInt(is.size())), Ty.INT);
                    int k = r.nextInt(3);
                    return k == 0 ? i : k == 1 ? new Cast(Ty.DOUBLE, i) : new Bin('*', new Lit(0.5, Ty.DOUBLE), i);
                }
                default:
                    throw new IllegalStateException(String.valueOf(s));
            }
        }

        /** A value that does not depend on the inputs, from source {@code s} (INACTIVE_ELEM, CONST, CALL or INDEX). */
        private Expr inactiveSource(Src s) {
            if (s != Src.CALL) {
                return source(s);
            }
            // a call of inactive arguments only
            Expr arg = new Lit(DOUBLE_LITS[r.nextInt(DOUBLE_LITS.length)], Ty.DOUBLE);
            if (available(Src.INDEX) && r.nextBoolean()) {
                List<String> is = loopIndices();
                arg = new Cast(Ty.DOUBLE, new Var(is.get(r.nextInt(is.size())), Ty.INT));
            }
            if (on("rules") && ctx.rules() && r.nextBoolean()) {
                features.add("rules");
                return constGuard(new Ast.Invoke(qualifier, "softplus", List.of(arg), true));
            }
            return constGuard(call(r.nextBoolean() ? Fn.SIN : Fn.ATAN, arg));
        }

        /** An active initial value for a target: a parameter, an element of an active array, or a call of one. */
        private Expr activeInit() {
            int k = r.nextInt(100);
            if (k < 35 && on("flowElemLocal") && available(Src.PARAM_ELEM)) {
                return source(Src.PARAM_ELEM);
            } else if (k < 75) {
                return scalarParam();
            }
            return call(Fn.SIN, scalarParam());
        }

        /** {@code t op= <operand from s>} for a random compound operator (a positive divisor for /). */
        private Stmt compoundWith(String t, Src s) {
            char op = "+-*/".charAt(r.nextInt(4));
            features.add("compound");
            Expr e = source(s);
            if (op == '/') {
                return new Compound(t, Ty.DOUBLE, '/', new Bin('+', new Lit(1.0, Ty.DOUBLE), new Bin('*', e, e)));
            }
            return new Compound(t, Ty.DOUBLE, op, e);
        }

        /** A use of {@code t} whose derivative needs t's current value (so a stale t shows). */
        private Expr use(String t) {
            Var v = new Var(t, Ty.DOUBLE);
            switch (r.nextInt(4)) {
                case 0:
                    return new Bin('*', v, v);
                case 1:
                    return call(Fn.SIN, v);
                case 2:
                    return new Bin('*', v, scalarParam());
                default:
                    return new Bin('*', call(Fn.TANH, v), v);
            }
        }

        /** A random source among those at hand. */
        private Src anySource() {
            List<Src> ss = new ArrayList<>();
            for (Src s : Src.values()) {
                if (available(s)) {
                    ss.add(s);
                }
            }
            return ss.get(r.nextInt(ss.size()));
        }

        /**
         * One data-flow shape: a target variable with history {@code h} (see {@link Hist}) whose
         * operand comes from source {@code s} (see {@link Src}), mostly inside a counted loop of its
         * own, followed by a use of the target that needs its current value; the accumulator reaches
         * the result. Real code is full of these, and a random expression generator almost never
         * makes them (see docs/ORACLE.md).
         */
        private List<Stmt> flowGroup(int depth) {
            List<Stmt> out = new ArrayList<>();
            // every history/source pair at hand is equally likely, so that rare pairs are not starved
            List<Hist> hs = new ArrayList<>();
            List<Src> ss = new ArrayList<>();
            for (Hist hh : Hist.values()) {
                for (Src sc : sourcesOf(hh)) {
                    if (histOn(hh) && (sc == Src.INDEX || available(sc)) && !reassignInactiveBlocked(hh, sc)) {
                        hs.add(hh);
                        ss.add(sc);
                    }
                }
            }
            String acc = fresh(FLOW_ACCS);
            String t = fresh(FLOW_TARGETS);
            String iv = fresh(INDEX_VARS);
            if (acc == null || t == null || iv == null || hs.isEmpty()) {
                return out;
            }
            int pick = r.nextInt(hs.size());
            Hist h = hs.get(pick);
            Src s = ss.get(pick);
            // straight-line code (no loop of its own) for the histories that need no loop
            boolean straight = (h == Hist.FRESH || h == Hist.REASSIGN || h == Hist.COMPOUND || h == Hist.OVERWRITE_INACTIVE)
                    && s != Src.INDEX && r.nextInt(100) < 25;
            String recArr = null;
            Bound b = loopBound();
            flowGroups++;
            if (h == Hist.ELEM_LOCAL_UPDATED || h == Hist.RECURRENCE) {
                features.add("flowElemLocal");
            }
            if (h == Hist.OVERWRITE_INACTIVE || h == Hist.REASSIGN && (s == Src.INACTIVE_ELEM || s == Src.CONST || s == Src.INDEX)) {
                features.add("flowInactiveOverwrite");
            }
            features.add("flow");
            features.add("flow:" + h + "/" + s);
            features.add(straight ? "flowStraight" : "flowLoop");
            if (straight) {
                switch (h) {
                    case FRESH:
                        out.add(new Decl(Ty.DOUBLE, t, toDoubleVar(source(s))));
                        break;
                    case REASSIGN:
                        out.add(new Decl(Ty.DOUBLE, t, activeInit()));
                        out.add(new Assign(t, Ty.DOUBLE, toDoubleVar(source(s))));
                        break;
                    case COMPOUND:
                        out.add(new Decl(Ty.DOUBLE, t, activeInit()));
                        out.add(compoundWith(t, s));
                        break;
                    default: // OVERWRITE_INACTIVE
                        out.add(new Decl(Ty.DOUBLE, t, activeInit()));
                        out.add(new Assign(t, Ty.DOUBLE, toDoubleVar(inactiveSource(s))));
                        break;
                }
                declare(t, Ty.DOUBLE);
                out.add(new Decl(Ty.DOUBLE, acc, use(t)));
                declare(acc, Ty.DOUBLE);
                flowOuts.add(acc);
                return out;
            }
            // a loop nest of its own
            nestReturns = 0;
            nestJumps = 0;
            nestAcc.clear();
            out.add(new Decl(Ty.DOUBLE, acc, new Lit(r.nextBoolean() ? 0.0 : 1.0, Ty.DOUBLE)));
            declare(acc, Ty.DOUBLE);
            nestAcc.add(acc);
            flowOuts.add(acc);
            Expr init;
            BExpr cond;
            int step;
            String key = b.key();
            if (h == Hist.RECURRENCE) {
                // Horner: p = c[n - 1]; for (i = n - 2; i >= 0; i--) p = p * x + c[i];
                recArr = ((Ast.Idx) source(s)).arr();
                key = arrKey.get(recArr);
                Expr len = new Ast.Len(recArr);
                Expr last = new Ast.Idx(recArr, new Bin('-', len, new Lit(1, Ty.INT)),
                        ((Ast.Idx) element(recArr)).elemTy());
                out.add(new Decl(Ty.DOUBLE, t, toDoubleVar(last)));
                declare(t, Ty.DOUBLE);
                init = new Bin('-', len, new Lit(2, Ty.INT));
                cond = new Cmp(">=", new Var(iv, Ty.INT), new Lit(0, Ty.INT));
                step = -1;
            } else {
                boolean outer = h == Hist.REASSIGN || h == Hist.OVERWRITE_INACTIVE || h == Hist.COMPOUND && r.nextBoolean();
                if (outer) {
                    out.add(new Decl(Ty.DOUBLE, t, activeInit()));
                    declare(t, Ty.DOUBLE);
                }
                if (r.nextInt(100) < 70) {
                    init = new Lit(0, Ty.INT);
                    cond = new Cmp("<", new Var(iv, Ty.INT), b.e());
                    step = 1;
                } else {
                    features.add("forDown");
                    init = new Bin('-', b.e(), new Lit(1, Ty.INT));
                    cond = new Cmp(">=", new Var(iv, Ty.INT), new Lit(0, Ty.INT));
                    step = -1;
                }
            }
            boolean outerTarget = h == Hist.REASSIGN || h == Hist.OVERWRITE_INACTIVE || h == Hist.RECURRENCE
                    || h == Hist.COMPOUND && isVisible(t);
            scopes.push(new ArrayList<>(List.of(new VarInfo(iv, Ty.INT, false, true))));
            loops.push(new LoopCtx(null, iv, key));
            List<Stmt> body = new ArrayList<>();
            boolean useAfter = outerTarget && r.nextInt(100) < 60;
            int extra = r.nextInt(100);
            if (extra < 15) {
                // an unrelated statement around the shape, as in real code (here: before it)
                Stmt st = stmt(depth + 1);
                if (!terminates(st)) {
                    body.add(st);
                }
            }
            switch (h) {
                case FRESH:
                    body.add(new Decl(Ty.DOUBLE, t, toDoubleVar(source(s))));
                    declare(t, Ty.DOUBLE);
                    break;
                case REASSIGN:
                    if (r.nextInt(100) < 30) {
                        // a recurrence that also reads the old value: t = t * x + src
                        body.add(new Assign(t, Ty.DOUBLE, new Bin('+', new Bin('*', new Var(t, Ty.DOUBLE), scalarParam()), source(s))));
                    } else {
                        body.add(new Assign(t, Ty.DOUBLE, toDoubleVar(source(s))));
                    }
                    break;
                case COMPOUND:
                    if (!outerTarget) {
                        body.add(new Decl(Ty.DOUBLE, t, activeInit()));
                        declare(t, Ty.DOUBLE);
                    }
                    body.add(compoundWith(t, s));
                    break;
                case OVERWRITE_INACTIVE: {
                    int k = r.nextInt(100);
                    if (k < 40) {
                        // for (..) t = obs[i];   (the old value's adjoint must die)
                        body.add(new Assign(t, Ty.DOUBLE, toDoubleVar(inactiveSource(s))));
                        useAfter = true;
                    } else if (k < 70) {
                        body.add(new Compound(acc, Ty.DOUBLE, '+', use(t)));
                        body.add(new Assign(t, Ty.DOUBLE, toDoubleVar(inactiveSource(s))));
                    } else {
                        body.add(new Assign(t, Ty.DOUBLE, toDoubleVar(inactiveSource(s))));
                        body.add(compoundWith(t, Src.PARAM));
                    }
                    break;
                }
                case ELEM_LOCAL_UPDATED: {
                    // double z = b[j]; z += c; s += z * z;
                    body.add(new Decl(Ty.DOUBLE, t, toDoubleVar(source(s))));
                    declare(t, Ty.DOUBLE);
                    int n = 1 + r.nextInt(2);
                    for (int u = 0; u < n; u++) {
                        Src us = anySource();
                        features.add("flowUpdate:" + us);
                        body.add(compoundWith(t, us));
                    }
                    break;
                }
                case INNER_LOOP_UPDATE: {
                    // double z = b1[j]; for (k..) z += W[j][k] * x[k];   (a dense layer)
                    Expr zinit = on("flowElemLocal") && r.nextInt(100) < 60 && available(Src.PARAM_ELEM)
                            ? source(r.nextBoolean() || !available(Src.INACTIVE_ELEM) ? Src.PARAM_ELEM : Src.INACTIVE_ELEM)
                            : activeInit();
                    body.add(new Decl(Ty.DOUBLE, t, toDoubleVar(zinit)));
                    declare(t, Ty.DOUBLE);
                    String kv = fresh(INDEX_VARS);
                    if (kv != null) {
                        Bound ib = loopBound();
                        scopes.push(new ArrayList<>(List.of(new VarInfo(kv, Ty.INT, false, true))));
                        loops.push(new LoopCtx(null, kv, ib.key()));
                        List<Stmt> inner = new ArrayList<>();
                        Expr other = available(Src.PARAM_ELEM) ? source(Src.PARAM_ELEM) : scalarParam();
                        int k = r.nextInt(100);
                        if (k < 50) {
                            inner.add(new Compound(t, Ty.DOUBLE, '+', new Bin('*', source(s), other)));
                        } else if (k < 75) {
                            inner.add(new Assign(t, Ty.DOUBLE, new Bin('+', new Bin('*', new Lit(0.5, Ty.DOUBLE),
                                    new Var(t, Ty.DOUBLE)), source(s))));
                        } else {
                            inner.add(compoundWith(t, s));
                        }
                        loops.pop();
                        scopes.pop();
                        body.add(new Ast.For(null, kv, new Lit(0, Ty.INT), new Cmp("<", new Var(kv, Ty.INT), ib.e()), 1, inner));
                    } else {
                        body.add(compoundWith(t, s));
                    }
                    break;
                }
                default: { // RECURRENCE
                    body.add(new Assign(t, Ty.DOUBLE, new Bin('+', new Bin('*', new Var(t, Ty.DOUBLE), scalarParam()),
                            new Ast.Idx(recArr, new Var(iv, Ty.INT), ((Ast.Idx) element(recArr)).elemTy()))));
                    useAfter = true;
                    break;
                }
            }
            if (!(h == Hist.OVERWRITE_INACTIVE && useAfter) && !(h == Hist.RECURRENCE)) {
                body.add(new Compound(acc, Ty.DOUBLE, r.nextInt(4) == 0 ? '-' : '+', use(t)));
            }
            if (extra >= 15 && extra < 30) {
                // (or after it)
                Stmt st = stmt(depth + 1);
                if (!terminates(st)) {
                    body.add(st);
                }
            }
            loops.pop();
            scopes.pop();
            out.add(new Ast.For(null, iv, init, cond, step, body));
            if (useAfter) {
                out.add(new Compound(acc, Ty.DOUBLE, '+', use(t)));
            }
            return out;
        }

        private boolean isVisible(String name) {
            for (VarInfo v : visible()) {
                if (v.name().equals(name)) {
                    return true;
                }
            }
            return false;
        }

        /** With flowInactiveOverwrite off, an active target is not reassigned from an inactive source either. */
        private boolean reassignInactiveBlocked(Hist h, Src s) {
            return h == Hist.REASSIGN && !on("flowInactiveOverwrite")
                    && (s == Src.INACTIVE_ELEM || s == Src.CONST || s == Src.INDEX);
        }

        private boolean histOn(Hist h) {
            switch (h) {
                case OVERWRITE_INACTIVE:
                    return on("flowInactiveOverwrite");
                case ELEM_LOCAL_UPDATED:
                case RECURRENCE:
                    return on("flowElemLocal") && on("arrays");
                default:
                    return true;
            }
        }

        // ---------------------------------------------------------------- issue 9 shapes

        /** Whether any issue 9 switch is on (else the shapes' stream is never drawn from). */
        private boolean anyExtraOn() {
            for (String f : SHAPES.keySet()) {
                if (on(f)) {
                    return true;
                }
            }
            return false;
        }

        /** Generates with the shapes' own stream, so that the main stream draws exactly what it drew before. */
        private <T> T withX(java.util.function.Supplier<T> gen) {
            SplittableRandom saved = r;
            r = xr;
            try {
                return gen.get();
            } finally {
                r = saved;
            }
        }

        private String freshOr(String[] pool, String[] more) {
            String n = fresh(pool);
            return n != null ? n : fresh(more);
        }

        /** {@code for (int iv = 0; iv < b; iv++)} (or down), iv fixed, its range's key known to index(). */
        private Ast.For forLoop(String iv, Bound b, java.util.function.Supplier<List<Stmt>> body) {
            boolean down = r.nextInt(100) < 25;
            if (down && mat != null && ("p:" + mat).equals(b.key())) {
                // a down-counting loop over the rows (its index takes rows): known bug, see KNOWN_BUGS
                if (on("rowDownIndex")) {
                    features.add("rowDownIndex");
                } else {
                    down = false;
                }
            }
            scopes.push(new ArrayList<>(List.of(new VarInfo(iv, Ty.INT, false, true))));
            loops.push(new LoopCtx(null, iv, b.key()));
            try {
                List<Stmt> bd = body.get();
                features.add("loops");
                if (down) {
                    features.add("forDown");
                    return new Ast.For(null, iv, new Bin('-', b.e(), new Lit(1, Ty.INT)),
                            new Cmp(">=", new Var(iv, Ty.INT), new Lit(0, Ty.INT)), -1, bd);
                }
                return new Ast.For(null, iv, new Lit(0, Ty.INT), new Cmp("<", new Var(iv, Ty.INT), b.e()), 1, bd);
            } finally {
                loops.pop();
                scopes.pop();
            }
        }

        private Bound rowsBound() {
            return new Bound(new Ast.Len(mat), "p:" + mat);
        }

        /** A read-only view of a row: never written, elements inactive when the matrix is outside wrt. */
        private void declareRow(String name) {
            declare(name, Ty.DARRAY);
            arrDepth.put(name, loops.size());
            arrKey.put(name, "row:" + mat);
            arrLen.put(name, matCols);
            constArrs.add(name);
            if (features.contains("matrixOutsideWrt")) {
                inactiveArrs.add(name);
            } else {
                inactiveArrs.remove(name);
            }
        }

        /** A writable local array of static length {@code len} and range key {@code key}. */
        private void declareArray(String name, int len, String key) {
            declare(name, Ty.DARRAY);
            arrDepth.put(name, loops.size());
            arrKey.put(name, key);
            arrLen.put(name, len);
            constArrs.remove(name);
            inactiveArrs.remove(name);
        }

        /** The index of the last row, W.length - 1 (W[0] with rowComputedIndex off: known bug, see KNOWN_BUGS). */
        private Expr lastRowIndex() {
            if (on("rowComputedIndex")) {
                features.add("rowComputedIndex");
                return new Bin('-', new Ast.Len(mat), new Lit(1, Ty.INT));
            }
            return new Lit(0, Ty.INT);
        }

        /** {@code var} for a row ({@code var row = W[j];}): known bug, see KNOWN_BUGS. */
        private boolean useVarRow() {
            boolean v = useVar();
            if (v && on("varRow")) {
                features.add("varRow");
                return true;
            }
            return false;
        }

        /**
         * A local array may be handed to a call only if nothing writes it afterwards (the README: an
         * array written after a call saw it is an error): it is declared in the innermost loop body
         * around the call (or both are outside loops), and it is read-only from then on.
         */
        private boolean passable(String a) {
            if (constArrs.contains(a)) {
                return true;
            }
            if (returnSeen && !on("arrayArgAfterReturn")) {
                return false; // known bug, see KNOWN_BUGS
            }
            return arrDepth.getOrDefault(a, 0) == loops.size();
        }

        private void frozen(Expr arr) {
            if (arr instanceof Var v && !isParam(v.name())) {
                if (returnSeen && !constArrs.contains(v.name()) && on("arrayArgAfterReturn")) {
                    features.add("arrayArgAfterReturn");
                }
                constArrs.add(v.name());
            }
        }

        private boolean isParam(String name) {
            for (VarInfo v : visible()) {
                if (v.name().equals(name)) {
                    return v.param();
                }
            }
            return false;
        }

        private boolean useVar() {
            if (on("varLocals") && r.nextInt(100) < 30) {
                features.add("varLocals");
                features.add("varArray");
                return true;
            }
            return false;
        }

        /** A factor for a dot product: an element of some array, a parameter or a small term. */
        private Expr factor() {
            int k = r.nextInt(100);
            if (k < 45 && !arrays(false).isEmpty()) {
                return arrayRead();
            } else if (k < 80) {
                return scalarParam();
            }
            return term();
        }

        /** A bounded use of an element or value (its derivative needs the value). */
        private Expr useOf(Expr v) {
            switch (r.nextInt(4)) {
                case 0:
                    return new Bin('*', v, v);
                case 1:
                    return call(Fn.SIN, v);
                case 2:
                    return new Bin('*', v, scalarParam());
                default:
                    return new Bin('*', call(Fn.TANH, v), v);
            }
        }

        private List<Method> libs(java.util.function.Predicate<Method> p) {
            List<Method> out = new ArrayList<>();
            for (Method m : ctx.lib()) {
                if (p.test(m)) {
                    out.add(m);
                }
            }
            return out;
        }

        /** Library methods returning double that take an array (a double[] parameter or double...). */
        private List<Method> arrayTakers() {
            return libs(m -> m.returnType().equals("double")
                    && m.params().stream().anyMatch(p -> p.ty() == Ty.DARRAY || p.ty() == Ty.DVARARGS));
        }

        private List<Method> vecLibs() {
            return libs(m -> m.returnType().equals("double[]"));
        }

        private List<Method> varargsLibs() {
            return libs(m -> m.returnType().equals("double") && m.params().stream().anyMatch(p -> p.ty() == Ty.DVARARGS));
        }

        private List<Method> procLibs() {
            return libs(m -> m.returnType().equals("void"));
        }

        /** A call of {@code m} with {@code arr} for its first array parameter (other arrays: parameters or arr). */
        private Expr callWithArray(Method m, Expr arr) {
            List<Expr> args = new ArrayList<>();
            boolean used = false;
            List<VarInfo> pa = arrays(true);
            features.add("calls");
            for (Param p : m.params()) {
                switch (p.ty()) {
                    case DARRAY:
                        features.add("arrayArgument");
                        args.add(!used || pa.isEmpty() || r.nextBoolean() ? arr : new Var(pa.get(r.nextInt(pa.size())).name(), Ty.DARRAY));
                        used = true;
                        break;
                    case DVARARGS:
                        features.add("varargs");
                        if (!used) {
                            features.add("varargsArray");
                            args.add(arr);
                        } else {
                            features.add("varargsSpread");
                            args.add(callArg(1));
                        }
                        break;
                    case INT:
                        args.add(new Lit(1 + r.nextInt(4), Ty.INT));
                        break;
                    default:
                        args.add(callArg(1));
                        break;
                }
            }
            frozen(arr);
            return new Ast.Invoke(qualifier, m.name(), args, false, m.returnType().equals("double[]") ? Ty.DARRAY : Ty.DOUBLE);
        }

        /** The length of {@code libV}'s result for an argument of length {@code argLen} (recorded in its features). */
        private int vecLen(Method v, int argLen) {
            for (String f : v.features()) {
                if (f.equals("vecLen:a")) {
                    return argLen;
                } else if (f.equals("vecLen:a+1")) {
                    return argLen + 1;
                } else if (f.startsWith("vecLen:#")) {
                    return Integer.parseInt(f.substring("vecLen:#".length()));
                }
            }
            throw new IllegalStateException("no vecLen in " + v.name());
        }

        /** An array argument and its static length: an array in scope, a row of the matrix, or a new {x, y} initialised here. */
        private record ArrArg(Expr e, int len, List<Stmt> pre) {}

        private ArrArg arrayArg(Expr rowIndex) {
            List<VarInfo> as = arrays(false);
            as.removeIf(v -> !v.param() && !passable(v.name()));
            int k = r.nextInt(100);
            if (mat != null && (k < 35 || as.isEmpty() && k < 70)) {
                features.add("rowArg");
                return new ArrArg(new Ast.Row(mat, rowIndex != null ? rowIndex
                        : r.nextBoolean() ? new Lit(0, Ty.INT) : lastRowIndex()), matCols, List.of());
            }
            if (!as.isEmpty() && k < 85) {
                String a = as.get(r.nextInt(as.size())).name();
                return new ArrArg(new Var(a, Ty.DARRAY), arrLen.get(a), List.of());
            }
            String av = fresh(new String[] {"av", "pair"});
            if (av == null) {
                return new ArrArg(new Ast.NewArr(new Lit(2, Ty.INT)), 2, List.of());
            }
            int n = 1 + r.nextInt(3);
            List<Expr> elems = new ArrayList<>();
            for (int e = 0; e < n; e++) {
                elems.add(r.nextBoolean() ? scalarParam() : term());
            }
            Stmt init = new Ast.ArrInit(av, elems);
            declareArray(av, n, "#" + n);
            return new ArrArg(new Var(av, Ty.DARRAY), n, List.of(init));
        }

        private String ix() {
            return fresh(XIDX);
        }

        /** A fresh index name other than those picked for loops not declared yet (fresh sees only declared ones). */
        private String ixBut(String... taken) {
            for (int attempt = 0; attempt < 8; attempt++) {
                String n = ix();
                if (n == null || !java.util.Arrays.asList(taken).contains(n)) {
                    return n;
                }
            }
            return null;
        }

        private List<Stmt> extraGroup(int depth) {
            List<String> kinds = new ArrayList<>();
            boolean loopsOn = on("loops");
            if (mat != null) {
                // a method with a matrix mostly uses it
                kinds.addAll(List.of("rowArg", "rowAlias", "forEachRow", "matrixElem", "rowArg", "rowAlias", "forEachRow",
                        "matrixElem"));
            }
            if (on("varLocals")) {
                kinds.add("var");
            }
            if (on("loopArrays") && on("arrays") && loopsOn) {
                kinds.add("arrayInLoop");
                kinds.add("arrayInLoop");
            }
            if (on("arrayValued") && !vecLibs().isEmpty()) {
                kinds.add("vecCall");
                kinds.add("vecCall");
            }
            if (on("sideEffects")) {
                kinds.addAll(List.of("chainAssign", "assignInCond", "assignOperand"));
                if (loopsOn) {
                    kinds.add("whileDecrement");
                    if (on("arrays")) {
                        kinds.add("postIncIndex");
                    }
                }
            }
            if (on("varargs") && !varargsLibs().isEmpty()) {
                kinds.add("varargs");
            }
            if (on("switches")) {
                kinds.add("switchStmt");
                kinds.add("switchExpr");
                if (loopsOn) {
                    kinds.add("switchInLoop");
                }
            }
            if (on("procedureCalls") && !procLibs().isEmpty()) {
                kinds.add("procCall");
                kinds.add("procCall");
            }
            String acc = fresh(X_ACCS);
            if (kinds.isEmpty() || acc == null) {
                return List.of();
            }
            xGroups++;
            nestReturns = 0;
            nestJumps = 0;
            nestAcc.clear();
            String kind = kinds.get(r.nextInt(kinds.size()));
            if (kind.equals("rowArg") && arrayTakers().isEmpty() && vecLibs().isEmpty()) {
                kind = "rowAlias";
            }
            List<Stmt> out = new ArrayList<>();
            out.add(new Decl(Ty.DOUBLE, acc, new Lit(r.nextInt(3) == 0 ? 1.0 : 0.0, Ty.DOUBLE)));
            declare(acc, Ty.DOUBLE);
            nestAcc.add(acc);
            flowOuts.add(acc);
            features.add("x:" + kind);
            switch (kind) {
                case "rowArg":
                    rowArg(acc, out);
                    break;
                case "rowAlias":
                    rowAlias(acc, out);
                    break;
                case "forEachRow":
                    forEachRow(acc, out);
                    break;
                case "matrixElem":
                    matrixElem(acc, out);
                    break;
                case "var":
                    varLocals(acc, out);
                    break;
                case "arrayInLoop":
                    arrayInLoop(acc, out);
                    break;
                case "vecCall":
                    vecCall(acc, out);
                    break;
                case "chainAssign":
                    chainAssign(acc, out);
                    break;
                case "assignInCond":
                    assignInCond(acc, out);
                    break;
                case "assignOperand":
                    assignOperand(acc, out);
                    break;
                case "postIncIndex":
                    postIncIndex(acc, out);
                    break;
                case "whileDecrement":
                    whileDecrement(acc, out, depth);
                    break;
                case "varargs":
                    varargsCalls(acc, out);
                    break;
                case "switchStmt":
                    features.add("switches");
                    out.add(switchStmt(acc, selector(), depth, false));
                    break;
                case "switchInLoop":
                    switchInLoop(acc, out, depth);
                    break;
                case "switchExpr":
                    switchExpr(acc, out);
                    break;
                default:
                    procCall(acc, out);
                    break;
            }
            return out;
        }

        // ----- rows

        private void rowArg(String acc, List<Stmt> out) {
            features.add("rowArg");
            List<Method> ms = arrayTakers();
            if (ms.isEmpty()) {
                ms = vecLibs();
            }
            Method m = ms.get(r.nextInt(ms.size()));
            boolean vec = m.returnType().equals("double[]");
            String j = ix();
            if (j != null && r.nextInt(100) < 60) {
                features.add("rowArgInLoop");
                out.add(forLoop(j, rowsBound(), () -> {
                    Expr c = callWithArray(m, new Ast.Row(mat, new Var(j, Ty.INT)));
                    if (vec) {
                        return vecUse(acc, c, matCols, m);
                    }
                    return List.of(new Compound(acc, Ty.DOUBLE, '+', r.nextBoolean() ? c : call(Fn.TANH, c)));
                }));
                return;
            }
            Expr first = callWithArray(m, new Ast.Row(mat, new Lit(0, Ty.INT)));
            if (vec) {
                out.addAll(vecUse(acc, first, matCols, m));
                return;
            }
            Expr last = callWithArray(m, new Ast.Row(mat, lastRowIndex()));
            out.add(new Compound(acc, Ty.DOUBLE, '+', r.nextBoolean() ? new Bin('*', first, call(Fn.TANH, last))
                    : new Bin('+', first, last)));
        }

        private void rowAlias(String acc, List<Stmt> out) {
            features.add("rowAlias");
            String j = ix();
            if (j != null && r.nextInt(100) < 60) {
                features.add("rowAliasInLoop");
                out.add(forLoop(j, rowsBound(), () -> {
                    List<Stmt> b = new ArrayList<>();
                    String row = fresh(ROW_NAMES);
                    b.add(new Ast.ArrLocal(row, useVarRow(), new Ast.Row(mat, new Var(j, Ty.INT))));
                    declareRow(row);
                    String k = ix();
                    if (k != null && r.nextBoolean()) {
                        b.add(forLoop(k, new Bound(new Ast.Len(row), "row:" + mat), () -> List.of(new Compound(acc, Ty.DOUBLE, '+',
                                new Bin('*', new Ast.Idx(row, new Var(k, Ty.INT)), factor())))));
                    } else {
                        b.add(new Compound(acc, Ty.DOUBLE, '+', useOf(new Ast.Idx(row, index(row)))));
                    }
                    if (r.nextInt(100) < 25) {
                        Stmt st = stmt(2);
                        if (!terminates(st)) {
                            b.add(st);
                        }
                    }
                    return b;
                }));
                return;
            }
            String first = fresh(ROW_NAMES);
            out.add(new Ast.ArrLocal(first, useVarRow(), new Ast.Row(mat, new Lit(0, Ty.INT))));
            declareRow(first);
            String last = fresh(ROW_NAMES);
            out.add(new Ast.ArrLocal(last, useVarRow(), new Ast.Row(mat, lastRowIndex())));
            declareRow(last);
            out.add(new Compound(acc, Ty.DOUBLE, '+', new Bin('+',
                    new Bin('*', new Ast.Idx(first, new Lit(0, Ty.INT)), new Ast.Idx(last, new Bin('-', new Ast.Len(last), new Lit(1, Ty.INT)))),
                    useOf(new Ast.Idx(first, index(first))))));
        }

        private void forEachRow(String acc, List<Stmt> out) {
            features.add("forEachRow");
            String row = fresh(ROW_NAMES);
            String z = fresh(Z_NAMES);
            String k = ix();
            if (row == null || z == null || k == null) {
                rowAlias(acc, out);
                return;
            }
            scopes.push(new ArrayList<>());
            declareRow(row);
            loops.push(new LoopCtx(null, null, null));
            List<Stmt> body = new ArrayList<>();
            if (on("varLocals") && r.nextInt(100) < 25) {
                features.add("varLocals");
                features.add("varDouble");
                body.add(new Ast.VarDecl(z, new Lit(0.0, Ty.DOUBLE)));
            } else {
                body.add(new Decl(Ty.DOUBLE, z, new Lit(0.0, Ty.DOUBLE)));
            }
            declare(z, Ty.DOUBLE);
            body.add(forLoop(k, new Bound(new Ast.Len(row), "row:" + mat), () -> List.of(new Compound(z, Ty.DOUBLE, '+',
                    new Bin('*', new Ast.Idx(row, new Var(k, Ty.INT)), factor())))));
            body.add(new Compound(acc, Ty.DOUBLE, '+', use(z)));
            loops.pop();
            scopes.pop();
            features.add("loops");
            out.add(new Ast.ForEachRow(null, row, mat, body));
        }

        private void matrixElem(String acc, List<Stmt> out) {
            features.add("matrixElem");
            String j = ix();
            if (j == null) {
                rowAlias(acc, out);
                return;
            }
            out.add(forLoop(j, rowsBound(), () -> {
                List<Stmt> b = new ArrayList<>();
                String z = fresh(Z_NAMES);
                b.add(new Decl(Ty.DOUBLE, z, !arrays(false).isEmpty() && r.nextBoolean() ? arrayRead() : new Lit(0.0, Ty.DOUBLE)));
                declare(z, Ty.DOUBLE);
                String k = ix();
                if (k != null) {
                    b.add(forLoop(k, new Bound(new Ast.RowLen(mat, new Var(j, Ty.INT)), "row:" + mat), () -> List.of(
                            new Compound(z, Ty.DOUBLE, '+', new Bin('*', new Ast.Idx2(mat, new Var(j, Ty.INT), new Var(k, Ty.INT)), factor())))));
                } else {
                    b.add(new Compound(z, Ty.DOUBLE, '+', new Ast.Idx2(mat, new Var(j, Ty.INT), new Lit(0, Ty.INT))));
                }
                b.add(new Compound(acc, Ty.DOUBLE, '+', r.nextBoolean() ? call(Fn.TANH, new Var(z, Ty.DOUBLE)) : use(z)));
                return b;
            }));
        }

        // ----- var

        private void varLocals(String acc, List<Stmt> out) {
            features.add("varLocals");
            features.add("varDouble");
            String vt = fresh(VAR_NAMES);
            if (vt == null) {
                return;
            }
            Expr init = r.nextBoolean() ? new Bin('*', new Lit(2.0, Ty.DOUBLE), scalarParam()) : term();
            if (init.ty() != Ty.DOUBLE) {
                init = new Cast(Ty.DOUBLE, init);
            }
            out.add(new Ast.VarDecl(vt, init));
            declare(vt, Ty.DOUBLE);
            String vb = fresh(VAR_NAMES);
            String k = ix();
            if (vb != null && k != null && on("arrays") && on("loops") && r.nextBoolean()) {
                features.add("varArray");
                Bound n = arrayLength();
                out.add(new Ast.ArrLocal(vb, true, new Ast.NewArr(n.e())));
                declareArray(vb, staticInt(n.e()), n.key());
                out.add(forLoop(k, new Bound(new Ast.Len(vb), n.key()), () -> List.of(new Ast.ArrStore(vb, new Var(k, Ty.INT), '=',
                        new Bin('*', new Var(vt, Ty.DOUBLE), term())))));
                out.add(new Compound(acc, Ty.DOUBLE, '+', new Bin('+', use(vt), new Ast.Idx(vb, index(vb)))));
                return;
            }
            out.add(new Compound(acc, Ty.DOUBLE, '+', use(vt)));
        }

        // ----- arrays made inside loops

        private void arrayInLoop(String acc, List<Stmt> out) {
            features.add("loopArrays");
            boolean two = r.nextInt(100) < 40;
            String i = ix();
            if (i == null) {
                return;
            }
            Bound bo = mat != null && r.nextBoolean() ? rowsBound() : loopBound();
            out.add(forLoop(i, bo, () -> {
                String j = two ? ix() : null;
                if (j != null) {
                    features.add("arrayInLoop2");
                    Bound bi = loopBound();
                    return List.of(forLoop(j, bi, () -> bufferBody(acc)));
                }
                features.add("arrayInLoop1");
                return bufferBody(acc);
            }));
        }

        /** {@code double[] h = new double[n]; for (k..) h[k] = ..; <use h>} in the current loop body. */
        private List<Stmt> bufferBody(String acc) {
            List<Stmt> b = new ArrayList<>();
            String h = fresh(BUF_NAMES);
            String k = ix();
            if (h == null || k == null) {
                b.add(new Compound(acc, Ty.DOUBLE, '+', term()));
                return b;
            }
            Bound n = arrayLength();
            b.add(new Ast.ArrLocal(h, useVar(), new Ast.NewArr(n.e())));
            declareArray(h, staticInt(n.e()), n.key());
            b.add(forLoop(k, new Bound(new Ast.Len(h), n.key()), () -> List.of(new Ast.ArrStore(h, new Var(k, Ty.INT),
                    r.nextInt(4) == 0 ? '+' : '=', term()))));
            List<Method> takers = arrayTakers();
            int u = r.nextInt(100);
            if (u < 50 && !takers.isEmpty()) {
                features.add("loopBufferCall");
                Expr c = callWithArray(takers.get(r.nextInt(takers.size())), new Var(h, Ty.DARRAY));
                b.add(new Compound(acc, Ty.DOUBLE, '+', r.nextBoolean() ? c : call(Fn.TANH, c)));
            } else if (u < 75) {
                String q = ix();
                int w = r.nextInt(100);
                String q2 = q != null && w < 50 ? ixBut(q) : null;
                if (q2 != null && w < 25) {
                    // the buffer scaled in place after it was read: what a read saw is not what the iteration leaves
                    features.add("bufferRewriteAfter");
                    b.add(forLoop(q, new Bound(new Ast.Len(h), n.key()), () -> List.of(new Compound(acc, Ty.DOUBLE, '+',
                            useOf(new Ast.Idx(h, new Var(q, Ty.INT)))))));
                    b.add(forLoop(q2, new Bound(new Ast.Len(h), n.key()), () -> List.of(new Ast.ArrStore(h,
                            new Var(q2, Ty.INT), '=', new Bin('*', new Ast.Idx(h, new Var(q2, Ty.INT)), term())))));
                    b.add(new Compound(acc, Ty.DOUBLE, '+', new Ast.Idx(h, new Lit(0, Ty.INT))));
                } else if (q2 != null) {
                    // two rounds, each scaling the buffer before reading it: the reads of the first round see other values
                    String rr = ixBut(q, q2);
                    if (rr != null) {
                        features.add("bufferRewriteRounds");
                        b.add(forLoop(rr, new Bound(new Lit(2, Ty.INT), "#2"), () -> List.of(
                                forLoop(q2, new Bound(new Ast.Len(h), n.key()), () -> List.of(new Ast.ArrStore(h,
                                        new Var(q2, Ty.INT), '=', new Bin('*', new Ast.Idx(h, new Var(q2, Ty.INT)),
                                                new Lit(0.5, Ty.DOUBLE))))),
                                forLoop(q, new Bound(new Ast.Len(h), n.key()), () -> List.of(new Compound(acc, Ty.DOUBLE,
                                        '+', useOf(new Ast.Idx(h, new Var(q, Ty.INT)))))))));
                    } else {
                        b.add(new Compound(acc, Ty.DOUBLE, '+', useOf(new Ast.Idx(h, new Lit(0, Ty.INT)))));
                    }
                } else if (q != null) {
                    b.add(forLoop(q, new Bound(new Ast.Len(h), n.key()), () -> List.of(new Compound(acc, Ty.DOUBLE, '+',
                            useOf(new Ast.Idx(h, new Var(q, Ty.INT)))))));
                } else {
                    b.add(new Compound(acc, Ty.DOUBLE, '+', useOf(new Ast.Idx(h, new Lit(0, Ty.INT)))));
                }
            } else {
                b.add(new Compound(acc, Ty.DOUBLE, '+', new Bin('*', new Ast.Idx(h, new Lit(0, Ty.INT)),
                        new Ast.Idx(h, new Bin('-', new Ast.Len(h), new Lit(1, Ty.INT))))));
            }
            return b;
        }

        // ----- double[]-valued methods

        private void vecCall(String acc, List<Stmt> out) {
            features.add("arrayValued");
            features.add("vecCall");
            List<Method> vs = vecLibs();
            Method v = vs.get(r.nextInt(vs.size()));
            String j = ix();
            if (j != null && r.nextInt(100) < 55) {
                features.add("vecCallInLoop");
                boolean overRows = mat != null && r.nextBoolean();
                Bound b = overRows ? rowsBound() : loopBound();
                out.add(forLoop(j, b, () -> {
                    List<Stmt> body = new ArrayList<>();
                    ArrArg a = overRows ? new ArrArg(new Ast.Row(mat, new Var(j, Ty.INT)), matCols, List.of()) : arrayArg(null);
                    if (overRows) {
                        features.add("rowArg");
                        features.add("rowArgInLoop");
                    }
                    body.addAll(a.pre());
                    body.addAll(vecUse(acc, callWithArray(v, a.e()), a.len(), v));
                    return body;
                }));
                return;
            }
            ArrArg a = arrayArg(null);
            out.addAll(a.pre());
            out.addAll(vecUse(acc, callWithArray(v, a.e()), a.len(), v));
        }

        /** {@code double[] h = <call>;} then h read element-wise, in a loop, or passed on to another call. */
        private List<Stmt> vecUse(String acc, Expr call, int argLen, Method v) {
            features.add("arrayValued");
            features.add("vecCall");
            if (v.features().contains("returnsNewArray")) {
                features.add("returnsNewArray"); // the callee returns new double[] {...}
            }
            if (v.features().contains("vecLibCall")) {
                features.add("vecLibCall"); // ... with a library call among its elements
            }
            List<Stmt> b = new ArrayList<>();
            String h = fresh(VEC_NAMES);
            if (h == null) {
                b.add(new Ast.ExprStmt(call));
                return b;
            }
            int len = vecLen(v, argLen);
            b.add(new Ast.ArrLocal(h, useVar(), call));
            declareArray(h, len, "#" + len);
            int u = r.nextInt(100);
            List<Method> takers = arrayTakers();
            if (u < 35 && (!takers.isEmpty() || !vecLibs().isEmpty())) {
                features.add("vecResultPassed");
                if (!takers.isEmpty() && (r.nextBoolean() || vecLibs().isEmpty())) {
                    Expr c = callWithArray(takers.get(r.nextInt(takers.size())), new Var(h, Ty.DARRAY));
                    b.add(new Compound(acc, Ty.DOUBLE, '+', r.nextBoolean() ? c : call(Fn.TANH, c)));
                } else {
                    Method v2 = vecLibs().get(r.nextInt(vecLibs().size()));
                    String h2 = fresh(VEC_NAMES);
                    if (h2 != null) {
                        int len2 = vecLen(v2, len);
                        b.add(new Ast.ArrLocal(h2, useVar(), callWithArray(v2, new Var(h, Ty.DARRAY))));
                        declareArray(h2, len2, "#" + len2);
                        b.add(new Compound(acc, Ty.DOUBLE, '+', useOf(new Ast.Idx(h2, index(h2)))));
                    }
                }
            } else if (u < 65) {
                String q = ix();
                if (q != null) {
                    b.add(forLoop(q, new Bound(new Ast.Len(h), "#" + len), () -> List.of(new Compound(acc, Ty.DOUBLE, '+',
                            useOf(new Ast.Idx(h, new Var(q, Ty.INT)))))));
                } else {
                    b.add(new Compound(acc, Ty.DOUBLE, '+', useOf(new Ast.Idx(h, index(h)))));
                }
            } else {
                b.add(new Compound(acc, Ty.DOUBLE, '+', new Bin('+', new Bin('*', new Ast.Idx(h, new Lit(0, Ty.INT)),
                        new Ast.Idx(h, new Bin('-', new Ast.Len(h), new Lit(1, Ty.INT)))), useOf(new Ast.Idx(h, index(h))))));
            }
            return b;
        }

        // ----- assignments and ++/-- inside expressions

        private void chainAssign(String acc, List<Stmt> out) {
            features.add("sideEffects");
            features.add("chainAssign");
            Expr e = term(); // before the targets exist: the expression cannot read them
            String a = fresh(SE_NAMES);
            if (a == null) {
                return;
            }
            declare(a, Ty.DOUBLE);
            String b = fresh(SE_NAMES);
            if (b == null) {
                out.add(new Decl(Ty.DOUBLE, a, e));
                return;
            }
            declare(b, Ty.DOUBLE);
            String c = r.nextInt(100) < 25 ? fresh(SE_NAMES) : null;
            boolean noInit = r.nextBoolean();
            out.add(new Decl(Ty.DOUBLE, a, noInit ? null : new Lit(0.0, Ty.DOUBLE)));
            out.add(new Decl(Ty.DOUBLE, b, noInit ? null : new Lit(1.0, Ty.DOUBLE)));
            Expr rhs = e;
            if (c != null) {
                out.add(new Decl(Ty.DOUBLE, c, noInit ? null : new Lit(0.5, Ty.DOUBLE)));
                declare(c, Ty.DOUBLE);
                rhs = new Ast.AssignExpr(c, Ty.DOUBLE, rhs);
            }
            out.add(new Assign(a, Ty.DOUBLE, new Ast.AssignExpr(b, Ty.DOUBLE, rhs)));
            Expr use = new Bin('*', new Var(a, Ty.DOUBLE), new Var(b, Ty.DOUBLE));
            if (c != null) {
                use = new Bin('+', use, new Var(c, Ty.DOUBLE));
            }
            out.add(new Compound(acc, Ty.DOUBLE, '+', use));
        }

        private void assignInCond(String acc, List<Stmt> out) {
            features.add("sideEffects");
            features.add("assignInCond");
            String j = on("loops") && r.nextInt(100) < 35 ? ix() : null;
            String rr = fresh(SE_NAMES);
            if (rr == null) {
                return;
            }
            java.util.function.Supplier<List<Stmt>> gen = () -> {
                Expr f = null;
                if (on("calls") && r.nextBoolean()) {
                    budget = 4;
                    f = invokeLib(2);
                }
                if (f == null) {
                    f = term();
                }
                if (f.ty() != Ty.DOUBLE) {
                    f = new Cast(Ty.DOUBLE, f);
                }
                double[] cs = {0.0, 0.5, 1.0};
                Expr c = new Lit(cs[r.nextInt(cs.length)], Ty.DOUBLE);
                if (r.nextInt(4) == 0) {
                    c = new Neg(c);
                }
                String op = new String[] {">", "<", ">=", "<="}[r.nextInt(4)];
                // the branches may read rr (declared by now)
                declare(rr, Ty.DOUBLE);
                List<Stmt> then = List.of(new Compound(acc, Ty.DOUBLE, '+', new Bin('*', new Var(rr, Ty.DOUBLE), scalarParam())));
                List<Stmt> els = r.nextInt(100) < 70
                        ? List.of(new Compound(acc, Ty.DOUBLE, '-', new Bin('*', new Var(rr, Ty.DOUBLE), new Var(rr, Ty.DOUBLE))))
                        : List.of();
                return List.of(new If(new Cmp(op, new Ast.AssignExpr(rr, Ty.DOUBLE, f), c), then, els));
            };
            if (j != null) {
                // declared before the loop: initialised, since the loop may not run
                out.add(new Decl(Ty.DOUBLE, rr, new Lit(0.0, Ty.DOUBLE)));
                out.add(forLoop(j, loopBound(), gen));
                declare(rr, Ty.DOUBLE);
                return;
            }
            List<Stmt> s = gen.get();
            out.add(new Decl(Ty.DOUBLE, rr, r.nextBoolean() ? null : new Lit(0.0, Ty.DOUBLE)));
            out.addAll(s);
        }

        private void assignOperand(String acc, List<Stmt> out) {
            features.add("sideEffects");
            features.add("assignOperand");
            Expr e1 = term();
            Expr e2 = term();
            if (e1.ty() != Ty.DOUBLE) {
                e1 = new Cast(Ty.DOUBLE, e1);
            }
            String t = null;
            if (on("paramWrite") && r.nextInt(100) < 30) {
                Var p = scalarParam();
                if (!pinned.contains(p.name()) && !reads(e1, p.name()) && !reads(e2, p.name()) && !p.name().equals(hot)) {
                    t = p.name();
                    features.add("paramWrite");
                    writtenParams.add(t);
                }
            }
            if (t == null) {
                t = fresh(SE_NAMES);
                if (t == null) {
                    return;
                }
                out.add(new Decl(Ty.DOUBLE, t, activeInit()));
                declare(t, Ty.DOUBLE);
            }
            Expr asg = new Ast.AssignExpr(t, Ty.DOUBLE, e1);
            if (on("assignIntOperand") && r.nextInt(100) < 25) {
                e2 = new Lit(1 + r.nextInt(3), Ty.INT); // (t = e) * 2, 1 + (t = e)
            }
            if (e2.ty() != Ty.DOUBLE) {
                if (on("assignIntOperand")) {
                    features.add("assignIntOperand");
                } else {
                    e2 = new Cast(Ty.DOUBLE, e2); // known bug, see KNOWN_BUGS
                }
            }
            Expr whole;
            switch (r.nextInt(4)) {
                case 0:
                    whole = new Bin('/', asg, new Bin('+', new Bin('*', e2, e2), new Lit(1.0, Ty.DOUBLE)));
                    break;
                case 1:
                    whole = new Bin('*', asg, e2);
                    break;
                case 2:
                    whole = new Bin('+', e2, asg);
                    break;
                default:
                    whole = new Bin('*', call(Fn.TANH, e2), asg);
                    break;
            }
            out.add(new Compound(acc, Ty.DOUBLE, '+', whole));
            out.add(new Compound(acc, Ty.DOUBLE, '+', use(t)));
        }

        private void postIncIndex(String acc, List<Stmt> out) {
            features.add("sideEffects");
            features.add("postIncIndex");
            String yb = fresh(BUF_NAMES);
            String kk = fresh(CNT_NAMES);
            if (yb == null || kk == null) {
                return;
            }
            List<VarInfo> as = arrays(false);
            Stmt loop;
            int len;
            String key;
            Expr lenExpr;
            if (!as.isEmpty() && r.nextBoolean()) {
                // for (double el : a) yb[kk++] = term(el);
                String a = as.get(r.nextInt(as.size())).name();
                String el = fresh(ELEMENT_VARS);
                if (el == null) {
                    return;
                }
                len = arrLen.get(a);
                key = arrKey.get(a);
                lenExpr = new Ast.Len(a);
                scopes.push(new ArrayList<>(List.of(new VarInfo(el, Ty.DOUBLE, false, true))));
                loops.push(new LoopCtx(null, null, null));
                Expr v = r.nextBoolean() ? useOf(new Var(el, Ty.DOUBLE)) : new Bin('*', new Var(el, Ty.DOUBLE), term());
                loops.pop();
                scopes.pop();
                features.add("forEach");
                loop = new Ast.ForEach(null, el, a, List.of(new Ast.ArrStore(yb, new Ast.IncDecExpr(kk, Ty.INT, true, false), '=', v)));
            } else {
                String i = ix();
                if (i == null) {
                    return;
                }
                len = 1 + r.nextInt(4);
                key = "#" + len;
                lenExpr = new Lit(len, Ty.INT);
                loop = forLoop(i, new Bound(new Lit(len, Ty.INT), key), () -> List.of(new Ast.ArrStore(yb,
                        new Ast.IncDecExpr(kk, Ty.INT, true, false), '=', term())));
            }
            out.add(new Ast.ArrLocal(yb, useVar(), new Ast.NewArr(lenExpr)));
            out.add(new Decl(Ty.INT, kk, new Lit(0, Ty.INT)));
            out.add(loop);
            declareArray(yb, len, key);
            scopes.peek().add(new VarInfo(kk, Ty.INT, false, true));
            out.add(new Compound(acc, Ty.DOUBLE, '+', new Bin('+', new Ast.Idx(yb, new Lit(0, Ty.INT)),
                    new Bin('*', new Lit(3.0, Ty.DOUBLE), useOf(new Ast.Idx(yb, new Bin('-', new Ast.Len(yb), new Lit(1, Ty.INT))))))));
        }

        private void whileDecrement(String acc, List<Stmt> out, int depth) {
            features.add("sideEffects");
            features.add("whileDecrement");
            String left = null;
            if (r.nextInt(100) < 40) {
                for (VarInfo v : visible()) {
                    if (v.param() && v.ty() == Ty.INT) {
                        left = v.name(); // while (n-- > 0): the int parameter itself counts down
                    }
                }
            }
            if (left == null) {
                left = fresh(CNT_NAMES);
                if (left == null) {
                    return;
                }
                Expr init = new Lit(1 + r.nextInt(4), Ty.INT);
                for (VarInfo v : visible()) {
                    if (v.param() && v.ty() == Ty.INT && r.nextBoolean()) {
                        init = new Var(v.name(), Ty.INT);
                    }
                }
                if (r.nextInt(5) == 0) {
                    init = new Const("N", Ty.INT, constValue("N"));
                }
                out.add(new Decl(Ty.INT, left, init));
                scopes.peek().add(new VarInfo(left, Ty.INT, false, true));
            }
            int form = r.nextInt(100);
            scopes.push(new ArrayList<>());
            loops.push(new LoopCtx(null, null, null));
            List<Stmt> body = new ArrayList<>();
            body.add(new Compound(acc, Ty.DOUBLE, '+', new Bin('*', term(), r.nextBoolean() ? new Var(left, Ty.INT) : scalarParam())));
            if (r.nextInt(100) < 30) {
                Stmt st = stmt(depth + 1);
                if (!terminates(st)) {
                    body.add(st);
                }
            }
            loops.pop();
            scopes.pop();
            features.add("loops");
            if (form < 60) {
                features.add("while");
                out.add(new Ast.While(null, new Cmp(">", new Ast.IncDecExpr(left, Ty.INT, false, false), new Lit(0, Ty.INT)), body));
            } else if (form < 80) {
                features.add("while");
                out.add(new Ast.While(null, new Cmp(">=", new Ast.IncDecExpr(left, Ty.INT, false, true), new Lit(0, Ty.INT)), body));
            } else {
                features.add("doWhile");
                out.add(new Ast.DoWhile(null, body, new Cmp(">", new Ast.IncDecExpr(left, Ty.INT, false, true), new Lit(0, Ty.INT))));
            }
        }

        // ----- varargs

        private void varargsCalls(String acc, List<Stmt> out) {
            features.add("varargs");
            List<Method> vs = varargsLibs();
            Method s = vs.get(r.nextInt(vs.size()));
            int form = r.nextInt(100);
            if (form < 70) {
                // spread numbers
                features.add("varargsSpread");
                out.add(new Compound(acc, Ty.DOUBLE, '+', spreadCall(s)));
            }
            if (form >= 40) {
                features.add("varargsArray");
                String j = ix();
                if (j != null && r.nextBoolean()) {
                    boolean overRows = mat != null && r.nextBoolean();
                    out.add(forLoop(j, overRows ? rowsBound() : loopBound(), () -> {
                        List<Stmt> b = new ArrayList<>();
                        if (overRows) {
                            features.add("rowArg");
                            features.add("rowArgInLoop");
                            b.add(new Compound(acc, Ty.DOUBLE, '+', callWithArray(s, new Ast.Row(mat, new Var(j, Ty.INT)))));
                        } else {
                            ArrArg a = arrayArg(null);
                            b.addAll(a.pre());
                            b.add(new Compound(acc, Ty.DOUBLE, '+', callWithArray(s, a.e())));
                            b.add(new Compound(acc, Ty.DOUBLE, '+', spreadCall(s)));
                        }
                        return b;
                    }));
                } else {
                    ArrArg a = arrayArg(null);
                    out.addAll(a.pre());
                    out.add(new Compound(acc, Ty.DOUBLE, '+', callWithArray(s, a.e())));
                }
            }
        }

        private Expr spreadCall(Method s) {
            features.add("varargsSpread");
            features.add("calls");
            List<Expr> args = new ArrayList<>();
            for (Param p : s.params()) {
                if (p.ty() == Ty.DVARARGS) {
                    int n = 1 + r.nextInt(4);
                    for (int e = 0; e < n; e++) {
                        int k = r.nextInt(3);
                        args.add(k == 0 ? scalarParam() : k == 1 && !arrays(false).isEmpty() ? arrayRead() : callArg(1));
                    }
                } else {
                    args.add(callArg(1));
                }
            }
            return new Ast.Invoke(qualifier, s.name(), args, false);
        }

        // ----- switches

        /** An int selector: an int parameter or local, an int array element, a loop index or a cast. */
        private Expr selector() {
            List<Expr> cands = new ArrayList<>();
            for (VarInfo v : visible()) {
                if (v.ty() == Ty.INT) {
                    cands.add(new Var(v.name(), Ty.INT));
                }
            }
            for (VarInfo v : inactiveArrays()) {
                if (v.ty() == Ty.IARRAY) {
                    cands.add(new Ast.Idx(v.name(), index(v.name()), Ty.INT));
                }
            }
            int k = r.nextInt(100);
            if (cands.isEmpty() || k < 35) {
                features.add("castInt");
                return new Cast(Ty.INT, call(Fn.FLOOR, new Bin('*', new Lit(r.nextBoolean() ? 2.0 : 1.5, Ty.DOUBLE), scalarParam())));
            }
            Expr e = cands.get(r.nextInt(cands.size()));
            if (e instanceof Var v && !loops.isEmpty() && v.name().equals(loops.peek().index()) && r.nextBoolean()) {
                return new Bin('%', e, new Lit(2 + r.nextInt(2), Ty.INT));
            }
            return e;
        }

        private List<List<Integer>> armLabels() {
            List<Integer> pool = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5));
            Collections.shuffle(pool, new java.util.Random(r.nextLong()));
            int arms = 1 + r.nextInt(3);
            List<List<Integer>> out = new ArrayList<>();
            int at = 0;
            for (int a = 0; a < arms; a++) {
                int n = r.nextInt(100) < 30 ? 2 : 1;
                List<Integer> ls = new ArrayList<>(pool.subList(at, at + n));
                Collections.sort(ls);
                at += n;
                out.add(ls);
            }
            return out;
        }

        /** A switch statement over {@code sel}; the arms update acc (and more). In a loop, an arm may continue. */
        private Ast.Switch switchStmt(String acc, Expr sel, int depth, boolean inLoop) {
            boolean arrow = r.nextBoolean();
            features.add(arrow ? "switchArrow" : "switchColon");
            List<List<Integer>> labels = armLabels();
            List<List<Stmt>> bodies = new ArrayList<>();
            for (int a = 0; a < labels.size(); a++) {
                bodies.add(caseBody(acc, arrow, depth, inLoop));
            }
            List<Stmt> dflt = r.nextInt(100) < 75 ? caseBody(acc, arrow, depth, inLoop) : null;
            if (dflt != null && JavaPrinter.completesAbruptly(dflt) && bodies.stream().allMatch(JavaPrinter::completesAbruptly)) {
                // every path would leave the switch abruptly and the code after it would be unreachable
                dflt = new ArrayList<>(dflt.subList(0, dflt.size() - 1));
            }
            return new Ast.Switch(sel, labels, bodies, dflt, arrow);
        }

        private List<Stmt> caseBody(String acc, boolean arrow, int depth, boolean inLoop) {
            scopes.push(new ArrayList<>());
            try {
                List<Stmt> b = new ArrayList<>();
                int n = 1 + r.nextInt(2);
                for (int s = 0; s < n && !JavaPrinter.completesAbruptly(b); s++) {
                    int k = r.nextInt(100);
                    if (k < 40) {
                        b.add(new Compound(acc, Ty.DOUBLE, r.nextInt(4) == 0 ? '-' : '+', term()));
                    } else if (k < 55) {
                        budget = 5;
                        b.add(new Assign(acc, Ty.DOUBLE, new Bin('+', new Bin('*', new Lit(0.5, Ty.DOUBLE), new Var(acc, Ty.DOUBLE)), term())));
                    } else if (k < 70 && inLoop && jumpAllowed()) {
                        budget = 6;
                        features.add("continue");
                        b.add(new If(bexpr(1), List.of(continueStmt()), List.of()));
                    } else if (k < 85 && depth < 2) {
                        Stmt st = ifStmt(depth + 1);
                        // colon form: a case must end with break, return or continue itself (README)
                        b.add(arrow || !terminates(st) ? st : new Compound(acc, Ty.DOUBLE, '+', term()));
                    } else {
                        Stmt st = stmt(depth + 1);
                        // colon form: the whole switch block is one scope, so no declarations at an arm's top
                        boolean decl = st instanceof Decl || st instanceof Ast.BDecl || st instanceof Ast.ArrDecl;
                        if (!terminates(st) && (arrow || !decl)) {
                            b.add(st);
                        } else {
                            if (decl) {
                                // dropped: so is its variable
                                String dn = st instanceof Decl d ? d.name() : st instanceof Ast.BDecl bd ? bd.name()
                                        : ((Ast.ArrDecl) st).name();
                                scopes.peek().removeIf(v -> v.name().equals(dn));
                            }
                            b.add(new Compound(acc, Ty.DOUBLE, '+', term()));
                        }
                    }
                }
                if (JavaPrinter.completesAbruptly(b)) {
                    return b;
                }
                int e = r.nextInt(100);
                if (inLoop && e < 15 && jumpAllowed()) {
                    features.add("continue");
                    b.add(continueStmt());
                } else if (e < 25 && on("earlyReturn") && returnAllowed()) {
                    features.add("earlyReturn");
                    b.add(new Return(returnExpr()));
                }
                return b;
            } finally {
                scopes.pop();
            }
        }

        /** {@code continue;}, or {@code continue label;} to the labelled loop around a switch. */
        private Stmt continueStmt() {
            if (switchLoopLabel != null && r.nextBoolean()) {
                features.add("labeledJump");
                return new Ast.Continue(switchLoopLabel);
            }
            return new Ast.Continue(null);
        }

        private void switchInLoop(String acc, List<Stmt> out, int depth) {
            features.add("switches");
            features.add("switchInLoop");
            String i = ix();
            if (i == null) {
                out.add(switchStmt(acc, selector(), depth, false));
                return;
            }
            // sometimes a labelled loop, continued from inside the switch: continue outer0;
            String label = on("labeledJump") && r.nextInt(100) < 35 ? freshLabel() : null;
            Ast.For f = forLoop(i, loopBound(), () -> {
                String saved = switchLoopLabel;
                switchLoopLabel = label;
                try {
                    List<Stmt> b = new ArrayList<>();
                    b.add(switchStmt(acc, selector(), depth + 1, true));
                    b.add(new Compound(acc, Ty.DOUBLE, '+', term()));
                    return b;
                } finally {
                    switchLoopLabel = saved;
                }
            });
            out.add(new Ast.For(label, f.var(), f.init(), f.cond(), f.step(), f.body()));
        }

        private void switchExpr(String acc, List<Stmt> out) {
            features.add("switches");
            boolean arrow = r.nextBoolean();
            features.add(arrow ? "switchExprArrow" : "switchExprColon");
            Expr sel = selector();
            List<List<Integer>> labels = armLabels();
            List<Expr> arms = new ArrayList<>();
            for (int a = 0; a < labels.size(); a++) {
                budget = 5;
                arms.add(strictD(1 + r.nextInt(2)));
            }
            budget = 5;
            Expr sw = new Ast.SwitchExpr(sel, labels, arms, strictD(1), arrow);
            String sv = fresh(VAR_NAMES);
            if (sv != null && r.nextBoolean()) {
                if (on("varLocals") && r.nextInt(100) < 30) {
                    features.add("varLocals");
                    features.add("varDouble");
                    out.add(new Ast.VarDecl(sv, sw));
                } else {
                    out.add(new Decl(Ty.DOUBLE, sv, sw));
                }
                declare(sv, Ty.DOUBLE);
                out.add(new Compound(acc, Ty.DOUBLE, '+', use(sv)));
                return;
            }
            out.add(new Compound(acc, Ty.DOUBLE, '+', new Bin('*', scalarParam(), sw)));
        }

        // ----- procedures

        private void procCall(String acc, List<Stmt> out) {
            features.add("procedureCalls");
            features.add("procCall");
            List<Method> ps = procLibs();
            Method pm = ps.get(r.nextInt(ps.size()));
            String j = ix();
            if (j != null && r.nextBoolean() && r.nextInt(100) < 40) {
                procState(acc, pm, j, out);
                return;
            }
            if (j != null && r.nextBoolean()) {
                features.add("procCallInLoop");
                boolean overRows = mat != null && r.nextBoolean();
                out.add(forLoop(j, overRows ? rowsBound() : loopBound(), () -> {
                    List<Stmt> b = new ArrayList<>();
                    ArrArg a = overRows ? new ArrArg(new Ast.Row(mat, new Var(j, Ty.INT)), matCols, List.of()) : arrayArg(null);
                    b.addAll(a.pre());
                    procBody(acc, pm, a, b);
                    return b;
                }));
                return;
            }
            ArrArg a = arrayArg(null);
            out.addAll(a.pre());
            procBody(acc, pm, a, out);
        }

        /**
         * A state the procedure updates in place at every iteration, as an RNN cell or a momentum step does: the outputs
         * made before the loop, the call in it (reading what the last iteration left, where the procedure reads its output
         * on entry), the state read after it.
         */
        private void procState(String acc, Method any, String j, List<Stmt> out) {
            features.add("procStateInLoop");
            List<Method> updates = libs(m -> m.name().startsWith("libU"));
            Method pm = updates.isEmpty() ? any : updates.get(r.nextInt(updates.size()));
            ArrArg a = arrayArg(null); // (chosen before the outputs exist: never one of them)
            out.addAll(a.pre());
            List<String> outs = new ArrayList<>();
            for (Param p : pm.params().subList(1, pm.params().size())) {
                if (p.ty() != Ty.DARRAY) {
                    continue;
                }
                String o = newOutput(out);
                if (o == null) {
                    out.add(new Compound(acc, Ty.DOUBLE, '+', term()));
                    return;
                }
                outs.add(o);
            }
            int steps = 2 + r.nextInt(3); // (several: each call starts from what the last one left)
            out.add(forLoop(j, new Bound(new Lit(steps, Ty.INT), "#" + steps), () -> {
                List<Stmt> b = new ArrayList<>();
                List<Expr> args = new ArrayList<>();
                int k = 0;
                for (Param p : pm.params()) {
                    if (p.ty() == Ty.DARRAY && args.isEmpty()) {
                        args.add(a.e());
                    } else if (p.ty() == Ty.DARRAY) {
                        args.add(new Var(outs.get(k++), Ty.DARRAY));
                    } else if (p.ty() == Ty.INT) {
                        args.add(new Lit(1 + r.nextInt(4), Ty.INT));
                    } else {
                        args.add(callArg(1));
                    }
                }
                features.add("calls");
                b.add(new Ast.ExprStmt(new Ast.Invoke(qualifier, pm.name(), args, false)));
                return b;
            }));
            frozen(a.e());
            for (String o : outs) {
                constArrs.add(o); // written by the calls alone
                out.add(new Compound(acc, Ty.DOUBLE, '+', useOf(new Ast.Idx(o, index(o)))));
            }
        }

        /**
         * {@code double[] o = new double[n];}, sometimes with {@code o[0]} set (what a procedure reading its output
         * before it writes it then reads); null when no name is left.
         */
        private String newOutput(List<Stmt> b) {
            String o = fresh(PB_NAMES);
            if (o == null) {
                return null;
            }
            Bound n = arrayLength();
            b.add(new Ast.ArrLocal(o, useVar(), new Ast.NewArr(n.e())));
            declareArray(o, staticInt(n.e()), n.key());
            if (r.nextInt(100) < 40) {
                b.add(new Ast.ArrStore(o, new Lit(0, Ty.INT), '=', scalarParam()));
            }
            return o;
        }

        /** Allocates the outputs, calls the procedure on them, reads them. */
        private void procBody(String acc, Method pm, ArrArg a, List<Stmt> b) {
            List<Expr> args = new ArrayList<>();
            List<String> outs = new ArrayList<>();
            boolean first = true;
            for (Param p : pm.params()) {
                if (p.ty() == Ty.DARRAY && first) {
                    args.add(a.e());
                    first = false;
                } else if (p.ty() == Ty.DARRAY) {
                    String o = newOutput(b);
                    if (o == null) {
                        b.add(new Compound(acc, Ty.DOUBLE, '+', term()));
                        return;
                    }
                    outs.add(o);
                    args.add(new Var(o, Ty.DARRAY));
                } else if (p.ty() == Ty.INT) {
                    args.add(new Lit(1 + r.nextInt(4), Ty.INT));
                } else {
                    args.add(callArg(1));
                }
            }
            features.add("calls");
            b.add(new Ast.ExprStmt(new Ast.Invoke(qualifier, pm.name(), args, false)));
            frozen(a.e());
            for (String o : outs) {
                constArrs.add(o); // written by the call: nothing writes it again
            }
            for (String o : outs) {
                b.add(new Compound(acc, Ty.DOUBLE, '+', r.nextBoolean() ? useOf(new Ast.Idx(o, index(o)))
                        : new Bin('*', new Ast.Idx(o, new Lit(0, Ty.INT)), new Ast.Idx(o, new Bin('-', new Ast.Len(o), new Lit(1, Ty.INT))))));
            }
            List<Method> takers = arrayTakers();
            for (String o : outs) {
                if (!takers.isEmpty() && r.nextInt(100) < 35) {
                    // the output handed to a call that reads it, as GMM hands xcentered to qtimesx: in a loop,
                    // a buffer the reverse sweep may compute again (analysis/Refills) rather than copy
                    features.add("procOutputPassed");
                    b.add(new Compound(acc, Ty.DOUBLE, '+',
                            callWithArray(takers.get(r.nextInt(takers.size())), new Var(o, Ty.DARRAY))));
                }
            }
        }

        /** Whether {@code e} reads variable {@code name}. */
        private boolean reads(Expr e, String name) {
            if (e instanceof Var v) {
                return v.name().equals(name);
            } else if (e instanceof Neg n) {
                return reads(n.e(), name);
            } else if (e instanceof Bin b) {
                return reads(b.l(), name) || reads(b.r(), name);
            } else if (e instanceof Call c) {
                return c.args().stream().anyMatch(a -> reads(a, name));
            } else if (e instanceof Ast.Invoke c) {
                return c.args().stream().anyMatch(a -> reads(a, name));
            } else if (e instanceof Cast c) {
                return reads(c.e(), name);
            } else if (e instanceof Paren p) {
                return reads(p.e(), name);
            } else if (e instanceof Cond c) {
                return readsB(c.c(), name) || reads(c.a(), name) || reads(c.b(), name);
            } else if (e instanceof Ast.Idx x) {
                return x.arr().equals(name) || reads(x.index(), name);
            }
            return false;
        }

        private boolean readsB(BExpr c, String name) {
            if (c instanceof Cmp k) {
                return reads(k.l(), name) || reads(k.r(), name);
            } else if (c instanceof And a) {
                return readsB(a.l(), name) || readsB(a.r(), name);
            } else if (c instanceof Or o) {
                return readsB(o.l(), name) || readsB(o.r(), name);
            } else if (c instanceof Not n) {
                return readsB(n.e(), name);
            } else if (c instanceof Ast.BVar v) {
                return v.name().equals(name);
            }
            return false;
        }

        // ----- the issue 9 library methods

        /** {@code static double[] libVK(double[] a, double x)}: a fresh array, filled from a and x. */
        Method vecLib(long seed, String name) {
            int len = 1 + r.nextInt(4);
            Param a = new Param("a", Ty.DARRAY, len);
            Param x = new Param("x", Ty.DOUBLE);
            List<Param> params = r.nextBoolean() ? List.of(a, x) : List.of(x, a);
            scopes.push(new ArrayList<>(List.of(new VarInfo("a", Ty.DARRAY, true), new VarInfo("x", Ty.DOUBLE, true))));
            arrKey.put("a", "p:a");
            arrLen.put("a", len);
            int kind = r.nextInt(3);
            Expr olen;
            String okey;
            if (kind == 0) {
                olen = new Ast.Len("a");
                okey = "p:a";
                features.add("vecLen:a");
            } else if (kind == 1) {
                olen = new Bin('+', new Ast.Len("a"), new Lit(1, Ty.INT));
                okey = "a+1";
                features.add("vecLen:a+1");
            } else {
                int n = 2 + r.nextInt(3);
                olen = new Lit(n, Ty.INT);
                okey = "#" + n;
                features.add("vecLen:#" + n);
            }
            scopes.push(new ArrayList<>(List.of(new VarInfo("i", Ty.INT, false, true))));
            loops.push(new LoopCtx(null, "i", okey));
            // bounded (squashed): the callers accumulate these in loops, and a point whose values pass
            // 1e4 is skipped
            Expr t = call(r.nextBoolean() ? Fn.SIN : Fn.TANH, term());
            Expr e = r.nextInt(100) < 60 ? new Bin('+', call(Fn.TANH, new Bin('*', new Ast.Idx("a", index("a")), new Var("x", Ty.DOUBLE))), t)
                    : new Bin('*', new Ast.Idx("a", index("a")), t);
            loops.pop();
            scopes.pop();
            List<Stmt> body = new ArrayList<>();
            body.add(new Ast.ArrDecl("out", olen));
            body.add(new Ast.For(null, "i", new Lit(0, Ty.INT), new Cmp("<", new Var("i", Ty.INT), new Ast.Len("out")), 1,
                    List.of(new Ast.ArrStore("out", new Var("i", Ty.INT), '=', e))));
            if (r.nextInt(100) < 40) {
                body.add(new Ast.ArrStore("out", new Lit(0, Ty.INT), '+', new Bin('*', new Lit(0.5, Ty.DOUBLE), new Var("x", Ty.DOUBLE))));
            }
            // (its own stream, so the methods generated before this shape existed stay the same)
            java.util.SplittableRandom returned = new java.util.SplittableRandom(seed ^ 0x6e657741L);
            if (returned.nextInt(100) < 30) {
                // return new double[] {...}: a fixed length, whatever the argument's
                features.removeIf(f -> f.startsWith("vecLen:"));
                Expr first = new Ast.Idx("out", new Lit(0, Ty.INT));
                Expr last = new Ast.Idx("out", new Bin('-', new Ast.Len("out"), new Lit(1, Ty.INT)));
                List<Expr> elems = new ArrayList<>(List.of(new Bin('*', first, new Var("x", Ty.DOUBLE)),
                        call(Fn.TANH, new Bin('+', last, new Ast.Idx("a", new Lit(0, Ty.INT))))));
                if (returned.nextBoolean()) {
                    elems.add(new Bin('-', first, new Ast.Idx("a", new Bin('-', new Ast.Len("a"), new Lit(1, Ty.INT)))));
                }
                // sometimes a scalar library method of the element (its tangent then runs once per direction)
                List<Method> scalars = ctx.lib().stream().filter(m -> m.returnType().equals("double")
                        && m.params().stream().allMatch(q -> q.ty() == Ty.DOUBLE || q.ty() == Ty.INT || q.ty() == Ty.DARRAY))
                        .toList();
                if (!scalars.isEmpty() && returned.nextInt(100) < 50) {
                    Method callee = scalars.get(returned.nextInt(scalars.size()));
                    List<Expr> args = new ArrayList<>();
                    for (Param q : callee.params()) {
                        args.add(switch (q.ty()) {
                            case INT -> new Lit(1 + returned.nextInt(3), Ty.INT);
                            case DARRAY -> new Var("a", Ty.DARRAY);
                            default -> returned.nextBoolean() ? first : new Var("x", Ty.DOUBLE);
                        });
                    }
                    elems.add(new Ast.Invoke(qualifier, callee.name(), args, false));
                    features.add("vecLibCall");
                }
                features.add("vecLen:#" + elems.size());
                features.add("returnsNewArray");
                body.add(new Return(new Ast.NewArrOf(elems)));
            } else {
                body.add(new Return(new Var("out", Ty.DARRAY)));
            }
            features.add("arrayValued");
            return new Method("static", "double[]", name, params, body, seed, new ArrayList<>(features));
        }

        /** {@code static double libSK([double w,] double... vs)}. */
        Method varargsLib(long seed, String name) {
            boolean lead = r.nextBoolean();
            List<Param> params = new ArrayList<>();
            List<VarInfo> top = new ArrayList<>();
            if (lead) {
                params.add(new Param("w", Ty.DOUBLE));
                top.add(new VarInfo("w", Ty.DOUBLE, true));
            }
            params.add(new Param("vs", Ty.DVARARGS, 3));
            top.add(new VarInfo("vs", Ty.DARRAY, true));
            scopes.push(top);
            arrKey.put("vs", "p:vs");
            arrLen.put("vs", 3);
            List<Stmt> body = new ArrayList<>();
            body.add(new Decl(Ty.DOUBLE, "s", lead ? new Var("w", Ty.DOUBLE) : new Lit(0.0, Ty.DOUBLE)));
            declare("s", Ty.DOUBLE);
            if (r.nextBoolean()) {
                scopes.push(new ArrayList<>(List.of(new VarInfo("v", Ty.DOUBLE, false, true))));
                loops.push(new LoopCtx(null, null, null));
                Expr t = r.nextBoolean() ? new Bin('*', new Var("v", Ty.DOUBLE), new Var("v", Ty.DOUBLE)) : call(Fn.TANH, term());
                loops.pop();
                scopes.pop();
                body.add(new Ast.ForEach(null, "v", "vs", List.of(new Compound("s", Ty.DOUBLE, '+', t))));
            } else {
                scopes.push(new ArrayList<>(List.of(new VarInfo("i", Ty.INT, false, true))));
                loops.push(new LoopCtx(null, "i", "p:vs"));
                Expr t = new Bin('*', new Ast.Idx("vs", new Var("i", Ty.INT)), call(Fn.SIN, term()));
                loops.pop();
                scopes.pop();
                body.add(new Ast.For(null, "i", new Lit(0, Ty.INT), new Cmp("<", new Var("i", Ty.INT), new Ast.Len("vs")), 1,
                        List.of(new Compound("s", Ty.DOUBLE, '+', t))));
            }
            body.add(new Return(r.nextBoolean() ? new Var("s", Ty.DOUBLE)
                    : new Bin('/', new Var("s", Ty.DOUBLE), new Ast.Len("vs"))));
            features.add("varargs");
            return new Method("static", "double", name, params, body, seed, new ArrayList<>(features));
        }

        /**
         * {@code static void libPK(double[] a, double x, double[] out[, double[] out2])}: writes its outputs; with
         * {@code update}, {@code out} as a state updated in place ({@code out[i] = x * out[i] + ...}).
         */
        Method procLib(long seed, String name, boolean update) {
            int len = 1 + r.nextInt(4);
            boolean two = r.nextInt(100) < 30;
            List<Param> params = new ArrayList<>(List.of(new Param("a", Ty.DARRAY, len), new Param("x", Ty.DOUBLE),
                    new Param("out", Ty.DARRAY, 2)));
            List<VarInfo> top = new ArrayList<>(List.of(new VarInfo("a", Ty.DARRAY, true), new VarInfo("x", Ty.DOUBLE, true)));
            if (two) {
                params.add(new Param("out2", Ty.DARRAY, 2));
            }
            scopes.push(top);
            arrKey.put("a", "p:a");
            arrLen.put("a", len);
            scopes.push(new ArrayList<>(List.of(new VarInfo("i", Ty.INT, false, true))));
            loops.push(new LoopCtx(null, "i", "p:out"));
            Expr t = r.nextBoolean() ? new Bin('+', call(Fn.SIN, new Bin('*', new Ast.Idx("a", index("a")), new Var("x", Ty.DOUBLE))),
                    call(Fn.TANH, term())) : new Bin('*', new Ast.Idx("a", index("a")), call(Fn.SIN, term()));
            loops.pop();
            scopes.pop();
            Stmt store;
            int k = update ? -1 : r.nextInt(3);
            if (k == -1) {
                // a state: its derivative reads what it held on entry (as x·y + a does with respect to x)
                store = new Ast.ArrStore("out", new Var("i", Ty.INT), '=', new Bin('+', new Bin('*', new Var("x", Ty.DOUBLE),
                        new Ast.Idx("out", new Var("i", Ty.INT))), t));
            } else if (k == 0) {
                // reads the output before writing it
                store = new Ast.ArrStore("out", new Var("i", Ty.INT), '=', new Bin('+', new Bin('*', new Lit(0.5, Ty.DOUBLE),
                        new Ast.Idx("out", new Var("i", Ty.INT))), t));
            } else if (k == 1) {
                store = new Ast.ArrStore("out", new Var("i", Ty.INT), '+', t);
            } else {
                store = new Ast.ArrStore("out", new Var("i", Ty.INT), '=', t);
            }
            List<Stmt> body = new ArrayList<>();
            body.add(new Ast.For(null, "i", new Lit(0, Ty.INT), new Cmp("<", new Var("i", Ty.INT), new Ast.Len("out")), 1, List.of(store)));
            if (two) {
                body.add(new Ast.ArrStore("out2", new Bin('-', new Ast.Len("out2"), new Lit(1, Ty.INT)), '+',
                        new Bin('*', new Var("x", Ty.DOUBLE), new Ast.Idx("a", new Lit(0, Ty.INT)))));
            }
            features.add("procedureCalls");
            return new Method("static", "void", name, params, body, seed, new ArrayList<>(features));
        }

        // ---------------------------------------------------------------- calls with array arguments

        /** {@code double[] cp = src.clone();}, {@code Arrays.copyOf(src, n)} or {@code Arrays.copyOfRange(src, a, b)}. */
        private Stmt copyDecl() {
            List<VarInfo> srcs = arrays(false);
            String src = srcs.get(r.nextInt(srcs.size())).name();
            String name = fresh(COPY_LOCALS);
            int sl = arrLen.get(src);
            Ast.CopyKind kind = Ast.CopyKind.values()[r.nextInt(3)];
            Expr a = null;
            Expr b = null;
            int len;
            String key;
            features.add("arrayCalls");
            switch (kind) {
                case CLONE:
                    features.add("clone");
                    len = sl;
                    key = arrKey.get(src);
                    break;
                case COPY_OF:
                    // may be longer than the source: zero padding
                    features.add("copyOf");
                    len = 1 + r.nextInt(sl + 2);
                    a = r.nextBoolean() ? new Lit(len, Ty.INT)
                            : len >= sl ? new Bin('+', new Ast.Len(src), new Lit(len - sl, Ty.INT)) : new Lit(len, Ty.INT);
                    if (a instanceof Bin bb && bb.r() instanceof Lit l && l.value() == 0) {
                        a = new Ast.Len(src);
                    }
                    key = "#" + len;
                    break;
                default: {
                    features.add("copyOfRange");
                    int from = r.nextInt(sl);
                    int to = from + 1 + r.nextInt(sl - from + 1); // up to one past the end: padding
                    a = new Lit(from, Ty.INT);
                    b = to == sl && r.nextBoolean() ? new Ast.Len(src) : new Lit(to, Ty.INT);
                    len = to - from;
                    key = "#" + len;
                    break;
                }
            }
            declare(name, Ty.DARRAY);
            arrKey.put(name, key);
            arrLen.put(name, len);
            return new Ast.ArrCopyDecl(name, kind, src, a, b);
        }

        /** {@code System.arraycopy(..)} or {@code Arrays.fill(..)} into a writable local array, in bounds. */
        private Stmt arrayCallStmt(String dst) {
            features.add("arrayCalls");
            int dl = arrLen.get(dst);
            if (r.nextBoolean()) {
                List<VarInfo> srcs = arrays(false);
                String src = srcs.get(r.nextInt(srcs.size())).name();
                int sl = arrLen.get(src);
                int sp = r.nextInt(sl);
                int dp = r.nextInt(dl);
                int n = r.nextInt(Math.min(sl - sp, dl - dp) + 1);
                features.add("arraycopy");
                if (src.equals(dst)) {
                    features.add("arraycopyOverlap");
                }
                Expr ne = sp == 0 && dp == 0 && n == Math.min(sl, dl) && r.nextBoolean()
                        ? call(Fn.MIN, new Ast.Len(src), new Ast.Len(dst)) : new Lit(n, Ty.INT);
                return new Ast.ArrayCopy(src, new Lit(sp, Ty.INT), dst, new Lit(dp, Ty.INT), ne);
            }
            features.add("fill");
            Expr v = r.nextBoolean() ? term() : source(r.nextBoolean() ? Src.CONST : anySource());
            if (v.ty() != Ty.DOUBLE && !(v.ty() == Ty.INT)) {
                v = new Cast(Ty.DOUBLE, v);
            }
            if (r.nextBoolean()) {
                return new Ast.ArrFill(dst, null, null, v);
            }
            int from = r.nextInt(dl);
            int to = from + r.nextInt(dl - from + 1);
            return new Ast.ArrFill(dst, new Lit(from, Ty.INT), to == dl ? new Ast.Len(dst) : new Lit(to, Ty.INT), v);
        }

        // ---------------------------------------------------------------- calls

        private Expr callArg(int d) {
            boolean saved = argMode;
            argMode = argMode || loopy && !on("callArgWrite");
            if (loopy && on("callArgWrite")) {
                features.add("callArgWrite");
            }
            try {
                return strictD(d);
            } finally {
                argMode = saved;
            }
        }

        private Expr invokeLib(int d) {
            List<Method> cands = new ArrayList<>();
            boolean haveArray = !arrays(true).isEmpty();
            for (Method m : ctx.lib()) {
                if (!m.returnType().equals("double")) {
                    continue; // array-valued methods and procedures have call sites of their own
                }
                boolean needsArray = m.params().stream().anyMatch(p -> p.ty() == Ty.DARRAY);
                if (!needsArray || haveArray) {
                    cands.add(m);
                }
            }
            if (cands.isEmpty()) {
                return null;
            }
            Method callee = cands.get(r.nextInt(cands.size()));
            features.add("calls");
            List<Expr> args = new ArrayList<>();
            List<VarInfo> pa = arrays(true);
            for (Param p : callee.params()) {
                switch (p.ty()) {
                    case DARRAY:
                        features.add("arrayArgument");
                        args.add(new Var(pa.get(r.nextInt(pa.size())).name(), Ty.DARRAY));
                        break;
                    case INT:
                        args.add(new Lit(1 + r.nextInt(4), Ty.INT));
                        break;
                    case DVARARGS:
                        if (!pa.isEmpty() && r.nextInt(3) == 0) {
                            features.add("varargsArray");
                            args.add(new Var(pa.get(r.nextInt(pa.size())).name(), Ty.DARRAY));
                        } else {
                            features.add("varargsSpread");
                            int n = 1 + r.nextInt(3);
                            for (int e = 0; e < n; e++) {
                                args.add(callArg(Math.min(d - 1, 2)));
                            }
                        }
                        features.add("varargs");
                        break;
                    default:
                        args.add(callArg(Math.min(d - 1, 2)));
                        break;
                }
            }
            return new Ast.Invoke(qualifier, callee.name(), args, false);
        }

        // ---------------------------------------------------------------- scope

        private List<VarInfo> visible() {
            List<VarInfo> all = new ArrayList<>();
            for (List<VarInfo> s : scopes) {
                all.addAll(s);
            }
            return all;
        }

        private String fresh(String[] pool) {
            List<String> free = new ArrayList<>();
            outer:
            for (String n : pool) {
                for (VarInfo v : visible()) {
                    if (v.name().equals(n)) {
                        continue outer;
                    }
                }
                free.add(n);
            }
            if (free.isEmpty()) {
                return null;
            }
            return free.get(r.nextInt(free.size()));
        }

        private void declare(String name, Ty ty) {
            scopes.peek().add(new VarInfo(name, ty, false));
        }

        // ---------------------------------------------------------------- expressions

        private int exprDepth() {
            if (isLib) {
                // library methods stay tame: their callers feed them other values than their own points
                budget = 5;
                return 1 + r.nextInt(2);
            }
            int k = r.nextInt(100);
            if (k < 60) {
                budget = 6;
                return 1 + r.nextInt(2);
            } else if (k < 90) {
                budget = 14;
                return 3 + r.nextInt(2);
            }
            features.add("deep");
            budget = 32;
            return 5 + r.nextInt(4);
        }

        private Expr exprD() {
            return toDoubleVar(genD(exprDepth()));
        }

        /** A value about to be stored in a double variable (or returned). */
        private Expr toDoubleVar(Expr e) {
            if (e.ty() == Ty.DOUBLE) {
                return e;
            }
            if (on("integralToDouble")) {
                features.add("integralToDouble");
                return e;
            }
            return new Cast(Ty.DOUBLE, e);
        }

        private Expr exprI() {
            int d = exprDepth();
            return genI(Math.min(d, 3));
        }

        private Expr exprL() {
            int d = exprDepth();
            return genL(Math.min(d, 3));
        }

        /** A long (or int, widened) expression. */
        Expr genL(int d) {
            if (d <= 0 || budget <= 0 || r.nextInt(100) < 30) {
                Expr v = varOfType(Ty.LONG);
                return v != null && r.nextBoolean() ? v : genI(d);
            }
            budget--;
            int k = r.nextInt(100);
            if (k < 30 && on("round")) {
                features.add("round");
                return call(Fn.ROUND, strictD(d - 1));
            } else if (k < 60) {
                return new Bin("+-*".charAt(r.nextInt(3)), genL(d - 1), genL(d - 1));
            } else if (k < 70 && on("remainder")) {
                features.add("remainder");
                return new Bin('%', genL(d - 1), new Lit(2 + r.nextInt(3), Ty.INT));
            } else if (k < 80 && on("castInt")) {
                features.add("castInt");
                return new Cast(Ty.LONG, strictD(d - 1));
            }
            return genI(d);
        }

        private Expr varOfType(Ty ty) {
            List<VarInfo> is = new ArrayList<>();
            for (VarInfo v : visible()) {
                if (v.ty() == ty) {
                    is.add(v);
                }
            }
            if (is.isEmpty()) {
                return null;
            }
            VarInfo v = is.get(r.nextInt(is.size()));
            return new Var(v.name(), ty);
        }

        private String owner() {
            int k = r.nextInt(100);
            if (k < 18 && on("strictMath")) {
                features.add("strictMath");
                return "StrictMath";
            }
            if (k < 22 && on("fqMath")) {
                features.add("fqMath");
                return "java.lang.Math";
            }
            if (k < 32 && ctx.staticImport()) {
                features.add("staticImport");
                return "";
            }
            return "Math";
        }

        private Call call(Fn fn, Expr... args) {
            return new Call(owner(), fn, List.of(args));
        }

        private Expr doubleVar() {
            List<VarInfo> ds = new ArrayList<>();
            for (VarInfo v : visible()) {
                if (v.ty() == Ty.DOUBLE && (!argMode || v.param() && !writtenParams.contains(v.name()))) {
                    ds.add(v);
                }
            }
            if (argMode) {
                if (ds.isEmpty()) {
                    return new Lit(1.5, Ty.DOUBLE);
                }
                VarInfo v = ds.get(r.nextInt(ds.size()));
                pinned.add(v.name());
                return new Var(v.name(), Ty.DOUBLE);
            }
            if (hot != null && r.nextInt(2) == 0) {
                return new Var(hot, Ty.DOUBLE);
            }
            List<VarInfo> locals = new ArrayList<>();
            for (VarInfo v : ds) {
                if (!v.param()) {
                    locals.add(v);
                }
            }
            if (!locals.isEmpty() && r.nextInt(100) < 45) {
                VarInfo v = locals.get(r.nextInt(locals.size()));
                return new Var(v.name(), Ty.DOUBLE);
            }
            VarInfo v = ds.get(r.nextInt(ds.size()));
            return new Var(v.name(), Ty.DOUBLE);
        }

        private Expr intVarOrNull() {
            List<VarInfo> is = new ArrayList<>();
            for (VarInfo v : visible()) {
                if (v.ty() == Ty.INT) {
                    is.add(v);
                }
            }
            if (is.isEmpty()) {
                return null;
            }
            VarInfo v = is.get(r.nextInt(is.size()));
            return new Var(v.name(), Ty.INT);
        }

        private Expr constant() {
            return constant(r);
        }

        private Expr constant(SplittableRandom rr) {
            Const c = ctx.consts().get(rr.nextInt(ctx.consts().size()));
            if (c.text().equals("PK")) {
                features.add("privateConst");
            }
            return c;
        }

        private Expr leafD() {
            if (on("arrays") && r.nextInt(100) < (loops.isEmpty() ? 12 : 30) && !arrays(argMode).isEmpty()) {
                features.add("arrays");
                return arrayRead();
            }
            int k = r.nextInt(100);
            if (k < 58) {
                return doubleVar();
            } else if (k < 66) {
                Expr iv = r.nextInt(4) == 0 ? varOfType(Ty.LONG) : intVarOrNull();
                if (iv != null) {
                    return iv;
                }
                return doubleVar();
            } else if (k < 86) {
                if (r.nextInt(4) == 0) {
                    return new Lit(1 + r.nextInt(3), Ty.INT);
                }
                return new Lit(DOUBLE_LITS[r.nextInt(DOUBLE_LITS.length)], Ty.DOUBLE);
            }
            return constant();
        }

        private Expr leafI() {
            int k = r.nextInt(100);
            if (k < 60) {
                Expr iv = intVarOrNull();
                if (iv != null) {
                    return iv;
                }
            }
            if (k < 90) {
                return new Lit(r.nextInt(6), Ty.INT);
            }
            return new Const("N", Ty.INT, constValue("N"));
        }

        private double constValue(String name) {
            for (Const c : ctx.consts()) {
                if (c.text().equals(name)) {
                    return c.value();
                }
            }
            throw new IllegalStateException(name);
        }

        private Expr strictD(int d) {
            Expr e = genD(d);
            return e.ty() == Ty.DOUBLE ? e : new Cast(Ty.DOUBLE, e);
        }

        Expr genD(int d) {
            if (d <= 0 || budget <= 0 || r.nextInt(100) < 10) {
                return leafD();
            }
            budget--;
            if (on("calls") && !ctx.lib().isEmpty() && r.nextInt(100) < 5) {
                Expr c = invokeLib(d);
                if (c != null) {
                    return c;
                }
            }
            if (on("rules") && ctx.rules() && r.nextInt(100) < 3) {
                features.add("rules");
                return new Ast.Invoke(qualifier, "softplus", List.of(callArg(d - 1)), true);
            }
            int k = r.nextInt(100);
            if (k < 18) {
                return new Bin(r.nextBoolean() ? '+' : '-', genD(d - 1), genD(d - 1));
            } else if (k < 32) {
                return new Bin('*', genD(d - 1), genD(d - 1));
            } else if (k < 38) {
                features.add("div");
                if (r.nextInt(4) == 0) {
                    return new Bin('/', genD(d - 1), r.nextBoolean()
                            ? new Lit(DOUBLE_LITS[r.nextInt(DOUBLE_LITS.length)], Ty.DOUBLE)
                            : new Lit(1 + r.nextInt(4), Ty.INT));
                }
                return new Bin('/', genD(d - 1), pos(d - 1));
            } else if (k < 39 && on("rawDiv")) {
                features.add("rawDiv");
                // a double denominator: int / int by a variable could divide by zero
                return new Bin('/', genD(d - 1), strictD(d - 1));
            } else if (k < 41 && on("remainder")) {
                features.add("remainder");
                return new Bin('%', genD(d - 1), r.nextBoolean() ? pos(d - 1) : new Lit(DOUBLE_LITS[r.nextInt(DOUBLE_LITS.length)], Ty.DOUBLE));
            } else if (k < 45) {
                return new Neg(genD(d - 1));
            } else if (k < 68) {
                return unary(d);
            } else if (k < 78) {
                return binary(d);
            } else if (k < 83 && on("ternary") && (loops.isEmpty() || on("loopNestedBranch"))) {
                features.add("ternary");
                if (!loops.isEmpty()) {
                    features.add("loopNestedBranch");
                }
                return new Cond(bexpr(1), genD(d - 1), genD(d - 1));
            } else if (k < 85) {
                return new Paren(genD(d - 1));
            } else if (k < 89) {
                Expr i = genI(Math.min(2, d - 1));
                return i.ty() == Ty.DOUBLE ? i : new Cast(Ty.DOUBLE, i);
            } else if (k < 91) {
                return genI(Math.min(2, d - 1));
            } else if (k < 93 && on("round")) {
                features.add("round");
                return call(Fn.ROUND, strictD(d - 1));
            }
            return unary(d);
        }

        private Expr unary(int d) {
            Fn fn = UNARY[r.nextInt(UNARY.length)];
            features.add(fn.javaName());
            Expr arg;
            switch (fn) {
                case TAN:
                    arg = squash(d - 1);
                    break;
                case ASIN:
                case ACOS:
                    arg = unit(d - 1);
                    break;
                case SINH:
                case COSH:
                case EXP:
                case EXPM1:
                    arg = r.nextBoolean() ? squash(d - 1) : new Bin('*', new Lit(2.0, Ty.DOUBLE), squash(d - 1));
                    break;
                case LOG:
                case LOG10:
                case SQRT:
                    arg = pos(d - 1);
                    break;
                case LOG1P:
                    arg = r.nextBoolean() ? pos(d - 1) : unit(d - 1);
                    break;
                case CBRT:
                    arg = r.nextBoolean() ? pos(d - 1) : genD(d - 1);
                    break;
                case TODEGREES:
                    arg = r.nextBoolean() ? squash(d - 1) : genD(d - 1);
                    break;
                case SIGNUM:
                    arg = strictD(d - 1); // signum(int) would pick signum(float)
                    break;
                default:
                    arg = genD(d - 1);
                    break;
            }
            return call(fn, arg);
        }

        private Expr binary(int d) {
            Fn fn = BINARY[r.nextInt(BINARY.length)];
            features.add(fn.javaName());
            switch (fn) {
                case ATAN2:
                    return call(fn, genD(d - 1), r.nextInt(10) < 6 ? genD(d - 1) : pos(d - 1));
                case HYPOT:
                    return call(fn, genD(d - 1), genD(d - 1));
                case POW:
                    return pow(d);
                case MAX:
                case MIN: {
                    int k = r.nextInt(100);
                    if (k < 75) {
                        return call(fn, genD(d - 1), genD(d - 1));
                    } else if (k < 90) {
                        // an exact tie at every point: max(e, e) = e, gradient must be e's
                        features.add("tie");
                        Expr e = genD(d - 1);
                        return call(fn, e, e);
                    } else {
                        features.add("tie");
                        return call(fn, doubleVar(), doubleVar());
                    }
                }
                case FMA:
                    return call(fn, strictD(d - 1), strictD(d - 1), strictD(d - 1));
                default:
                    throw new IllegalStateException(fn.toString());
            }
        }

        private Expr pow(int d) {
            int k = r.nextInt(100);
            if (k < 28) {
                double[] ex = {0.5, 1.5, 2.5, -0.5, 0.3};
                Expr e = r.nextBoolean() ? squash(d - 1) : new Lit(ex[r.nextInt(ex.length)], Ty.DOUBLE);
                if (e instanceof Lit l && l.value() < 0) {
                    e = new Neg(new Lit(-l.value(), Ty.DOUBLE));
                }
                return call(Fn.POW, pos(d - 1), e);
            } else if (k < 60) {
                // constant integral exponent on a base of any sign
                features.add("powConstInt");
                int n = r.nextInt(5) - 1; // -1..3
                Expr e = r.nextBoolean() ? new Lit(Math.abs(n), Ty.INT) : new Lit(Math.abs(n), Ty.DOUBLE);
                if (n < 0) {
                    e = new Neg(e);
                }
                return call(Fn.POW, genD(d - 1), e);
            } else if (k < 75) {
                return call(Fn.POW, pos(d - 1), squash(d - 1));
            } else if (k < 85) {
                Expr n = intVarOrNull();
                if (n == null) {
                    n = new Const("N", Ty.INT, constValue("N"));
                }
                return call(Fn.POW, pos(d - 1), n);
            } else if (k < 93 && on("powIntVar")) {
                features.add("powIntVar");
                Expr n = intVarOrNull();
                if (n == null) {
                    n = new Const("N", Ty.INT, constValue("N"));
                }
                return call(Fn.POW, genD(d - 1), n);
            }
            Expr base = r.nextBoolean() ? new Lit(2.0, Ty.DOUBLE) : constant();
            if (base instanceof Const c && c.value() <= 0) {
                base = new Lit(2.0, Ty.DOUBLE);
            }
            return call(Fn.POW, base, squash(d - 1));
        }

        /** A positive form bounded away from 0. */
        private Expr pos(int d) {
            int k = r.nextInt(100);
            double[] cs = {0.5, 1.0, 1.5, 2.0};
            if (k < 30) {
                Expr u = genD(d);
                return new Bin('+', new Bin('*', u, u), new Lit(cs[r.nextInt(cs.length)], Ty.DOUBLE));
            } else if (k < 45) {
                return call(Fn.EXP, squash(d));
            } else if (k < 58) {
                return new Bin('+', new Lit(2.0, Ty.DOUBLE), call(Fn.SIN, genD(d)));
            } else if (k < 70) {
                return call(Fn.HYPOT, genD(d), new Lit(1.0, Ty.DOUBLE));
            } else if (k < 80) {
                return call(Fn.COSH, squash(d));
            } else if (k < 90) {
                return new Bin('+', call(Fn.ABS, genD(d)), new Lit(cs[r.nextInt(cs.length)], Ty.DOUBLE));
            }
            Expr c = constant();
            return (c.ty() == Ty.DOUBLE && ((Const) c).value() > 0.2) ? c : new Lit(1.5, Ty.DOUBLE);
        }

        /** A value in [-pi/2, pi/2] (so also fine for tan and small enough for exp). */
        private Expr squash(int d) {
            Fn[] fs = {Fn.SIN, Fn.COS, Fn.TANH, Fn.ATAN};
            Expr s = call(fs[r.nextInt(fs.length)], genD(d));
            return r.nextInt(4) == 0 ? new Bin('*', new Lit(0.5, Ty.DOUBLE), s) : s;
        }

        /** A value in [-0.9, 0.9]. */
        private Expr unit(int d) {
            Fn[] fs = {Fn.SIN, Fn.COS, Fn.TANH};
            Expr s = call(fs[r.nextInt(fs.length)], genD(d));
            double[] cs = {0.9, 0.5, 0.75};
            return r.nextInt(4) == 0 ? new Bin('/', s, new Lit(1.25, Ty.DOUBLE))
                    : new Bin('*', new Lit(cs[r.nextInt(cs.length)], Ty.DOUBLE), s);
        }

        Expr genI(int d) {
            if (d <= 0 || budget <= 0 || r.nextInt(100) < 25) {
                return leafI();
            }
            budget--;
            int k = r.nextInt(100);
            if (k < 35) {
                return new Bin("+-*".charAt(r.nextInt(3)), genI(d - 1), genI(d - 1));
            } else if (k < 42 && on("intMath")) {
                features.add("intDiv");
                if (on("remainder") && r.nextInt(3) == 0) {
                    features.add("remainder");
                    return new Bin('%', genI(d - 1), new Lit(1 + r.nextInt(4), Ty.INT));
                }
                return new Bin('/', genI(d - 1), new Lit(1 + r.nextInt(4), Ty.INT));
            } else if (k < 47) {
                return new Neg(genI(d - 1));
            } else if (k < 60 && on("intMath")) {
                features.add("intMath");
                Fn fn = new Fn[] {Fn.ABS, Fn.MAX, Fn.MIN}[r.nextInt(3)];
                return fn == Fn.ABS ? call(fn, genI(d - 1)) : call(fn, genI(d - 1), genI(d - 1));
            } else if (k < 75 && on("castInt")) {
                features.add("castInt");
                return new Cast(Ty.INT, strictD(d - 1));
            } else if (k < 82 && on("castInt") && on("round")) {
                features.add("castInt");
                features.add("round");
                return new Cast(Ty.INT, call(Fn.ROUND, strictD(d - 1)));
            } else if (k < 88 && on("ternary") && (loops.isEmpty() || on("loopNestedBranch"))) {
                features.add("ternary");
                return new Cond(bexpr(0), genI(d - 1), genI(d - 1));
            }
            return leafI();
        }

        private BExpr bexpr(int d) {
            if (r.nextInt(100) < 15) {
                List<VarInfo> bs = new ArrayList<>();
                for (VarInfo v : visible()) {
                    if (v.ty() == Ty.BOOLEAN) {
                        bs.add(v);
                    }
                }
                if (!bs.isEmpty()) {
                    return new Ast.BVar(bs.get(r.nextInt(bs.size())).name());
                }
            }
            if (d <= 0 || r.nextInt(100) < 65) {
                return cmp();
            }
            if (r.nextInt(100) < 80) {
                return r.nextBoolean() ? new And(bexpr(d - 1), bexpr(d - 1)) : new Or(bexpr(d - 1), bexpr(d - 1));
            }
            return new Not(bexpr(d - 1));
        }

        private BExpr cmp() {
            String[] ops = {"<", "<", "<=", ">", ">", ">=", "==", "!="};
            String op = ops[r.nextInt(ops.length)];
            int k = r.nextInt(100);
            int saved = budget;
            budget = 4;
            try {
                if (k < 55) {
                    return new Cmp(op, genD(1 + r.nextInt(2)), genD(1 + r.nextInt(2)));
                } else if (k < 80) {
                    Expr lit = new Lit(DOUBLE_LITS[r.nextInt(DOUBLE_LITS.length)], Ty.DOUBLE);
                    return new Cmp(op, doubleVar(), r.nextInt(10) < 3 ? new Neg(lit) : lit);
                } else if (k < 92) {
                    return new Cmp(op, genI(1), new Lit(r.nextInt(4), Ty.INT));
                } else {
                    return new Cmp(op, genL(1), genD(1));
                }
            } finally {
                budget = saved;
            }
        }
    }
}
