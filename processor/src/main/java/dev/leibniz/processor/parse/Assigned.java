package dev.leibniz.processor.parse;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreeScanner;
import java.util.LinkedHashSet;
import java.util.Set;

/** The names of the local variables a tree assigns (not array elements). */
final class Assigned extends TreeScanner<Void, Void> {
    private final Set<String> names = new LinkedHashSet<>();

    private Assigned() {}

    static Set<String> names(Tree t) {
        Assigned a = new Assigned();
        a.scan(t, null);
        return a.names;
    }

    @Override
    public Void visitAssignment(AssignmentTree a, Void unused) {
        add(a.getVariable());
        return super.visitAssignment(a, unused);
    }

    @Override
    public Void visitCompoundAssignment(CompoundAssignmentTree c, Void unused) {
        add(c.getVariable());
        return super.visitCompoundAssignment(c, unused);
    }

    @Override
    public Void visitUnary(UnaryTree u, Void unused) {
        switch (u.getKind()) {
            case PREFIX_INCREMENT, POSTFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_DECREMENT -> add(u.getExpression());
            default -> { }
        }
        return super.visitUnary(u, unused);
    }

    private void add(ExpressionTree target) {
        if (Expressions.unparen(target) instanceof IdentifierTree id) {
            names.add(id.getName().toString());
        }
    }
}
