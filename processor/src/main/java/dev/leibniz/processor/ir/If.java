package dev.leibniz.processor.ir;

import java.util.List;

/**
 * {@code if (condition) then else otherwise}. The reverse sweep replays the branch taken, which
 * the forward sweep records in {@code taken}. Each phi is assigned at the end of both branches.
 */
public record If(Template condition, Var taken, Block then, Block otherwise, List<Var> phis, Pos pos)
        implements Stmt {}
