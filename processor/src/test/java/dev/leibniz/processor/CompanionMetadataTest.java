package dev.leibniz.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What build tools and linters read off a companion rather than what it computes: the
 * {@code @Generated} marker, the originating element handed to the Filer, and Javadoc that
 * passes {@code -Xdoclint:all}.
 */
class CompanionMetadataTest {

    /**
     * Every shape of companion the emitter writes: plain scalar, arrays (workspace, partial
     * pullback), a matrix, a float, a call site, overloads, a double[]-valued method, a procedure,
     * an instance method, and a nested class. Documented, so that -Werror sees only the companions.
     */
    private static final String SHAPES = """
            package doc;

            import dev.leibniz.Differentiable;

            /** Fixtures whose companions must be doclint-clean. */
            public class Shapes {
                /** Not instantiated. */
                private Shapes() {}

                /**
                 * A scalar function.
                 *
                 * @param x the input
                 * @param n a constant
                 * @return the value
                 */
                @Differentiable
                public static double scalar(double x, int n) {
                    return Math.sin(x) * n;
                }

                /**
                 * Overloaded with {@link #scalar(double, int)}.
                 *
                 * @param x the input
                 * @return the value
                 */
                @Differentiable
                public static double scalar(double x) {
                    return x * x;
                }

                /**
                 * Arrays, a matrix, a float and a call.
                 *
                 * @param w a matrix
                 * @param v a vector
                 * @param f a float
                 * @return the value
                 */
                @Differentiable
                public static double arrays(double[][] w, double[] v, float f) {
                    double s = 0;
                    for (int i = 0; i < v.length; i++) {
                        s += w[i][0] * v[i];
                    }
                    return scalar(s) * f;
                }

                /**
                 * A double[]-valued method.
                 *
                 * @param z the input
                 * @return a new array
                 */
                @Differentiable
                public static double[] squares(double[] z) {
                    double[] out = new double[z.length];
                    for (int i = 0; i < z.length; i++) {
                        out[i] = z[i] * z[i];
                    }
                    return out;
                }

                /**
                 * A procedure.
                 *
                 * @param x the input
                 * @param out the output
                 */
                @Differentiable
                public static void scale(double[] x, double[] out) {
                    for (int i = 0; i < x.length; i++) {
                        out[i] = 2 * x[i];
                    }
                }

                /** A nested class. */
                public static class Inner {
                    /** The weight. */
                    final double k = 3;

                    /** Made by tests. */
                    public Inner() {}

                    /**
                     * An instance method.
                     *
                     * @param x the input
                     * @return the value
                     */
                    @Differentiable
                    public double times(double x) {
                        return k * x;
                    }
                }
            }
            """;

    @Test
    void companionsPassDoclintAllAsErrors() {
        Compilation c = javac().withProcessors(new LeibnizProcessor())
                .withOptions("-Xdoclint:all", "-Xlint:all", "-Werror")
                .compile(JavaFileObjects.forSourceString("doc.Shapes", SHAPES));
        assertThat(c).succeededWithoutWarnings();
        assertTrue(c.generatedSourceFile("doc.ShapesGrad").isPresent(), "no companion for Shapes");
        assertTrue(c.generatedSourceFile("doc.Shapes_InnerGrad").isPresent(), "no companion for Shapes.Inner");
    }

    /**
     * JDK 25's doclint wants a main description before the block tags; JDK 17's does not check
     * it, so this reads every companion member's comment itself, on any JDK.
     */
    @Test
    void everyCompanionMemberHasAMainDescription() {
        DocCommentReader reader = new DocCommentReader();
        Compilation c = javac().withProcessors(new LeibnizProcessor(), reader)
                .compile(JavaFileObjects.forSourceString("doc.Shapes", SHAPES));
        assertThat(c).succeeded();
        assertEquals(Set.of("doc.ShapesGrad", "doc.Shapes_InnerGrad"), reader.companions);
        assertTrue(reader.members > 40, "too few members read: " + reader.members);
        assertEquals(List.of(), reader.offenders);
    }

    /** Reads the comments of the companions javac parses in the round after they are written. */
    private static final class DocCommentReader extends AbstractProcessor {
        final Set<String> companions = new TreeSet<>();
        final List<String> offenders = new ArrayList<>();
        int members;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            for (Element root : round.getRootElements()) {
                if (root.getSimpleName().toString().endsWith("Grad")) {
                    companions.add(((TypeElement) root).getQualifiedName().toString());
                    read(root);
                }
            }
            return false;
        }

        private void read(Element e) {
            members++;
            String doc = processingEnv.getElementUtils().getDocComment(e);
            if (doc == null || doc.isBlank() || doc.strip().startsWith("@")) {
                offenders.add(e.getEnclosingElement() + "." + e + ": " + doc);
            }
            for (Element inner : e.getEnclosedElements()) {
                read(inner);
            }
        }
    }

    @Test
    void everyCompanionIsMarkedGeneratedByLeibniz() {
        Compilation c = javac().withProcessors(new LeibnizProcessor())
                .compile(JavaFileObjects.forSourceString("doc.Shapes", SHAPES));
        assertThat(c).succeeded();
        for (String name : List.of("doc.ShapesGrad", "doc.Shapes_InnerGrad")) {
            String source = c.generatedSourceFile(name).map(CompanionMetadataTest::content).orElseThrow();
            assertTrue(source.contains("import javax.annotation.processing.Generated;\n"), name + ":\n" + source);
            assertTrue(source.contains("\n@Generated(\"" + LeibnizProcessor.class.getName() + "\")\npublic final class "),
                    name + ":\n" + source);
        }
    }

    /**
     * A named module that does not read java.compiler cannot see
     * {@code javax.annotation.processing.Generated}: its companion must compile without it. The
     * runtime is on the module path as the automatic module {@code dev.leibniz}, as a user has it.
     */
    @Test
    void aModuleThatDoesNotReadJavaCompilerGetsCompanionsWithoutGenerated(@TempDir Path dir) throws Exception {
        Path runtime = runtimeJar(dir.resolve("leibniz-runtime.jar"));
        Map<String, String> sources = Map.of(
                "module-info.java", "module demo { requires dev.leibniz; }\n",
                "demo/F.java", """
                        package demo;
                        public class F { @dev.leibniz.Differentiable public static double f(double x) { return x * x; } }
                        """);
        List<Path> files = new ArrayList<>();
        for (var e : sources.entrySet()) {
            Path f = dir.resolve("src").resolve(e.getKey());
            Files.createDirectories(f.getParent());
            files.add(Files.writeString(f, e.getValue()));
        }
        Path out = Files.createDirectories(dir.resolve("out"));
        Path gen = Files.createDirectories(dir.resolve("gen"));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, fm, diagnostics,
                    List.of("-d", out.toString(), "-s", gen.toString(), "--class-path", empty.toString(),
                            "--module-path", runtime.toString()), null,
                    fm.getJavaFileObjectsFromPaths(files));
            task.setProcessors(List.of(new LeibnizProcessor()));
            boolean ok = task.call();
            assertTrue(ok, diagnostics.getDiagnostics().toString());
        }
        String companion = Files.readString(gen.resolve("demo/FGrad.java"));
        assertFalse(companion.contains("Generated"), companion);
        assertTrue(Files.exists(out.resolve("demo/FGrad.class")), "companion not compiled");
    }

    /** The runtime's classes (a directory or a jar on the test class path) as a jar named dev.leibniz. */
    private static Path runtimeJar(Path jar) throws Exception {
        Path from = Path.of(dev.leibniz.Differentiable.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Automatic-Module-Name", "dev.leibniz");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            if (Files.isDirectory(from)) {
                try (var files = Files.walk(from)) {
                    for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                        String name = from.relativize(f).toString().replace('\\', '/');
                        if (name.endsWith(".class")) {
                            out.putNextEntry(new JarEntry(name));
                            out.write(Files.readAllBytes(f));
                            out.closeEntry();
                        }
                    }
                }
            } else {
                try (JarFile in = new JarFile(from.toFile())) {
                    for (JarEntry e : Collections.list(in.entries())) {
                        if (e.getName().endsWith(".class")) {
                            out.putNextEntry(new JarEntry(e.getName()));
                            out.write(in.getInputStream(e).readAllBytes());
                            out.closeEntry();
                        }
                    }
                }
            }
        }
        return jar;
    }

    @Test
    void theOwnerClassIsTheOriginatingElement() {
        Map<String, List<String>> origins = new TreeMap<>();
        Compilation c = javac().withProcessors(new LeibnizProcessor(f -> new RecordingFiler(f, origins)))
                .compile(JavaFileObjects.forSourceString("doc.Shapes", SHAPES));
        assertThat(c).succeeded();
        assertEquals(Map.of("doc.ShapesGrad", List.of("doc.Shapes"), "doc.Shapes_InnerGrad", List.of("doc.Shapes.Inner")),
                origins);
    }

    /** Each source file created, with the qualified names of its originating type elements. */
    private record RecordingFiler(Filer delegate, Map<String, List<String>> origins) implements Filer {
        @Override
        public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements) throws IOException {
            List<String> names = new ArrayList<>();
            for (Element e : originatingElements) {
                names.add(e instanceof TypeElement t ? t.getQualifiedName().toString() : e.getKind() + " " + e);
            }
            origins.put(name.toString(), names);
            return delegate.createSourceFile(name, originatingElements);
        }

        @Override
        public JavaFileObject createClassFile(CharSequence name, Element... originatingElements) throws IOException {
            throw new AssertionError("Leibniz writes sources only: " + name);
        }

        @Override
        public FileObject createResource(JavaFileManager.Location location, CharSequence moduleAndPkg,
                CharSequence relativeName, Element... originatingElements) throws IOException {
            throw new AssertionError("Leibniz writes sources only: " + relativeName);
        }

        @Override
        public FileObject getResource(JavaFileManager.Location location, CharSequence moduleAndPkg,
                CharSequence relativeName) throws IOException {
            return delegate.getResource(location, moduleAndPkg, relativeName);
        }
    }

    private static String content(JavaFileObject f) {
        try {
            return f.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
