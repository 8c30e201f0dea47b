package dev.leibniz.processor.parse;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import dev.leibniz.processor.ir.Var;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;

/**
 * Finds the floating arrays that black-box code hands to a method that may write into them (as
 * {@code Arrays.sort} does). Methods with a derivative never write their arguments, and a few
 * library methods are known only to read theirs.
 */
final class ArrayArguments {
    /** Methods that only read the arrays they are given (printing, comparing, hashing, searching). */
    private static final Set<String> READ_ONLY = Set.of("toString", "deepToString", "equals", "deepEquals",
            "hashCode", "deepHashCode", "binarySearch", "mismatch", "compare", "println", "print", "printf",
            "format", "valueOf", "requireNonNull");

    private ArrayArguments() {}

    /** Each array variable handed over whole (or a row of a matrix), with the call it goes to. */
    static Map<Var, Tree> writes(MethodParser p, Expressions ex, Tree code) {
        Map<Var, Tree> writes = new LinkedHashMap<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree m, Void unused) {
                String name = Expressions.methodName(m);
                if (!READ_ONLY.contains(name) && !hasDerivative(p, ex, m)) {
                    List<? extends ExpressionTree> args = m.getArguments();
                    for (int i = 0; i < args.size(); i++) {
                        if (!(name.equals("arraycopy") && i == 0)) { // arraycopy reads its first argument
                            add(p, args.get(i), m, writes);
                        }
                    }
                }
                return super.visitMethodInvocation(m, unused);
            }

            @Override
            public Void visitNewClass(NewClassTree n, Void unused) {
                for (ExpressionTree a : n.getArguments()) {
                    add(p, a, n, writes);
                }
                return super.visitNewClass(n, unused);
            }
        }.scan(code, null);
        return writes;
    }

    private static boolean hasDerivative(MethodParser p, Expressions ex, MethodInvocationTree m) {
        ExecutableElement e = Callees.method(p, ex, m);
        // A void @Differentiable method writes into its array arguments: calling one is not differentiated yet.
        return e != null && e.getReturnType().getKind() != javax.lang.model.type.TypeKind.VOID
                && (Callees.isDifferentiable(e) || p.rules().find(e) != null);
    }

    /** {@code a}, or {@code w[i]} for a matrix w: an array the callee receives as such. */
    private static void add(MethodParser p, ExpressionTree arg, Tree call, Map<Var, Tree> into) {
        ExpressionTree t = Expressions.unparen(arg);
        int indices = 0;
        while (t instanceof ArrayAccessTree a) {
            indices++;
            t = Expressions.unparen(a.getExpression());
        }
        if (t instanceof IdentifierTree id) {
            Slot s = p.slot(id.getName().toString());
            Var v = s == null ? null : p.localOrNull(id.getName().toString());
            if (v != null && s.type.isFloatingArray() && indices < s.type.rank()) {
                into.putIfAbsent(v, call);
            }
        }
    }
}
