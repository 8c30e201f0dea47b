package dev.leibniz.processor.ir;

import javax.lang.model.type.TypeMirror;

/**
 * A parameter of the differentiated method.
 *
 * @param var its first IR version
 * @param type the declared type, for generated signatures
 * @param differentiated whether the gradient has an entry for it
 */
public record Param(Var var, TypeMirror type, boolean differentiated) {
    public String name() {
        return var.baseName();
    }
}
