package dev.leibniz.processor.parse;

import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreeScanner;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds the jumps a statement may take out of itself: a return, or a break or continue of a
 * loop that encloses the statement. The statements after such a statement then belong only to
 * the paths that do not jump.
 */
final class Jumps extends TreeScanner<Boolean, Void> {
    private int loops;
    private final Set<String> labels = new HashSet<>();

    private Jumps() {}

    static boolean contains(Tree t) {
        return Boolean.TRUE.equals(new Jumps().scan(t, null));
    }

    @Override
    public Boolean visitReturn(ReturnTree r, Void unused) {
        return true;
    }

    @Override
    public Boolean visitBreak(BreakTree b, Void unused) {
        return escapes(b.getLabel());
    }

    @Override
    public Boolean visitContinue(ContinueTree c, Void unused) {
        return escapes(c.getLabel());
    }

    private boolean escapes(javax.lang.model.element.Name label) {
        return label == null ? loops == 0 : !labels.contains(label.toString());
    }

    @Override
    public Boolean visitLabeledStatement(LabeledStatementTree l, Void unused) {
        labels.add(l.getLabel().toString());
        return super.visitLabeledStatement(l, unused);
    }

    @Override
    public Boolean visitForLoop(ForLoopTree t, Void unused) {
        return inLoop(t);
    }

    @Override
    public Boolean visitEnhancedForLoop(EnhancedForLoopTree t, Void unused) {
        return inLoop(t);
    }

    @Override
    public Boolean visitWhileLoop(WhileLoopTree t, Void unused) {
        return inLoop(t);
    }

    @Override
    public Boolean visitDoWhileLoop(DoWhileLoopTree t, Void unused) {
        return inLoop(t);
    }

    private Boolean inLoop(Tree loop) {
        loops++;
        try {
            Boolean found = null;
            for (Tree child : Children.of(loop)) {
                found = reduce(found, scan(child, null));
            }
            return found;
        } finally {
            loops--;
        }
    }

    @Override
    public Boolean visitLambdaExpression(LambdaExpressionTree l, Void unused) {
        return false;
    }

    @Override
    public Boolean visitClass(ClassTree c, Void unused) {
        return false;
    }

    @Override
    public Boolean reduce(Boolean a, Boolean b) {
        return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
    }
}
