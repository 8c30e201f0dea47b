package dev.leibniz.processor.oracle;

import dev.leibniz.processor.oracle.Ast.Assign;
import dev.leibniz.processor.oracle.Ast.Compound;
import dev.leibniz.processor.oracle.Ast.If;
import dev.leibniz.processor.oracle.Ast.Method;
import dev.leibniz.processor.oracle.Ast.Param;
import dev.leibniz.processor.oracle.Ast.Raw;
import dev.leibniz.processor.oracle.Ast.RawStmt;
import dev.leibniz.processor.oracle.Ast.Return;
import dev.leibniz.processor.oracle.Ast.Stmt;
import dev.leibniz.processor.oracle.Ast.Ty;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Mutations that turn a valid generated method into one outside the supported subset (valid Java
 * that the processor must reject with an ERROR) or into malformed Java (javac reports errors; the
 * processor must survive the erroneous trees without throwing and without generating code that
 * fails to compile).
 */
final class Mutations {

    private Mutations() {}

    /**
     * {@code validJava}: plain javac accepts the mutant, so any error must come from Leibniz.
     * {@code mayBecomeSupported}: planned by the contract (loops and arrays: issue 4, instance
     * methods: issue 5), so the processor may either reject it or accept it, and then the
     * companion must be right (checked against central differences of the compiled original).
     */
    enum Kind {
        LAMBDA_DECL(true),
        LAMBDA_USE(true),
        STATIC_FIELD_WRITE(true),
        UNKNOWN_CALL_ON_ACTIVE(true),
        UNKNOWN_USER_CALL(true),
        TRY_CATCH(true),
        SWITCH(true, true),
        SYNCHRONIZED(true),
        WHILE_LOOP(true, true),
        FOR_LOOP(true, true),
        DO_WHILE_LOOP(true, true),
        RETURN_INT(true),
        RETURN_FLOAT(true),
        INSTANCE_METHOD(true, true),
        THROW(true),
        ASSERT(true),
        LABELED_BLOCK(true, true),
        METHOD_REFERENCE(true),
        ANONYMOUS_CLASS(true),
        LOCAL_CLASS(true),
        ARRAY_ELEMENT_WRITE(true, true),
        GENERIC_METHOD(true),
        PARAM_NAMED_VALUE(true),
        WRT_UNKNOWN_NAME(true),
        WRT_NON_DOUBLE(true),
        UNDEFINED_VARIABLE(false),
        TYPE_ERROR(false),
        UNDEFINED_METHOD(false),
        MISSING_RETURN(false),
        UNKNOWN_TYPE(false),
        WRONG_ARGUMENT_COUNT(false),
        BOOLEAN_FROM_DOUBLE(false),
        STRING_RETURN(false);

        final boolean validJava;
        final boolean mayBecomeSupported;

        Kind(boolean validJava) {
            this(validJava, false);
        }

        Kind(boolean validJava, boolean mayBecomeSupported) {
            this.validJava = validJava;
            this.mayBecomeSupported = mayBecomeSupported;
        }
    }

    /** Members the mutants refer to (added to every mutation program). */
    static final List<String> EXTRA_MEMBERS = List.of(
            "static double counter;",
            "static double helper(double v) {\n    return v * 2.0 + 1.0;\n}");

    /** Whether the mutation applies to {@code m} (MISSING_RETURN needs a final return). */
    static boolean applicable(Kind k, Method m) {
        if (k == Kind.MISSING_RETURN) {
            return m.body().get(m.body().size() - 1) instanceof Return;
        }
        if (k == Kind.PARAM_NAMED_VALUE || k == Kind.WRT_NON_DOUBLE) {
            // the added parameter must not clash with a local of the method
            return !declares(m.body(), "value") && !declares(m.body(), "k0");
        }
        return true;
    }

    private static boolean declares(List<Stmt> body, String name) {
        for (Stmt s : body) {
            if (s instanceof Ast.Decl d && d.name().equals(name) || s instanceof Ast.BDecl b && b.name().equals(name)) {
                return true;
            }
            if (s instanceof If i && (declares(i.then(), name) || declares(i.els(), name))) {
                return true;
            }
        }
        return false;
    }

    static Method apply(Kind k, Method m, String className) {
        String x = m.doubleParams().get(0).name();
        List<String> features = new ArrayList<>(m.features());
        features.add("mutation:" + k);
        Method base = m.withFeatures(features);
        switch (k) {
            case LAMBDA_DECL: {
                String captured = unassignedParam(m);
                String body = captured == null ? "mv * 2.0" : "mv * " + captured;
                return prepend(base, "java.util.function.DoubleUnaryOperator muF = mv -> " + body + ";");
            }
            case LAMBDA_USE: {
                String captured = unassignedParam(m);
                String body = captured == null ? "mv * 2.0" : "mv * " + captured;
                Method p = prepend(base, "java.util.function.DoubleUnaryOperator muF = mv -> " + body + ";");
                return addToReturns(p, "muF.applyAsDouble(" + x + ")");
            }
            case STATIC_FIELD_WRITE:
                return prepend(base, "counter = " + x + ";");
            case UNKNOWN_CALL_ON_ACTIVE:
                return addToReturns(base, "Double.doubleToLongBits(" + x + ") * 1.0E-30");
            case UNKNOWN_USER_CALL:
                return addToReturns(base, "helper(" + x + ")");
            case TRY_CATCH:
                return addToReturns(prepend(base, "double muT = " + x + ";\n"
                        + "try {\n    muT = muT * 2.0;\n} catch (RuntimeException muE) {\n    muT = 0.0;\n}"), "muT");
            case SWITCH:
                return addToReturns(prepend(base, "double muS = " + x + ";\n"
                        + "switch (N) {\n    case 1:\n        muS = muS * 2.0;\n        break;\n"
                        + "    default:\n        muS = muS + 1.0;\n        break;\n}"), "muS");
            case SYNCHRONIZED:
                return addToReturns(prepend(base, "double muY = " + x + ";\n"
                        + "synchronized (" + className + ".class) {\n    muY = muY * " + x + ";\n}"), "muY");
            case WHILE_LOOP:
                return addToReturns(prepend(base, "double muW = " + x + ";\nint muI = 0;\n"
                        + "while (muI < 3) {\n    muW = muW * 0.5 + " + x + ";\n    muI += 1;\n}"), "muW");
            case FOR_LOOP:
                return addToReturns(prepend(base, "double muL = 0.0;\n"
                        + "for (int muJ = 0; muJ < 3; muJ += 1) {\n    muL += " + x + ";\n}"), "muL");
            case DO_WHILE_LOOP:
                return addToReturns(prepend(base, "double muD = " + x + ";\nint muK = 0;\n"
                        + "do {\n    muD = muD * " + x + ";\n    muK += 1;\n} while (muK < 2);"), "muD");
            case RETURN_INT:
                return retype(base, "int");
            case RETURN_FLOAT:
                return retype(base, "float");
            case INSTANCE_METHOD: {
                String mods = base.modifiers().replace("static", "").trim();
                return new Method(mods, base.returnType(), base.name(), base.params(), base.body(), base.seed(), features, base.wrt());
            }
            case THROW:
                return prepend(base, "if (" + x + " != " + x + ") {\n    throw new IllegalStateException(\"NaN\");\n}");
            case ASSERT:
                return prepend(base, "assert " + x + " == " + x + " : \"NaN\";");
            case LABELED_BLOCK:
                return prepend(base, "muLbl: {\n    if (" + x + " > 100.0) {\n        break muLbl;\n    }\n}");
            case METHOD_REFERENCE:
                return addToReturns(prepend(base, "java.util.function.DoubleUnaryOperator muM = Math::sin;"),
                        "muM.applyAsDouble(" + x + ")");
            case ANONYMOUS_CLASS:
                return addToReturns(prepend(base, "java.util.function.DoubleUnaryOperator muA = new java.util.function.DoubleUnaryOperator() {\n"
                        + "    @Override\n    public double applyAsDouble(double mv) {\n        return mv * 2.0;\n    }\n};"),
                        "muA.applyAsDouble(" + x + ")");
            case LOCAL_CLASS:
                return addToReturns(prepend(base, "final class MuLocal {\n    double twice(double mv) {\n        return 2.0 * mv;\n    }\n}"),
                        "new MuLocal().twice(" + x + ")");
            case ARRAY_ELEMENT_WRITE:
                return addToReturns(prepend(base, "double[] muArr = new double[1];\nmuArr[0] = " + x + ";"), "muArr[0]");
            case GENERIC_METHOD:
                return new Method(base.modifiers() + " <T>", base.returnType(), base.name(), base.params(), base.body(),
                        base.seed(), features, base.wrt());
            case PARAM_NAMED_VALUE: {
                List<Param> ps = new ArrayList<>(base.params());
                ps.add(new Param("value", Ty.DOUBLE));
                return new Method(base.modifiers(), base.returnType(), base.name(), ps, base.body(), base.seed(), features,
                        base.wrt());
            }
            case WRT_UNKNOWN_NAME:
                return new Method(base.modifiers(), base.returnType(), base.name(), base.params(), base.body(), base.seed(),
                        features, List.of(x, "noSuchParameter"));
            case WRT_NON_DOUBLE: {
                List<Param> ps = new ArrayList<>(base.params());
                ps.add(new Param("k0", Ty.INT));
                return new Method(base.modifiers(), base.returnType(), base.name(), ps, base.body(), base.seed(), features,
                        List.of("k0"));
            }
            case UNDEFINED_VARIABLE:
                return addToReturns(base, "muUndefined");
            case TYPE_ERROR:
                return prepend(base, "double muBad = \"not a number\";");
            case UNDEFINED_METHOD:
                return addToReturns(base, "muNoSuchMethod(" + x + ")");
            case UNKNOWN_TYPE:
                return prepend(base, "NoSuchType muU = null;");
            case WRONG_ARGUMENT_COUNT:
                return addToReturns(base, "Math.sin(" + x + ", " + x + ")");
            case BOOLEAN_FROM_DOUBLE:
                return prepend(base, "boolean muB = " + x + ";");
            case STRING_RETURN:
                return m.withBody(mapReturns(base.body(), r -> new Return(new Raw("\"\" + " + JavaPrinter.expr(r.e()), Ty.DOUBLE))))
                        .withFeatures(features);
            case MISSING_RETURN: {
                List<Stmt> body = new ArrayList<>(base.body());
                Return last = (Return) body.remove(body.size() - 1);
                body.add(new RawStmt("double muR = " + JavaPrinter.expr(last.e()) + ";"));
                return base.withBody(body);
            }
            default:
                throw new IllegalArgumentException(k.toString());
        }
    }

    private static Method prepend(Method m, String text) {
        List<Stmt> body = new ArrayList<>();
        body.add(new RawStmt(text));
        body.addAll(m.body());
        return m.withBody(body);
    }

    private static Method addToReturns(Method m, String term) {
        return m.withBody(mapReturns(m.body(), r -> new Return(new Raw("(" + JavaPrinter.expr(r.e()) + ") + " + term, Ty.DOUBLE))));
    }

    private static Method retype(Method m, String type) {
        Method r = m.withBody(mapReturns(m.body(),
                ret -> new Return(new Raw("(" + type + ") (" + JavaPrinter.expr(ret.e()) + ")", Ty.DOUBLE))));
        return new Method(r.modifiers(), type, r.name(), r.params(), r.body(), r.seed(), r.features(), r.wrt());
    }

    private static List<Stmt> mapReturns(List<Stmt> body, UnaryOperator<Return> f) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : body) {
            if (s instanceof Return r) {
                out.add(f.apply(r));
            } else if (s instanceof If i) {
                out.add(new If(i.c(), mapReturns(i.then(), f), mapReturns(i.els(), f)));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** A double parameter never assigned in the body (effectively final, so a lambda may capture it). */
    private static String unassignedParam(Method m) {
        for (Param p : m.doubleParams()) {
            if (!assigned(m.body(), p.name())) {
                return p.name();
            }
        }
        return null;
    }

    private static boolean assigned(List<Stmt> body, String name) {
        for (Stmt s : body) {
            if (s instanceof Assign a && a.name().equals(name)) {
                return true;
            }
            if (s instanceof Compound c && c.name().equals(name)) {
                return true;
            }
            if (s instanceof Ast.IncDec c && c.name().equals(name)) {
                return true;
            }
            if (s instanceof If i && (assigned(i.then(), name) || assigned(i.els(), name))) {
                return true;
            }
        }
        return false;
    }
}
