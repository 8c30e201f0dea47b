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
            "integralToDouble");   // int/long-typed value stored in a double variable or returned
                                   // (off: such values get an explicit (double) cast)

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
    record ClassCtx(String className, boolean staticImport, List<ConstDecl> decls, List<Const> consts) {}

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
        List<Method> outer = new ArrayList<>();
        List<Method> inner = new ArrayList<>();
        for (int i = 0; i < nMethods; i++) {
            long ms = mix(classSeed, i);
            String name = METHOD_PREFIXES[(int) Math.floorMod(ms, (long) METHOD_PREFIXES.length)] + i;
            Method m = method(ms, name, ctx);
            if (i >= nMethods - nInner) {
                List<String> f = new ArrayList<>(m.features());
                f.add("innerClass");
                inner.add(m.withFeatures(f));
            } else {
                outer.add(m);
            }
        }
        return new Program(PKG, className, ctx.staticImport(), ctx.decls(), List.of(), outer, inner);
    }

    /** One method, fully determined by its seed and the class context. */
    Method method(long methodSeed, String name, ClassCtx ctx) {
        return new MGen(new SplittableRandom(methodSeed), ctx).method(methodSeed, name);
    }

    // ======================================================================================

    private record VarInfo(String name, Ty ty, boolean param) {}

    private final class MGen {
        private final SplittableRandom r;
        private final ClassCtx ctx;
        private final Deque<List<VarInfo>> scopes = new ArrayDeque<>();
        private final Set<String> features = new LinkedHashSet<>();
        private String hot;
        private int budget;
        private String[] doubleLocals = DOUBLE_LOCALS;

        MGen(SplittableRandom r, ClassCtx ctx) {
            this.r = r;
            this.ctx = ctx;
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
            if (r.nextInt(10) < 3) {
                params.add(r.nextInt(params.size() + 1), new Param(INT_PARAMS[r.nextInt(INT_PARAMS.length)], Ty.INT));
            }
            if (on("extraParams") && r.nextInt(100) < 10) {
                features.add("extraParams");
                params.add(r.nextInt(params.size() + 1), new Param(r.nextBoolean() ? "len" : "steps", Ty.LONG));
            }
            if (on("extraParams") && r.nextInt(100) < 8) {
                features.add("extraParams");
                params.add(r.nextInt(params.size() + 1), new Param(r.nextBoolean() ? "flag" : "neg", Ty.BOOLEAN));
            }
            List<String> wrt = new ArrayList<>();
            if (on("wrt") && r.nextInt(100) < 15) {
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
            } else if (mr < 18 && on("privateMethod")) {
                mods = "private static";
                features.add("privateMethod");
            }
            List<Stmt> body = block(0, true);
            return new Method(mods, "double", name, params, body, seed, new ArrayList<>(features), wrt);
        }

        // ---------------------------------------------------------------- statements

        private List<Stmt> block(int depth, boolean top) {
            List<Stmt> out = new ArrayList<>();
            int n = top ? r.nextInt(9) : r.nextInt(4);
            for (int i = 0; i < n; i++) {
                Stmt s = stmt(depth);
                out.add(s);
                if (terminates(s)) {
                    return out;
                }
            }
            if (top) {
                out.add(new Return(returnExpr()));
            } else if (on("earlyReturn") && r.nextInt(100) < 30) {
                features.add("earlyReturn");
                out.add(new Return(returnExpr()));
            }
            return out;
        }

        /** Mostly combines the live locals, so that the computation reaches the result. */
        private Expr returnExpr() {
            List<VarInfo> locals = new ArrayList<>();
            for (VarInfo v : visible()) {
                if (!v.param() && v.ty() != Ty.BOOLEAN) {
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
            } else if (k < 87 && depth < 3) {
                return ifStmt(depth);
            }
            return declDouble();
        }

        private Stmt declDouble() {
            String name = fresh(doubleLocals);
            if (name == null) {
                Stmt s = assign(); // the pool is exhausted, so double locals exist
                if (s == null) {
                    throw new IllegalStateException("no assignable variable");
                }
                return s;
            }
            Expr init = exprD();
            declare(name, Ty.DOUBLE);
            return new Decl(Ty.DOUBLE, name, init);
        }

        private VarInfo assignTarget(boolean allowIntegral, boolean allowBoolean) {
            List<VarInfo> cands = new ArrayList<>();
            for (VarInfo v : visible()) {
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
                    return new Assign(v.name(), v.ty(), exprD());
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
                return new Compound(v.name(), Ty.DOUBLE, op, e);
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
            budget = 10;
            BExpr c = bexpr(2);
            scopes.push(new ArrayList<>());
            List<Stmt> then = block(depth + 1, false);
            scopes.pop();
            List<Stmt> els;
            int e = r.nextInt(100);
            if (e < 40) {
                els = List.of();
            } else if (e < 70 || depth >= 2) {
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
                if (v.ty() == Ty.DOUBLE) {
                    ds.add(v);
                }
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
            } else if (k < 83 && on("ternary")) {
                features.add("ternary");
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
            } else if (k < 88 && on("ternary")) {
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
