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
import dev.leibniz.processor.oracle.Ast.Decl;
import dev.leibniz.processor.oracle.Ast.Expr;
import dev.leibniz.processor.oracle.Ast.If;
import dev.leibniz.processor.oracle.Ast.Lit;
import dev.leibniz.processor.oracle.Ast.Method;
import dev.leibniz.processor.oracle.Ast.Neg;
import dev.leibniz.processor.oracle.Ast.Not;
import dev.leibniz.processor.oracle.Ast.Or;
import dev.leibniz.processor.oracle.Ast.Paren;
import dev.leibniz.processor.oracle.Ast.Program;
import dev.leibniz.processor.oracle.Ast.Return;
import dev.leibniz.processor.oracle.Ast.Stmt;
import dev.leibniz.processor.oracle.Ast.Ty;
import dev.leibniz.processor.oracle.JavaPrinter.LineRange;
import dev.leibniz.processor.oracle.OracleHarness.Failure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Greedy test-case reduction of a failing method: repeatedly applies the single edit (drop a
 * statement, inline or drop a branch, replace an expression by a subexpression or a literal) that
 * keeps the failure and gives the shortest method. Candidates of one step are compiled together:
 * first without processor (invalid Java is dropped), then with it.
 */
final class Reducer {

    private static final int MAX_CANDIDATES = 400;

    private final OracleHarness h;

    Reducer(OracleHarness h) {
        this.h = h;
    }

    /** Returns a report of the reduced failure, or null when the kind is not reducible. */
    String reduce(Failure f, long budgetMillis) {
        if (f.method() == null) {
            return null;
        }
        boolean pointBased = f.kind().equals("MISMATCH") || f.kind().equals("GENERATED_CODE_THREW");
        boolean compileBased = f.kind().equals("REJECTED_VALID_PROGRAM") || f.kind().equals("GENERATED_CODE_DOES_NOT_COMPILE")
                || f.kind().equals("CRASH") || f.kind().equals("GENERATED_CODE_NOT_LINT_CLEAN");
        if (!pointBased && !compileBased) {
            return null;
        }
        long deadline = System.currentTimeMillis() + budgetMillis;
        Program ctx = f.program();
        boolean inner = ctx.inner().contains(f.method());
        Method cur = f.method();
        int steps = 0;
        while (System.currentTimeMillis() < deadline) {
            List<Method> cands = candidates(cur);
            if (cands.isEmpty()) {
                break;
            }
            Method best = smallestFailing(ctx, inner, cands, f, pointBased, deadline);
            if (best == null) {
                break;
            }
            cur = best.withName(f.method().name());
            steps++;
        }
        // final report for the reduced method, compiled alone
        Program alone = place(ctx, inner, List.of(cur));
        InMemoryCompiler.Result r = h.compile(alone);
        StringBuilder sb = new StringBuilder();
        sb.append("=== REDUCED ").append(f.kind()).append(" (").append(steps).append(" reduction steps) from ")
                .append(h.seedInfo(ctx, f.method())).append('\n');
        if (pointBased) {
            sb.append("point: ").append(OracleHarness.pointText(cur, f.point())).append('\n');
            if (h.compileProblem(r) == null) {
                InMemoryCompiler.MemoryClassLoader loader =
                        new InMemoryCompiler.MemoryClassLoader(r.classes(), Reducer.class.getClassLoader());
                for (String p : h.new MethodCheck(alone, cur, loader, r).problemsAt(f.point())) {
                    sb.append(p).append('\n');
                }
            } else {
                sb.append("(reduced method no longer compiles alone)\n").append(r.diagnosticsText());
            }
        } else {
            sb.append(r.diagnosticsText());
            if (r.crash() != null) {
                sb.append(r.crash()).append('\n');
            }
        }
        sb.append("--- reduced source\n").append(OracleHarness.numbered(JavaPrinter.print(alone).source()));
        for (Map.Entry<String, String> g : r.generatedSources().entrySet()) {
            sb.append("--- generated ").append(g.getKey()).append('\n').append(OracleHarness.numbered(g.getValue()));
        }
        return sb.toString();
    }

    private static Program place(Program ctx, boolean inner, List<Method> ms) {
        return inner ? ctx.withMethods(List.of(), ms) : ctx.withMethods(ms, List.of());
    }

    /**
     * The smallest candidate that still shows the failure, or null. Invalid Java is filtered out
     * first (one plain javac run over all candidates); the rest are tried smallest first, in
     * chunks compiled together (a chunk that does not compile is tried one by one).
     */
    private Method smallestFailing(Program ctx, boolean inner, List<Method> cands, Failure f, boolean pointBased,
            long deadline) {
        List<Method> named = new ArrayList<>();
        for (int i = 0; i < cands.size(); i++) {
            named.add(cands.get(i).withName("red" + i));
        }
        List<Method> valid = new ArrayList<>(named);
        for (int round = 0; round < 4 && !valid.isEmpty(); round++) {
            Program p = place(ctx, inner, valid);
            JavaPrinter.Printed pr = JavaPrinter.print(p);
            InMemoryCompiler.Result plain = InMemoryCompiler.compile(p.binaryName(), pr.source(), List.of());
            // lint-clean input only, like the generator's: a warning in the user's own code
            // would make a lint finding in the companion meaningless
            List<Diagnostic<? extends JavaFileObject>> problems = new ArrayList<>(plain.errors());
            problems.addAll(plain.warningsIn(".java"));
            if (problems.isEmpty() && plain.success()) {
                break;
            }
            Set<String> bad = new HashSet<>();
            for (Diagnostic<? extends JavaFileObject> d : problems) {
                for (Map.Entry<String, LineRange> e : pr.methodLines().entrySet()) {
                    if (e.getValue().contains(d.getLineNumber())) {
                        bad.add(e.getKey());
                    }
                }
            }
            if (bad.isEmpty()) {
                return null;
            }
            valid.removeIf(m -> bad.contains(m.name()));
        }
        valid.sort(Comparator.comparingInt(m -> JavaPrinter.method(m).length()));
        int chunk = pointBased ? 24 : 1;
        for (int from = 0; from < valid.size() && System.currentTimeMillis() < deadline; from += chunk) {
            List<Method> part = valid.subList(from, Math.min(valid.size(), from + chunk));
            Method hit = firstFailing(ctx, inner, part, f, pointBased);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    /** The first method of {@code part} (which is sorted by size) that shows the failure. */
    private Method firstFailing(Program ctx, boolean inner, List<Method> part, Failure f, boolean pointBased) {
        if (!pointBased) {
            for (Method m : part) {
                Program alone = place(ctx, inner, List.of(m));
                if (f.key().equals(h.compileKey(alone, m, h.compile(alone)))) {
                    return m;
                }
            }
            return null;
        }
        Program p = place(ctx, inner, part);
        InMemoryCompiler.Result res = h.compile(p);
        if (h.compileProblem(res) != null) {
            if (part.size() == 1) {
                return null;
            }
            for (Method m : part) {
                Method hit = firstFailing(ctx, inner, List.of(m), f, true);
                if (hit != null) {
                    return hit;
                }
            }
            return null;
        }
        InMemoryCompiler.MemoryClassLoader loader =
                new InMemoryCompiler.MemoryClassLoader(res.classes(), Reducer.class.getClassLoader());
        for (Method m : part) {
            if (!h.new MethodCheck(p, m, loader, res).problemsAt(f.point()).isEmpty()) {
                return m;
            }
        }
        return null;
    }

    // ======================================================================= candidates

    static List<Method> candidates(Method m) {
        Map<String, Method> out = new LinkedHashMap<>();
        String self = JavaPrinter.method(m);
        for (List<Stmt> b : bodyVariants(m.body(), true)) {
            Method c = m.withBody(b);
            String text = JavaPrinter.method(c);
            if (!text.equals(self)) {
                out.putIfAbsent(text, c);
            }
            if (out.size() >= MAX_CANDIDATES) {
                break;
            }
        }
        return new ArrayList<>(out.values());
    }

    private static List<Stmt> with(List<Stmt> body, int i, List<Stmt> replacement) {
        List<Stmt> out = new ArrayList<>(body.subList(0, i));
        out.addAll(replacement);
        out.addAll(body.subList(i + 1, body.size()));
        return out;
    }

    private static List<List<Stmt>> bodyVariants(List<Stmt> body, boolean top) {
        List<List<Stmt>> res = new ArrayList<>();
        // structural edits first (they shrink most)
        for (int i = 0; i < body.size(); i++) {
            Stmt s = body.get(i);
            if (!(top && i == body.size() - 1 && s instanceof Return)) {
                res.add(with(body, i, List.of()));
            }
            if (s instanceof If f) {
                res.add(with(body, i, f.then()));
                res.add(with(body, i, f.els()));
                if (!f.els().isEmpty()) {
                    res.add(with(body, i, List.of(new If(f.c(), f.then(), List.of()))));
                }
            }
        }
        for (int i = 0; i < body.size(); i++) {
            Stmt s = body.get(i);
            if (s instanceof If f) {
                for (List<Stmt> tv : bodyVariants(f.then(), false)) {
                    res.add(with(body, i, List.of(new If(f.c(), tv, f.els()))));
                }
                for (List<Stmt> ev : bodyVariants(f.els(), false)) {
                    res.add(with(body, i, List.of(new If(f.c(), f.then(), ev))));
                }
                for (BExpr cv : condVariants(f.c())) {
                    res.add(with(body, i, List.of(new If(cv, f.then(), f.els()))));
                }
            } else if (s instanceof Decl d && d.init() != null) {
                for (Expr v : exprVariants(d.init())) {
                    res.add(with(body, i, List.of(new Decl(d.ty(), d.name(), v))));
                }
            } else if (s instanceof Assign a) {
                for (Expr v : exprVariants(a.e())) {
                    res.add(with(body, i, List.of(new Assign(a.name(), a.varTy(), v))));
                }
            } else if (s instanceof Compound c) {
                res.add(with(body, i, List.of(new Assign(c.name(), c.varTy(), c.e()))));
                for (Expr v : exprVariants(c.e())) {
                    res.add(with(body, i, List.of(new Compound(c.name(), c.varTy(), c.op(), v))));
                }
            } else if (s instanceof Return r) {
                for (Expr v : exprVariants(r.e())) {
                    res.add(with(body, i, List.of(new Return(v))));
                }
            } else if (s instanceof Ast.For f) {
                // (while/do bodies are left alone: their first statement advances the counter)
                for (List<Stmt> bv : bodyVariants(f.body(), false)) {
                    res.add(with(body, i, List.of(new Ast.For(f.label(), f.var(), f.init(), f.cond(), f.step(), bv))));
                }
            } else if (s instanceof Ast.ForEach f) {
                for (List<Stmt> bv : bodyVariants(f.body(), false)) {
                    res.add(with(body, i, List.of(new Ast.ForEach(f.label(), f.var(), f.arr(), bv))));
                }
            } else if (s instanceof Ast.ForEachRow f) {
                for (List<Stmt> bv : bodyVariants(f.body(), false)) {
                    res.add(with(body, i, List.of(new Ast.ForEachRow(f.label(), f.var(), f.mat(), bv))));
                }
            } else if (s instanceof Ast.VarDecl d) {
                for (Expr v : exprVariants(d.init())) {
                    if (v.ty() == d.init().ty()) {
                        res.add(with(body, i, List.of(new Ast.VarDecl(d.name(), v))));
                    }
                }
            } else if (s instanceof Ast.Switch w) {
                // a switch: one arm's body in place of the whole switch, or an arm shrunk
                for (List<Stmt> arm : w.bodies()) {
                    res.add(with(body, i, arm));
                }
                if (w.dflt() != null) {
                    res.add(with(body, i, w.dflt()));
                }
                for (int a = 0; a < w.bodies().size(); a++) {
                    for (List<Stmt> bv : bodyVariants(w.bodies().get(a), false)) {
                        List<List<Stmt>> bs = new ArrayList<>(w.bodies());
                        bs.set(a, bv);
                        res.add(with(body, i, List.of(new Ast.Switch(w.sel(), w.labels(), bs, w.dflt(), w.arrow()))));
                    }
                }
            } else if (s instanceof Ast.ArrStore a) {
                for (Expr v : exprVariants(a.e())) {
                    res.add(with(body, i, List.of(new Ast.ArrStore(a.arr(), a.index(), a.op(), v))));
                }
            }
        }
        return res;
    }

    private static List<Expr> children(Expr e) {
        if (e instanceof Neg n) {
            return List.of(n.e());
        } else if (e instanceof Bin b) {
            return List.of(b.l(), b.r());
        } else if (e instanceof Call c) {
            return c.args();
        } else if (e instanceof Cast c) {
            return List.of(c.e());
        } else if (e instanceof Cond c) {
            return List.of(c.a(), c.b());
        } else if (e instanceof Paren p) {
            return List.of(p.e());
        }
        return List.of();
    }

    static List<Expr> exprVariants(Expr e) {
        List<Expr> out = new ArrayList<>(children(e));
        if (!(e instanceof Lit)) {
            out.add(e.ty() == Ty.DOUBLE ? new Lit(1.0, Ty.DOUBLE) : new Lit(1, Ty.INT));
        }
        if (e instanceof Neg n) {
            for (Expr v : exprVariants(n.e())) {
                out.add(new Neg(v));
            }
        } else if (e instanceof Bin b) {
            for (Expr v : exprVariants(b.l())) {
                out.add(new Bin(b.op(), v, b.r()));
            }
            for (Expr v : exprVariants(b.r())) {
                out.add(new Bin(b.op(), b.l(), v));
            }
        } else if (e instanceof Call c) {
            for (int i = 0; i < c.args().size(); i++) {
                for (Expr v : exprVariants(c.args().get(i))) {
                    List<Expr> args = new ArrayList<>(c.args());
                    args.set(i, v);
                    out.add(new Call(c.owner(), c.fn(), args));
                }
            }
            if (!c.owner().equals("Math")) {
                out.add(new Call("Math", c.fn(), c.args()));
            }
        } else if (e instanceof Cast c) {
            for (Expr v : exprVariants(c.e())) {
                out.add(new Cast(c.to(), v));
            }
        } else if (e instanceof Cond c) {
            for (BExpr v : condVariants(c.c())) {
                out.add(new Cond(v, c.a(), c.b()));
            }
            for (Expr v : exprVariants(c.a())) {
                out.add(new Cond(c.c(), v, c.b()));
            }
            for (Expr v : exprVariants(c.b())) {
                out.add(new Cond(c.c(), c.a(), v));
            }
        } else if (e instanceof Paren p) {
            for (Expr v : exprVariants(p.e())) {
                out.add(new Paren(v));
            }
        }
        return out;
    }

    static List<BExpr> condVariants(BExpr c) {
        List<BExpr> out = new ArrayList<>();
        if (c instanceof Cmp k) {
            for (Expr v : exprVariants(k.l())) {
                out.add(new Cmp(k.op(), v, k.r()));
            }
            for (Expr v : exprVariants(k.r())) {
                out.add(new Cmp(k.op(), k.l(), v));
            }
        } else if (c instanceof And a) {
            out.add(a.l());
            out.add(a.r());
            for (BExpr v : condVariants(a.l())) {
                out.add(new And(v, a.r()));
            }
            for (BExpr v : condVariants(a.r())) {
                out.add(new And(a.l(), v));
            }
        } else if (c instanceof Or o) {
            out.add(o.l());
            out.add(o.r());
            for (BExpr v : condVariants(o.l())) {
                out.add(new Or(v, o.r()));
            }
            for (BExpr v : condVariants(o.r())) {
                out.add(new Or(o.l(), v));
            }
        } else if (c instanceof Not n) {
            out.add(n.e());
            for (BExpr v : condVariants(n.e())) {
                out.add(new Not(v));
            }
        }
        return out;
    }
}
