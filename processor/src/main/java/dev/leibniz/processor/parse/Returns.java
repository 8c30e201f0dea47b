package dev.leibniz.processor.parse;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;

/** Finds return statements of the method itself (not of lambdas or local classes). */
final class Returns {
    private Returns() {}

    static boolean contains(Tree t) {
        Boolean found = new TreeScanner<Boolean, Void>() {
            @Override
            public Boolean visitReturn(ReturnTree r, Void unused) {
                return true;
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
        }.scan(t, null);
        return Boolean.TRUE.equals(found);
    }
}
