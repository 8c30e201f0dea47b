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
import dev.leibniz.processor.oracle.Ast.Return;
import dev.leibniz.processor.oracle.Ast.Stmt;
import dev.leibniz.processor.oracle.Ast.Ty;
import dev.leibniz.processor.oracle.Ast.Var;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * The reference: evaluates the oracle's AST with Java value semantics and Hipparchus
 * {@link DerivativeStructure} (first order, one free parameter per {@code double} parameter) for
 * the gradient. It never looks at the processor's output.
 *
 * <p>Every double value is a pair: {@code d}, computed exactly as the Java program computes it
 * (same {@code Math}/{@code StrictMath} call, same operation order, so branch decisions and ties
 * are bit-for-bit those of the compiled program), and {@code ds}, whose partial derivatives are the
 * gradient. The value part of {@code ds} is reset to {@code d} after every operation, so the
 * derivative formulas are evaluated at the program's own intermediates. The contract conventions are applied explicitly: abs'(0) = 0, max/min at an exact
 * tie give each argument half, hypot has derivative 0 at the origin (README),
 * floor/ceil/rint/round/signum have derivative 0, integer values and casts to int carry no
 * derivative, and a branch differentiates the branch taken.
 *
 * <p>It also reports whether the point is numerically fit for a 1e-10 comparison: any non-finite
 * value or derivative, a singular point (atan2(0,0)), or an intermediate value or
 * partial derivative larger than {@link #MAG_LIMIT} in magnitude makes the point "unfit" and it is
 * skipped (the count of skips is reported). A signature of every discrete decision (branches,
 * abs/max/min sides, integer results) lets central differences check that a neighbourhood is
 * smooth.
 */
final class DsInterpreter {

    /** Intermediate magnitude above which rounding noise could exceed the 1e-10 tolerance. */
    static final double MAG_LIMIT = 1e4;

    /** A Java value: integral types use {@code i}; doubles use {@code d} and {@code ds}. */
    record Val(Ty ty, long i, double d, DerivativeStructure ds, Val[] arr) {
        Val(Ty ty, long i, double d, DerivativeStructure ds) {
            this(ty, i, d, ds, null);
        }

        double asDouble() {
            return ty == Ty.DOUBLE ? d : (double) i;
        }
    }

    /** Result of one evaluation. */
    /** @param hessian the second derivatives when the interpreter runs at order 2, else null */
    record Result(double value, double[] gradient, boolean fit, String unfitReason, long signature, double dsValue,
            double[][] hessian) {}

    private final Method method;
    private final DSFactory factory;
    /** The program, for the library methods that {@link Ast.Invoke} calls (may be null). */
    private final Ast.Program program;

    private Map<String, Val> env;
    private long signature;
    private String unfit;

    DsInterpreter(Method method) {
        this(method, null);
    }

    DsInterpreter(Method method, Ast.Program program) {
        this(method, program, 1);
    }

    /** With {@code order} 2 the result carries the Hessian too (Hipparchus's exact second derivatives). */
    DsInterpreter(Method method, Ast.Program program, int order) {
        this.method = method;
        this.program = program;
        this.factory = new DSFactory(Math.max(1, method.freeCount()), order);
    }

    /** {@code break} / {@code continue} (label null: the innermost loop). */
    private static final class JumpSignal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String label;
        final boolean isBreak;

        JumpSignal(String label, boolean isBreak) {
            super(null, null, false, false);
            this.label = label;
            this.isBreak = isBreak;
        }

        boolean targets(String loopLabel) {
            return label == null || label.equals(loopLabel);
        }
    }

    private static final class ReturnSignal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Val value;

        ReturnSignal(Val value) {
            super(null, null, false, false);
            this.value = value;
        }
    }

    /**
     * Evaluates at {@code args}, one per parameter in declaration order (int parameters must hold
     * integral values).
     */
    Result eval(double[] args) {
        int di = bind(args);
        Val v = toDouble(run());
        double[] grad = new double[di];
        for (int k = 0; k < di; k++) {
            int[] orders = new int[di];
            orders[k] = 1;
            grad[k] = v.ds().getPartialDerivative(orders);
            if (!Double.isFinite(grad[k])) {
                markUnfit("non-finite gradient");
            }
        }
        if (!Double.isFinite(v.d())) {
            markUnfit("non-finite value");
        }
        double[][] hessian = null;
        if (factory.getCompiler().getOrder() >= 2) {
            hessian = new double[di][di];
            for (int i = 0; i < di; i++) {
                for (int j = 0; j < di; j++) {
                    int[] orders = new int[di];
                    orders[i]++;
                    orders[j]++;
                    hessian[i][j] = v.ds().getPartialDerivative(orders);
                }
            }
        }
        return new Result(v.d(), grad, unfit == null, unfit, signature, v.ds().getValue(), hessian);
    }

    /** Result of evaluating a {@code double[]}-valued method: its value and Jacobian (row i: ∂value[i]). */
    record VectorResult(double[] value, double[][] jacobian, boolean fit, String unfitReason) {}

    /** Evaluates a {@code double[]}-valued method at {@code args} (as for {@link #eval}). */
    VectorResult evalVector(double[] args) {
        int di = bind(args);
        Val ret = run();
        if (ret.arr() == null) {
            throw new IllegalStateException("not a double[]-valued method: " + method.name());
        }
        double[] value = new double[ret.arr().length];
        double[][] jacobian = new double[value.length][di];
        for (int i = 0; i < value.length; i++) {
            Val v = toDouble(ret.arr()[i]);
            value[i] = v.d();
            if (!Double.isFinite(v.d())) {
                markUnfit("non-finite value");
            }
            for (int k = 0; k < di; k++) {
                int[] orders = new int[di];
                orders[k] = 1;
                jacobian[i][k] = v.ds() == null ? 0 : v.ds().getPartialDerivative(orders);
                if (!Double.isFinite(jacobian[i][k])) {
                    markUnfit("non-finite derivative");
                }
            }
        }
        return new VectorResult(value, jacobian, unfit == null, unfit);
    }

    /** Runs the body: what it returns. */
    private Val run() {
        try {
            block(method.body());
            throw new IllegalStateException("method completed without return");
        } catch (ReturnSignal r) {
            return r.value;
        }
    }

    /** Binds the parameters to {@code args}, each floating value a free variable: how many there are. */
    private int bind(double[] args) {
        List<Param> ps = method.params();
        if (args.length != method.slotCount()) {
            throw new IllegalArgumentException("arity");
        }
        env = new HashMap<>();
        signature = 17;
        unfit = null;
        int di = 0;
        int slot = 0;
        for (int q = 0; q < ps.size(); q++) {
            Param p = ps.get(q);
            int k = slot;
            slot += p.slots();
            if (p.ty() == Ty.DMATRIX) {
                // row-major, one free variable per element; each row is one array Val, so that a
                // row taken as W[j] IS the matrix's row (the same Val[]), as in Java
                Val[] rows = new Val[p.len()];
                for (int rr = 0; rr < p.len(); rr++) {
                    Val[] elems = new Val[p.cols()];
                    for (int e = 0; e < p.cols(); e++) {
                        int at = k + rr * p.cols() + e;
                        elems[e] = dbl(args[at], factory.variable(di++, args[at]));
                    }
                    rows[rr] = new Val(Ty.DARRAY, 0, 0, null, elems);
                }
                env.put(p.name(), new Val(Ty.DMATRIX, 0, 0, null, rows));
            } else if (p.ty() == Ty.DARRAY) {
                Val[] elems = new Val[p.len()];
                for (int e = 0; e < p.len(); e++) {
                    elems[e] = dbl(args[k + e], factory.variable(di++, args[k + e]));
                }
                env.put(p.name(), new Val(Ty.DARRAY, 0, 0, null, elems));
            } else if (p.ty() == Ty.IARRAY) {
                // int[]: never differentiated; its elements are plain ints
                Val[] elems = new Val[p.len()];
                for (int e = 0; e < p.len(); e++) {
                    if (args[k + e] != Math.rint(args[k + e])) {
                        throw new IllegalArgumentException("int[] element " + p.name() + "[" + e + "] = " + args[k + e]);
                    }
                    elems[e] = new Val(Ty.INT, (int) args[k + e], 0, null);
                }
                env.put(p.name(), new Val(Ty.IARRAY, 0, 0, null, elems));
            } else if (p.ty() == Ty.DOUBLE) {
                env.put(p.name(), dbl(args[k], factory.variable(di++, args[k])));
            } else if (p.ty() == Ty.BOOLEAN) {
                env.put(p.name(), new Val(Ty.BOOLEAN, args[k] != 0 ? 1 : 0, 0, null));
            } else {
                if (args[k] != Math.rint(args[k])) {
                    throw new IllegalArgumentException("integral parameter " + p.name() + " = " + args[k]);
                }
                env.put(p.name(), new Val(p.ty(), p.ty() == Ty.INT ? (int) args[k] : (long) args[k], 0, null));
            }
        }
        return di;
    }

    private void markUnfit(String why) {
        if (unfit == null) {
            unfit = why;
        }
    }

    private void sig(long x) {
        signature = signature * 1_000_003L + x;
    }

    private Val dbl(double d, DerivativeStructure computed) {
        // Pin the value part to the exact Java value, so that every later derivative formula is
        // evaluated at the program's own intermediate. Hipparchus' value may differ, in the last
        // bits (FastMath) or by far: atan2(-0.0, -1) is -pi in Java, +pi if the sign of zero got
        // lost in the DS arithmetic.
        DerivativeStructure ds = Double.isNaN(d) ? computed : computed.withValue(d);
        if (!Double.isFinite(d)) {
            markUnfit("non-finite intermediate value " + d);
        } else if (Math.abs(d) > MAG_LIMIT) {
            markUnfit("intermediate value " + d + " beyond " + MAG_LIMIT);
        }
        double[] all = ds.getAllDerivatives();
        for (int k = 1; k < all.length; k++) {
            if (!Double.isFinite(all[k])) {
                markUnfit("non-finite intermediate derivative");
            } else if (Math.abs(all[k]) > MAG_LIMIT) {
                markUnfit("intermediate derivative " + all[k] + " beyond " + MAG_LIMIT);
            }
        }
        return new Val(Ty.DOUBLE, 0, d, ds);
    }

    private Val constant(double d) {
        return dbl(d, factory.constant(d));
    }

    private Val integral(Ty ty, long v) {
        sig(v);
        return new Val(ty, ty == Ty.INT ? (int) v : v, 0, null);
    }

    private Val toDouble(Val v) {
        return v.ty() == Ty.DOUBLE ? v : constant((double) v.i());
    }

    // ------------------------------------------------------------------ statements

    private void block(List<Stmt> stmts) {
        for (Stmt s : stmts) {
            stmt(s);
        }
    }

    private Val coerce(Ty target, Val v) {
        if (target == Ty.DOUBLE) {
            return toDouble(v);
        }
        if (target == Ty.INT && v.ty() == Ty.INT || target == Ty.LONG && v.ty() == Ty.LONG) {
            return v;
        }
        if (target == Ty.LONG && v.ty() == Ty.INT) {
            return new Val(Ty.LONG, v.i(), 0, null);
        }
        throw new IllegalStateException("cannot assign " + v.ty() + " to " + target);
    }

    private void stmt(Stmt s) {
        if (s instanceof Decl d) {
            // without an initialiser: Java's definite assignment guarantees a write before any read
            env.put(d.name(), d.init() == null ? null : coerce(d.ty(), expr(d.init())));
        } else if (s instanceof Ast.VarDecl d) {
            env.put(d.name(), expr(d.init()));
        } else if (s instanceof Ast.ArrLocal a) {
            Val v = expr(a.init());
            if (v == null || v.ty() != Ty.DARRAY) {
                throw new IllegalStateException("array local " + a.name() + " from " + a.init());
            }
            env.put(a.name(), v);
        } else if (s instanceof Ast.ExprStmt e) {
            expr(e.e());
        } else if (s instanceof Ast.Switch w) {
            int arm = switchArm(w.sel(), w.labels());
            if (arm >= 0) {
                block(w.bodies().get(arm));
            } else if (w.dflt() != null) {
                block(w.dflt());
            }
        } else if (s instanceof Assign a) {
            env.put(a.name(), coerce(a.varTy(), expr(a.e())));
        } else if (s instanceof Compound c) {
            Val cur = env.get(c.name());
            Val r = binary(c.op(), cur, expr(c.e()));
            env.put(c.name(), castTo(c.varTy(), r));
        } else if (s instanceof Ast.BDecl b) {
            env.put(b.name(), bool(cond(b.init())));
        } else if (s instanceof Ast.BAssign b) {
            env.put(b.name(), bool(cond(b.e())));
        } else if (s instanceof Ast.IncDec c) {
            Val cur = env.get(c.name());
            Val r = binary(c.inc() ? '+' : '-', cur, new Val(Ty.INT, 1, 0, null));
            env.put(c.name(), castTo(c.varTy(), r));
        } else if (s instanceof Return r) {
            throw new ReturnSignal(expr(r.e()));
        } else if (s instanceof If i) {
            boolean c = cond(i.c());
            sig(c ? 1 : 2);
            block(c ? i.then() : i.els());
        } else if (s instanceof Ast.ArrDecl a) {
            int n = (int) expr(a.len()).i();
            Val[] elems = new Val[n];
            for (int k = 0; k < n; k++) {
                elems[k] = constant(0.0);
            }
            env.put(a.name(), new Val(Ty.DARRAY, 0, 0, null, elems));
        } else if (s instanceof Ast.ArrInit a) {
            Val[] elems = new Val[a.elems().size()];
            for (int k = 0; k < elems.length; k++) {
                elems[k] = coerce(Ty.DOUBLE, expr(a.elems().get(k)));
            }
            env.put(a.name(), new Val(Ty.DARRAY, 0, 0, null, elems));
        } else if (s instanceof Ast.ArrCopyDecl c) {
            // A copy holds the same values and derivatives as the source; Arrays.copyOf and
            // copyOfRange pad with constant zeros past the source's end (Java's semantics).
            Val[] src = env.get(c.src()).arr();
            int from = 0;
            int to = src.length;
            if (c.kind() == Ast.CopyKind.COPY_OF) {
                to = (int) expr(c.a()).i();
            } else if (c.kind() == Ast.CopyKind.COPY_OF_RANGE) {
                from = (int) expr(c.a()).i();
                to = (int) expr(c.b()).i();
            }
            if (from < 0 || from > src.length || to < from) {
                throw new IllegalStateException("copy bounds out of range (generator bug): " + from + ".." + to);
            }
            Val[] elems = new Val[to - from];
            for (int k = 0; k < elems.length; k++) {
                elems[k] = from + k < src.length ? src[from + k] : constant(0.0);
            }
            env.put(c.name(), new Val(Ty.DARRAY, 0, 0, null, elems));
        } else if (s instanceof Ast.ArrayCopy c) {
            Val[] src = env.get(c.src()).arr();
            Val[] dst = env.get(c.dst()).arr();
            int sp = (int) expr(c.srcPos()).i();
            int dp = (int) expr(c.dstPos()).i();
            int n = (int) expr(c.len()).i();
            // System.arraycopy on the values themselves: the same bounds checks, and an overlapping
            // copy within one array behaves as if through a temporary array, as Java specifies
            System.arraycopy(src, sp, dst, dp, n);
        } else if (s instanceof Ast.ArrFill f) {
            Val[] dst = env.get(f.dst()).arr();
            int from = f.from() == null ? 0 : (int) expr(f.from()).i();
            int to = f.from() == null ? dst.length : (int) expr(f.to()).i();
            Val v = coerce(Ty.DOUBLE, expr(f.v()));
            java.util.Arrays.fill(dst, from, to, v);
        } else if (s instanceof Ast.ArrStore a) {
            Val[] arr = env.get(a.arr()).arr();
            int k = (int) expr(a.index()).i();
            if (a.op() == '=') {
                Val v = coerce(Ty.DOUBLE, expr(a.e()));
                arr[k] = v;
            } else {
                Val cur = arr[k];
                arr[k] = castTo(Ty.DOUBLE, binary(a.op(), cur, expr(a.e())));
            }
        } else if (s instanceof Ast.For f) {
            env.put(f.var(), coerce(Ty.INT, expr(f.init())));
            while (loopCond(f.cond())) {
                if (iteration(f.label(), f.body())) {
                    break;
                }
                Val cur = env.get(f.var());
                env.put(f.var(), integral(Ty.INT, (int) cur.i() + f.step()));
            }
        } else if (s instanceof Ast.While w) {
            while (loopCond(w.cond())) {
                if (iteration(w.label(), w.body())) {
                    break;
                }
            }
        } else if (s instanceof Ast.DoWhile w) {
            do {
                if (iteration(w.label(), w.body())) {
                    break;
                }
            } while (loopCond(w.cond()));
        } else if (s instanceof Ast.ForEach f) {
            Val[] arr = env.get(f.arr()).arr();
            for (int k = 0; k < arr.length; k++) {
                sig(21);
                env.put(f.var(), arr[k]);
                if (iteration(f.label(), f.body())) {
                    break;
                }
            }
            sig(22);
        } else if (s instanceof Ast.ForEachRow f) {
            Val[] rows = env.get(f.mat()).arr();
            for (int k = 0; k < rows.length; k++) {
                sig(21);
                env.put(f.var(), rows[k]); // the row itself, not a copy
                if (iteration(f.label(), f.body())) {
                    break;
                }
            }
            sig(22);
        } else if (s instanceof Ast.Break b) {
            throw new JumpSignal(b.label(), true);
        } else if (s instanceof Ast.Continue c) {
            throw new JumpSignal(c.label(), false);
        } else {
            throw new IllegalArgumentException("cannot interpret " + s);
        }
    }

    /** The arm whose labels hold the selector's value (evaluated once), or -1 for the default. */
    private int switchArm(Expr sel, List<List<Integer>> labels) {
        Val v = expr(sel);
        if (v.ty() != Ty.INT) {
            throw new IllegalStateException("switch over " + v.ty());
        }
        int arm = -1;
        for (int i = 0; i < labels.size() && arm < 0; i++) {
            if (labels.get(i).contains((int) v.i())) {
                arm = i;
            }
        }
        sig(30 + arm);
        return arm;
    }

    private boolean loopCond(BExpr c) {
        boolean b = cond(c);
        sig(b ? 23 : 24);
        return b;
    }

    /** One loop iteration; true if it ended with a break of this loop. */
    private boolean iteration(String label, List<Stmt> body) {
        try {
            block(body);
            return false;
        } catch (JumpSignal j) {
            if (!j.targets(label)) {
                throw j;
            }
            sig(j.isBreak ? 25 : 26);
            return j.isBreak;
        }
    }

    private static Val bool(boolean b) {
        return new Val(Ty.BOOLEAN, b ? 1 : 0, 0, null);
    }

    // ------------------------------------------------------------------ expressions

    private Val expr(Expr e) {
        if (e instanceof Lit l) {
            return l.ty() == Ty.DOUBLE ? constant(l.value()) : new Val(l.ty(), (long) l.value(), 0, null);
        } else if (e instanceof Var v) {
            Val x = env.get(v.name());
            if (x == null) {
                throw new IllegalStateException("unbound " + v.name());
            }
            return x;
        } else if (e instanceof Const c) {
            return c.ty() == Ty.DOUBLE ? constant(c.value()) : new Val(c.ty(), (long) c.value(), 0, null);
        } else if (e instanceof Paren p) {
            return expr(p.e());
        } else if (e instanceof Neg n) {
            Val v = expr(n.e());
            if (v.ty() == Ty.DOUBLE) {
                return dbl(-v.d(), v.ds().negate());
            }
            return integral(v.ty(), v.ty() == Ty.INT ? -(int) v.i() : -v.i());
        } else if (e instanceof Bin b) {
            return binary(b.op(), expr(b.l()), expr(b.r()));
        } else if (e instanceof Cast c) {
            return castTo(c.to(), expr(c.e()));
        } else if (e instanceof Cond c) {
            boolean b = cond(c.c());
            sig(b ? 3 : 4);
            Ty t = c.ty();
            Val v = expr(b ? c.a() : c.b());
            return widen(t, v);
        } else if (e instanceof Call c) {
            return call(c);
        } else if (e instanceof Ast.Idx x) {
            Val[] arr = env.get(x.arr()).arr();
            return arr[(int) expr(x.index()).i()];
        } else if (e instanceof Ast.Len l) {
            return integral(Ty.INT, env.get(l.arr()).arr().length);
        } else if (e instanceof Ast.Invoke c) {
            return invoke(c);
        } else if (e instanceof Ast.Row w) {
            Val[] rows = env.get(w.mat()).arr();
            return rows[(int) expr(w.index()).i()]; // the row itself: an alias, never a copy
        } else if (e instanceof Ast.Idx2 x) {
            Val[] rows = env.get(x.mat()).arr();
            Val row = rows[(int) expr(x.i()).i()];
            return row.arr()[(int) expr(x.k()).i()];
        } else if (e instanceof Ast.RowLen w) {
            Val[] rows = env.get(w.mat()).arr();
            return integral(Ty.INT, rows[(int) expr(w.index()).i()].arr().length);
        } else if (e instanceof Ast.NewArrOf a) {
            Val[] elems = new Val[a.elems().size()];
            for (int k = 0; k < elems.length; k++) {
                elems[k] = coerce(Ty.DOUBLE, expr(a.elems().get(k)));
            }
            return new Val(Ty.DARRAY, 0, 0, null, elems);
        } else if (e instanceof Ast.NewArr a) {
            int n = (int) expr(a.len()).i();
            Val[] elems = new Val[n];
            for (int k = 0; k < n; k++) {
                elems[k] = constant(0.0);
            }
            return new Val(Ty.DARRAY, 0, 0, null, elems);
        } else if (e instanceof Ast.AssignExpr a) {
            // the right-hand side first, then the store; the value is the variable's new value
            Val v = coerce(a.varTy(), expr(a.e()));
            env.put(a.name(), v);
            return v;
        } else if (e instanceof Ast.IncDecExpr c) {
            Val cur = env.get(c.name());
            Val next = castTo(c.varTy(), binary(c.inc() ? '+' : '-', cur, new Val(Ty.INT, 1, 0, null)));
            env.put(c.name(), next);
            return c.prefix() ? next : cur;
        } else if (e instanceof Ast.SwitchExpr w) {
            int arm = switchArm(w.sel(), w.labels());
            return widen(w.ty(), expr(arm >= 0 ? w.arms().get(arm) : w.dflt()));
        }
        throw new IllegalArgumentException("cannot interpret " + e);
    }

    /** Widening to a promoted type (int to long, integral to double). */
    private Val widen(Ty t, Val v) {
        if (t == v.ty()) {
            return v;
        }
        if (t == Ty.DOUBLE) {
            return toDouble(v);
        }
        if (t == Ty.LONG && v.ty() == Ty.INT) {
            return new Val(Ty.LONG, v.i(), 0, null);
        }
        throw new IllegalStateException("cannot widen " + v.ty() + " to " + t);
    }

    /** Casting conversion (int)/(double), also used for the implicit cast of compound assignment. */
    private Val castTo(Ty t, Val v) {
        if (t == v.ty()) {
            return v;
        }
        switch (t) {
            case DOUBLE:
                return toDouble(v);
            case LONG:
                return integral(Ty.LONG, v.ty() == Ty.DOUBLE ? (long) v.d() : v.i());
            case INT:
                return integral(Ty.INT, v.ty() == Ty.DOUBLE ? (int) v.d() : (int) v.i());
            default:
                throw new IllegalStateException();
        }
    }

    private Val binary(char op, Val a, Val b) {
        Ty t = Ast.promote(a.ty(), b.ty());
        if (t == Ty.DOUBLE) {
            Val x = toDouble(a);
            Val y = toDouble(b);
            switch (op) {
                case '+':
                    return dbl(x.d() + y.d(), x.ds().add(y.ds()));
                case '-':
                    return dbl(x.d() - y.d(), x.ds().subtract(y.ds()));
                case '*':
                    return dbl(x.d() * y.d(), x.ds().multiply(y.ds()));
                case '/':
                    return dbl(x.d() / y.d(), x.ds().divide(y.ds()));
                case '%': {
                    // Java's remainder truncates: a % b = a - trunc(a / b) * b
                    double r = x.d() % y.d();
                    double q = Math.rint((x.d() - r) / y.d());
                    sig(Double.doubleToLongBits(q));
                    return dbl(r, x.ds().subtract(y.ds().multiply(q)));
                }
                default:
                    throw new IllegalArgumentException("op " + op);
            }
        }
        if (t == Ty.INT) {
            int x = (int) a.i();
            int y = (int) b.i();
            switch (op) {
                case '+':
                    return integral(t, x + y);
                case '-':
                    return integral(t, x - y);
                case '*':
                    return integral(t, x * y);
                case '/':
                    return integral(t, x / y);
                case '%':
                    return integral(t, x % y);
                default:
                    throw new IllegalArgumentException("op " + op);
            }
        }
        long x = a.i();
        long y = b.i();
        switch (op) {
            case '+':
                return integral(t, x + y);
            case '-':
                return integral(t, x - y);
            case '*':
                return integral(t, x * y);
            case '/':
                return integral(t, x / y);
            case '%':
                return integral(t, x % y);
            default:
                throw new IllegalArgumentException("op " + op);
        }
    }

    private boolean cond(BExpr c) {
        if (c instanceof Cmp k) {
            Val a = expr(k.l());
            Val b = expr(k.r());
            Ty t = Ast.promote(a.ty(), b.ty());
            int cmp; // -1, 0, 1, or 2 for unordered (NaN)
            if (t == Ty.DOUBLE) {
                double x = a.asDouble();
                double y = b.asDouble();
                cmp = x < y ? -1 : x > y ? 1 : x == y ? 0 : 2;
            } else {
                cmp = Long.compare(a.i(), b.i());
            }
            switch (k.op()) {
                case "<":
                    return cmp == -1;
                case "<=":
                    return cmp == -1 || cmp == 0;
                case ">":
                    return cmp == 1;
                case ">=":
                    return cmp == 1 || cmp == 0;
                case "==":
                    return cmp == 0;
                case "!=":
                    return cmp != 0;
                default:
                    throw new IllegalArgumentException(k.op());
            }
        } else if (c instanceof And a) {
            return cond(a.l()) && cond(a.r());
        } else if (c instanceof Or o) {
            return cond(o.l()) || cond(o.r());
        } else if (c instanceof Not n) {
            return !cond(n.e());
        } else if (c instanceof Ast.BVar v) {
            return env.get(v.name()).i() != 0;
        }
        throw new IllegalArgumentException(String.valueOf(c));
    }

    // ------------------------------------------------------------------ calls

    /** Java's {@code softplus} in the generated class, bit for bit. */
    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    /** The source of softplus and its {@code @DerivativeOf} rule, for the generated class. */
    static final String SOFTPLUS_SOURCE = String.join("\n",
            "static double softplus(double z) {",
            "    return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));",
            "}",
            "",
            "@DerivativeOf(\"softplus\")",
            "static double softplusPullback(double z, double seed) {",
            "    double s = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));",
            "    return seed * s;",
            "}");

    private Val invoke(Ast.Invoke c) {
        List<Val> args = new java.util.ArrayList<>();
        for (Expr a : c.args()) {
            args.add(expr(a));
        }
        if (c.rule()) {
            if (!c.name().equals("softplus")) {
                throw new IllegalArgumentException("unknown rule target " + c.name());
            }
            Val z = toDouble(args.get(0));
            double sigmoid = 1 / (1 + Math.exp(-z.d())); // the true derivative of softplus
            return dbl(softplus(z.d()), z.ds().multiply(sigmoid));
        }
        Method callee = program == null ? null : program.libMethod(c.name());
        if (callee == null) {
            throw new IllegalStateException("unknown callee " + c.name());
        }
        Map<String, Val> saved = env;
        env = new HashMap<>();
        if (!callee.wrt().isEmpty()) {
            throw new IllegalStateException("callees are generated without wrt");
        }
        List<Param> ps = callee.params();
        for (int k = 0; k < ps.size(); k++) {
            Param p = ps.get(k);
            if (p.ty() == Ty.DVARARGS) {
                if (k != ps.size() - 1) {
                    throw new IllegalStateException("varargs parameter not last");
                }
                if (args.size() == ps.size() && args.get(k).ty() == Ty.DARRAY) {
                    env.put(p.name(), args.get(k)); // an array passed as the varargs array itself
                } else {
                    // separate numbers: packed into a fresh array, as Java does
                    Val[] elems = new Val[args.size() - k];
                    for (int e = 0; e < elems.length; e++) {
                        elems[e] = coerce(Ty.DOUBLE, args.get(k + e));
                    }
                    env.put(p.name(), new Val(Ty.DARRAY, 0, 0, null, elems));
                }
                break;
            }
            Val v = args.get(k);
            // arrays are passed by reference: a procedure's writes land in the caller's array
            env.put(p.name(), p.ty() == Ty.DARRAY || p.ty() == Ty.IARRAY || p.ty() == Ty.DMATRIX || p.ty() == Ty.BOOLEAN
                    ? v : coerce(p.ty(), v));
        }
        try {
            block(callee.body());
            if (callee.returnType().equals("void")) {
                return null;
            }
            throw new IllegalStateException("callee completed without return");
        } catch (ReturnSignal r) {
            if (callee.returnType().equals("double[]")) {
                return r.value;
            }
            return toDouble(r.value);
        } finally {
            env = saved;
        }
    }

    // ------------------------------------------------------------------ library

    private Val call(Call c) {
        boolean s = c.strict();
        List<Expr> args = c.args();
        switch (c.fn()) {
            case ABS: {
                Val v = expr(args.get(0));
                if (v.ty() == Ty.INT) {
                    return integral(Ty.INT, Math.abs((int) v.i()));
                } else if (v.ty() == Ty.LONG) {
                    return integral(Ty.LONG, Math.abs(v.i()));
                }
                double d = s ? StrictMath.abs(v.d()) : Math.abs(v.d());
                if (v.d() > 0) {
                    sig(5);
                    return dbl(d, v.ds());
                } else if (v.d() < 0) {
                    sig(6);
                    return dbl(d, v.ds().negate());
                }
                sig(7);
                return constant(d); // abs'(0) = 0 (also at -0.0)
            }
            case MAX:
            case MIN: {
                Val a = expr(args.get(0));
                Val b = expr(args.get(1));
                Ty t = Ast.promote(a.ty(), b.ty());
                boolean max = c.fn() == Ast.Fn.MAX;
                if (t != Ty.DOUBLE) {
                    long r = max ? Math.max(a.i(), b.i()) : Math.min(a.i(), b.i());
                    return integral(t, r);
                }
                Val x = toDouble(a);
                Val y = toDouble(b);
                double d = max ? (s ? StrictMath.max(x.d(), y.d()) : Math.max(x.d(), y.d()))
                        : (s ? StrictMath.min(x.d(), y.d()) : Math.min(x.d(), y.d()));
                if (Double.isNaN(x.d()) || Double.isNaN(y.d())) {
                    markUnfit("NaN in max/min");
                    return constant(d);
                }
                if (x.d() == y.d()) {
                    sig(8);
                    // tie: each argument gets half
                    return dbl(d, x.ds().add(y.ds()).multiply(0.5));
                }
                boolean first = max ? x.d() > y.d() : x.d() < y.d();
                sig(first ? 9 : 10);
                return dbl(d, first ? x.ds() : y.ds());
            }
            case ROUND: {
                Val v = expr(args.get(0));
                if (v.ty() != Ty.DOUBLE) {
                    throw new IllegalStateException("round of non-double picks another overload");
                }
                return integral(Ty.LONG, s ? StrictMath.round(v.d()) : Math.round(v.d()));
            }
            case FLOOR:
            case CEIL:
            case RINT:
            case SIGNUM: {
                Val v = expr(args.get(0));
                if (c.fn() == Ast.Fn.SIGNUM && v.ty() != Ty.DOUBLE) {
                    throw new IllegalStateException("signum of non-double picks signum(float)");
                }
                double x = v.asDouble();
                double d;
                switch (c.fn()) {
                    case FLOOR:
                        d = s ? StrictMath.floor(x) : Math.floor(x);
                        break;
                    case CEIL:
                        d = s ? StrictMath.ceil(x) : Math.ceil(x);
                        break;
                    case RINT:
                        d = s ? StrictMath.rint(x) : Math.rint(x);
                        break;
                    default:
                        d = s ? StrictMath.signum(x) : Math.signum(x);
                        break;
                }
                sig(Double.doubleToLongBits(d));
                return constant(d); // derivative 0
            }
            case POW: {
                Val a = toDouble(expr(args.get(0)));
                Val b = toDouble(expr(args.get(1)));
                double d = s ? StrictMath.pow(a.d(), b.d()) : Math.pow(a.d(), b.d());
                DerivativeStructure ds;
                if (staticallyInactive(args.get(1))) {
                    // pow(u, c) with an inactive exponent: exact for any sign of u
                    double p = b.d();
                    ds = (p == Math.rint(p) && Math.abs(p) < 64) ? a.ds().pow((int) p) : a.ds().pow(p);
                } else {
                    // An exponent that may be active (it reads a double variable) needs log(base):
                    // only a positive base is in scope (even if the exponent's derivative is 0 here).
                    if (!(a.d() > 0)) {
                        markUnfit("pow with non-positive base and a possibly active exponent");
                    }
                    ds = isConstant(a.ds()) ? DerivativeStructure.pow(a.d(), b.ds()) : a.ds().pow(b.ds());
                }
                return dbl(d, ds);
            }
            case ATAN2: {
                Val a = toDouble(expr(args.get(0)));
                Val b = toDouble(expr(args.get(1)));
                if (a.d() == 0 && b.d() == 0) {
                    markUnfit("atan2(0, 0)");
                }
                if (b.d() < 0) {
                    // the branch cut on the negative x axis: atan2 jumps from pi to -pi there
                    sig(Double.doubleToRawLongBits(a.d()) < 0 ? 12 : 13);
                }
                double d = s ? StrictMath.atan2(a.d(), b.d()) : Math.atan2(a.d(), b.d());
                return dbl(d, atan2(a.ds(), b.ds(), d));
            }
            case HYPOT: {
                Val a = toDouble(expr(args.get(0)));
                Val b = toDouble(expr(args.get(1)));
                double d = s ? StrictMath.hypot(a.d(), b.d()) : Math.hypot(a.d(), b.d());
                if (a.d() == 0 && b.d() == 0) {
                    sig(11);
                    return constant(d); // convention (README): derivative 0 at the origin, like abs
                }
                if (factory.getCompiler().getOrder() >= 2) {
                    // Hipparchus's hypot returns |a| when b is negligible beside a (b = 0 exactly, say): right to
                    // first order, but it drops the second derivative 1/|a| with respect to b.
                    return dbl(d, a.ds().multiply(a.ds()).add(b.ds().multiply(b.ds())).sqrt());
                }
                return dbl(d, DerivativeStructure.hypot(a.ds(), b.ds()));
            }
            case FMA: {
                Val a = expr(args.get(0));
                Val b = expr(args.get(1));
                Val z = expr(args.get(2));
                if (a.ty() != Ty.DOUBLE || b.ty() != Ty.DOUBLE || z.ty() != Ty.DOUBLE) {
                    throw new IllegalStateException("fma with non-double picks fma(float...)");
                }
                double d = s ? StrictMath.fma(a.d(), b.d(), z.d()) : Math.fma(a.d(), b.d(), z.d());
                return dbl(d, a.ds().multiply(b.ds()).add(z.ds()));
            }
            default:
                break;
        }
        Val v = toDouble(expr(args.get(0)));
        double x = v.d();
        DerivativeStructure u = v.ds();
        switch (c.fn()) {
            case SIN:
                return dbl(s ? StrictMath.sin(x) : Math.sin(x), u.sin());
            case COS:
                return dbl(s ? StrictMath.cos(x) : Math.cos(x), u.cos());
            case TAN:
                return dbl(s ? StrictMath.tan(x) : Math.tan(x), u.tan());
            case ASIN:
                return dbl(s ? StrictMath.asin(x) : Math.asin(x), u.asin());
            case ACOS:
                return dbl(s ? StrictMath.acos(x) : Math.acos(x), u.acos());
            case ATAN:
                return dbl(s ? StrictMath.atan(x) : Math.atan(x), u.atan());
            case SINH:
                return dbl(s ? StrictMath.sinh(x) : Math.sinh(x), u.sinh());
            case COSH:
                return dbl(s ? StrictMath.cosh(x) : Math.cosh(x), u.cosh());
            case TANH:
                return dbl(s ? StrictMath.tanh(x) : Math.tanh(x), u.tanh());
            case EXP:
                return dbl(s ? StrictMath.exp(x) : Math.exp(x), u.exp());
            case EXPM1:
                return dbl(s ? StrictMath.expm1(x) : Math.expm1(x), u.expm1());
            case LOG:
                return dbl(s ? StrictMath.log(x) : Math.log(x), u.log());
            case LOG10:
                return dbl(s ? StrictMath.log10(x) : Math.log10(x), u.log10());
            case LOG1P:
                return dbl(s ? StrictMath.log1p(x) : Math.log1p(x), u.log1p());
            case SQRT:
                return dbl(s ? StrictMath.sqrt(x) : Math.sqrt(x), u.sqrt());
            case CBRT:
                return dbl(s ? StrictMath.cbrt(x) : Math.cbrt(x), u.cbrt());
            case TORADIANS:
                return dbl(s ? StrictMath.toRadians(x) : Math.toRadians(x), u.toRadians());
            case TODEGREES:
                return dbl(s ? StrictMath.toDegrees(x) : Math.toDegrees(x), u.toDegrees());
            default:
                throw new IllegalArgumentException(String.valueOf(c.fn()));
        }
    }

    /**
     * True if {@code e} cannot depend on a differentiated parameter whatever the data flow:
     * integral-typed, or built only from literals, constants and integral subexpressions.
     */
    static boolean staticallyInactive(Expr e) {
        if (e.ty() != Ty.DOUBLE) {
            return true;
        }
        if (e instanceof Lit || e instanceof Const) {
            return true;
        } else if (e instanceof Var) {
            return false;
        } else if (e instanceof Paren p) {
            return staticallyInactive(p.e());
        } else if (e instanceof Neg n) {
            return staticallyInactive(n.e());
        } else if (e instanceof Cast c) {
            return staticallyInactive(c.e());
        } else if (e instanceof Bin b) {
            return staticallyInactive(b.l()) && staticallyInactive(b.r());
        } else if (e instanceof Cond c) {
            return staticallyInactive(c.a()) && staticallyInactive(c.b());
        } else if (e instanceof Call c) {
            for (Expr a : c.args()) {
                if (!staticallyInactive(a)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean isConstant(DerivativeStructure ds) {
        double[] all = ds.getAllDerivatives();
        for (int k = 1; k < all.length; k++) {
            if (all[k] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * atan2(y, x) as a derivative structure whose value is {@code value}: atan(y/x) where |x| >= |y|,
     * else -atan(x/y) (each up to a constant, which has no derivative). Hipparchus' own atan2 goes
     * through sqrt(x² + y²), whose derivatives cancel only up to rounding: at x = 0 and y = 0.006,
     * under a chain whose own second derivative is ~3000, it gave ∂²/∂q² = -3.8e-8 where the exact
     * value is 0 (oracle seed 72), a false mismatch. Both forms here divide by the larger argument.
     */
    static DerivativeStructure atan2(DerivativeStructure y, DerivativeStructure x, double value) {
        DerivativeStructure ds = Math.abs(x.getValue()) >= Math.abs(y.getValue())
                ? y.divide(x).atan() : x.divide(y).atan().negate();
        double[] all = ds.getAllDerivatives();
        all[0] = value;
        return ds.getFactory().build(all);
    }
}
