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
import dev.leibniz.processor.oracle.Ast.If;
import dev.leibniz.processor.oracle.Ast.Lit;
import dev.leibniz.processor.oracle.Ast.Method;
import dev.leibniz.processor.oracle.Ast.Neg;
import dev.leibniz.processor.oracle.Ast.Not;
import dev.leibniz.processor.oracle.Ast.Or;
import dev.leibniz.processor.oracle.Ast.Param;
import dev.leibniz.processor.oracle.Ast.Paren;
import dev.leibniz.processor.oracle.Ast.Program;
import dev.leibniz.processor.oracle.Ast.Raw;
import dev.leibniz.processor.oracle.Ast.RawStmt;
import dev.leibniz.processor.oracle.Ast.Return;
import dev.leibniz.processor.oracle.Ast.Stmt;
import dev.leibniz.processor.oracle.Ast.Ty;
import dev.leibniz.processor.oracle.Ast.Var;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints the AST as Java source with only the parentheses that Java precedence needs (plus the
 * explicit {@link Paren} nodes). Records the line range of every method so that diagnostics can be
 * attributed to methods.
 */
final class JavaPrinter {

    /** Lines are 1-based and inclusive, as in javac diagnostics. */
    record LineRange(int first, int last) {
        boolean contains(long line) {
            return line >= first && line <= last;
        }
    }

    record Printed(String source, Map<String, LineRange> methodLines) {}

    private static final int P_COND = 1;
    private static final int P_OR = 2;
    private static final int P_AND = 3;
    private static final int P_EQ = 4;
    private static final int P_REL = 5;
    private static final int P_ADD = 6;
    private static final int P_MUL = 7;
    private static final int P_UNARY = 8;
    private static final int P_PRIMARY = 9;

    private final StringBuilder out = new StringBuilder();
    private final Map<String, LineRange> lines = new HashMap<>();
    private int line = 1;

    private JavaPrinter() {}

    static Printed print(Program p) {
        JavaPrinter jp = new JavaPrinter();
        jp.program(p);
        return new Printed(jp.out.toString(), Map.copyOf(jp.lines));
    }

    /** One method on its own (for reports). */
    static String method(Method m) {
        JavaPrinter jp = new JavaPrinter();
        jp.method(m, "    ");
        return jp.out.toString();
    }

    private void ln(String s) {
        out.append(s).append('\n');
        line++;
    }

    private void program(Program p) {
        ln("package " + p.pkg() + ";");
        ln("");
        ln("import dev.leibniz.Differentiable;");
        for (String m : p.extraMembers()) {
            if (m.contains("@DerivativeOf")) {
                ln("import dev.leibniz.DerivativeOf;");
                break;
            }
        }
        if (usesArraysClass(p)) {
            ln("import java.util.Arrays;");
        }
        if (p.staticImportMath()) {
            ln("import static java.lang.Math.*;");
        }
        ln("");
        ln("public class " + p.className() + " {");
        for (ConstDecl c : p.constants()) {
            ln("    " + c.modifiers() + " " + c.ty().java + " " + c.name() + " = " + c.initializer() + ";");
        }
        for (String m : p.extraMembers()) {
            for (String l : m.split("\n", -1)) {
                ln("    " + l);
            }
        }
        for (Method m : p.lib()) {
            ln("");
            method(m, "    ");
        }
        for (Method m : p.outer()) {
            ln("");
            method(m, "    ");
        }
        if (!p.inner().isEmpty()) {
            ln("");
            ln("    static final class " + Program.INNER + " {");
            ln("        private " + Program.INNER + "() {}");
            for (Method m : p.inner()) {
                ln("");
                method(m, "        ");
            }
            ln("    }");
        }
        ln("}");
    }

    /** Whether any method calls {@code Arrays.fill/copyOf/copyOfRange} (the import is needed then, and only then). */
    static boolean usesArraysClass(Program p) {
        List<Method> all = new ArrayList<>(p.lib());
        all.addAll(p.allMethods());
        for (Method m : all) {
            if (usesArraysClass(m.body())) {
                return true;
            }
        }
        return false;
    }

    private static boolean usesArraysClass(List<Stmt> body) {
        for (Stmt s : body) {
            if (s instanceof Ast.ArrFill
                    || s instanceof Ast.ArrCopyDecl c && c.kind() != Ast.CopyKind.CLONE
                    || s instanceof If i && (usesArraysClass(i.then()) || usesArraysClass(i.els()))
                    || s instanceof Ast.For f && usesArraysClass(f.body())
                    || s instanceof Ast.While w && usesArraysClass(w.body())
                    || s instanceof Ast.DoWhile w && usesArraysClass(w.body())
                    || s instanceof Ast.ForEach f && usesArraysClass(f.body())
                    || s instanceof Ast.ForEachRow f && usesArraysClass(f.body())
                    || s instanceof Ast.Switch w && (w.dflt() != null && usesArraysClass(w.dflt())
                            || w.bodies().stream().anyMatch(JavaPrinter::usesArraysClass))) {
                return true;
            }
        }
        return false;
    }

    private void method(Method m, String ind) {
        int first = line;
        if (m.wrt().isEmpty()) {
            ln(ind + "@Differentiable");
        } else if (m.wrt().size() == 1) {
            ln(ind + "@Differentiable(wrt = \"" + m.wrt().get(0) + "\")");
        } else {
            ln(ind + "@Differentiable(wrt = {\"" + String.join("\", \"", m.wrt()) + "\"})");
        }
        List<String> ps = new ArrayList<>();
        for (Param p : m.params()) {
            ps.add(p.ty().java + " " + p.name());
        }
        String mods = m.modifiers().isEmpty() ? "" : m.modifiers() + " ";
        ln(ind + mods + m.returnType() + " " + m.name() + "(" + String.join(", ", ps) + ") {");
        block(m.body(), ind + "    ");
        ln(ind + "}");
        lines.put(m.name(), new LineRange(first, line - 1));
    }

    private void block(List<Stmt> body, String ind) {
        for (Stmt s : body) {
            stmt(s, ind);
        }
    }

    private void stmt(Stmt s, String ind) {
        if (s instanceof Decl d) {
            ln(ind + d.ty().java + " " + d.name() + (d.init() == null ? "" : " = " + expr(d.init(), 0)) + ";");
        } else if (s instanceof Ast.VarDecl d) {
            ln(ind + "var " + d.name() + " = " + expr(d.init(), 0) + ";");
        } else if (s instanceof Ast.ArrLocal a) {
            ln(ind + (a.useVar() ? "var " : "double[] ") + a.name() + " = " + expr(a.init(), 0) + ";");
        } else if (s instanceof Ast.ExprStmt e) {
            ln(ind + expr(e.e(), 0) + ";");
        } else if (s instanceof Ast.ForEachRow f) {
            ln(ind + label(f.label()) + "for (double[] " + f.var() + " : " + f.mat() + ") {");
            block(f.body(), ind + "    ");
            ln(ind + "}");
        } else if (s instanceof Ast.Switch w) {
            switchStmt(w, ind);
        } else if (s instanceof Assign a) {
            ln(ind + a.name() + " = " + expr(a.e(), 0) + ";");
        } else if (s instanceof Compound c) {
            ln(ind + c.name() + " " + c.op() + "= " + expr(c.e(), 0) + ";");
        } else if (s instanceof Ast.BDecl b) {
            ln(ind + "boolean " + b.name() + " = " + cond(b.init(), 0) + ";");
        } else if (s instanceof Ast.BAssign b) {
            ln(ind + b.name() + " = " + cond(b.e(), 0) + ";");
        } else if (s instanceof Ast.IncDec c) {
            String op = c.inc() ? "++" : "--";
            ln(ind + (c.prefix() ? op + c.name() : c.name() + op) + ";");
        } else if (s instanceof Return r) {
            ln(ind + "return " + expr(r.e(), 0) + ";");
        } else if (s instanceof RawStmt r) {
            for (String l : r.text().split("\n", -1)) {
                ln(ind + l);
            }
        } else if (s instanceof Ast.ArrDecl a) {
            ln(ind + "double[] " + a.name() + " = new double[" + expr(a.len(), 0) + "];");
        } else if (s instanceof Ast.ArrInit a) {
            List<String> es = new ArrayList<>();
            for (Expr e : a.elems()) {
                es.add(expr(e, 0));
            }
            ln(ind + "double[] " + a.name() + " = {" + String.join(", ", es) + "};");
        } else if (s instanceof Ast.ArrCopyDecl c) {
            String init;
            switch (c.kind()) {
                case CLONE:
                    init = c.src() + ".clone()";
                    break;
                case COPY_OF:
                    init = "Arrays.copyOf(" + c.src() + ", " + expr(c.a(), 0) + ")";
                    break;
                default:
                    init = "Arrays.copyOfRange(" + c.src() + ", " + expr(c.a(), 0) + ", " + expr(c.b(), 0) + ")";
                    break;
            }
            ln(ind + "double[] " + c.name() + " = " + init + ";");
        } else if (s instanceof Ast.ArrayCopy c) {
            ln(ind + "System.arraycopy(" + c.src() + ", " + expr(c.srcPos(), 0) + ", " + c.dst() + ", " + expr(c.dstPos(), 0)
                    + ", " + expr(c.len(), 0) + ");");
        } else if (s instanceof Ast.ArrFill f) {
            ln(ind + "Arrays.fill(" + f.dst() + ", " + (f.from() == null ? "" : expr(f.from(), 0) + ", " + expr(f.to(), 0) + ", ")
                    + expr(f.v(), 0) + ");");
        } else if (s instanceof Ast.ArrStore a) {
            ln(ind + a.arr() + "[" + expr(a.index(), 0) + "] " + (a.op() == '=' ? "" : String.valueOf(a.op())) + "= "
                    + expr(a.e(), 0) + ";");
        } else if (s instanceof Ast.For f) {
            String step = f.step() == 1 ? f.var() + "++" : f.step() == -1 ? f.var() + "--"
                    : f.step() > 0 ? f.var() + " += " + f.step() : f.var() + " -= " + (-f.step());
            ln(ind + label(f.label()) + "for (int " + f.var() + " = " + expr(f.init(), 0) + "; " + cond(f.cond(), 0) + "; "
                    + step + ") {");
            block(f.body(), ind + "    ");
            ln(ind + "}");
        } else if (s instanceof Ast.While w) {
            ln(ind + label(w.label()) + "while (" + cond(w.cond(), 0) + ") {");
            block(w.body(), ind + "    ");
            ln(ind + "}");
        } else if (s instanceof Ast.DoWhile w) {
            ln(ind + label(w.label()) + "do {");
            block(w.body(), ind + "    ");
            ln(ind + "} while (" + cond(w.cond(), 0) + ");");
        } else if (s instanceof Ast.ForEach f) {
            ln(ind + label(f.label()) + "for (double " + f.var() + " : " + f.arr() + ") {");
            block(f.body(), ind + "    ");
            ln(ind + "}");
        } else if (s instanceof Ast.Break b) {
            ln(ind + "break" + (b.label() == null ? "" : " " + b.label()) + ";");
        } else if (s instanceof Ast.Continue c) {
            ln(ind + "continue" + (c.label() == null ? "" : " " + c.label()) + ";");
        } else if (s instanceof If i) {
            String head = "if (" + cond(i.c(), 0) + ") {";
            ln(ind + head);
            If cur = i;
            while (true) {
                block(cur.then(), ind + "    ");
                if (cur.els().isEmpty()) {
                    ln(ind + "}");
                    break;
                }
                if (cur.els().size() == 1 && cur.els().get(0) instanceof If nested) {
                    ln(ind + "} else if (" + cond(nested.c(), 0) + ") {");
                    cur = nested;
                    continue;
                }
                ln(ind + "} else {");
                block(cur.els(), ind + "    ");
                ln(ind + "}");
                break;
            }
        } else {
            throw new IllegalArgumentException(String.valueOf(s));
        }
    }

    private static boolean simpleStmt(Stmt s) {
        return s instanceof Assign || s instanceof Compound || s instanceof Ast.IncDec || s instanceof Ast.ExprStmt;
    }

    private static String labels(List<Integer> ls) {
        List<String> out = new ArrayList<>();
        for (int l : ls) {
            out.add(Integer.toString(l));
        }
        return String.join(", ", out);
    }

    private void switchStmt(Ast.Switch w, String ind) {
        ln(ind + "switch (" + expr(w.sel(), 0) + ") {");
        String in = ind + "    ";
        int n = w.bodies().size() + (w.dflt() == null ? 0 : 1);
        for (int i = 0; i < n; i++) {
            boolean dflt = i == w.bodies().size();
            List<Stmt> body = dflt ? w.dflt() : w.bodies().get(i);
            if (w.arrow()) {
                String head = in + (dflt ? "default" : "case " + labels(w.labels().get(i))) + " -> ";
                if (body.size() == 1 && simpleStmt(body.get(0))) {
                    // one expression statement: no braces
                    JavaPrinter one = new JavaPrinter();
                    one.stmt(body.get(0), "");
                    ln(head + one.out.toString().strip());
                } else {
                    ln(head + "{");
                    block(body, in + "    ");
                    ln(in + "}");
                }
            } else {
                if (dflt) {
                    ln(in + "default:");
                } else {
                    for (int l : w.labels().get(i)) {
                        ln(in + "case " + l + ":");
                    }
                }
                block(body, in + "    ");
                if (!completesAbruptly(body)) {
                    ln(in + "    break;");
                }
            }
        }
        ln(ind + "}");
    }

    /** Whether a block cannot complete normally (ends in return, continue, or an if whose both branches do). */
    static boolean completesAbruptly(List<Stmt> b) {
        if (b.isEmpty()) {
            return false;
        }
        Stmt s = b.get(b.size() - 1);
        if (s instanceof Return || s instanceof Ast.Continue || s instanceof Ast.Break) {
            return true;
        }
        return s instanceof If i && completesAbruptly(i.then()) && completesAbruptly(i.els());
    }

    private static String label(String l) {
        return l == null ? "" : l + ": ";
    }

    static String expr(Expr e) {
        return expr(e, 0);
    }

    static String cond(BExpr c) {
        return cond(c, 0);
    }

    private static String wrap(String s, int prec, int minPrec) {
        return prec < minPrec ? "(" + s + ")" : s;
    }

    static String literal(Lit l) {
        if (l.ty() == Ty.DOUBLE) {
            return Double.toString(l.value());
        }
        long v = (long) l.value();
        if (v != l.value()) {
            throw new IllegalArgumentException("non-integral int literal " + l.value());
        }
        return Long.toString(v) + (l.ty() == Ty.LONG ? "L" : "");
    }

    private static String expr(Expr e, int minPrec) {
        if (e instanceof Lit l) {
            return literal(l);
        } else if (e instanceof Var v) {
            return v.name();
        } else if (e instanceof Const c) {
            return c.text();
        } else if (e instanceof Raw r) {
            return wrap(r.text(), P_COND, minPrec);
        } else if (e instanceof Paren p) {
            return "(" + expr(p.e(), 0) + ")";
        } else if (e instanceof Neg n) {
            String inner = expr(n.e(), P_UNARY);
            if (inner.startsWith("-")) {
                inner = "(" + inner + ")";
            }
            return wrap("-" + inner, P_UNARY, minPrec);
        } else if (e instanceof Cast c) {
            String inner = expr(c.e(), P_UNARY);
            if (inner.startsWith("-")) {
                inner = "(" + inner + ")";
            }
            return wrap("(" + c.to().java + ") " + inner, P_UNARY, minPrec);
        } else if (e instanceof Bin b) {
            int p = (b.op() == '+' || b.op() == '-') ? P_ADD : P_MUL; // * / %
            String s = expr(b.l(), p) + " " + b.op() + " " + expr(b.r(), p + 1);
            return wrap(s, p, minPrec);
        } else if (e instanceof Call c) {
            List<String> args = new ArrayList<>();
            for (Expr a : c.args()) {
                args.add(expr(a, 0));
            }
            String prefix = c.owner().isEmpty() ? "" : c.owner() + ".";
            return prefix + c.fn().javaName() + "(" + String.join(", ", args) + ")";
        } else if (e instanceof Ast.Idx x) {
            return x.arr() + "[" + expr(x.index(), 0) + "]";
        } else if (e instanceof Ast.Len l) {
            return l.arr() + ".length";
        } else if (e instanceof Ast.Row w) {
            return w.mat() + "[" + expr(w.index(), 0) + "]";
        } else if (e instanceof Ast.Idx2 x) {
            return x.mat() + "[" + expr(x.i(), 0) + "][" + expr(x.k(), 0) + "]";
        } else if (e instanceof Ast.RowLen w) {
            return w.mat() + "[" + expr(w.index(), 0) + "].length";
        } else if (e instanceof Ast.NewArr a) {
            return "new double[" + expr(a.len(), 0) + "]";
        } else if (e instanceof Ast.NewArrOf a) {
            List<String> elems = new ArrayList<>();
            for (Expr x : a.elems()) {
                elems.add(expr(x, 0));
            }
            return "new double[] {" + String.join(", ", elems) + "}";
        } else if (e instanceof Ast.AssignExpr a) {
            // assignment binds loosest of all: parenthesised wherever it is an operand
            return wrap(a.name() + " = " + expr(a.e(), 0), 0, minPrec);
        } else if (e instanceof Ast.IncDecExpr c) {
            String op = c.inc() ? "++" : "--";
            return wrap(c.prefix() ? op + c.name() : c.name() + op, P_UNARY, minPrec);
        } else if (e instanceof Ast.SwitchExpr w) {
            StringBuilder sb = new StringBuilder("switch (" + expr(w.sel(), 0) + ") {");
            for (int i = 0; i <= w.arms().size(); i++) {
                boolean dflt = i == w.arms().size();
                Expr arm = dflt ? w.dflt() : w.arms().get(i);
                if (w.arrow()) {
                    sb.append(dflt ? " default" : " case " + labels(w.labels().get(i))).append(" -> ").append(expr(arm, 0)).append(';');
                } else {
                    if (dflt) {
                        sb.append(" default:");
                    } else {
                        for (int l : w.labels().get(i)) {
                            sb.append(" case ").append(l).append(':');
                        }
                    }
                    sb.append(" yield ").append(expr(arm, 0)).append(';');
                }
            }
            sb.append(" }");
            return wrap(sb.toString(), 0, minPrec);
        } else if (e instanceof Ast.Invoke c) {
            List<String> args = new ArrayList<>();
            for (Expr a : c.args()) {
                args.add(expr(a, 0));
            }
            String prefix = c.qualifier().isEmpty() ? "" : c.qualifier() + ".";
            return prefix + c.name() + "(" + String.join(", ", args) + ")";
        } else if (e instanceof Cond c) {
            String s = cond(c.c(), P_OR) + " ? " + expr(c.a(), P_OR) + " : " + expr(c.b(), P_COND);
            return wrap(s, P_COND, minPrec);
        }
        throw new IllegalArgumentException(String.valueOf(e));
    }

    private static String cond(BExpr c, int minPrec) {
        if (c instanceof Cmp k) {
            int p = (k.op().equals("==") || k.op().equals("!=")) ? P_EQ : P_REL;
            // relational operands are additive expressions; equality operands may be relational,
            // but ours are always numeric, so P_ADD works for both.
            String s = expr(k.l(), P_ADD) + " " + k.op() + " " + expr(k.r(), P_ADD);
            return wrap(s, p, minPrec);
        } else if (c instanceof And a) {
            return wrap(cond(a.l(), P_AND) + " && " + cond(a.r(), P_AND + 1), P_AND, minPrec);
        } else if (c instanceof Or o) {
            return wrap(cond(o.l(), P_OR) + " || " + cond(o.r(), P_OR + 1), P_OR, minPrec);
        } else if (c instanceof Not n) {
            return wrap("!" + cond(n.e(), P_PRIMARY), P_UNARY, minPrec);
        } else if (c instanceof Ast.BVar v) {
            return v.name();
        }
        throw new IllegalArgumentException(String.valueOf(c));
    }
}
