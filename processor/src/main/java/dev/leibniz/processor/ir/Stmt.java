package dev.leibniz.processor.ir;

/** One IR statement: a single elementary step, a black-box step, a branch or a return. */
public sealed interface Stmt permits Compute, Opaque, If, Return, Loop, Break, ArrayNew, Load, Store, Call, RowView {
    Pos pos();
}
