package dev.leibniz.processor.transform;

import java.util.List;

/** Generated Java statements, as transforms produce them and the emitter prints them. */
public sealed interface Code permits Code.Line, Code.Branch, Code.Loop, Code.Comment {

    /**
     * One statement (without its semicolon), with an optional trailing comment.
     *
     * @param act what it does to values that vary, for the adjoint's own tangent ({@link AdjointTangent}); null
     *     when it touches none, or was not told
     */
    record Line(String code, String comment, Act act) implements Code {
        public Line(String code, String comment) {
            this(code, comment, null);
        }
    }

    /**
     * {@code if (condition) { then } else { otherwise }}; either side may be empty.
     *
     * @param ones the adjoints the condition requires to be exactly 1 (the fused loop's copy for the usual seed, which
     *     writes them as the literal 1): the second sweep ({@link AdjointTangent}) also requires their tangents 0
     */
    record Branch(String condition, List<Code> then, List<Code> otherwise, String comment, List<String> ones)
            implements Code {
        public Branch(String condition, List<Code> then, List<Code> otherwise, String comment) {
            this(condition, then, otherwise, comment, List.of());
        }

        /** The same branch around other sides. */
        public Branch with(List<Code> then, List<Code> otherwise) {
            return new Branch(condition, then, otherwise, comment, ones);
        }
    }

    /**
     * {@code label: header { body }}, or {@code do { body } while (doWhile);} when doWhile is set.
     *
     * @param header {@code for (...)} or {@code while (...)}; ignored for a do-while
     */
    record Loop(String label, String header, List<Code> body, String doWhile, String comment) implements Code {}

    /** A comment on a line of its own. */
    record Comment(String text) implements Code {}

    /**
     * A place in the sweep where only its tangent ({@link AdjointTangent}) writes something: an empty line whose act
     * says what. The sweep itself drops it.
     */
    static Line marker(Act act) {
        return new Line("", null, act);
    }

    /** The code without its markers. */
    static List<Code> withoutMarkers(List<Code> code) {
        List<Code> out = new java.util.ArrayList<>();
        for (Code c : code) {
            if (c instanceof Line l && l.code().isEmpty()) {
                continue;
            } else if (c instanceof Branch b) {
                out.add(b.with(withoutMarkers(b.then()), withoutMarkers(b.otherwise())));
            } else if (c instanceof Loop l) {
                out.add(new Loop(l.label(), l.header(), withoutMarkers(l.body()), l.doWhile(), l.comment()));
            } else {
                out.add(c);
            }
        }
        return out;
    }
}
