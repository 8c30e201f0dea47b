package dev.leibniz.processor.testing;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import dev.leibniz.Differentiable;
import dev.leibniz.processor.LeibnizProcessor;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Compiles sources with the processor under {@code -Xlint:all -Werror}, and runs what came out:
 * the user's classes and their companions, loaded from memory.
 */
public final class Compiled {
    private final Compilation compilation;
    private final ClassLoader loader;

    private Compiled(Compilation compilation, ClassLoader parent) {
        this.compilation = compilation;
        Map<String, byte[]> classes = new HashMap<>();
        for (JavaFileObject f : compilation.generatedFiles()) {
            if (f.getKind() == JavaFileObject.Kind.CLASS) {
                classes.put(binaryName(f), bytes(f));
            }
        }
        this.loader = new ClassLoader(parent) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] b = classes.get(name);
                if (b == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, b, 0, b.length);
            }
        };
    }

    /** Compiles, asserting no error and no warning at all, with the given classpath in front. */
    public static Compiled strictly(List<File> classpath, JavaFileObject... sources) {
        var compiler = javac().withProcessors(new LeibnizProcessor())
                .withOptions("-Xlint:all", "-Xlint:-processing", "-Werror");
        if (!classpath.isEmpty()) { // else javac's default: this test's own classpath
            List<File> cp = new ArrayList<>(classpath);
            cp.add(runtimeClasses());
            compiler = compiler.withClasspath(cp);
        }
        Compilation c = compiler.compile(sources);
        assertThat(c).succeededWithoutWarnings();
        List<URL> urls = new ArrayList<>();
        for (File f : classpath) {
            try {
                urls.add(f.toURI().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
        }
        return new Compiled(c, new URLClassLoader(urls.toArray(URL[]::new), Compiled.class.getClassLoader()));
    }

    /** {@link #strictly(List, JavaFileObject...)} with nothing in front of the classpath. */
    public static Compiled strictly(JavaFileObject... sources) {
        return strictly(List.of(), sources);
    }

    public Compilation compilation() {
        return compilation;
    }

    /** The generated source of a class, e.g. {@code p.CGrad}. */
    public String source(String className) {
        try {
            return compilation.generatedSourceFile(className).orElseThrow().getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Calls a public static method of a compiled class, found by name and argument count. */
    public Object call(String className, String method, Object... args) {
        try {
            for (Method m : loader.loadClass(className).getMethods()) {
                if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                    return m.invoke(null, args);
                }
            }
            throw new AssertionError("no method " + className + "." + method + " with " + args.length + " arguments");
        } catch (ClassNotFoundException | IllegalAccessException e) {
            throw new AssertionError(e);
        } catch (InvocationTargetException e) {
            throw new AssertionError(method + " threw", e.getCause());
        }
    }

    /** A new object of a compiled class, through its public no-argument constructor. */
    public Object instance(String className) {
        try {
            return loader.loadClass(className).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Calls a no-argument accessor on a result object. */
    public static double get(Object result, String accessor) {
        try {
            return (Double) result.getClass().getMethod(accessor).invoke(result);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Calls an array accessor on a result object. */
    public static double[] array(Object result, String accessor) {
        try {
            return (double[]) result.getClass().getMethod(accessor).invoke(result);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Writes the class files below {@code dir}, as a library on a later classpath. */
    public void writeClasses(Path dir) {
        for (JavaFileObject f : compilation.generatedFiles()) {
            if (f.getKind() != JavaFileObject.Kind.CLASS) {
                continue;
            }
            Path out = dir.resolve(binaryName(f).replace('.', '/') + ".class");
            try {
                Files.createDirectories(out.getParent());
                Files.write(out, bytes(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String binaryName(JavaFileObject f) {
        String path = f.toUri().getPath(); // /CLASS_OUTPUT/p/CGrad$FGradient.class
        String relative = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length());
        return relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
    }

    private static byte[] bytes(JavaFileObject f) {
        try (InputStream in = f.openInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where dev.leibniz.Differentiable was loaded from: the runtime's classes or jar. */
    private static File runtimeClasses() {
        try {
            return new File(Differentiable.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
