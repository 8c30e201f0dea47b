package dev.leibniz.processor.emit;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.leibniz.processor.LeibnizProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generated companion for a few representative methods, compared character for character
 * with files a reviewer can read in {@code src/test/golden} (kept off the classpath). After an intended change,
 * regenerate them with {@code -Dgolden.update=true} and review the diff.
 */
class GoldenSourceTest {
    private static final Path GOLDEN = Path.of("src/test/golden");

    @Test
    void examplesCompanionMatchesGoldenFile() throws IOException {
        JavaFileObject source = JavaFileObjects.forSourceString("golden.Examples",
                Files.readString(GOLDEN.resolve("Examples.java")));
        Compilation c = javac().withProcessors(new LeibnizProcessor()).withOptions("-Xlint:all", "-Werror").compile(source);
        assertThat(c).succeededWithoutWarnings();
        String generated = c.generatedSourceFile("golden.ExamplesGrad")
                .map(GoldenSourceTest::content)
                .orElseThrow(() -> new AssertionError("no companion generated"));
        Path golden = GOLDEN.resolve("ExamplesGrad.java");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, generated, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), generated,
                "generated code changed; if intended, rerun with -Dgolden.update=true and review the diff");
    }

    private static String content(JavaFileObject f) {
        try {
            return f.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
