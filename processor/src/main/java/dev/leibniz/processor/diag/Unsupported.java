package dev.leibniz.processor.diag;

import com.sun.source.tree.Tree;

/**
 * A construct the processor cannot differentiate. It carries the exact tree to place the error
 * on and a message that says what to do instead.
 */
public final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Tree tree;
    private final String unresolved;

    public Unsupported(Tree tree, String message) {
        this(tree, message, null);
    }

    private Unsupported(Tree tree, String message, String unresolved) {
        super(message, null, false, false);
        this.tree = tree;
        this.unresolved = unresolved;
    }

    /** A name the processor cannot resolve: the user's own error if javac cannot either. */
    public static Unsupported unresolved(Tree tree, String name, String message) {
        return new Unsupported(tree, message, name);
    }

    /** The simple name that could not be resolved, or null when the problem is another. */
    public String unresolvedName() {
        return unresolved;
    }

    /** The tree the error belongs on; null means the method itself. */
    public Tree tree() {
        return tree;
    }
}
