package dev.leibniz.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.leibniz.processor.ir.Func;
import dev.leibniz.processor.ir.Param;
import dev.leibniz.processor.transform.ReverseTransform;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The tangent of a method's gradient sweep (forward over reverse, see
 * {@code transform/AdjointTangent}): the sweep with, beside every varying value, its tangent along
 * the tangents of the inputs and of the seeds. It writes the gradient into one result object and
 * its tangent into a second one of the same type: with the seed 1 and its tangent 0, H·v. Public,
 * as a caller's own second sweep calls it where the caller's gradient sweep calls the pullback.
 */
final class SecondSweepEmitter {
    private SecondSweepEmitter() {}

    /** The method's second sweep, or null when its adjoint has no tangent of its own. */
    static ReverseTransform.Second of(CompanionEmitter.Method m) {
        ReverseTransform.Second s = m.pullback().second();
        return s == null || s.body() == null ? null : s;
    }

    /** The name of the second sweep of f. */
    static String name(Func f) {
        return f.name() + "SecondSweep";
    }

    /** Adds the second sweep of f, beside its sweep, with the same parameters and their tangents. */
    static void add(TypeSpec.Builder type, Func f, String link, List<ParameterSpec> params, List<ParameterSpec> seeds,
            ClassName gradient, String into, CompanionEmitter.Method m, TypeName returns) {
        ReverseTransform.Second s = of(m);
        MethodSpec.Builder b = MethodSpec.methodBuilder(name(f))
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("The tangent of the gradient sweep of $L (forward over reverse): its value and gradients\n"
                        + "into {@code $L}, as the pullback writes them, and into {@code $L} their directional derivatives\n"
                        + "along the tangents of the inputs and of the seeds. With the seed 1 and its tangent 0, the tangent\n"
                        + "of the gradient is H·v. Callers' own second sweeps call it.\n", link, into, s.intoTangent())
                .addJavadoc("$L", CompanionEmitter.paramDocs(f))
                .addParameters(params);
        int k = 0;
        for (Param p : f.params()) {
            if (p.differentiated()) {
                String d = s.tangents().get(k++);
                b.addJavadoc("@param $L the tangent (direction) of {@code $L}\n", d, p.var().name());
                b.addParameter(TypeName.get(p.type()), d);
            }
        }
        for (ParameterSpec sd : seeds) {
            b.addJavadoc("@param $L as for the pullback\n", sd.name()).addParameter(sd);
        }
        k = 0;
        for (ParameterSpec sd : seeds) {
            String d = s.seedTangents().get(k++);
            b.addJavadoc("@param $L the tangent of {@code $L}\n", d, sd.name()).addParameter(sd.type(), d);
        }
        b.addJavadoc("@param $L receives the value and the gradients, and lends its buffers\n", into)
                .addJavadoc("@param $L receives their tangents, and lends its buffers to theirs\n", s.intoTangent())
                .addParameter(gradient, into)
                .addParameter(gradient, s.intoTangent());
        k = 0;
        for (ReverseTransform.Adjoint a : m.pullback().adjoints()) {
            TypeName t = CompanionEmitter.arrayType(a.type());
            String d = s.adjointTangents().get(k++);
            b.addJavadoc("@param $L the caller's adjoint to add into in place of a gradient of its own, or null\n", a.name())
                    .addJavadoc("@param $L its tangent, or null with it\n", d)
                    .addParameter(t, a.name())
                    .addParameter(t, d);
        }
        if (!returns.equals(TypeName.VOID)) {
            b.addJavadoc("@return the value\n");
        }
        type.addMethod(b.returns(returns)
                .addCode(CodeRenderer.render(s.locals()))
                .addCode(CodeRenderer.render(s.body()))
                .build());
    }
}
