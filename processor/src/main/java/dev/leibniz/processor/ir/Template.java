package dev.leibniz.processor.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * Java source text with holes for IR variables. It carries code the derivative treats as a
 * black box: branch conditions and expressions that do not depend on differentiated inputs.
 */
public final class Template {
    private final List<Object> parts;

    public Template(List<Object> parts) {
        this.parts = List.copyOf(parts);
    }

    /** Joins strings, variables and templates into one template. */
    public static Template concat(Object... pieces) {
        List<Object> parts = new ArrayList<>();
        for (Object piece : pieces) {
            if (piece instanceof Template t) {
                parts.addAll(t.parts);
            } else {
                parts.add(piece);
            }
        }
        return new Template(parts);
    }

    /** The pieces in order: strings and variables. */
    public List<Object> parts() {
        return parts;
    }

    public List<Var> vars() {
        List<Var> vars = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof Var v) {
                vars.add(v);
            }
        }
        return vars;
    }

    /**
     * The variables the code may hand on to somewhere else: all but those only indexed
     * ({@code a[i]}) or measured ({@code a.length}).
     */
    public List<Var> escaping() {
        List<Var> escaping = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) {
            if (parts.get(k) instanceof Var v) {
                Object next = k + 1 < parts.size() ? parts.get(k + 1) : "";
                String after = next instanceof String str ? str : "";
                if (!after.startsWith("[") && !after.startsWith(".length")) {
                    escaping.add(v);
                }
            }
        }
        return escaping;
    }

    /**
     * The variables whose values the code depends on: all but floating arrays it only measures
     * ({@code x.length}), since a length carries no derivative.
     */
    public List<Var> valueReads() {
        List<Var> reads = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) {
            if (parts.get(k) instanceof Var v) {
                String after = k + 1 < parts.size() && parts.get(k + 1) instanceof String str ? str : "";
                boolean measured = v.type().isFloatingArray() && after.startsWith(".length")
                        && (after.length() == ".length".length() || !Character.isJavaIdentifierPart(after.charAt(7)));
                if (!measured) {
                    reads.add(v);
                }
            }
        }
        return reads;
    }

    /** The literal source pieces, without the variables between them. */
    public List<String> text() {
        List<String> text = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof String str) {
                text.add(str);
            }
        }
        return text;
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            sb.append(p instanceof Var v ? v.name() : (String) p);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
