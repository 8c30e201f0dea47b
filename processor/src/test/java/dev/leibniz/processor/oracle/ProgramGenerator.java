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

    /** Switchable features (all on by default). */
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
            "loopExitMix",         // a return inside a loop nest that has another exit (a second return,
                                   // break or continue): known processor bug, off by default (KNOWN_BUGS)
            "constInit",           // (also: any constant non-literal value stored into a double variable)
            "loopReturn",
            "loopInBranch",        // a loop inside an if branch (updating an outer variable): known
                                   // processor bug, off by default (KNOWN_BUGS)
            "callArgWrite",
            "loopNestedBranch",
            "loopWrite");          // inside loops, writes to any variable (not only to the loop's own
                                   // accumulators, declared just before its nest): known processor
                                   // bug (a value read before the loop, or a loop local read before
                                   // its rewrite, is seen with its later value), off by default   // inside a loop: an if nested in an if (else-if too), or a ternary:
                                   // known processor bug, off by default (KNOWN_BUGS)       // in a method with loops, call arguments that read locals or
                                   // parameters written later (known processor bug: the pullback sees
                                   // the later value); off by default (KNOWN_BUGS): arguments then
                                   // read only parameters, which are never written afterwards         // a return other than the last statement in a method with loops
                                   // (early return in a branch, or inside a loop): known processor
                                   // bugs, off by default (KNOWN_BUGS)          // a double local initialised by a constant non-literal expression
                                   // (Math.cos(2.0) * 2), with loops on: known processor bug when a loop
                                   // updates it, off by default (KNOWN_BUGS)

    /**
     * Constructs that hit a processor bug and are therefore switched off by default; empty now.
     * The switches loopExitMix, constInit, loopReturn, loopInBranch, callArgWrite, loopNestedBranch
     * and loopWrite guarded the bugs the loop and call oracle found; all are fixed and on.
     */
    static final String KNOWN_BUGS = "";

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

    private final class MGen {
        private final SplittableRandom r;
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
            List<Stmt> body = new ArrayList<>();
            if (on("arrays") && loopy && r.nextInt(100) < 30) {
                // local arrays are allocated before any loop
                features.add("arrays");
                int nl = r.nextInt(100) < 25 ? 2 : 1;
                for (int i = 0; i < nl; i++) {
                    Bound b = arrayLength();
                    body.add(new Ast.ArrDecl(ARRAY_LOCALS[i], b.e()));
                    declare(ARRAY_LOCALS[i], Ty.DARRAY);
                    arrKey.put(ARRAY_LOCALS[i], b.key());
                    if (r.nextInt(100) < 75) {
                        // fill it: for (int i = 0; i < buf.length; i++) buf[i] = term;
                        features.add("loops");
                        String iv = INDEX_VARS[r.nextInt(INDEX_VARS.length)];
                        scopes.push(new ArrayList<>(List.of(new VarInfo(iv, Ty.INT, false, true))));
                        loops.push(new LoopCtx(null, iv, b.key()));
                        Stmt st = new Ast.ArrStore(ARRAY_LOCALS[i], new Var(iv, Ty.INT), '=', term());
                        loops.pop();
                        scopes.pop();
                        body.add(new Ast.For(null, iv, new Lit(0, Ty.INT), new Cmp("<", new Var(iv, Ty.INT),
                                new Ast.Len(ARRAY_LOCALS[i])), 1, List.of(st)));
                    }
                }
            }
            body.addAll(block(0, true));
            return new Method(mods, "double", name, params, body, seed, new ArrayList<>(features), wrt);
        }

        // ---------------------------------------------------------------- statements

        private List<Stmt> block(int depth, boolean top) {
            List<Stmt> out = new ArrayList<>();
            int n = top ? r.nextInt(isLib ? 5 : 9) : r.nextInt(isLib ? 3 : 4);
            for (int i = 0; i < n; i++) {
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
                out.add(new Return(returnExpr()));
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

        /** A loop, possibly preceded by its counter or accumulators and followed by a division. */
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
            List<VarInfo> locals = new ArrayList<>();
            for (VarInfo v : arrays(false)) {
                if (!v.param()) {
                    locals.add(v);
                }
            }
            if (locals.isEmpty()) {
                return null;
            }
            VarInfo a = locals.get(r.nextInt(locals.size()));
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
            Const c = ctx.consts().get(r.nextInt(ctx.consts().size()));
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
