package dev.leibniz.processor.ir;

/**
 * A parameter of the differentiated method.
 *
 * @param var its first IR version
 * @param javaType the declared type as written in generated signatures
 * @param differentiated whether the gradient has an entry for it
 */
public record Param(Var var, String javaType, boolean differentiated) {
    public String name() {
        return var.baseName();
    }
}
