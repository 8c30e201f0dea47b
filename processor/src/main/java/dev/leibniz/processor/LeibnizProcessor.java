package dev.leibniz.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import com.sun.source.util.Trees;
import dev.leibniz.processor.emit.CompanionEmitter;
import dev.leibniz.processor.rules.UserRules;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The Leibniz annotation processor: for every class with {@code @Differentiable} methods it
 * writes a companion class with their exact reverse-mode derivatives. It reads each method body
 * through the Compiler Tree API and never throws: unsupported code becomes an error on the
 * offending expression, and an internal failure an error that asks for a report.
 */
@AutoService(Processor.class)
@SupportedAnnotationTypes({LeibnizProcessor.ANNOTATION, LeibnizProcessor.RULE, LeibnizProcessor.GENERATED})
public final class LeibnizProcessor extends AbstractProcessor {
    static final String ANNOTATION = "dev.leibniz.Differentiable";
    static final String RULE = "dev.leibniz.DerivativeOf";
    /**
     * On every companion. Claimed in the next round, or javac's -Xlint:processing would warn that no
     * processor claimed it (an error under -Werror).
     */
    static final String GENERATED = "javax.annotation.processing.Generated";

    /** Checks, after javac's attribution, that the names Leibniz could not resolve are javac's errors too. */
    private UnresolvedNameCheck unresolvedNames;

    /** Where companions are written through: javac's Filer, or a test's recording wrapper of it. */
    private final UnaryOperator<Filer> filer;

    /** The processor javac discovers through {@code META-INF/services}. */
    public LeibnizProcessor() {
        this(UnaryOperator.identity());
    }

    /** For tests that watch what is written: {@code filer} wraps javac's Filer. */
    LeibnizProcessor(UnaryOperator<Filer> filer) {
        this.filer = filer;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        TypeElement annotation = processingEnv.getElementUtils().getTypeElement(ANNOTATION);
        TypeElement rule = processingEnv.getElementUtils().getTypeElement(RULE);
        if (annotation == null || annotations.isEmpty()) {
            return false;
        }
        if (annotations.stream().allMatch(a -> a.getQualifiedName().contentEquals(GENERATED))) {
            return true; // a round of companions (or other generated code): nothing to differentiate
        }
        UserRules rules = UserRules.check(rule == null ? Set.of() : round.getElementsAnnotatedWith(rule),
                processingEnv.getElementUtils());
        for (UserRules.Problem p : rules.problems()) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, p.message(), p.rule());
        }
        Trees trees;
        try {
            trees = Trees.instance(processingEnv);
        } catch (IllegalArgumentException notJavac) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "Leibniz needs javac's Compiler Tree API to read @Differentiable method bodies; "
                            + "compile with javac (this compiler or build tool wraps it: " + notJavac.getMessage() + ")");
            return false;
        }
        Map<TypeElement, List<ExecutableElement>> byClass = new LinkedHashMap<>();
        for (Element e : round.getElementsAnnotatedWith(annotation)) {
            if (e.getKind() == ElementKind.METHOD) {
                byClass.computeIfAbsent((TypeElement) e.getEnclosingElement(), k -> new ArrayList<>())
                        .add((ExecutableElement) e);
            }
        }
        if (unresolvedNames == null) {
            unresolvedNames = UnresolvedNameCheck.install(processingEnv, trees);
        }
        MethodCompiler compiler = new MethodCompiler(processingEnv, trees, rules, unresolvedNames);
        compiler.compile(byClass).forEach(this::writeCompanion);
        return true; // the annotation is ours: claim it, so -Xlint:processing stays quiet
    }

    private void writeCompanion(TypeElement owner, List<CompanionEmitter.Method> methods) {
        if (methods.isEmpty()) {
            return;
        }
        var elements = processingEnv.getElementUtils();
        javax.lang.model.element.PackageElement pkg = elements.getPackageOf(owner);
        List<javax.lang.model.type.TypeMirror> mentioned = new ArrayList<>();
        for (CompanionEmitter.Method m : methods) {
            m.func().params().forEach(p -> mentioned.add(p.type()));
            if (m.func().receiverType() != null) {
                mentioned.add(m.func().receiverType());
            }
        }
        Set<String> shadowed = JavaLangShadows.of(elements, pkg, mentioned);
        // Absent where the user's module does not read java.compiler: then no annotation.
        boolean markGenerated = elements.getTypeElement(GENERATED) != null;
        JavaFile file = CompanionEmitter.emit(pkg.getQualifiedName().toString(), CompanionNames.of(owner),
                owner, methods, shadowed, markGenerated);
        try {
            // As JavaFile.writeTo(Filer), but buffered: JavaPoet writes in small pieces, and javac's writer encodes
            // each one on its own.
            javax.tools.JavaFileObject source = filer.apply(processingEnv.getFiler()).createSourceFile(
                    file.packageName().isEmpty() ? file.typeSpec().name() : file.packageName() + "." + file.typeSpec().name(),
                    file.typeSpec().originatingElements().toArray(new Element[0]));
            try (java.io.Writer out = new java.io.BufferedWriter(source.openWriter(), 1 << 16)) {
                file.writeTo(out);
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "Leibniz could not write " + CompanionNames.of(owner) + ": " + e.getMessage(), owner);
        }
    }
}
