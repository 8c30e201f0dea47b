package dev.leibniz.processor.parse;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;

/** How often a tree names a variable, for side effects that must not change what else it reads. */
final class Mentions {
    private Mentions() {}

    static int count(Tree t, String name) {
        int[] n = {0};
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitIdentifier(IdentifierTree id, Void unused) {
                n[0] += id.getName().contentEquals(name) ? 1 : 0;
                return null;
            }
        }.scan(t, null);
        return n[0];
    }
}
