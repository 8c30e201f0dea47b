package dev.leibniz.processor.parse;

import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import java.util.ArrayList;
import java.util.List;

/** The parts of a loop statement, for scanners that treat loops specially. */
final class Children {
    private Children() {}

    static List<Tree> of(Tree loop) {
        List<Tree> parts = new ArrayList<>();
        if (loop instanceof ForLoopTree f) {
            parts.addAll(f.getInitializer());
            parts.add(f.getCondition());
            parts.addAll(f.getUpdate());
            parts.add(f.getStatement());
        } else if (loop instanceof EnhancedForLoopTree f) {
            parts.add(f.getExpression());
            parts.add(f.getStatement());
        } else if (loop instanceof WhileLoopTree w) {
            parts.add(w.getCondition());
            parts.add(w.getStatement());
        } else if (loop instanceof DoWhileLoopTree d) {
            parts.add(d.getStatement());
            parts.add(d.getCondition());
        }
        parts.removeIf(t -> t == null);
        return parts;
    }
}
