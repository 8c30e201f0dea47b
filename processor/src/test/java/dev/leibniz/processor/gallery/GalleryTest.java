package dev.leibniz.processor.gallery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The gallery against the companions the processor wrote at test-compile time. */
class GalleryTest {

    @TestFactory
    Stream<DynamicTest> everyProgram() {
        ClassLoader loader = GalleryTest.class.getClassLoader();
        return GalleryCatalogue.compiled().stream()
                .map(c -> DynamicTest.dynamicTest(c.toString(), () -> GalleryChecks.run(c, loader)));
    }

    /** The size the issue asks for, and the DerivativeStructure twins' share of it. */
    @Test
    void galleryIsLargeAndTwinned() {
        List<GalleryCase> all = GalleryCatalogue.compiled();
        long twins = all.stream().filter(c -> c.twin != null).count();
        assertTrue(all.size() >= 45, "programs: " + all.size());
        assertTrue(twins >= 15, "twins: " + twins);
        for (GalleryCase c : all) {
            assertTrue(c.points.size() >= 2, c + " is checked at " + c.points.size() + " point(s)");
        }
    }
}
