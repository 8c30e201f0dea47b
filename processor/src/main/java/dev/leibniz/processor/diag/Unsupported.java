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
    private final boolean reportedByJavac;

    public Unsupported(Tree tree, String message) {
        this(tree, message, null, false);
    }

    private Unsupported(Tree tree, String message, String unresolved, boolean reportedByJavac) {
        super(message, null, false, false);
        this.tree = tree;
        this.unresolved = unresolved;
        this.reportedByJavac = reportedByJavac;
    }

    /** A name the processor cannot resolve: the user's own error if javac cannot either. */
    public static Unsupported unresolved(Tree tree, String name, String message) {
        return new Unsupported(tree, message, name, false);
    }

    /** An error in the user's code that javac reports itself, so Leibniz adds none. */
    public static Unsupported reportedByJavac(Tree tree, String message) {
        return new Unsupported(tree, message, null, true);
    }

    public boolean isReportedByJavac() {
        return reportedByJavac;
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
