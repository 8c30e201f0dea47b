package dev.leibniz.processor.oracle;

import dev.leibniz.Differentiable;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.annotation.processing.Processor;
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
 * Compiles one source string in-process with the system javac, with an in-memory file manager
 * (class files and processor-generated sources stay in memory) and the processors given
 * explicitly (no service discovery).
 */
final class InMemoryCompiler {

    private InMemoryCompiler() {}

    /** The outcome of one compilation. {@code thrown} is an exception that escaped javac. */
    record Result(
            boolean success,
            List<Diagnostic<? extends JavaFileObject>> diagnostics,
            Map<String, byte[]> classes,
            Map<String, String> generatedSources,
            Throwable thrown) {

        List<Diagnostic<? extends JavaFileObject>> errors() {
            List<Diagnostic<? extends JavaFileObject>> out = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    out.add(d);
                }
            }
            return out;
        }

        /** Warnings (including mandatory warnings) located in a file whose name matches. */
        List<Diagnostic<? extends JavaFileObject>> warningsIn(String fileSuffix) {
            List<Diagnostic<? extends JavaFileObject>> out = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
                if ((d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
                        && fileName(d).endsWith(fileSuffix)) {
                    out.add(d);
                }
            }
            return out;
        }

        /** A javac or processor crash: an escaped exception or javac's own crash diagnostics. */
        String crash() {
            if (thrown != null) {
                StringWriter sw = new StringWriter();
                thrown.printStackTrace(new PrintWriter(sw));
                return sw.toString();
            }
            for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
                String m = d.getMessage(Locale.ROOT);
                if (m != null && (m.contains("threw an uncaught exception") || m.contains("An exception has occurred")
                        || m.contains("failed internally"))) {
                    return format(d);
                }
            }
            return null;
        }

        String diagnosticsText() {
            StringBuilder sb = new StringBuilder();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
                sb.append(format(d)).append('\n');
            }
            return sb.toString();
        }
    }

    static String fileName(Diagnostic<? extends JavaFileObject> d) {
        return d.getSource() == null ? "" : d.getSource().getName();
    }

    static String format(Diagnostic<? extends JavaFileObject> d) {
        String where = d.getSource() == null ? "<no file>" : d.getSource().getName() + ":" + d.getLineNumber();
        return d.getKind() + " " + where + ": " + d.getMessage(Locale.ROOT);
    }

    private static final String CLASSPATH = classpath();

    private static String classpath() {
        List<String> parts = new ArrayList<>();
        try {
            parts.add(Path.of(Differentiable.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        String cp = System.getProperty("java.class.path", "");
        if (!cp.isEmpty()) {
            parts.add(cp);
        }
        return String.join(File.pathSeparator, parts);
    }

    /**
     * Compiles {@code source} (the compilation unit of top-level class {@code binaryName}) with
     * {@code -Xlint:all -Xlint:-processing} (as processor/pom.xml does for tests) and the given
     * processors; an empty list compiles without annotation processing.
     */
    static Result compile(String binaryName, String source, List<Processor> processors) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        StandardJavaFileManager std = javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8);
        MemoryFileManager fm = new MemoryFileManager(std);
        List<String> options = new ArrayList<>(List.of("-classpath", CLASSPATH, "-Xlint:all", "-Xlint:-processing",
                "-implicit:none", "-Xmaxerrs", "10000", "-Xmaxwarns", "10000"));
        if (processors.isEmpty()) {
            options.add("-proc:none");
        }
        JavaFileObject unit = new StringSource(binaryName, source);
        JavaCompiler.CompilationTask task = javac.getTask(null, fm, diags, options, null, List.of(unit));
        task.setProcessors(processors);
        boolean ok = false;
        Throwable thrown = null;
        try {
            ok = task.call();
        } catch (RuntimeException | Error e) {
            thrown = e;
        } finally {
            try {
                fm.close();
            } catch (java.io.IOException e) {
                // in-memory: nothing to release
            }
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        fm.classes.forEach((k, v) -> classes.put(k, v.toByteArray()));
        Map<String, String> gen = new LinkedHashMap<>();
        fm.sources.forEach((k, v) -> gen.put(k, v.content()));
        return new Result(ok && thrown == null, List.copyOf(diags.getDiagnostics()), classes, gen, thrown);
    }

    // ------------------------------------------------------------------ file objects

    private static URI uri(String binaryName, JavaFileObject.Kind kind) {
        return URI.create("mem:///" + binaryName.replace('.', '/') + kind.extension);
    }

    private static final class StringSource extends SimpleJavaFileObject {
        private final String text;

        StringSource(String binaryName, String text) {
            super(uri(binaryName, Kind.SOURCE), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    /** Output of javac (class) or of the processor's Filer (source), readable back by javac. */
    private static final class MemOutput extends SimpleJavaFileObject {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        MemOutput(URI uri, Kind kind) {
            super(uri, kind);
        }

        @Override
        public OutputStream openOutputStream() {
            bytes.reset();
            return bytes;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return content();
        }

        @Override
        public java.io.InputStream openInputStream() {
            return new java.io.ByteArrayInputStream(bytes.toByteArray());
        }

        String content() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }

    private static final class MemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
        final Map<String, MemOutput> classes = new LinkedHashMap<>();
        final Map<String, MemOutput> sources = new LinkedHashMap<>();
        final Map<String, MemOutput> resources = new LinkedHashMap<>();

        MemoryFileManager(StandardJavaFileManager std) {
            super(std);
        }

        @Override
        public boolean hasLocation(Location location) {
            if (location == StandardLocation.CLASS_OUTPUT || location == StandardLocation.SOURCE_OUTPUT) {
                return true;
            }
            return super.hasLocation(location);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(
                Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            MemOutput out = new MemOutput(uri(className, kind), kind);
            if (kind == JavaFileObject.Kind.CLASS) {
                classes.put(className, out);
            } else {
                sources.put(className, out);
            }
            return out;
        }

        @Override
        public FileObject getFileForOutput(Location location, String packageName, String relativeName, FileObject sibling) {
            String name = (packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/") + relativeName;
            MemOutput out = new MemOutput(URI.create("mem:///" + location.getName() + "/" + name), JavaFileObject.Kind.OTHER);
            resources.put(name, out);
            return out;
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

    /** Defines the compiled classes; the parent sees the runtime and the test classpath. */
    static final class MemoryClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        MemoryClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name);
            if (b == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, b, 0, b.length);
        }
    }
}
