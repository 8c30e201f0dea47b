package dev.leibniz.processor.ir;

/** An argument of an IR step: a variable, or a constant that is safe to repeat. */
public sealed interface Operand permits Var, Const {
    Type type();
}
