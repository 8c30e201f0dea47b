package dev.leibniz.processor.diag;

import com.sun.source.tree.Tree;

/**
 * A construct the processor cannot differentiate. It carries the exact tree to place the error
 * on and a message that says what to do instead.
 */
public final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Tree tree;
    /** A name the processor could not resolve; null when the problem is another. */
    private final String unresolvedName;
    private final boolean reportedByJavac;
    /** A name javac cannot resolve either, as a scan of the whole method found. */
    private final boolean javacUnresolved;

    public Unsupported(Tree tree, String message) {
        this(tree, message, null, false, false);
    }

    private Unsupported(Tree tree, String message, String unresolvedName, boolean reportedByJavac,
            boolean javacUnresolved) {
        super(message, null, false, false);
        this.tree = tree;
        this.unresolvedName = unresolvedName;
        this.reportedByJavac = reportedByJavac;
        this.javacUnresolved = javacUnresolved;
    }

    /** A name the processor cannot resolve: the user's own error if javac cannot either. */
    public static Unsupported unresolved(Tree tree, String name, String message) {
        return new Unsupported(tree, message, name, false, false);
    }

    /**
     * A name that javac cannot resolve either (a typo): javac's own "cannot find symbol" is the
     * error the user should see, so the processor reports nothing for the method.
     */
    public static Unsupported unresolved(Tree tree, String name) {
        return new Unsupported(tree, "'" + name + "' does not resolve", null, false, true);
    }

    /** An error in the user's code that javac reports itself, so Leibniz adds none. */
    public static Unsupported reportedByJavac(Tree tree, String message) {
        return new Unsupported(tree, message, null, true, false);
    }

    public boolean isReportedByJavac() {
        return reportedByJavac;
    }

    /** Whether this is a name javac cannot resolve either. */
    public boolean isUnresolved() {
        return javacUnresolved;
    }

    /** The simple name that could not be resolved, or null when the problem is another. */
    public String unresolvedName() {
        return unresolvedName;
    }

    /** The tree the error belongs on; null means the method itself. */
    public Tree tree() {
        return tree;
    }
}
