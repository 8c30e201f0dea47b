package dev.leibniz.processor.ir;

import java.util.ArrayList;
import java.util.List;

/** A sequence of statements at one nesting depth. */
public final class Block {
    private final List<Stmt> stmts = new ArrayList<>();
    private final int depth;

    public Block(int depth) {
        this.depth = depth;
    }

    public int depth() {
        return depth;
    }

    public List<Stmt> stmts() {
        return stmts;
    }

    public void add(Stmt s) {
        stmts.add(s);
    }
}
