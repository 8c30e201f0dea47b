package dev.leibniz.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.leibniz.processor.ir.Func;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code mJacobian} for a {@code double[]}-valued method, in numerator layout (one row per
 * output, one column per flattened differentiated input): by columns in forward mode when there
 * are no more inputs than outputs, by rows in reverse mode otherwise.
 */
final class JacobianEmitter {
    private static final TypeName ARRAY = ArrayTypeName.of(TypeName.DOUBLE);
    private static final ClassName FLAT = ClassName.get("dev.leibniz", "Flat");
    private static final ClassName WORKSPACE = ClassName.get("dev.leibniz", "Workspace");

    private JacobianEmitter() {}

    static void add(TypeSpec.Builder type, ClassName self, Func f, Func tf, String link, CompanionEmitter.Method m,
            ClassName tangentGradient) {
        ClassName gradient = self.nestedClass(m.gradient());
        String g = m.gradient();
        ClassName work = self.nestedClass(g.substring(0, g.lastIndexOf("Gradient")) + "Jacobian"
                + g.substring(g.lastIndexOf("Gradient") + "Gradient".length()));
        List<ParameterSpec> originals = TangentEmitter.originals(tf, f);
        String args = TangentEmitter.originalArguments(tf, f);
        TangentEmitter.Locals l = new TangentEmitter.Locals(tf);
        String into = l.of("into");
        String rows = l.of("rows");
        String n = l.of("n");
        String jacobian = l.of("jacobian");
        String unit = l.of("unit");
        String seed = l.of("seed");
        String at = l.of("at");
        String i = l.of("i");
        String j = l.of("j");
        String column = l.of("column");
        List<String> tangents = TangentEmitter.tangentParams(f, tf).stream().map(p -> p.var().name()).toList();
        String tangentArgs = String.join(", ", tangents);
        ClassName tangentsGradient = m.tangents() == null ? null
                : self.nestedClass(g.substring(0, g.lastIndexOf("Gradient")) + "TangentsGradient"
                        + g.substring(g.lastIndexOf("Gradient") + "Gradient".length()));
        if (tangentsGradient != null) {
            addTangents(type, m, link, tangentsGradient);
        }
        type.addType(workType(work, f, tf, link, gradient, tangentGradient, tangentsGradient));

        type.addMethod(MethodSpec.methodBuilder(f.name() + "Jacobian")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Jacobian of $L, in a new matrix; see the overload that reuses its buffers.\n", link)
                .addJavadoc("$L", CompanionEmitter.paramDocs(f))
                .addJavadoc("@return the Jacobian, one row per element of the value\n")
                .addParameters(originals)
                .returns(ArrayTypeName.of(ARRAY))
                .addStatement("return $LJacobian($L)", f.name(), join(args, "new " + work.simpleName() + "()"))
                .build());

        MethodSpec.Builder jacobianMethod = MethodSpec.methodBuilder(f.name() + "Jacobian")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Jacobian of $L in numerator layout: {@code J[i][j]} is the derivative of output i with\n"
                        + "respect to the j-th differentiated input, flattened in declaration order (a {@code double[]} as\n"
                        + "its elements, a {@code double[][]} row by row). With no more inputs than outputs it runs\n"
                        + (m.tangents() != null ? "one forward-mode sweep for all columns, computing the value once\n"
                                : "one forward-mode sweep per column ({@code " + tf.name() + "})")
                        + ", otherwise one pullback per row. Once {@code $L}\n"
                        + "has been used with inputs of the same shapes, this allocates nothing.\n", link, into)
                .addJavadoc("$L", CompanionEmitter.paramDocs(f))
                .addJavadoc("@param $L keeps the work buffers and the result between calls\n", into)
                .addJavadoc("@return the Jacobian, one row per element of the value, owned by {@code $L} and overwritten by its\n"
                        + "next use\n", into)
                .addParameters(originals)
                .addParameter(work, into)
                .returns(ArrayTypeName.of(ARRAY))
                .addStatement("int $L = $L", n, TangentEmitter.size(f, tf));
        boolean counted = m.tangents() != null && sharesRecord(m);
        if (counted) {
            // both modes compute the value anyway and check its length: the last call's count saves a primal
            jacobianMethod.addStatement("int $L = $L.inputs == $L && $L > 0 ? $L.rows : $LValue($L).length", rows, into, n, n,
                    into, f.name(), join(args, into + ".reverse"));
        } else {
            jacobianMethod.addStatement("int $L = $LValue($L).length", rows, f.name(), join(args, into + ".reverse"));
        }
        List<String> handedOut = new ArrayList<>();
        for (dev.leibniz.processor.ir.Param p : f.params()) {
            if (p.var().type() == dev.leibniz.processor.ir.Type.DOUBLE_ARRAY
                    || p.var().type() == dev.leibniz.processor.ir.Type.DOUBLE_MATRIX) {
                handedOut.add(WORKSPACE.canonicalName() + ".shares(" + into + ".jacobian, " + p.var().name() + ")");
            }
        }
        if (!handedOut.isEmpty()) {
            // a row of the last Jacobian passed back in as an argument: a new matrix, not one overwritten while read
            jacobianMethod.beginControlFlow("if ($L)", String.join(" || ", handedOut))
                    .addStatement("$L.jacobian = null", into)
                    .endControlFlow();
        }
        jacobianMethod
                .addStatement("$L.jacobian = $T.matrix($L.jacobian, $L, $L)", into, FLAT, into, rows, n)
                .addStatement("double[][] $L = $L.jacobian", jacobian, into)
                .beginControlFlow("if ($L <= $L)", n, rows);
        if (m.tangents() != null) {
            String columns = l.of("columns");
            String k = l.of("k");
            jacobianMethod.addComment("forward mode: the tangents along all n unit vectors in one sweep, which computes the value once")
                    .addStatement("int $L = 0", at);
            List<dev.leibniz.processor.ir.Param> primals = TangentEmitter.differentiated(f, tf);
            List<dev.leibniz.processor.ir.Param> tangentParams = TangentEmitter.tangentParams(f, tf);
            for (int q = 0; q < tangentParams.size(); q++) {
                String name = tangentParams.get(q).var().name();
                String field = name + "Directions";
                if (tangentParams.get(q).var().type() == dev.leibniz.processor.ir.Type.DOUBLE) {
                    jacobianMethod.addStatement("$L.$L = $T.zeroed($L.$L, $L)", into, field, WORKSPACE, into, field, n)
                            .addStatement("double[] $L = $L.$L", name, into, field)
                            .addStatement("$L[$L++] = 1.0", name, at);
                } else {
                    String primal = primals.get(q).var().name();
                    jacobianMethod.addStatement("$L.$L = $T.zeroed($L.$L, $L * $L.length)", into, field, WORKSPACE, into, field,
                                    n, primal)
                            .addStatement("double[] $L = $L.$L", name, into, field)
                            .beginControlFlow("for (int $L = 0; $L < $L.length; $L++)", k, k, primal, k)
                            .addComment("direction at + k moves element k")
                            .addStatement("$L[($L + $L) * $L.length + $L] = 1.0", name, at, k, primal, k)
                            .endControlFlow()
                            .addStatement("$L += $L.length", at, primal);
                }
            }
            jacobianMethod.addStatement("double[] $L = $LValue($L, $L.tangents)", columns, m.tangents().name(),
                            join(args, n + ", " + tangentArgs), into);
            if (counted) {
                jacobianMethod.beginControlFlow("if ($L.length != $L * $L)", columns, n, rows)
                        .addComment("the value's length is not the last call's: count it again")
                        .addStatement("$L.inputs = -1", into)
                        .addStatement("return $LJacobian($L)", f.name(), join(args, into))
                        .endControlFlow();
            }
            jacobianMethod.beginControlFlow("for (int $L = 0; $L < $L; $L++)", j, j, n, j)
                    .beginControlFlow("for (int $L = 0; $L < $L; $L++)", i, i, rows, i)
                    .addStatement("$L[$L][$L] = $L[$L * $L + $L]", jacobian, i, j, columns, j, rows, i)
                    .endControlFlow()
                    .endControlFlow();
        } else {
            jacobianMethod.addComment("forward mode: column j is the tangent along the j-th unit vector")
                    .addStatement("$L.unit = $T.zeroed($L.unit, $L)", into, WORKSPACE, into, n)
                    .addStatement("double[] $L = $L.unit", unit, into)
                    .beginControlFlow("for (int $L = 0; $L < $L; $L++)", j, j, n, j)
                    .addStatement("$L[$L] = 1.0", unit, j)
                    .addStatement("int $L = 0", at)
                    .addCode(TangentEmitter.spread(f, tf, unit, at, into))
                    .addStatement("double[] $L = $LValue($L, $L.forward)", column, tf.name(), join(args, tangentArgs), into)
                    .beginControlFlow("for (int $L = 0; $L < $L; $L++)", i, i, rows, i)
                    .addStatement("$L[$L][$L] = $L[$L]", jacobian, i, j, column, i)
                    .endControlFlow()
                    .addStatement("$L[$L] = 0.0", unit, j)
                    .endControlFlow();
        }
        jacobianMethod.nextControlFlow("else")
                .addComment("reverse mode: row i is the pullback of the i-th unit vector")
                .addStatement("$L.seed = $T.zeroed($L.seed, $L)", into, WORKSPACE, into, rows)
                .addStatement("double[] $L = $L.seed", seed, into);
        boolean shared = sharesRecord(m);
        if (shared) { // one forward sweep for every row: recorded once, its reverse replayed per row
            String workspace = into + ".reverse." + dev.leibniz.processor.CompanionNames.workspaceField(
                    f.params().stream().map(p -> p.name()).toList());
            String value = l.of("value");
            jacobianMethod.addStatement("double[] $L = $LRecord($L)", value, f.name(), join(args, "true, " + into + ".reverse"));
            if (counted) {
                jacobianMethod.beginControlFlow("if ($L.length != $L)", value, rows)
                        .addComment("the value's length is not the last call's: drop the record, count it again")
                        .addStatement("$LReplay($L, -1L, $L.reverse$L)", f.name(), join(args, "new double[" + value + ".length]"),
                                into, ", null".repeat(m.pullback().adjoints().size()))
                        .addStatement("$L.inputs = -1", into)
                        .addStatement("return $LJacobian($L)", f.name(), join(args, into))
                        .endControlFlow();
            }
            jacobianMethod.addStatement("$L.mark()", workspace)
                    .beginControlFlow("for (int $L = 0; $L < $L; $L++)", i, i, rows, i)
                    .addStatement("$L[$L] = 1.0", seed, i)
                    .addStatement("$L.rewind()", workspace)
                    .addStatement("$LReplay($L, -1L, $L.reverse$L)", f.name(), join(args, seed), into,
                            ", null".repeat(m.pullback().adjoints().size()));
        } else {
            jacobianMethod.beginControlFlow("for (int $L = 0; $L < $L; $L++)", i, i, rows, i)
                    .addStatement("$L[$L] = 1.0", seed, i)
                    .addStatement("$LPullback($L, $L, $L.reverse)", f.name(), args, seed, into);
        }
        jacobianMethod
                .addStatement("int $L = 0", at)
                .addCode(TangentEmitter.gather(f, tf, into + ".reverse", jacobian + "[" + i + "]", at))
                .addStatement("$L[$L] = 0.0", seed, i)
                .endControlFlow()
                .endControlFlow();
        if (counted) {
            jacobianMethod.addStatement("$L.rows = $L", into, rows).addStatement("$L.inputs = $L", into, n);
        }
        type.addMethod(jacobianMethod
                .addStatement("return $L", jacobian)
                .build());
    }

    /**
     * Whether the Jacobian's rows replay one record of the forward sweep ({@code mRecord}, then
     * per row a rewind of the tape and {@code mReplay}): when the method's sweep splits, and its
     * replay neither pops objects (which a rewind could not bring back) nor replays calls of its
     * own (whose records are on their call sites' tapes, which the rewind does not reach).
     */
    static boolean sharesRecord(CompanionEmitter.Method m) {
        dev.leibniz.processor.transform.SplitSweeps split = m.pullback().split();
        if (split == null || !m.pullback().workspace()) {
            return false;
        }
        String text = CodeRenderer.render(split.replay()).toString();
        return !text.contains("popObject") && !text.contains("Replay(") && !text.contains("Record(");
    }

    /**
     * The tangent program along several directions ({@link dev.leibniz.processor.transform.VectorTangent}): its
     * result type, its sweep and its value method, which only the Jacobian calls.
     */
    private static void addTangents(TypeSpec.Builder type, CompanionEmitter.Method m, String link, ClassName gradient) {
        Func vf = m.tangents();
        String tangentsLink = "the directional derivatives of " + link + " along several directions at once";
        type.addType(CompanionEmitter.gradientType(gradient, vf, tangentsLink, m.tangentsPullback().workspace(),
                m.tangentsPullback().sites()));
        CompanionEmitter.Method vm = new CompanionEmitter.Method(vf, m.tangentsPullback(), gradient.simpleName());
        List<ParameterSpec> params = CompanionEmitter.parameters(vf);
        String into = m.tangentsPullback().into();
        String seed = m.tangentsPullback().seed();
        CompanionEmitter.addSweep(type, vf, tangentsLink, params, List.of(ParameterSpec.builder(ARRAY, seed).build()),
                gradient, into, vm, ARRAY);
        type.addMethod(MethodSpec.methodBuilder(vf.name() + "Value")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc("The tangents of $L along {@code directions} directions in one run, which computes the value\n"
                        + "once: direction c's tangent of a parameter of length L is its entries c * L to c * L + L - 1\n"
                        + "(a {@code double} parameter has one entry per direction), and so is direction c's tangent\n"
                        + "of the value in the returned array, owned by {@code $L}.\n", link, into)
                .addJavadoc("$L", CompanionEmitter.paramDocs(vf))
                .addJavadoc("@param $L lends its buffers\n", into)
                .addJavadoc("@return the tangents of the value, direction after direction\n")
                .addParameters(params)
                .addParameter(gradient, into)
                .returns(ARRAY)
                .addStatement("return $LSweep($L, false, -1L, $L$L)", vf.name(),
                        join(CompanionEmitter.arguments(vf), "null"), into, CompanionEmitter.nulls(vm))
                .build());
    }

    /** The buffers a Jacobian keeps between calls: both sweeps' results, the unit vectors, the tangents. */
    private static TypeSpec workType(ClassName work, Func f, Func tf, String link, ClassName gradient,
            ClassName tangentGradient, ClassName tangentsGradient) {
        TypeSpec.Builder t = TypeSpec.classBuilder(work)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The Jacobian of $L and the buffers that compute it, kept between calls.\n", link)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addJavadoc("Empty buffers, filled on first use.\n")
                        .build())
                // documented although private: -Xdoclint:all checks private members too
                .addField(FieldSpec.builder(gradient, "reverse", Modifier.PRIVATE, Modifier.FINAL)
                        .addJavadoc("The pullbacks' result, for a Jacobian built row by row.\n")
                        .initializer("new $T()", gradient).build())
                .addField(FieldSpec.builder(tangentGradient, "forward", Modifier.PRIVATE, Modifier.FINAL)
                        .addJavadoc("The tangents' result, for a Jacobian built column by column.\n")
                        .initializer("new $T()", tangentGradient).build())
                .addField(FieldSpec.builder(ARRAY, "unit", Modifier.PRIVATE)
                        .addJavadoc("The unit direction of the current column.\n").build())
                .addField(FieldSpec.builder(ARRAY, "seed", Modifier.PRIVATE)
                        .addJavadoc("A unit seed of the pullback.\n").build())
                .addField(FieldSpec.builder(ArrayTypeName.of(ARRAY), "jacobian", Modifier.PRIVATE)
                        .addJavadoc("The Jacobian, returned by {@link #jacobian()}.\n").build())
                .addMethod(MethodSpec.methodBuilder("jacobian")
                        .addModifiers(Modifier.PUBLIC)
                        .addJavadoc("The Jacobian the last call computed.\n")
                        .addJavadoc("@return the matrix, owned by this object\n")
                        .returns(ArrayTypeName.of(ARRAY))
                        .addStatement("return jacobian")
                        .build());
        if (tangentsGradient != null) {
            t.addField(FieldSpec.builder(TypeName.INT, "rows", Modifier.PRIVATE)
                    .addJavadoc("The length of the value at the last call, which the next call starts from.\n").build());
            t.addField(FieldSpec.builder(TypeName.INT, "inputs", Modifier.PRIVATE)
                    .addJavadoc("The number of inputs at the last call whose {@link #rows} hold; -1 for none.\n")
                    .initializer("-1").build());
            t.addField(FieldSpec.builder(tangentsGradient, "tangents", Modifier.PRIVATE, Modifier.FINAL)
                    .addJavadoc("The tangents' result, for a Jacobian built all columns at once.\n")
                    .initializer("new $T()", tangentsGradient).build());
            for (dev.leibniz.processor.ir.Param p : TangentEmitter.tangentParams(f, tf)) {
                t.addField(FieldSpec.builder(ARRAY, p.var().name() + "Directions", Modifier.PRIVATE)
                        .addJavadoc("The tangents of {@code $L} along every unit direction, one after another.\n",
                                p.var().name()).build());
            }
        }
        for (dev.leibniz.processor.ir.Param p : TangentEmitter.tangentParams(f, tf)) {
            if (p.var().type().isFloatingArray()) {
                t.addField(FieldSpec.builder(TypeName.get(p.type()), p.var().name(), Modifier.PRIVATE)
                        .addJavadoc("The tangent of {@code $L} along a unit direction.\n", p.var().name()).build());
            }
        }
        return t.build();
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + ", " + b;
    }
}
