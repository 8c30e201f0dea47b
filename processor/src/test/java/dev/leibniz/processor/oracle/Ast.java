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
        BOOLEAN("boolean");

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

    sealed interface Expr permits Lit, Var, Const, Neg, Bin, Call, Cast, Cond, Paren, Raw {
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

    // ------------------------------------------------------------------ conditions

    sealed interface BExpr permits Cmp, And, Or, Not, BVar {}

    /** A boolean local or parameter. */
    record BVar(String name) implements BExpr {}

    record Cmp(String op, Expr l, Expr r) implements BExpr {}

    record And(BExpr l, BExpr r) implements BExpr {}

    record Or(BExpr l, BExpr r) implements BExpr {}

    record Not(BExpr e) implements BExpr {}

    // ------------------------------------------------------------------ statements

    sealed interface Stmt permits Decl, Assign, Compound, If, Return, RawStmt, BDecl, BAssign, IncDec {}

    record BDecl(String name, BExpr init) implements Stmt {}

    record BAssign(String name, BExpr e) implements Stmt {}

    /** {@code name++;}, {@code ++name;}, {@code name--;} or {@code --name;} as a statement. */
    record IncDec(String name, Ty varTy, boolean inc, boolean prefix) implements Stmt {}

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

    record Param(String name, Ty ty) {}

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
                if (p.ty() == Ty.DOUBLE && (wrt.isEmpty() || wrt.contains(p.name()))) {
                    out.add(p);
                }
            }
            return out;
        }

        List<Param> doubleParams() {
            List<Param> out = new ArrayList<>();
            for (Param p : params) {
                if (p.ty() == Ty.DOUBLE) {
                    out.add(p);
                }
            }
            return out;
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
            List<Method> inner) {
        Program {
            constants = List.copyOf(constants);
            extraMembers = List.copyOf(extraMembers);
            outer = List.copyOf(outer);
            inner = List.copyOf(inner);
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
            return new Program(pkg, className, staticImportMath, constants, extraMembers, newOuter, newInner);
        }

        Program withClassName(String newName) {
            return new Program(pkg, newName, staticImportMath, constants, extraMembers, outer, inner);
        }
    }
}
