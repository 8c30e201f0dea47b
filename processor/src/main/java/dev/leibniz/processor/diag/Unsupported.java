package dev.leibniz.processor.diag;

import com.sun.source.tree.Tree;

/**
 * A construct the processor cannot differentiate. It carries the exact tree to place the error
 * on and a message that says what to do instead.
 */
public final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Tree tree;

    public Unsupported(Tree tree, String message) {
        super(message, null, false, false);
        this.tree = tree;
    }

    /** The tree the error belongs on; null means the method itself. */
    public Tree tree() {
        return tree;
    }
}
