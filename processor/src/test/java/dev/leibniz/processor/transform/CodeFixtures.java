package dev.leibniz.processor.transform;

import java.util.ArrayList;
import java.util.List;

/** Small pieces of generated code for the tests of the passes over it, and their text in one line. */
final class CodeFixtures {
    private CodeFixtures() {}

    /** GMM's qtimesx: out = L x with L lower triangular, the off-diagonal part added into out in place. */
    static final String LOWER = """
                @Differentiable static void lower(int d, double[] q, double[] l, double[] x, double[] out) {
                    for (int i = 0; i < d; i++) {
                        out[i] = q[i] * x[i];
                    }
                    int idx = 0;
                    for (int i = 0; i < d; i++) {
                        for (int j = i + 1; j < d; j++) {
                            out[j] = out[j] + l[idx] * x[i];
                            idx++;
                        }
                    }
                }

""";

    static Code.Line line(String code) {
        return new Code.Line(code, null);
    }

    static Code.Loop loop(String header, Code... body) {
        return new Code.Loop(null, header, new ArrayList<>(List.of(body)), null, null);
    }

    /** The code as one line: statements end in "; ", blocks in "} ". */
    static String text(List<Code> code) {
        StringBuilder out = new StringBuilder();
        for (Code c : code) {
            if (c instanceof Code.Line l) {
                out.append(l.code()).append("; ");
            } else if (c instanceof Code.Loop l) {
                out.append(l.header()).append(" { ").append(text(l.body())).append("} ");
            } else if (c instanceof Code.Branch b) {
                out.append("if (").append(b.condition()).append(") { ").append(text(b.then())).append("} else { ")
                        .append(text(b.otherwise())).append("} ");
            }
        }
        return out.toString();
    }
}
