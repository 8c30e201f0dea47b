package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;
import dev.leibniz.processor.LeibnizProcessor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles gallery sources at test time, in memory, with a {@code new LeibnizProcessor()} of
 * the running JVM: a mutated processor (PIT) then writes the companions the checks run against,
 * which the companions compiled once at test-compile time never could.
 */
final class GalleryCompiler {

    /** The outcome: classes by binary name, and every diagnostic as text. */
    record Result(boolean success, Map<String, byte[]> classes, List<String> errors, List<String> warnings,
            Map<String, String> generated) {

        ClassLoader loader() {
            return new ChildFirstLoader(classes, GalleryCompiler.class.getClassLoader());
        }

        String diagnostics() {
            List<String> all = new ArrayList<>(errors);
            all.addAll(warnings);
            return String.join("\n", all);
        }
    }

    private GalleryCompiler() {}

    /** The fixture sources of the gallery as test-compile sees them (harness files excluded). */
    static Map<String, String> fixtureSources() throws IOException {
        Path dir = sourceDirectory("src/test/java/dev/leibniz/processor/gallery");
        Map<String, String> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(".java") && !name.startsWith("Gallery")) {
                    out.put(GalleryChecks.PACKAGE + name.substring(0, name.length() - 5), Files.readString(f));
                }
            }
        }
        return out;
    }

    /** A source kept out of test-compile because the processor may reject it. */
    static String pendingSource(String simpleName) throws IOException {
        return Files.readString(sourceDirectory("src/test/gallery-pending").resolve(simpleName + ".java"));
    }

    /** Surefire and PIT run in the module directory; a run from the repository root is allowed too. */
    private static Path sourceDirectory(String relative) {
        for (Path candidate : List.of(Path.of(relative), Path.of("processor").resolve(relative))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("gallery sources not found: " + Path.of(relative).toAbsolutePath());
    }

    static Result compile(Map<String, String> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager std = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        MemoryFileManager files = new MemoryFileManager(std);
        // Only the runtime on the class path: the test-compile companions must not be seen.
        List<String> options = List.of("-classpath", runtimeLocation(), "-Xlint:all", "-Xlint:-processing",
                "-implicit:none", "-Xmaxerrs", "1000");
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new Source(name, text)));
        JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null, units);
        task.setProcessors(List.of(new LeibnizProcessor()));
        boolean ok;
        try {
            ok = task.call();
        } catch (RuntimeException | Error e) {
            throw new AssertionError("javac or the processor crashed on the gallery", e);
        }
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            String where = d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ";
            String text = d.getKind() + " " + where + d.getMessage(Locale.ROOT);
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(text);
            } else if (d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
                warnings.add(text);
            }
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        files.classes.forEach((k, v) -> classes.put(k, v.bytes.toByteArray()));
        Map<String, String> generated = new LinkedHashMap<>();
        files.sources.forEach((k, v) -> generated.put(k, v.bytes.toString(StandardCharsets.UTF_8)));
        return new Result(ok, classes, errors, warnings, generated);
    }

    private static String runtimeLocation() {
        try {
            return Path.of(Differentiable.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(String binaryName, JavaFileObject.Kind kind) {
        return URI.create("mem:///" + binaryName.replace('.', '/') + kind.extension);
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String binaryName, String text) {
            super(uri(binaryName, Kind.SOURCE), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    private static final class Output extends SimpleJavaFileObject {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Output(URI uri, Kind kind) {
            super(uri, kind);
        }

        @Override
        public OutputStream openOutputStream() {
            bytes.reset();
            return bytes;
        }

        @Override
        public InputStream openInputStream() {
            return new ByteArrayInputStream(bytes.toByteArray());
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static final class MemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
        final Map<String, Output> classes = new LinkedHashMap<>();
        final Map<String, Output> sources = new LinkedHashMap<>();

        MemoryFileManager(StandardJavaFileManager std) {
            super(std);
        }

        @Override
        public boolean hasLocation(Location location) {
            return location == StandardLocation.CLASS_OUTPUT || location == StandardLocation.SOURCE_OUTPUT
                    || super.hasLocation(location);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            Output out = new Output(uri(className, kind), kind);
            (kind == JavaFileObject.Kind.CLASS ? classes : sources).put(className, out);
            return out;
        }

        @Override
        public FileObject getFileForOutput(Location location, String packageName, String relativeName,
                FileObject sibling) {
            return new Output(URI.create("mem:///" + location.getName() + "/" + packageName.replace('.', '/')
                    + "/" + relativeName), JavaFileObject.Kind.OTHER);
        }

        @Override
        public boolean isSameFile(FileObject a, FileObject b) {
            if (a instanceof SimpleJavaFileObject || b instanceof SimpleJavaFileObject) {
                return a.toUri().equals(b.toUri());
            }
            return super.isSameFile(a, b);
        }

        @Override
        public String inferBinaryName(Location location, JavaFileObject file) {
            if (file instanceof SimpleJavaFileObject) {
                String path = file.toUri().getPath().substring(1);
                return path.substring(0, path.length() - file.getKind().extension.length()).replace('/', '.');
            }
            return super.inferBinaryName(location, file);
        }
    }

    /**
     * Child first for the compiled classes: the test class path holds test-compile's classes of
     * the same names, which must not win.
     */
    private static final class ChildFirstLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        ChildFirstLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    byte[] b = classes.get(name);
                    c = b == null ? super.loadClass(name, false) : defineClass(name, b, 0, b.length);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
