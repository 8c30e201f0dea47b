package dev.leibniz.processor.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The oracle's own tiny AST for random {@code @Differentiable} programs. The same tree is printed
 * as Java source (for the processor) and evaluated by {@link DsInterpreter} (the reference), so
 * the two can never disagree about what the program is.
 */
final class Ast {

    private Ast() {}

    /** Static Java types that the generated programs use. */
    enum Ty {
        INT("int"),
        LONG("long"),
        DOUBLE("double"),
        BOOLEAN("boolean"),
        /** {@code double[]}: only parameters, locals allocated with {@code new double[n]}. */
        DARRAY("double[]"),
        /** {@code int[]}: only parameters, never differentiated (a source of inactive values). */
        IARRAY("int[]"),
        /** {@code double[][]}: only parameters (rectangular at every point); rows are read-only views. */
        DMATRIX("double[][]"),
        /** {@code double...}: only the last parameter of a library method; a {@code double[]} inside it. */
        DVARARGS("double...");

        final String java;

        Ty(String java) {
            this.java = java;
        }

        boolean integral() {
            return this == INT || this == LONG;
        }
    }

    /** Java binary numeric promotion. */
    static Ty promote(Ty a, Ty b) {
        if (a == Ty.DOUBLE || b == Ty.DOUBLE) {
            return Ty.DOUBLE;
        }
        if (a == Ty.LONG || b == Ty.LONG) {
            return Ty.LONG;
        }
        return Ty.INT;
    }

    /** The library functions of the supported subset. */
    enum Fn {
        SIN(1), COS(1), TAN(1), ASIN(1), ACOS(1), ATAN(1), ATAN2(2), SINH(1), COSH(1), TANH(1),
        EXP(1), EXPM1(1), LOG(1), LOG10(1), LOG1P(1), SQRT(1), CBRT(1), POW(2), HYPOT(2), ABS(1),
        MAX(2), MIN(2), TORADIANS(1), TODEGREES(1), FMA(3), FLOOR(1), CEIL(1), RINT(1), ROUND(1),
        SIGNUM(1);

        final int arity;

        Fn(int arity) {
            this.arity = arity;
        }

        String javaName() {
            switch (this) {
                case TORADIANS:
                    return "toRadians";
                case TODEGREES:
                    return "toDegrees";
                default:
                    return name().toLowerCase(Locale.ROOT);
            }
        }

        /** Result type after Java overload resolution (only int/long/double arguments occur). */
        Ty resultType(List<Expr> args) {
            switch (this) {
                case ABS:
                case MAX:
                case MIN: {
                    Ty t = Ty.INT;
                    for (Expr a : args) {
                        t = promote(t, a.ty());
                    }
                    return t;
                }
                case ROUND:
                    // round(double) -> long; the generator only passes double-typed arguments
                    // (round(int) would pick round(float) -> int).
                    return Ty.LONG;
                default:
                    return Ty.DOUBLE;
            }
        }
    }

    // ------------------------------------------------------------------ expressions

    sealed interface Expr permits Lit, Var, Const, Neg, Bin, Call, Cast, Cond, Paren, Raw, Idx, Len, Invoke,
            Row, Idx2, RowLen, NewArr, NewArrOf, AssignExpr, IncDecExpr, SwitchExpr {
        Ty ty();
    }

    /** A non-negative literal; printed as an int literal when {@code ty == INT}. */
    record Lit(double value, Ty ty) implements Expr {}

    record Var(String name, Ty ty) implements Expr {}

    /** A static final constant, printed as {@code text}, whose value is {@code value}. */
    record Const(String text, Ty ty, double value) implements Expr {}

    record Neg(Expr e) implements Expr {
        @Override
        public Ty ty() {
            return e.ty();
        }
    }

    record Bin(char op, Expr l, Expr r) implements Expr {
        @Override
        public Ty ty() {
            return promote(l.ty(), r.ty());
        }
    }

    /** {@code owner} is "Math", "StrictMath", "java.lang.Math" or "" (static import of Math). */
    record Call(String owner, Fn fn, List<Expr> args) implements Expr {
        Call {
            args = List.copyOf(args);
            if (args.size() != fn.arity) {
                throw new IllegalArgumentException(fn + " needs " + fn.arity + " arguments");
            }
        }

        boolean strict() {
            return owner.equals("StrictMath");
        }

        @Override
        public Ty ty() {
            return fn.resultType(args);
        }
    }

    record Cast(Ty to, Expr e) implements Expr {
        @Override
        public Ty ty() {
            return to;
        }
    }

    record Cond(BExpr c, Expr a, Expr b) implements Expr {
        @Override
        public Ty ty() {
            return promote(a.ty(), b.ty());
        }
    }

    /** Redundant parentheses (the printer adds needed ones by itself). */
    record Paren(Expr e) implements Expr {
        @Override
        public Ty ty() {
            return e.ty();
        }
    }

    /** Verbatim text: only used by mutations, never interpreted. */
    record Raw(String text, Ty ty) implements Expr {}

    /** {@code arr[index]} of a {@code double[]} variable, or of an {@code int[]} one ({@code elemTy} INT). */
    record Idx(String arr, Expr index, Ty elemTy) implements Expr {
        Idx(String arr, Expr index) {
            this(arr, index, Ty.DOUBLE);
        }

        @Override
        public Ty ty() {
            return elemTy;
        }
    }

    /** {@code arr.length}. */
    record Len(String arr) implements Expr {
        @Override
        public Ty ty() {
            return Ty.INT;
        }
    }

    /**
     * A call of a user method returning double: {@code qualifier.name(args)} (qualifier may be
     * empty). {@code rule} is true for a method with a {@code @DerivativeOf} rule (softplus),
     * false for a generated {@code @Differentiable} method of the program's library.
     */
    record Invoke(String qualifier, String name, List<Expr> args, boolean rule, Ty ty) implements Expr {
        Invoke {
            args = List.copyOf(args);
        }

        /** A call of a method returning double. */
        Invoke(String qualifier, String name, List<Expr> args, boolean rule) {
            this(qualifier, name, args, rule, Ty.DOUBLE);
        }
    }

    /** {@code mat[index]}: a row of a {@code double[][]} (the same array, not a copy). */
    record Row(String mat, Expr index) implements Expr {
        @Override
        public Ty ty() {
            return Ty.DARRAY;
        }
    }

    /** {@code mat[i][k]}. */
    record Idx2(String mat, Expr i, Expr k) implements Expr {
        @Override
        public Ty ty() {
            return Ty.DOUBLE;
        }
    }

    /** {@code mat[index].length}. */
    record RowLen(String mat, Expr index) implements Expr {
        @Override
        public Ty ty() {
            return Ty.INT;
        }
    }

    /** {@code new double[len]} (only as the initialiser of {@link ArrLocal}). */
    record NewArr(Expr len) implements Expr {
        @Override
        public Ty ty() {
            return Ty.DARRAY;
        }
    }

    /** {@code new double[] {e0, e1, ...}} (only as what a {@code double[]}-valued method returns). */
    record NewArrOf(List<Expr> elems) implements Expr {
        public NewArrOf {
            elems = List.copyOf(elems);
        }

        @Override
        public Ty ty() {
            return Ty.DARRAY;
        }
    }

    /** {@code (name = e)} as a value: the assigned value, of the variable's type. */
    record AssignExpr(String name, Ty varTy, Expr e) implements Expr {
        @Override
        public Ty ty() {
            return varTy;
        }
    }

    /** {@code name++}, {@code ++name}, {@code name--} or {@code --name} as a value. */
    record IncDecExpr(String name, Ty varTy, boolean inc, boolean prefix) implements Expr {
        @Override
        public Ty ty() {
            return varTy;
        }
    }

    /**
     * {@code switch (sel) { case 0 -> a0; case 1, 2 -> a1; default -> d; }}, or with {@code arrow}
     * false the colon form {@code case 0: yield a0;}. {@code labels.get(i)} are the labels of arm i.
     */
    record SwitchExpr(Expr sel, List<List<Integer>> labels, List<Expr> arms, Expr dflt, boolean arrow) implements Expr {
        SwitchExpr {
            labels = List.copyOf(labels);
            arms = List.copyOf(arms);
        }

        @Override
        public Ty ty() {
            Ty t = dflt.ty();
            for (Expr a : arms) {
                t = promote(t, a.ty());
            }
            return t;
        }
    }

    // ------------------------------------------------------------------ conditions

    sealed interface BExpr permits Cmp, And, Or, Not, BVar {}

    /** A boolean local or parameter. */
    record BVar(String name) implements BExpr {}

    record Cmp(String op, Expr l, Expr r) implements BExpr {}

    record And(BExpr l, BExpr r) implements BExpr {}

    record Or(BExpr l, BExpr r) implements BExpr {}

    record Not(BExpr e) implements BExpr {}

    // ------------------------------------------------------------------ statements

    sealed interface Stmt permits Decl, Assign, Compound, If, Return, RawStmt, BDecl, BAssign, IncDec,
            ArrDecl, ArrStore, For, While, DoWhile, ForEach, Break, Continue, ArrInit, ArrCopyDecl, ArrayCopy, ArrFill,
            ArrLocal, VarDecl, ForEachRow, Switch, ExprStmt {}

    /**
     * {@code double[] name = init;} or, with {@code useVar}, {@code var name = init;}: init is a
     * {@link NewArr}, a {@link Row} (a read-only view) or an array-valued {@link Invoke}.
     */
    record ArrLocal(String name, boolean useVar, Expr init) implements Stmt {}

    /** {@code var name = init;} (the type is init's). */
    record VarDecl(String name, Expr init) implements Stmt {}

    /** {@code label: for (double[] var : mat) body}. */
    record ForEachRow(String label, String var, String mat, List<Stmt> body) implements Stmt {
        ForEachRow {
            body = List.copyOf(body);
        }
    }

    /**
     * A switch statement over an int: arm i has the labels {@code labels.get(i)} and the body
     * {@code bodies.get(i)}; {@code dflt} is the default's body (null: no default). The colon form
     * ({@code arrow} false) prints a {@code break;} after every body that can complete normally, so
     * there is never fall-through.
     */
    record Switch(Expr sel, List<List<Integer>> labels, List<List<Stmt>> bodies, List<Stmt> dflt, boolean arrow)
            implements Stmt {
        Switch {
            labels = List.copyOf(labels);
            bodies = List.copyOf(bodies);
        }
    }

    /** An expression statement: a call of a {@code void} procedure. */
    record ExprStmt(Expr e) implements Stmt {}

    /** {@code double[] name = new double[len];} */
    record ArrDecl(String name, Expr len) implements Stmt {}

    /** {@code double[] name = {e0, e1, ...};} (the generator uses constants only: an inactive table). */
    record ArrInit(String name, List<Expr> elems) implements Stmt {
        ArrInit {
            elems = List.copyOf(elems);
        }
    }

    /** How {@link ArrCopyDecl} makes its copy. */
    enum CopyKind {
        /** {@code src.clone()} */
        CLONE,
        /** {@code Arrays.copyOf(src, a)}: zero-padded when {@code a} exceeds the length */
        COPY_OF,
        /** {@code Arrays.copyOfRange(src, a, b)}: zero-padded beyond the source's end */
        COPY_OF_RANGE
    }

    /** {@code double[] name = <copy of src>;} with {@code a}, {@code b} as {@link CopyKind} says (null if unused). */
    record ArrCopyDecl(String name, CopyKind kind, String src, Expr a, Expr b) implements Stmt {}

    /** {@code System.arraycopy(src, srcPos, dst, dstPos, len);} */
    record ArrayCopy(String src, Expr srcPos, String dst, Expr dstPos, Expr len) implements Stmt {}

    /** {@code Arrays.fill(dst, v);} or, with {@code from} non-null, {@code Arrays.fill(dst, from, to, v);} */
    record ArrFill(String dst, Expr from, Expr to, Expr v) implements Stmt {}

    /** {@code arr[index] op= e;} where op is '=' for a plain store, or one of {@code + - * /}. */
    record ArrStore(String arr, Expr index, char op, Expr e) implements Stmt {}

    /**
     * {@code label: for (int var = init; cond; var += step) body}; label may be null. A step of
     * 1 / -1 prints as {@code var++} / {@code var--}.
     */
    record For(String label, String var, Expr init, BExpr cond, int step, List<Stmt> body) implements Stmt {
        For {
            body = List.copyOf(body);
        }
    }

    /** {@code label: while (cond) body}. */
    record While(String label, BExpr cond, List<Stmt> body) implements Stmt {
        While {
            body = List.copyOf(body);
        }
    }

    /** {@code label: do body while (cond);}. */
    record DoWhile(String label, List<Stmt> body, BExpr cond) implements Stmt {
        DoWhile {
            body = List.copyOf(body);
        }
    }

    /** {@code label: for (double var : arr) body}. */
    record ForEach(String label, String var, String arr, List<Stmt> body) implements Stmt {
        ForEach {
            body = List.copyOf(body);
        }
    }

    /** {@code break;} or {@code break label;}. */
    record Break(String label) implements Stmt {}

    /** {@code continue;} or {@code continue label;}. */
    record Continue(String label) implements Stmt {}

    record BDecl(String name, BExpr init) implements Stmt {}

    record BAssign(String name, BExpr e) implements Stmt {}

    /** {@code name++;}, {@code ++name;}, {@code name--;} or {@code --name;} as a statement. */
    record IncDec(String name, Ty varTy, boolean inc, boolean prefix) implements Stmt {}

    /** {@code ty name = init;}, or {@code ty name;} when init is null (assigned later, inside an expression). */
    record Decl(Ty ty, String name, Expr init) implements Stmt {}

    record Assign(String name, Ty varTy, Expr e) implements Stmt {}

    /** {@code name op= e}, i.e. {@code name = (varTy) (name op e)}. */
    record Compound(String name, Ty varTy, char op, Expr e) implements Stmt {}

    /** {@code els} is empty for no else; an else holding exactly one If prints as "else if". */
    record If(BExpr c, List<Stmt> then, List<Stmt> els) implements Stmt {
        If {
            then = List.copyOf(then);
            els = List.copyOf(els);
        }
    }

    record Return(Expr e) implements Stmt {}

    /** Verbatim statement text: only used by mutations, never interpreted. */
    record RawStmt(String text) implements Stmt {}

    // ------------------------------------------------------------------ declarations

    /**
     * {@code len} is the length of a {@code double[]} parameter at every evaluation point (0 otherwise),
     * or the rows of a {@code double[][]} one, which has {@code cols} columns in every row.
     */
    record Param(String name, Ty ty, int len, int cols) {
        Param(String name, Ty ty) {
            this(name, ty, 0, 0);
        }

        Param(String name, Ty ty, int len) {
            this(name, ty, len, 0);
        }

        /** Slots in a flat evaluation point: the array's length for arrays, rows times columns for a matrix, else 1. */
        int slots() {
            return ty == Ty.DMATRIX ? len * cols : ty == Ty.DARRAY || ty == Ty.IARRAY || ty == Ty.DVARARGS ? len : 1;
        }

        boolean differentiable() {
            return ty == Ty.DOUBLE || ty == Ty.DARRAY || ty == Ty.DMATRIX || ty == Ty.DVARARGS;
        }
    }

    /**
     * One generated method. {@code features} names the language features it uses (for triage);
     * {@code seed} regenerates it with {@link ProgramGenerator#method}.
     */
    record Method(
            String modifiers,
            String returnType,
            String name,
            List<Param> params,
            List<Stmt> body,
            long seed,
            List<String> features,
            List<String> wrt) {
        Method {
            params = List.copyOf(params);
            body = List.copyOf(body);
            features = List.copyOf(features);
            wrt = List.copyOf(wrt);
        }

        /** Without {@code wrt}: every double parameter is differentiated. */
        Method(String modifiers, String returnType, String name, List<Param> params, List<Stmt> body, long seed,
                List<String> features) {
            this(modifiers, returnType, name, params, body, seed, features, List.of());
        }

        /** The differentiated parameters, in declaration order. */
        List<Param> differentiated() {
            List<Param> out = new ArrayList<>();
            for (Param p : params) {
                if (p.differentiable() && (wrt.isEmpty() || wrt.contains(p.name()))) {
                    out.add(p);
                }
            }
            return out;
        }

        /** The double and double[] parameters (the reference's free variables, in this order). */
        List<Param> doubleParams() {
            List<Param> out = new ArrayList<>();
            for (Param p : params) {
                if (p.differentiable()) {
                    out.add(p);
                }
            }
            return out;
        }

        /** Length of a flat evaluation point: one slot per scalar, one per array element. */
        int slotCount() {
            int n = 0;
            for (Param p : params) {
                n += p.slots();
            }
            return n;
        }

        /** Offset of {@code p} in a flat evaluation point. */
        int slotOf(Param p) {
            int n = 0;
            for (Param q : params) {
                if (q.equals(p)) {
                    return n;
                }
                n += q.slots();
            }
            throw new IllegalArgumentException(p.name());
        }

        /** Number of free variables of the reference (double slots). */
        int freeCount() {
            int n = 0;
            for (Param p : doubleParams()) {
                n += p.slots();
            }
            return n;
        }

        /** Offset of {@code p} (double or double[]) in the reference gradient. */
        int gradOffset(Param p) {
            int n = 0;
            for (Param q : doubleParams()) {
                if (q.equals(p)) {
                    return n;
                }
                n += q.slots();
            }
            throw new IllegalArgumentException(p.name());
        }

        Method withBody(List<Stmt> newBody) {
            return new Method(modifiers, returnType, name, params, newBody, seed, features, wrt);
        }

        Method withName(String newName) {
            return new Method(modifiers, returnType, newName, params, body, seed, features, wrt);
        }

        Method withFeatures(List<String> newFeatures) {
            return new Method(modifiers, returnType, name, params, body, seed, newFeatures, wrt);
        }
    }

    /** A class constant: {@code static final <ty> <name> = <initializer>;} with value. */
    record ConstDecl(String modifiers, Ty ty, String name, String initializer, double value) {}

    /**
     * One compilation unit: {@code package pkg; class className { constants; outer methods;
     * static final class Inner { inner methods } }}.
     */
    record Program(
            String pkg,
            String className,
            boolean staticImportMath,
            List<ConstDecl> constants,
            List<String> extraMembers,
            List<Method> outer,
            List<Method> inner,
            List<Method> lib) {
        Program {
            constants = List.copyOf(constants);
            extraMembers = List.copyOf(extraMembers);
            outer = List.copyOf(outer);
            inner = List.copyOf(inner);
            lib = List.copyOf(lib);
        }

        Program(String pkg, String className, boolean staticImportMath, List<ConstDecl> constants,
                List<String> extraMembers, List<Method> outer, List<Method> inner) {
            this(pkg, className, staticImportMath, constants, extraMembers, outer, inner, List.of());
        }

        /**
         * The library methods (callees), printed in the outer class and kept by every subset of
         * the program; random methods may call them, and a library method the earlier ones.
         */
        Method libMethod(String name) {
            for (Method m : lib) {
                if (m.name().equals(name)) {
                    return m;
                }
            }
            return null;
        }

        static final String INNER = "Inner";

        String binaryName() {
            return pkg + "." + className;
        }

        /** Binary name of the class declaring {@code m}. */
        String ownerBinaryName(Method m) {
            return inner.contains(m) ? binaryName() + "$" + INNER : binaryName();
        }

        /** Binary name of the companion class for the class declaring {@code m}. */
        String gradBinaryName(Method m) {
            return inner.contains(m) ? binaryName() + "_" + INNER + "Grad" : binaryName() + "Grad";
        }

        List<Method> allMethods() {
            List<Method> all = new ArrayList<>(outer);
            all.addAll(inner);
            return all;
        }

        Program withMethods(List<Method> newOuter, List<Method> newInner) {
            return new Program(pkg, className, staticImportMath, constants, extraMembers, newOuter, newInner, lib);
        }

        Program withClassName(String newName) {
            return new Program(pkg, newName, staticImportMath, constants, extraMembers, outer, inner, lib);
        }
    }
}
