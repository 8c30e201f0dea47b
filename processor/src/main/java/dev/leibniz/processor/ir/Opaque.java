package dev.leibniz.processor.ir;

import com.sun.source.tree.Tree;

/**
 * {@code target = <code>}, or just {@code <code>;} when target is null: Java the derivative
 * treats as a black box. It is correct only while the code does not depend on a differentiated
 * input; the activity analysis reports an error on {@code tree} otherwise.
 */
public record Opaque(Var target, Template code, Pos pos, Tree tree) implements Stmt {}
