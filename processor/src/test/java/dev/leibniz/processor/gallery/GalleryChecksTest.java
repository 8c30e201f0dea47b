package dev.leibniz.processor.gallery;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The gallery's checker fails on every kind of wrong companion, and passes the right one. */
class GalleryChecksTest {

    private static GalleryCase canary() {
        return GalleryCase.program("GalleryCanary", "cube", "x", "w")
                .at(1.5, new double[] {0.5, -2.0}).at(-0.7, new double[] {1.0, 3.0})
                .twin(in -> in.s(0).pow(3).add(in.v(1)[0].multiply(in.v(1)[1])));
    }

    @AfterEach
    void reset() {
        GalleryCanaryGrad.fault = GalleryCanaryGrad.Fault.NONE;
    }

    @Test
    void rightCompanionPasses() {
        assertDoesNotThrow(() -> GalleryChecks.run(canary(), getClass().getClassLoader()));
    }

    @ParameterizedTest
    @EnumSource(value = GalleryCanaryGrad.Fault.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void wrongCompanionFails(GalleryCanaryGrad.Fault fault) {
        GalleryCanaryGrad.fault = fault;
        AssertionError e = assertThrows(AssertionError.class,
                () -> GalleryChecks.run(canary(), getClass().getClassLoader()));
        String expected = switch (fault) {
            case GRADIENT -> "vs central differences";
            case VALUE -> "value() vs the plain method";
            case INTO_STALE -> "into overload";
            case SEED_IGNORED -> "pullback with seed";
            case ARGUMENT_WRITTEN -> "modified its arguments";
            case NONE -> throw new IllegalStateException();
        };
        assertTrue(e.getMessage().contains(expected), "caught for another reason: " + e.getMessage());
    }

    /** A gradient that only the twin can tell apart: off by less than central differences resolve. */
    @Test
    void twinCatchesWhatCentralDifferencesCannot() {
        GalleryCase c = GalleryCase.program("GalleryCanary", "cube", "x", "w")
                .at(1.5, new double[] {0.5, -2.0}).at(-0.7, new double[] {1.0, 3.0})
                .twin(in -> in.s(0).pow(3).add(in.v(1)[0].multiply(in.v(1)[1]))
                        .add(in.s(0).subtract(in.d(0)).multiply(1e-8)));
        AssertionError e = assertThrows(AssertionError.class,
                () -> GalleryChecks.run(c, getClass().getClassLoader()));
        assertTrue(e.getMessage().contains("DerivativeStructure twin"), e.getMessage());
    }
}
