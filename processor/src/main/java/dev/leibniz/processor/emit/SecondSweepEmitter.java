package dev.leibniz.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.leibniz.processor.ir.Func;
import dev.leibniz.processor.ir.Param;
import dev.leibniz.processor.transform.ReverseTransform;
import javax.lang.model.element.Modifier;

/**
 * The tangent of a scalar method's sweep (forward over reverse, see
 * {@code transform/AdjointTangent}): the method's gradient sweep with, beside every varying value,
 * its tangent along the tangents of the inputs and of the seed. It writes the gradient into one
 * result object and its tangent, H·v along v, into a second one of the same type.
 */
final class SecondSweepEmitter {
    private SecondSweepEmitter() {}

    /** The method's second sweep, or null when its adjoint has no tangent of its own (see {@link #why}). */
    static ReverseTransform.Second of(CompanionEmitter.Method m) {
        ReverseTransform.Second s = m.pullback().second();
        return s == null || s.body() == null ? null : s;
    }

    /** The name of the second sweep of f. */
    static String name(Func f) {
        return f.name() + "SecondSweep";
    }

    static MethodSpec sweep(Func f, String link, ClassName gradient, CompanionEmitter.Method m) {
        ReverseTransform.Second s = of(m);
        String seed = m.pullback().seed();
        String into = m.pullback().into();
        MethodSpec.Builder b = MethodSpec.methodBuilder(name(f))
                // private, but documented all the same: -Xdoclint:all checks private members too
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc("The tangent of the gradient sweep of $L (forward over reverse): its value and\n"
                        + "{@code $L} times its gradient into {@code $L}, and into {@code $L} their directional derivatives\n"
                        + "along the tangents, which with a constant seed are H·v times the seed.\n", link, seed, into,
                        s.intoTangent())
                .addJavadoc("$L", CompanionEmitter.paramDocs(f))
                .addParameters(CompanionEmitter.parameters(f));
        int k = 0;
        for (Param p : f.params()) {
            if (p.differentiated()) {
                String d = s.tangents().get(k++);
                b.addJavadoc("@param $L the tangent (direction) of {@code $L}\n", d, p.var().name());
                b.addParameter(TypeName.get(p.type()), d);
            }
        }
        return b.addJavadoc("@param $L the adjoint of the result\n", seed)
                .addJavadoc("@param $L the tangent of the seed\n", s.seedTangent())
                .addJavadoc("@param $L receives the value and the gradient, and lends its buffers\n", into)
                .addJavadoc("@param $L receives their tangents, and lends its buffers to theirs\n", s.intoTangent())
                .addJavadoc("@return the value\n")
                .addParameter(TypeName.DOUBLE, seed)
                .addParameter(TypeName.DOUBLE, s.seedTangent())
                .addParameter(gradient, into)
                .addParameter(gradient, s.intoTangent())
                .returns(TypeName.DOUBLE)
                .addCode(CodeRenderer.render(s.locals()))
                .addCode(CodeRenderer.render(s.body()))
                .build();
    }
}
