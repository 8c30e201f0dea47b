package dev.leibniz.processor.parse;

import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreeScanner;
import dev.leibniz.processor.diag.Unsupported;
import dev.leibniz.processor.ir.Block;
import dev.leibniz.processor.ir.Break;
import dev.leibniz.processor.ir.Compute;
import dev.leibniz.processor.ir.Const;
import dev.leibniz.processor.ir.If;
import dev.leibniz.processor.ir.Opaque;
import dev.leibniz.processor.ir.Operand;
import dev.leibniz.processor.ir.Pos;
import dev.leibniz.processor.ir.Return;
import dev.leibniz.processor.ir.Template;
import dev.leibniz.processor.ir.Type;
import dev.leibniz.processor.ir.Var;
import dev.leibniz.processor.rules.Elementary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jumps out of more than the innermost loop: {@code return} inside a loop, and {@code break}
 * or {@code continue} to an outer loop. Each sets a flag and leaves the innermost loop; after
 * every loop it escapes, a branch on the flag leaves that loop too, or returns, or continues.
 * Those branches are ordinary recorded branches, so the reverse sweep replays the same path.
 */
final class Exits {
    private final MethodParser p;
    private Var result;
    private Var returned;
    private final Map<String, Var> breakFlags = new LinkedHashMap<>();
    private final Map<String, Var> continueFlags = new LinkedHashMap<>();

    Exits(MethodParser p) {
        this.p = p;
    }

    /** Before the body: the method's result and flag, if some return sits inside a loop. */
    void prepareMethod(Tree body) {
        if (!Escapes.returnsInLoops(body)) {
            return;
        }
        result = mutable("result", Type.DOUBLE);
        p.add(new Compute(result, Elementary.COPY, List.of(new Const("0.0", Type.DOUBLE, 0)), "Math", null));
        returned = mutable("returned", Type.BOOLEAN);
        p.add(new Opaque(returned, template("false"), null, body));
    }

    /**
     * Before a labelled loop: flags for the jumps to it from loops inside it.
     *
     * @return the continue flag, which each iteration clears first; null if none
     */
    Var prepareLoop(String label, StatementTree loop) {
        if (label == null) {
            return null;
        }
        Set<String> kinds = Escapes.nestedJumpsTo(label, loop);
        if (kinds.contains("break")) {
            Var flag = mutable("break_" + label, Type.BOOLEAN);
            breakFlags.put(label, flag);
            p.add(new Opaque(flag, template("false"), null, loop));
        }
        if (kinds.contains("continue")) {
            Var flag = mutable("continue_" + label, Type.BOOLEAN);
            continueFlags.put(label, flag);
            return flag;
        }
        return null;
    }

    void clear(Var continueFlag, Tree at) {
        p.add(new Opaque(continueFlag, template("false"), null, at));
    }

    /** return v inside a loop: keep v, raise the flag, leave the innermost loop. */
    void returnFromLoop(Operand v, Pos pos) {
        p.add(new Compute(result, Elementary.COPY, List.of(v), "Math", pos));
        raise(returned, pos);
    }

    /** break or continue to an outer loop: raise its flag, leave the innermost loop. */
    void jumpOut(boolean isBreak, String label, Tree at) throws Unsupported {
        Var flag = (isBreak ? breakFlags : continueFlags).get(label);
        if (flag == null) {
            throw new Unsupported(at, "no enclosing loop is labelled '" + label + "'");
        }
        raise(flag, p.pos(at));
    }

    private void raise(Var flag, Pos pos) {
        p.add(new Opaque(flag, template("true"), pos, null));
        p.add(new Break(pos));
    }

    /**
     * After a loop that some jump escapes: a branch for each flag the loop may have raised, and
     * what follows the loop on the path where none was.
     */
    boolean guard(StatementTree loop, MethodParser.Rest after) throws Unsupported {
        List<Var> flags = new ArrayList<>();
        List<MethodParser.Rest> actions = new ArrayList<>();
        if (result != null && Escapes.returnsInLoops(loop)) {
            flags.add(returned);
            actions.add(p.inLoop() ? this::leave : () -> {
                p.add(new Return(result, null));
                return false;
            });
        }
        for (String label : Escapes.labelsEscaping(loop, "break")) {
            flags.add(breakFlags.get(label));
            actions.add(this::leave); // leaving the target ends it; an outer target is checked again there
        }
        for (String label : Escapes.labelsEscaping(loop, "continue")) {
            flags.add(continueFlags.get(label));
            MethodParser.LoopContext enclosing = p.loops().peek();
            boolean here = enclosing != null && label.equals(enclosing.label());
            actions.add(here ? enclosing.latch() : this::leave);
        }
        if (!flags.isEmpty() && onlyJumpsLeave(loop)) {
            // for (;;) left only by return or an outer jump: the last flag needs no test, and no path falls through.
            return chain(flags.subList(0, flags.size() - 1), actions, 0, actions.get(flags.size() - 1), p.pos(loop));
        }
        return chain(flags, actions, 0, after, p.pos(loop));
    }

    /** A loop whose condition is absent or {@code true}, and that no break ends. */
    private static boolean onlyJumpsLeave(StatementTree loop) {
        com.sun.source.tree.ExpressionTree cond;
        StatementTree body;
        if (loop instanceof ForLoopTree f) {
            cond = f.getCondition();
            body = f.getStatement();
        } else if (loop instanceof WhileLoopTree w) {
            cond = w.getCondition();
            body = w.getStatement();
        } else if (loop instanceof DoWhileLoopTree d) {
            cond = d.getCondition();
            body = d.getStatement();
        } else {
            return false; // an enhanced for ends with its array
        }
        if (cond != null && !"true".equals(Expressions.unparen(cond).toString())) {
            return false;
        }
        return BreaksOut.first(body, true) == null; // a labelled break may well end this loop
    }

    private boolean leave() {
        p.add(new Break(null));
        return false;
    }

    private boolean chain(List<Var> flags, List<MethodParser.Rest> actions, int k, MethodParser.Rest after, Pos pos)
            throws Unsupported {
        if (k == flags.size()) {
            return after.lowerInto();
        }
        Block then = p.branch(actions.get(k));
        Block otherwise = p.branch(() -> chain(flags, actions, k + 1, after, pos));
        p.add(new If(Template.concat(flags.get(k)), p.newVar("branch", Type.BOOLEAN, Var.Kind.BRANCH), then, otherwise,
                List.of(), new Pos(pos.line(), "after the loop: " + flags.get(k).baseName())));
        return false;
    }

    private Var mutable(String name, Type t) {
        Var v = p.newVar(name, t, Var.Kind.LOCAL);
        v.setMutable();
        return v;
    }

    private static Template template(String text) {
        return Template.concat(text);
    }

    /** Finds the jumps that leave a statement. */
    static final class Escapes extends TreeScanner<Void, Void> {
        private int loops;
        private final Set<String> inner = new LinkedHashSet<>();
        private boolean returnInLoop;
        private boolean anyReturn;
        private boolean plainJumpOut;
        private final Set<String> breaks = new LinkedHashSet<>();
        private final Set<String> continues = new LinkedHashSet<>();
        private final String target;
        private final Set<String> toTarget = new LinkedHashSet<>();
        /** The loops ('L') and switches ('S') around the current node, innermost first. */
        private final java.util.ArrayDeque<Character> breakables = new java.util.ArrayDeque<>();

        private Escapes(String target) {
            this.target = target;
        }

        private static Escapes of(Tree t, String target, boolean startInLoop) {
            Escapes e = new Escapes(target);
            e.loops = startInLoop ? 1 : 0;
            e.scan(t, null);
            return e;
        }

        static boolean returnsInLoops(Tree t) {
            return of(t, null, false).returnInLoop;
        }

        /**
         * Whether t may jump out of itself: a return, a plain break or continue of a loop around
         * it, or a labelled one to a label outside it. What follows t then belongs only to the
         * paths that do not jump.
         */
        static boolean leave(Tree t) {
            Escapes e = of(t, null, false);
            Set<String> labelled = new LinkedHashSet<>(e.breaks);
            labelled.addAll(e.continues);
            labelled.removeAll(e.inner);
            return e.anyReturn || e.plainJumpOut || !labelled.isEmpty();
        }

        /** The labels outside t that a labelled break (or continue) inside t jumps to. */
        static Set<String> labelsEscaping(Tree t, String kind) {
            Escapes e = of(t, null, false);
            Set<String> found = new LinkedHashSet<>(kind.equals("break") ? e.breaks : e.continues);
            found.removeAll(e.inner);
            return found;
        }

        /** Whether loops nested inside the loop labelled {@code label} break or continue it. */
        static Set<String> nestedJumpsTo(String label, Tree loop) {
            Escapes e = of(loop, label, false);
            return e.toTarget;
        }

        @Override
        public Void visitReturn(ReturnTree r, Void unused) {
            returnInLoop |= loops > 0;
            anyReturn = true;
            return null;
        }

        @Override
        public Void visitBreak(BreakTree b, Void unused) {
            jump(b.getLabel(), "break");
            return null;
        }

        @Override
        public Void visitContinue(ContinueTree c, Void unused) {
            jump(c.getLabel(), "continue");
            return null;
        }

        private void jump(javax.lang.model.element.Name label, String kind) {
            if (label == null && kind.equals("break") && !breakables.isEmpty() && breakables.peek() == 'S') {
                return; // leaves only the switch around it
            }
            if (label == null) {
                plainJumpOut |= loops == 0;
                return;
            }
            (kind.equals("break") ? breaks : continues).add(label.toString());
            if (label.contentEquals(String.valueOf(target)) && loops > 1) {
                toTarget.add(kind);
            }
        }

        @Override
        public Void visitLabeledStatement(LabeledStatementTree l, Void unused) {
            inner.add(l.getLabel().toString());
            return super.visitLabeledStatement(l, unused);
        }

        @Override
        public Void visitForLoop(ForLoopTree t, Void unused) {
            return loop(t);
        }

        @Override
        public Void visitEnhancedForLoop(EnhancedForLoopTree t, Void unused) {
            return loop(t);
        }

        @Override
        public Void visitWhileLoop(WhileLoopTree t, Void unused) {
            return loop(t);
        }

        @Override
        public Void visitDoWhileLoop(DoWhileLoopTree t, Void unused) {
            return loop(t);
        }

        private Void loop(Tree t) {
            loops++;
            breakables.push('L');
            for (Tree child : Children.of(t)) {
                scan(child, null);
            }
            breakables.pop();
            loops--;
            return null;
        }

        @Override
        public Void visitSwitch(com.sun.source.tree.SwitchTree t, Void unused) {
            breakables.push('S');
            super.visitSwitch(t, unused);
            breakables.pop();
            return null;
        }

        @Override
        public Void visitLambdaExpression(com.sun.source.tree.LambdaExpressionTree l, Void unused) {
            return null;
        }

        @Override
        public Void visitClass(com.sun.source.tree.ClassTree c, Void unused) {
            return null;
        }
    }
}
