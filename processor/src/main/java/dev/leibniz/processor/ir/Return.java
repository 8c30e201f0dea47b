package dev.leibniz.processor.ir;

/** Returns {@code value}; always the last statement of its path. */
public record Return(Operand value, Pos pos) implements Stmt {}
