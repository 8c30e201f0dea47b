package dev.leibniz.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.leibniz.processor.CompanionNames;
import dev.leibniz.processor.ir.Func;
import dev.leibniz.processor.ir.Param;
import dev.leibniz.processor.ir.Type;
import dev.leibniz.processor.transform.Code;
import dev.leibniz.processor.transform.ForwardPruning;
import dev.leibniz.processor.transform.ReverseTransform;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes a method's forward-mode and second-order API: {@code mTangent} (the JVP) from its tangent
 * program, and for a scalar method {@code mHvp}, {@code mHessian} and {@code mLaplacian} from the
 * tangent of its gradient sweep ({@link SecondSweepEmitter}, forward over reverse), where it has
 * one; for a {@code double[]}-valued method {@code mJacobian}.
 */
final class TangentEmitter {
    private static final ClassName FLAT = ClassName.get("dev.leibniz", "Flat");
    private static final TypeName ARRAY = ArrayTypeName.of(TypeName.DOUBLE);

    private TangentEmitter() {}

    static void add(TypeSpec.Builder type, ClassName self, String owner, CompanionEmitter.Method m) {
        Func f = m.func();
        Func tf = m.tangent();
        String link = "{@link " + owner + "#" + f.signature() + "}";
        // The tangent program's value is f's directional derivative (it is run, never differentiated again).
        String tangentLink = "the directional derivative of " + link + " (its tangent program)";
        ClassName gradient = self.nestedClass(CompanionNames.tangentGradient(m.gradient()));
        CompanionEmitter.Method t = new CompanionEmitter.Method(tf, m.tangentPullback(), gradient.simpleName());
        type.addType(CompanionEmitter.gradientType(gradient, tf, tangentLink, m.tangentPullback().workspace(),
                m.tangentPullback().sites()));
        List<ParameterSpec> params = CompanionEmitter.parameters(tf);
        String args = CompanionEmitter.arguments(tf);
        String into = m.tangentPullback().into();
        String seed = m.tangentPullback().seed();
        TypeName returns = tf.returnsArray() ? ARRAY : tf.isProcedure() ? TypeName.VOID : TypeName.DOUBLE;
        if (addTangentValue(type, tf, tangentLink, gradient, params, into, t, returns)) {
            // its body is mTangentValue's own
        } else if (tf.returnsArray()) {
            CompanionEmitter.addVectorPullback(type, tf, tangentLink, gradient, params, args, seed, into, t);
        } else if (tf.isProcedure()) {
            CompanionEmitter.addProcedurePullback(type, tf, tangentLink, gradient, params, args, into, t);
        } else {
            CompanionEmitter.addScalarPullback(type, tf, tangentLink, gradient, params, args, seed, into, t);
        }
        addTangent(type, f, tf, link, gradient, params, args, returns);
        if (!tf.returnsArray() && !tf.isProcedure() && SecondSweepEmitter.of(m) != null) {
            addSecondOrder(type, f, tf, link, self.nestedClass(m.gradient()), m);
        } else if (tf.returnsArray()) {
            JacobianEmitter.add(type, self, f, tf, link, m, gradient);
        }
    }

    /**
     * {@code mTangentValue}, holding the tangent program's sweep as it runs without a gradient (it has none to take):
     * the sweep's flags, seeds and adjoints that the body still reads are locals with the values it runs with. False
     * where the sweep has no branch for the value alone (then the sweep is a method of its own, as a gradient's is).
     */
    private static boolean addTangentValue(TypeSpec.Builder type, Func tf, String link, ClassName gradient,
            List<ParameterSpec> params, String into, CompanionEmitter.Method t, TypeName returns) {
        ReverseTransform.Result r = t.pullback();
        List<Code> body = ReverseTransform.valueAlone(r);
        if (body == null) {
            return false;
        }
        List<Code> guard = r.guard();
        List<Code> all = new ArrayList<>(guard);
        all.addAll(body);
        java.util.Set<String> read = ForwardPruning.mentioned(all);
        java.util.function.Predicate<String> reads = n -> read.contains(n) || read.contains("#" + n);
        CodeBlock.Builder locals = CodeBlock.builder();
        if (reads.test(r.gradient())) {
            locals.addStatement("boolean $L = false", r.gradient());
        }
        if (reads.test(r.wanted())) {
            locals.addStatement("long $L = -1L", r.wanted());
        }
        for (String seed : tf.isProcedure() ? r.outputSeeds() : List.of(r.seed())) {
            if (reads.test(seed)) {
                locals.addStatement(tf.isProcedure() || tf.returnsArray() ? "double[] $L = null" : "double $L = 0.0", seed);
            }
        }
        for (ReverseTransform.Adjoint a : r.adjoints()) {
            if (reads.test(a.name())) {
                locals.addStatement("$T $L = null", CompanionEmitter.arrayType(a.type()), a.name());
            }
        }
        MethodSpec.Builder b = MethodSpec.methodBuilder(tf.name() + "Value")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc(tf.isProcedure()
                        ? "Runs $L with the buffers of {@code $L}: the written arrays hold what it writes, and their\n"
                                + "tangents the tangents of what it writes. Callers' tangent programs use this; allocates\n"
                                + "nothing once {@code $L} is warm.\n"
                        : "Computes $L with the buffers of {@code $L}" + (tf.returnsArray() ? " (which owns the returned\n"
                                + "array)" : "") + ". Callers' tangent programs use this; allocates nothing once {@code $L} is\n"
                                + "warm.\n", link, into, into)
                .addJavadoc("$L", CompanionEmitter.paramDocs(tf))
                .addJavadoc("@param $L lends its buffers, and receives the value\n", into)
                .addParameters(params)
                .addParameter(gradient, into)
                .returns(returns);
        if (!returns.equals(TypeName.VOID)) {
            b.addJavadoc("@return the directional derivative\n");
        }
        type.addMethod(b.addCode(locals.build())
                .addCode(CodeRenderer.render(guard))
                .addCode(CodeRenderer.render(body))
                .build());
        return true;
    }

    private static void addTangent(TypeSpec.Builder type, Func f, Func tf, String link, ClassName gradient,
            List<ParameterSpec> params, String args, TypeName returns) {
        MethodSpec.Builder b = MethodSpec.methodBuilder(tf.name())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc(tf.isProcedure()
                        ? "Forward mode (JVP) of $L: runs it, and writes into the tangent of each array it writes the\n"
                                + "directional derivative of what it writes, along the tangents of its inputs ({@code $LValue}\n"
                        + "with a kept result allocates nothing once warm).\n"
                        : "Forward mode (JVP) of $L: the directional derivative of its value along the tangents, one per\n"
                                + "differentiated parameter. One forward sweep; allocates its buffers anew on each call (\n"
                                + "{@code $LValue} with a kept result allocates nothing once warm).\n", link, tf.name())
                .addJavadoc("$L", CompanionEmitter.paramDocs(tf))
                .addParameters(params)
                .returns(returns);
        String call = tf.name() + "Value(" + CompanionEmitter.join(args, "new " + gradient.simpleName() + "()") + ")";
        if (returns.equals(TypeName.VOID)) {
            b.addStatement(call);
        } else {
            b.addJavadoc("@return the directional derivative of the value\n").addStatement("return " + call);
        }
        type.addMethod(b.build());
    }

    // ---- second order ---------------------------------------------------------------------------

    /**
     * mHvp, mHessian and mLaplacian, from the second sweep.
     *
     * @param kept the gradient's result type, of which the second sweep takes two (the gradient, its tangent)
     */
    private static void addSecondOrder(TypeSpec.Builder type, Func f, Func tf, String link, ClassName kept,
            CompanionEmitter.Method m) {
        List<ParameterSpec> originals = originals(tf, f);
        String originalArgs = originalArguments(tf, f);
        Locals l = new Locals(tf);
        String v = l.of("v");
        String hv = l.of("hv");
        String n = l.of("n");
        String work = l.of("work");
        String unit = l.of("unit");
        String j = l.of("j");
        String dWork = l.of("dWork");
        type.addMethod(hvpInto(f, tf, kept, originals, l, link, m.pullback().adjoints().size()));
        String works = work + ", " + dWork;
        String how = "the tangent of its gradient sweep\n(forward over reverse)";
        CodeBlock size = size(f, tf);

        type.addMethod(MethodSpec.methodBuilder(f.name() + "Hvp")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Hessian-vector product H·v of $L, without forming H: one sweep of $L, about the cost of a\n"
                        + "few gradients.\n", link, how)
                .addJavadoc("{@code $L} and the result are flattened like {@code $LHessian}: the differentiated parameters in\n"
                        + "declaration order, a {@code double[]} as its elements, a {@code double[][]} row by row.\n", v, f.name())
                .addJavadoc("$L", CompanionEmitter.paramDocs(f))
                .addJavadoc("@param $L the direction, flattened\n", v)
                .addJavadoc("@return H·v, flattened\n")
                .addParameters(originals)
                .addParameter(ARRAY, v)
                .returns(ARRAY)
                .addStatement("int $L = $L", n, size)
                .addStatement("$T.checkLength($L, $L, $S)", FLAT, v, n, v)
                .addStatement("double[] $L = new double[$L]", hv, n)
                .addStatement("$LHvpInto($L, $L, $L, new $T(), new $T())", f.name(), originalArgs, v, hv, kept, kept)
                .addStatement("return $L", hv)
                .build());

        String hessian = l.of("hessian");
        type.addMethod(MethodSpec.methodBuilder(f.name() + "Hessian")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Hessian of $L over the differentiated parameters, flattened in declaration order (a\n"
                        + "{@code double[]} as its elements, a {@code double[][]} row by row). Exact: row j is H·e_j, one\n"
                        + "sweep of $L along the j-th unit vector (H is symmetric, so row j is also\n"
                        + "column j), and an n-input Hessian costs n sweeps.\n", link, how)
                .addJavadoc("$L", CompanionEmitter.paramDocs(f))
                .addJavadoc("@return the n × n Hessian\n")
                .addParameters(originals)
                .returns(ArrayTypeName.of(ARRAY))
                .addStatement("int $L = $L", n, size)
                .addStatement("double[][] $L = new double[$L][$L]", hessian, n, n)
                .addStatement("double[] $L = new double[$L]", unit, n)
                .addStatement("$T $L = new $T()", kept, work, kept)
                .addStatement("$T $L = new $T()", kept, dWork, kept)
                .beginControlFlow("for (int $L = 0; $L < $L; $L++)", j, j, n, j)
                .addStatement("$L[$L] = 1.0", unit, j)
                .addStatement("$LHvpInto($L, $L, $L[$L], $L)", f.name(), originalArgs, unit, hessian, j, works)
                .addStatement("$L[$L] = 0.0", unit, j)
                .endControlFlow()
                .addStatement("return $L", hessian)
                .build());

        String column = l.of("column");
        String trace = l.of("trace");
        type.addMethod(MethodSpec.methodBuilder(f.name() + "Laplacian")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Laplacian of $L: the trace of its Hessian over the differentiated parameters, from n\n"
                        + "Hessian-vector products.\n", link)
                .addJavadoc("$L", CompanionEmitter.paramDocs(f))
                .addJavadoc("@return the sum of the second derivatives with respect to each flattened input\n")
                .addParameters(originals)
                .returns(TypeName.DOUBLE)
                .addStatement("int $L = $L", n, size)
                .addStatement("double[] $L = new double[$L]", unit, n)
                .addStatement("double[] $L = new double[$L]", column, n)
                .addStatement("$T $L = new $T()", kept, work, kept)
                .addStatement("$T $L = new $T()", kept, dWork, kept)
                .addStatement("double $L = 0.0", trace)
                .beginControlFlow("for (int $L = 0; $L < $L; $L++)", j, j, n, j)
                .addStatement("$L[$L] = 1.0", unit, j)
                .addStatement("$LHvpInto($L, $L, $L, $L)", f.name(), originalArgs, unit, column, works)
                .addStatement("$L += $L[$L]", trace, column, j)
                .addStatement("$L[$L] = 0.0", unit, j)
                .endControlFlow()
                .addStatement("return $L", trace)
                .build());
    }

    /** H·v into hv: v spread over the tangents, the second sweep with the seed 1, the gradient's tangent gathered. */
    private static MethodSpec hvpInto(Func f, Func tf, ClassName gradient, List<ParameterSpec> originals, Locals l,
            String link, int adjoints) {
        String at = l.of("at");
        CodeBlock.Builder code = CodeBlock.builder().addStatement("int $L = 0", at);
        code.add(spread(f, tf, l.of("v"), at));
        // the seed 1, constant: the tangents of the gradient are H·v
        code.addStatement("$L($L, 1.0, 0.0, $L, $L$L)", SecondSweepEmitter.name(f), CompanionEmitter.arguments(tf),
                l.of("work"), l.of("dWork"), ", null, null".repeat(adjoints));
        code.addStatement("$L = 0", at);
        code.add(gather(f, tf, l.of("dWork"), l.of("hv"), at));
        return MethodSpec.methodBuilder(f.name() + "HvpInto")
                // private, but documented all the same: -Xdoclint:all checks private members too
                .addJavadoc("H·v of $L into {@code $L}: the work shared by the Hessian-vector product, the Hessian and\n"
                        + "the Laplacian.\n", link, l.of("hv"))
                .addJavadoc("$L", CompanionEmitter.paramDocs(f))
                .addJavadoc("@param $L the direction, flattened\n", l.of("v"))
                .addJavadoc("@param $L receives H·v, flattened\n", l.of("hv"))
                .addJavadoc("@param $L the gradient sweep's result, reused\n", l.of("work"))
                .addJavadoc("@param $L the tangents of the gradient sweep's result, reused\n", l.of("dWork"))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameters(originals)
                .addParameter(ARRAY, l.of("v"))
                .addParameter(ARRAY, l.of("hv"))
                .addParameter(gradient, l.of("work"))
                .addParameter(gradient, l.of("dWork"))
                .addCode(code.build())
                .build();
    }

    /** Names for the locals of generated helpers that no parameter of the method takes. */
    static final class Locals {
        private final java.util.Set<String> taken = new java.util.HashSet<>();

        Locals(Func tf) {
            CompanionEmitter.parameters(tf).forEach(p -> taken.add(p.name()));
        }

        String of(String wanted) {
            String name = wanted;
            while (taken.contains(name)) {
                name += "_";
            }
            return name;
        }
    }

    /** Declares the tangent parameters of tf and fills them from the flattened vector. */
    static CodeBlock spread(Func f, Func tf, String flat, String at) {
        return spread(f, tf, flat, at, null);
    }

    /**
     * Declares the tangent parameters of tf and fills them from the flattened vector; with {@code kept}, the
     * arrays are fields of that object, reused while their shapes fit, so a warm call allocates nothing.
     */
    static CodeBlock spread(Func f, Func tf, String flat, String at, String kept) {
        CodeBlock.Builder code = CodeBlock.builder();
        int k = 0;
        for (Param t : tangentParams(f, tf)) {
            Param p = differentiated(f, tf).get(k++);
            String name = t.var().name();
            Type type = t.var().type();
            TypeName javaType = TypeName.get(t.type()); // float, float[] for a float parameter (the flat vector is double)
            if (type.isFloatingArray() && kept != null) {
                code.addStatement("$L.$L = $T.sized($L.$L, $L$L)", kept, name, ClassName.get("dev.leibniz", "Workspace"), kept,
                        name, p.var().name(), type == Type.DOUBLE_MATRIX ? "" : ".length");
                code.addStatement("$T $L = $L.$L", javaType, name, kept, name);
                code.addStatement("$L = $T.read($L, $L, $L)", at, FLAT, flat, at, name);
            } else if (type == Type.DOUBLE_MATRIX) {
                code.addStatement("double[][] $L = $T.zerosLike($L)", name, FLAT, p.var().name());
                code.addStatement("$L = $T.read($L, $L, $L)", at, FLAT, flat, at, name);
            } else if (type.isFloatingArray()) {
                code.addStatement("$T $L = new $T[$L.length]", javaType, name, ((ArrayTypeName) javaType).componentType(),
                        p.var().name());
                code.addStatement("$L = $T.read($L, $L, $L)", at, FLAT, flat, at, name);
            } else if (type == Type.FLOAT) {
                code.addStatement("float $L = (float) $L[$L++]", name, flat, at);
            } else {
                code.addStatement("double $L = $L[$L++]", name, flat, at);
            }
        }
        return code.build();
    }

    /** Writes the gradient in {@code result} of every original differentiated parameter into a flattened vector. */
    static CodeBlock gather(Func f, Func tf, String result, String flat, String at) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (Param p : differentiated(f, tf)) {
            if (p.var().type().isFloatingArray()) {
                code.addStatement("$L = $T.write($L.$L(), $L, $L)", at, FLAT, result, p.name(), flat, at);
            } else {
                code.addStatement("$L[$L++] = $L.$L()", flat, at, result, p.name());
            }
        }
        return code.build();
    }

    /** The flattened length of the differentiated parameters, as a Java expression. */
    static CodeBlock size(Func f, Func tf) {
        List<CodeBlock> terms = new ArrayList<>();
        int scalars = 0;
        for (Param p : differentiated(f, tf)) {
            Type type = p.var().type();
            if (type == Type.DOUBLE_MATRIX) {
                terms.add(CodeBlock.of("$T.size($L)", FLAT, p.var().name()));
            } else if (type.isFloatingArray()) {
                terms.add(CodeBlock.of("$L.length", p.var().name()));
            } else {
                scalars++;
            }
        }
        if (scalars > 0 || terms.isEmpty()) {
            terms.add(0, CodeBlock.of("$L", scalars));
        }
        return CodeBlock.join(terms, " + ");
    }

    /** The original parameters as tf declares them (the first ones), differentiated or not. */
    static List<ParameterSpec> originals(Func tf, Func f) {
        List<ParameterSpec> all = CompanionEmitter.parameters(tf);
        return all.subList(0, all.size() - tangentParams(f, tf).size());
    }

    static String originalArguments(Func tf, Func f) {
        return String.join(", ", originals(tf, f).stream().map(ParameterSpec::name).toList());
    }

    /** The differentiated parameters among tf's originals, in order. */
    static List<Param> differentiated(Func f, Func tf) {
        List<Param> out = new ArrayList<>();
        for (int i = 0; i < f.params().size(); i++) {
            if (f.params().get(i).differentiated()) {
                out.add(tf.params().get(i));
            }
        }
        return out;
    }

    /** tf's tangent parameters: those after the originals. */
    static List<Param> tangentParams(Func f, Func tf) {
        return tf.params().subList(f.params().size(), tf.params().size());
    }
}
