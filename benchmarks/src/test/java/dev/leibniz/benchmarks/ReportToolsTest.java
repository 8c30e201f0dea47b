package dev.leibniz.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pieces of benchmarks/run.sh that are not JMH: JSON, ratios, the processor-time class. */
class ReportToolsTest {
    @Test
    void readsJmhsJson() {
        String json = """
                [ { "benchmark" : "dev.leibniz.benchmarks.RosenbrockBench.primal", "mode" : "avgt",
                    "params" : { "n" : "10" },
                    "primaryMetric" : { "score" : 2.5, "scoreError" : 0.5, "scoreUnit" : "us/op" },
                    "secondaryMetrics" : { "gc.alloc.rate.norm" : { "score" : 1.0E-4,
                        "scoreError" : "NaN", "scoreUnit" : "B/op" } } },
                  { "benchmark" : "dev.leibniz.benchmarks.RosenbrockBench.handWritten",
                    "params" : { "n" : "10" }, "escaped" : "a\\"b\\u0041",
                    "primaryMetric" : { "score" : 5.0, "scoreError" : 1.0, "scoreUnit" : "us/op" },
                    "secondaryMetrics" : { } } ]
                """;
        @SuppressWarnings("unchecked")
        List<Object> runs = (List<Object>) Json.parse(json);
        assertEquals("a\"bA", ((Map<?, ?>) runs.get(1)).get("escaped"));
        Map<String, Report.Score> s = Report.scores(runs);
        Report.Score primal = s.get("RosenbrockBench.primal|10");
        Report.Score hand = s.get("RosenbrockBench.handWritten|10");
        assertEquals(2.5, primal.value());
        assertEquals(1.0e-4, primal.allocBytes());
        Report.Score r = hand.over(primal);
        assertEquals(2.0, r.value(), 1e-15);
        assertEquals(2.0 * Math.hypot(0.2, 0.2), r.error(), 1e-15);
        assertEquals("2.00 ± 0.566×", Report.ratio(hand, primal));
    }

    /** A few methods of each template go through javac and the processor. */
    @Test
    void processorTimeSourceCompilesWithTheProcessor(@TempDir Path work) throws Exception {
        String source = ProcessorTime.source(9);
        assertEquals(9, source.lines().filter(l -> l.contains("@Differentiable")).count());
        var javac = ToolProvider.getSystemJavaCompiler();
        assertTrue(ProcessorTime.compile(javac, source, false, work) > 0);
        assertTrue(ProcessorTime.compile(javac, source, true, work) > 0);
        try (var files = Files.walk(work)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().equals("ManyGrad.class")));
        }
    }
}
