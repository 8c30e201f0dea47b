package dev.leibniz.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.leibniz.Differentiable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import javax.annotation.processing.Processor;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The processor jar as published: JavaPoet inside it under our own package, nothing left that
 * names {@code com.palantir}, the service registration intact, and the jar alone (with the
 * runtime) enough to run the processor. Runs after {@code package}, in its own surefire execution
 * (processor/pom.xml), which passes the jar's path.
 */
class ShadedJarCheck {
    private static final String JAR = System.getProperty("leibniz.shadedJar");

    @Test
    void javaPoetIsRelocatedAndTheServiceRegistrationKept() throws IOException {
        assumeTrue(JAR != null, "only in the shaded-jar execution, after package");
        try (JarFile jar = new JarFile(JAR)) {
            List<String> names = Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();
            assertTrue(names.contains("dev/leibniz/processor/shaded/javapoet/JavaFile.class"), names.toString());
            assertEquals(List.of(), names.stream().filter(n -> n.startsWith("com/") || n.endsWith("module-info.class"))
                    .toList());
            List<String> naming = new ArrayList<>();
            for (String n : names) {
                if (n.endsWith(".class") && contains(jar, n, "com/palantir")) {
                    naming.add(n);
                }
            }
            assertEquals(List.of(), naming, "classes that still name com/palantir");
            assertEquals("dev.leibniz.processor.LeibnizProcessor",
                    read(jar, "META-INF/services/javax.annotation.processing.Processor").strip());
            Manifest manifest = jar.getManifest();
            assertEquals("dev.leibniz.processor", manifest.getMainAttributes().getValue("Automatic-Module-Name"));
            assertTrue(names.contains("META-INF/LICENSE"), "no license in the jar");
        }
    }

    /** The POM installed with the jar: it must not bring JavaPoet back onto a user's processor path. */
    @Test
    void theDependencyReducedPomDoesNotNameJavaPoet() throws Exception {
        assumeTrue(JAR != null, "only in the shaded-jar execution, after package");
        Path pom = Path.of(System.getProperty("leibniz.reducedPom"));
        // Shade writes it beside the jar in the same run; an older one is left from an earlier build.
        long lag = Files.getLastModifiedTime(Path.of(JAR)).toMillis() - Files.getLastModifiedTime(pom).toMillis();
        assertTrue(lag < 30_000, "the dependency-reduced POM is older than the jar by " + lag + " ms");
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
                .getDocumentElement();
        List<String> dependencies = new ArrayList<>();
        for (Node n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("dependencies")) {
                NodeList ids = e.getElementsByTagName("dependency");
                for (int i = 0; i < ids.getLength(); i++) {
                    Element d = (Element) ids.item(i);
                    dependencies.add(text(d, "groupId") + ":" + text(d, "artifactId") + ":" + text(d, "scope"));
                }
            }
        }
        assertTrue(dependencies.contains("dev.leibniz:leibniz-runtime:compile"), dependencies.toString());
        assertEquals(List.of(), dependencies.stream().filter(d -> d.contains("javapoet")).toList());
    }

    private static String text(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().strip();
            }
        }
        return "";
    }

    /** Loaded from the jar and the runtime only: a JavaPoet it still needed would be missing. */
    @Test
    void theJarAloneRunsTheProcessor(@TempDir Path dir) throws Exception {
        assumeTrue(JAR != null, "only in the shaded-jar execution, after package");
        URL runtime = Differentiable.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(JAR).toUri().toURL(), runtime},
                ClassLoader.getPlatformClassLoader())) {
            List<Processor> processors = new ArrayList<>();
            ServiceLoader.load(Processor.class, loader).forEach(processors::add);
            assertEquals(1, processors.size(), processors.toString());
            assertEquals(loader, processors.get(0).getClass().getClassLoader());

            Path source = Files.createDirectories(dir.resolve("src/demo")).resolve("F.java");
            Files.writeString(source, """
                    package demo;
                    public class F { @dev.leibniz.Differentiable static double f(double x) { return x * Math.sin(x); } }
                    """);
            Path out = Files.createDirectories(dir.resolve("out"));
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
                JavaCompiler.CompilationTask task = javac.getTask(null, fm, diagnostics,
                        List.of("-d", out.toString(), "-classpath", Path.of(runtime.toURI()).toString(),
                                "-Xlint:all", "-Werror"),
                        null, fm.getJavaFileObjectsFromPaths(List.of(source)));
                task.setProcessors(processors);
                assertTrue(task.call(), diagnostics.getDiagnostics().toString());
            }
            assertTrue(Files.exists(out.resolve("demo/FGrad.class")), "no companion compiled");
        }
    }

    private static boolean contains(JarFile jar, String entry, String text) throws IOException {
        return new String(bytes(jar, entry), StandardCharsets.ISO_8859_1).contains(text);
    }

    private static String read(JarFile jar, String entry) throws IOException {
        return new String(bytes(jar, entry), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(JarFile jar, String entry) throws IOException {
        ZipEntry e = jar.getEntry(entry);
        assertFalse(e == null, "missing " + entry);
        try (InputStream in = jar.getInputStream(e)) {
            return in.readAllBytes();
        }
    }
}
