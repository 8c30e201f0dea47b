package dev.leibniz.processor.ir;

/** Leaves the innermost loop. The reverse sweep needs nothing from it: the trip count covers it. */
public record Break(Pos pos) implements Stmt {}
