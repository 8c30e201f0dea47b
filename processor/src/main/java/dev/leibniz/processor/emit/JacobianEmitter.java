package dev.leibniz.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.leibniz.processor.ir.Func;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code mJacobian} for a {@code double[]}-valued method, in numerator layout (one row per
 * output, one column per flattened differentiated input): by columns in forward mode when there
 * are no more inputs than outputs, by rows in reverse mode otherwise.
 */
final class JacobianEmitter {
    private static final TypeName ARRAY = ArrayTypeName.of(TypeName.DOUBLE);

    private JacobianEmitter() {}

    static void add(TypeSpec.Builder type, ClassName self, Func f, Func tf, String link, CompanionEmitter.Method m,
            ClassName tangentGradient) {
        ClassName gradient = self.nestedClass(m.gradient());
        List<ParameterSpec> originals = TangentEmitter.originals(tf, f);
        String args = TangentEmitter.originalArguments(tf, f);
        TangentEmitter.Locals l = new TangentEmitter.Locals(tf);
        String reverse = l.of("reverse");
        String forward = l.of("forward");
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
        type.addMethod(MethodSpec.methodBuilder(f.name() + "Jacobian")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Jacobian of $L in numerator layout: {@code J[i][j]} is the derivative of output i with\n"
                        + "respect to the j-th differentiated input, flattened in declaration order (a {@code double[]} as\n"
                        + "its elements, a {@code double[][]} row by row). With no more inputs than outputs it runs one\n"
                        + "forward-mode sweep per column ({@code $L}), otherwise one pullback per row.\n", link, tf.name())
                .addJavadoc("$L", CompanionEmitter.paramDocs(f))
                .addJavadoc("@return the Jacobian, one row per element of the value\n")
                .addParameters(originals)
                .returns(ArrayTypeName.of(ARRAY))
                .addStatement("$T $L = new $T()", gradient, reverse, gradient)
                .addStatement("int $L = $LValue($L).length", rows, f.name(), join(args, reverse))
                .addStatement("int $L = $L", n, TangentEmitter.size(f, tf))
                .addStatement("double[][] $L = new double[$L][$L]", jacobian, rows, n)
                .beginControlFlow("if ($L <= $L)", n, rows)
                .addComment("forward mode: column j is the tangent along the j-th unit vector")
                .addStatement("$T $L = new $T()", tangentGradient, forward, tangentGradient)
                .addStatement("double[] $L = new double[$L]", unit, n)
                .beginControlFlow("for (int $L = 0; $L < $L; $L++)", j, j, n, j)
                .addStatement("$L[$L] = 1.0", unit, j)
                .addStatement("int $L = 0", at)
                .addCode(TangentEmitter.spread(f, tf, unit, at))
                .addStatement("double[] $L = $LValue($L, $L)", column, tf.name(), join(args, tangentArgs), forward)
                .beginControlFlow("for (int $L = 0; $L < $L; $L++)", i, i, rows, i)
                .addStatement("$L[$L][$L] = $L[$L]", jacobian, i, j, column, i)
                .endControlFlow()
                .addStatement("$L[$L] = 0.0", unit, j)
                .endControlFlow()
                .nextControlFlow("else")
                .addComment("reverse mode: row i is the pullback of the i-th unit vector")
                .addStatement("double[] $L = new double[$L]", seed, rows)
                .beginControlFlow("for (int $L = 0; $L < $L; $L++)", i, i, rows, i)
                .addStatement("$L[$L] = 1.0", seed, i)
                .addStatement("$LPullback($L, $L, $L)", f.name(), args, seed, reverse)
                .addStatement("int $L = 0", at)
                .addCode(TangentEmitter.gather(f, tf, reverse, jacobian + "[" + i + "]", at))
                .addStatement("$L[$L] = 0.0", seed, i)
                .endControlFlow()
                .endControlFlow()
                .addStatement("return $L", jacobian)
                .build());
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + ", " + b;
    }
}
