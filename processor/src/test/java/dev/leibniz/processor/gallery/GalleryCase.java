package dev.leibniz.processor.gallery;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * One gallery program and the points it is checked at. It names its fixture and method as
 * strings so that the same case runs against companions from test-compile and from the
 * in-memory compilation, whose classes come from different class loaders.
 */
final class GalleryCase {

    /** A hand-written twin of the program over {@link DerivativeStructure}. */
    @FunctionalInterface
    interface Twin {
        DerivativeStructure at(GalleryDs in);
    }

    /** A closed-form gradient over the differentiated inputs, flattened in parameter order. */
    @FunctionalInterface
    interface ClosedForm {
        double[] at(Object[] args);
    }

    final String fixture;
    final String method;
    /** Per parameter: the accessor name if it is differentiated, else null. */
    final String[] differentiated;
    final List<Object[]> points = new ArrayList<>();
    Twin twin;
    /** The twin is exact to first order only (an implicit-function step), so second order is checked otherwise. */
    boolean twinFirstOrderOnly;
    ClosedForm closedForm;
    boolean floats;
    boolean stopped;
    Object[] receiverArgs;

    private GalleryCase(String fixture, String method, String[] params) {
        this.fixture = fixture;
        this.method = method;
        this.differentiated = new String[params.length];
        for (int i = 0; i < params.length; i++) {
            differentiated[i] = params[i].equals("-") ? null : params[i];
        }
    }

    /** {@code params} lists every parameter in order: its name if differentiated, "-" if not. */
    static GalleryCase program(String fixture, String method, String... params) {
        return new GalleryCase(fixture, method, params);
    }

    GalleryCase at(Object... args) {
        if (args.length != differentiated.length) {
            throw new IllegalArgumentException(this + ": " + args.length + " arguments for "
                    + differentiated.length + " parameters");
        }
        points.add(args);
        return this;
    }

    /** The twin gives first derivatives only: see {@link #twinFirstOrderOnly}. */
    GalleryCase firstOrderTwin(Twin t) {
        this.twinFirstOrderOnly = true;
        return twin(t);
    }

    GalleryCase twin(Twin t) {
        this.twin = t;
        return this;
    }

    GalleryCase closedForm(ClosedForm c) {
        this.closedForm = c;
        return this;
    }

    /** The program computes in float: looser central differences, twin checked at float precision. */
    GalleryCase floats() {
        this.floats = true;
        return this;
    }

    /**
     * The program stops a gradient on purpose (Gradients.stop), so central differences of the
     * plain method are no reference; its closed form is.
     */
    GalleryCase stopped() {
        this.stopped = true;
        return this;
    }

    /** An instance method: the receiver is built with the fixture's constructor and these arguments. */
    GalleryCase receiver(Object... ctorArgs) {
        this.receiverArgs = ctorArgs;
        return this;
    }

    @Override
    public String toString() {
        return fixture + "." + method;
    }
}
