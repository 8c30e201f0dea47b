package dev.leibniz.processor.parse;

import com.sun.source.tree.BreakTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreeScanner;

/** The first {@code break} in a statement that leaves the loop or switch around it, not one nested inside. */
final class BreaksOut extends TreeScanner<Void, Integer> {
    private final boolean labelled;
    private BreakTree found;

    private BreaksOut(boolean labelled) {
        this.labelled = labelled;
    }

    /**
     * @param labelled whether a labelled break counts too (it may target the loop around, or one further out)
     * @return the break, or null
     */
    static BreakTree first(Tree t, boolean labelled) {
        BreaksOut b = new BreaksOut(labelled);
        b.scan(t, 0);
        return b.found;
    }

    @Override
    public Void visitBreak(BreakTree b, Integer depth) {
        if (found == null && (b.getLabel() == null ? depth == 0 : labelled)) {
            found = b;
        }
        return null;
    }

    @Override
    public Void visitForLoop(ForLoopTree t, Integer depth) {
        return super.visitForLoop(t, depth + 1);
    }

    @Override
    public Void visitEnhancedForLoop(EnhancedForLoopTree t, Integer depth) {
        return super.visitEnhancedForLoop(t, depth + 1);
    }

    @Override
    public Void visitWhileLoop(WhileLoopTree t, Integer depth) {
        return super.visitWhileLoop(t, depth + 1);
    }

    @Override
    public Void visitDoWhileLoop(DoWhileLoopTree t, Integer depth) {
        return super.visitDoWhileLoop(t, depth + 1);
    }

    @Override
    public Void visitSwitch(SwitchTree t, Integer depth) {
        return super.visitSwitch(t, depth + 1);
    }
}
