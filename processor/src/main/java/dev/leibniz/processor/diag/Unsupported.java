package dev.leibniz.processor.diag;

import com.sun.source.tree.Tree;

/**
 * A construct the processor cannot differentiate. It carries the exact tree to place the error
 * on and a message that says what to do instead.
 */
public final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Tree tree;
    private final boolean unresolved;

    public Unsupported(Tree tree, String message) {
        this(tree, message, false);
    }

    private Unsupported(Tree tree, String message, boolean unresolved) {
        super(message, null, false, false);
        this.tree = tree;
        this.unresolved = unresolved;
    }

    /**
     * A name that javac cannot resolve either (a typo): javac's own "cannot find symbol" is the
     * error the user should see, so the processor reports nothing for the method.
     */
    public static Unsupported unresolved(Tree tree, String name) {
        return new Unsupported(tree, "'" + name + "' does not resolve", true);
    }

    public boolean isUnresolved() {
        return unresolved;
    }

    /** The tree the error belongs on; null means the method itself. */
    public Tree tree() {
        return tree;
    }
}
