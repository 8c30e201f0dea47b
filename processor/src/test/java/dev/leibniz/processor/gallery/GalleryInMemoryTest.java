package dev.leibniz.processor.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The gallery against companions written at test time by the processor of this JVM, from the
 * fixture sources in one in-memory compilation, so that a mutated processor is caught too.
 */
class GalleryInMemoryTest {

    private static GalleryCompiler.Result compiled;

    @BeforeAll
    static void compileGallery() throws Exception {
        compiled = GalleryCompiler.compile(GalleryCompiler.fixtureSources());
    }

    @Test
    void galleryCompilesWithoutWarnings() {
        assertTrue(compiled.success(), compiled.diagnostics());
        assertEquals("", String.join("\n", compiled.warnings()), "warnings under -Xlint:all");
    }

    /** Every fixture the catalogue names was read and compiled here, so none is silently skipped. */
    @Test
    void everyCatalogueFixtureWasCompiledInMemory() throws Exception {
        Map<String, String> sources = GalleryCompiler.fixtureSources();
        Set<String> fixtures = new HashSet<>();
        GalleryCatalogue.compiled().forEach(c -> fixtures.add(GalleryChecks.PACKAGE + c.fixture));
        for (String f : fixtures) {
            assertTrue(sources.containsKey(f), f + " was not among the sources read");
            assertTrue(compiled.generated().containsKey(f + "Grad"), f + "Grad was not generated in memory");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyProgram() {
        assertTrue(compiled.success(), compiled.diagnostics());
        ClassLoader loader = compiled.loader();
        return GalleryCatalogue.compiled().stream()
                .map(c -> DynamicTest.dynamicTest(c.toString(), () -> GalleryChecks.run(c, loader)));
    }
}
