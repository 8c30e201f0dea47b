package dev.leibniz.processor.gallery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Programs from src/test/gallery-pending: library calls that write into arrays. Each file is
 * compiled on its own, so that one the processor rejects does not hide the others.
 */
class GalleryPendingTest {

    @TestFactory
    Stream<DynamicTest> everyPendingProgram() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, List<GalleryCase>> file : GalleryCatalogue.pending().entrySet()) {
            for (GalleryCase c : file.getValue()) {
                tests.add(DynamicTest.dynamicTest(c.toString(), () -> {
                    GalleryCompiler.Result r = compile(file.getKey());
                    assertTrue(r.success(), c + ": the processor rejected the program:\n" + r.diagnostics());
                    // Test-compile runs with -Xlint:all -Werror, so a warning is as bad as an error.
                    assertTrue(r.warnings().isEmpty(), c + ": warnings under -Xlint:all:\n" + r.diagnostics());
                    GalleryChecks.run(c, r.loader());
                }));
            }
        }
        return tests.stream();
    }

    /** Sorting reorders values by comparison: there is no derivative to follow, so it must be an error. */
    @Test
    void sortIsACompileError() throws Exception {
        GalleryCompiler.Result r = compile("ArraySorts");
        assertFalse(r.success(), "Arrays.sort of a differentiated array was accepted:\n"
                + r.generated().getOrDefault(GalleryChecks.PACKAGE + "ArraySortsGrad", ""));
        assertTrue(r.errors().stream().anyMatch(e -> e.contains("ArraySorts.java:18")),
                "the error is not on the Arrays.sort line:\n" + r.diagnostics());
    }

    /** Shapes issue 9 adds: refused with an error on the user's code, never a wrong gradient or a broken companion. */
    @TestFactory
    Stream<DynamicTest> wantedShapesAreRefusedCleanly() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : GalleryCatalogue.wanted().keySet()) {
            tests.add(DynamicTest.dynamicTest(file, () -> {
                GalleryCompiler.Result r = compile(file);
                assertFalse(r.success(), file + " compiles now: move it to pending() and check its gradient");
                assertTrue(r.errors().stream().allMatch(e -> e.contains(file + ".java:")),
                        file + ": an error outside the user's file:\n" + r.diagnostics());
            }));
        }
        return tests.stream();
    }

    private static GalleryCompiler.Result compile(String simpleName) throws Exception {
        return GalleryCompiler.compile(Map.of(GalleryChecks.PACKAGE + simpleName,
                GalleryCompiler.pendingSource(simpleName)));
    }
}
