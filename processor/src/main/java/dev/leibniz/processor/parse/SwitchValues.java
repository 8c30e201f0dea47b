package dev.leibniz.processor.parse;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.YieldTree;
import java.util.ArrayList;
import java.util.List;

/** The value expressions of a switch expression's cases (arrow values and final yields), for typing it. */
final class SwitchValues {
    private SwitchValues() {}

    static List<ExpressionTree> of(SwitchExpressionTree e) {
        List<ExpressionTree> values = new ArrayList<>();
        for (CaseTree c : e.getCases()) {
            if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
                Tree b = c.getBody();
                if (b instanceof ExpressionTree ex) {
                    values.add(ex);
                } else if (b instanceof ExpressionStatementTree es) {
                    values.add(es.getExpression());
                } else if (b instanceof BlockTree block) {
                    addYield(block.getStatements(), values);
                }
            } else {
                addYield(c.getStatements(), values);
            }
        }
        return values;
    }

    private static void addYield(List<? extends StatementTree> body, List<ExpressionTree> into) {
        if (!body.isEmpty() && body.get(body.size() - 1) instanceof YieldTree y) {
            into.add(y.getValue());
        }
    }
}
