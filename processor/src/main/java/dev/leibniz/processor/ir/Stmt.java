package dev.leibniz.processor.ir;

/** One IR statement: a single elementary step, a black-box step, a branch or a return. */
public sealed interface Stmt permits Compute, Opaque, If, Return, Loop, Break, ArrayNew, Load, Store, Call, RowView {
    Pos pos();

    /** The variable the statement assigns as its result, or null (a store, branch, loop, return or break). */
    static Var target(Stmt s) {
        if (s instanceof Compute c) {
            return c.target();
        }
        if (s instanceof Opaque o) {
            return o.target();
        }
        if (s instanceof Load l) {
            return l.target();
        }
        if (s instanceof ArrayNew n) {
            return n.target();
        }
        if (s instanceof RowView r) {
            return r.target();
        }
        if (s instanceof Call k) {
            return k.target();
        }
        return null;
    }
}
