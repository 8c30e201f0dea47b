package dev.leibniz.processor.parse;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import dev.leibniz.processor.diag.Unsupported;
import dev.leibniz.processor.ir.Block;
import dev.leibniz.processor.ir.Compute;
import dev.leibniz.processor.ir.Const;
import dev.leibniz.processor.ir.Loop;
import dev.leibniz.processor.ir.Operand;
import dev.leibniz.processor.ir.Pos;
import dev.leibniz.processor.ir.Template;
import dev.leibniz.processor.ir.Type;
import dev.leibniz.processor.ir.Var;
import dev.leibniz.processor.rules.Elementary;
import java.util.List;

/**
 * Lowers for, enhanced for, while and do-while loops. Inside a loop a user variable is one
 * mutable location, not a chain of versions: each variable the loop assigns is carried from one
 * iteration to the next. The update of a for loop ends every path through the body, so
 * {@code continue} simply ends its path.
 */
final class Loops {
    private final MethodParser p;

    Loops(MethodParser p) {
        this.p = p;
    }

    void lower(StatementTree s, String label) throws Unsupported {
        p.inScope(() -> {
            switch (s.getKind()) {
                case FOR_LOOP -> forLoop((ForLoopTree) s, label);
                case ENHANCED_FOR_LOOP -> enhancedFor((EnhancedForLoopTree) s, label);
                case WHILE_LOOP -> {
                    WhileLoopTree w = (WhileLoopTree) s;
                    loop(s, label, w.getCondition(), false, w.getStatement(), List.of(), null, null);
                }
                default -> {
                    DoWhileLoopTree d = (DoWhileLoopTree) s;
                    loop(s, label, d.getCondition(), true, d.getStatement(), List.of(), null, null);
                }
            }
            return true;
        });
    }

    private void forLoop(ForLoopTree f, String label) throws Unsupported {
        Loop.Counted counted = counted(f);
        if (counted == null) {
            for (StatementTree init : f.getInitializer()) {
                p.lowerOne(init);
            }
            loop(f, label, f.getCondition(), false, f.getStatement(), f.getUpdate(), null, null);
        } else {
            loop(f, label, f.getCondition(), false, f.getStatement(), List.of(), counted, null);
        }
    }

    /**
     * {@code for (int i = start; i < end; i += step)} with {@code i} assigned nowhere else: the
     * reverse sweep can rebuild i from the trip count instead of saving it.
     */
    private Loop.Counted counted(ForLoopTree f) throws Unsupported {
        if (f.getInitializer().size() != 1 || !(f.getInitializer().get(0) instanceof VariableTree init)
                || init.getInitializer() == null || !isInt(init)
                || f.getUpdate().size() != 1 || !(f.getCondition() instanceof BinaryTree cond)) {
            return null;
        }
        String index = init.getName().toString();
        if (!(Expressions.unparen(cond.getLeftOperand()) instanceof IdentifierTree left)
                || !left.getName().contentEquals(index)) {
            return null;
        }
        Integer step = step(f.getUpdate().get(0).getExpression(), index);
        if (step == null || Assigned.names(f.getStatement()).contains(index)
                || Assigned.names(cond.getRightOperand()).contains(index) || p.mentionsFloating(init.getInitializer())) {
            return null;
        }
        Operand start = p.expressions().lower(init.getInitializer(), Type.INT, null);
        Var i = p.newVar(index, Type.INT, Var.Kind.LOCAL);
        Slot slot = new Slot(index, Type.INT);
        p.scope().declare(slot);
        p.current().put(slot, i);
        return new Loop.Counted(i, start, step);
    }

    /** {@code int i = ...}, or {@code var i = 0} with an int literal. */
    private static boolean isInt(VariableTree init) {
        String type = String.valueOf(init.getType());
        return type.equals("int") || (type.equals("null") || type.equals("var"))
                && init.getInitializer().getKind() == Tree.Kind.INT_LITERAL;
    }

    private static Integer step(ExpressionTree update, String index) {
        if (update instanceof UnaryTree u && u.getExpression() instanceof IdentifierTree id
                && id.getName().contentEquals(index)) {
            return switch (u.getKind()) {
                case POSTFIX_INCREMENT, PREFIX_INCREMENT -> 1;
                case POSTFIX_DECREMENT, PREFIX_DECREMENT -> -1;
                default -> null;
            };
        }
        if (update instanceof CompoundAssignmentTree c && c.getVariable() instanceof IdentifierTree id
                && id.getName().contentEquals(index) && c.getExpression() instanceof LiteralTree lit
                && lit.getValue() instanceof Integer n && n != 0) {
            return switch (c.getKind()) {
                case PLUS_ASSIGNMENT -> n;
                case MINUS_ASSIGNMENT -> -n;
                default -> null;
            };
        }
        return null;
    }

    private void enhancedFor(EnhancedForLoopTree f, String label) throws Unsupported {
        ExpressionTree array = Expressions.unparen(f.getExpression());
        Slot arraySlot = array instanceof IdentifierTree id ? p.slot(id.getName().toString()) : null;
        if (arraySlot == null || !(arraySlot.type.isFloatingArray() || String.valueOf(arraySlot.javaType).endsWith("[]"))) {
            throw new Unsupported(f.getExpression(), "an enhanced for loop in a @Differentiable method must go over "
                    + "an array held in a local variable or parameter; index the loop explicitly otherwise");
        }
        Var arrayVar = p.currentOf(arraySlot, array);
        Var i = p.newVar("i", Type.INT, Var.Kind.LOCAL);
        Template cond = Template.concat(i, " < ", arrayVar, ".length");
        Loop.Counted counted = new Loop.Counted(i, new Const("0", Type.INT, 0), 1);
        VariableTree element = f.getVariable();
        loop(f, label, null, false, f.getStatement(), List.of(), counted, () -> {
            ArrayLowering.declareElement(p, element, arraySlot, arrayVar, i);
            return true;
        }, cond);
    }

    private void loop(StatementTree s, String label, ExpressionTree condition, boolean doWhile, StatementTree body,
            List<? extends ExpressionStatementTree> update, Loop.Counted counted, MethodParser.Rest prelude)
            throws Unsupported {
        loop(s, label, condition, doWhile, body, update, counted, prelude, null);
    }

    private void loop(StatementTree s, String label, ExpressionTree condition, boolean doWhile, StatementTree body,
            List<? extends ExpressionStatementTree> update, Loop.Counted counted, MethodParser.Rest prelude,
            Template givenCondition) throws Unsupported {
        carry(s, counted);
        Var continueFlag = p.exits().prepareLoop(label, s);
        // A condition with side effects (while (n-- > 0)) is evaluated inside each iteration instead.
        ExpressionTree effectful = condition != null && givenCondition == null && !Assigned.names(condition).isEmpty()
                ? condition : null;
        Template cond = givenCondition != null ? givenCondition
                : condition == null || effectful != null ? null : p.expressions().condition(condition);
        Var trips = p.newVar("trips", Type.INT, Var.Kind.TEMP);
        Scope here = p.scope();
        MethodParser.Rest latch = () -> {
            Scope saved = p.scope();
            p.setScope(here);
            for (ExpressionStatementTree u : update) {
                p.lowerOne(u);
            }
            if (effectful != null && doWhile) {
                exitUnless(effectful, () -> true);
            }
            p.setScope(saved);
            return true;
        };

        p.loops().push(new MethodParser.LoopContext(label, latch));
        Block b;
        try {
            b = p.branch(() -> {
                if (continueFlag != null) {
                    p.exits().clear(continueFlag, s);
                }
                if (prelude != null) {
                    prelude.lowerInto();
                }
                List<? extends StatementTree> stmts = body.getKind() == Tree.Kind.BLOCK
                        ? ((com.sun.source.tree.BlockTree) body).getStatements() : List.of(body);
                if (effectful != null && !doWhile) {
                    return exitUnless(effectful, () -> p.lowerBody(stmts, latch));
                }
                return p.lowerBody(stmts, latch);
            });
        } finally {
            p.loops().pop();
        }
        p.add(new Loop(label, cond, doWhile && effectful == null, b, counted, trips, loopPos(s)));
    }

    /**
     * {@code if (!(condition)) break; else rest}, the condition's side effects done first; the
     * rest of the iteration goes on the path that stays, so the reverse sweep knows which ran.
     */
    private boolean exitUnless(ExpressionTree condition, MethodParser.Rest rest) throws Unsupported {
        Template c = p.expressions().condition(condition);
        Pos at = p.pos(condition);
        return p.joinedWithRest(Template.concat("!(", c, ")"), () -> {
            p.add(new dev.leibniz.processor.ir.Break(at));
            return false;
        }, rest, at);
    }

    /**
     * Every variable the loop assigns becomes one location carried across iterations: the
     * variable itself when nothing has read it yet, otherwise a copy made before the loop.
     */
    private void carry(StatementTree s, Loop.Counted counted) throws Unsupported {
        for (String name : Assigned.names(s)) {
            Slot slot = p.slot(name);
            if (slot == null || slot.type.isFloatingArray()) {
                continue; // declared inside the loop, or an array (its elements are written, not it)
            }
            Var v = p.current().get(slot);
            if (counted != null && v == counted.index()) {
                continue; // the header updates it
            }
            // Inside an outer loop a mutable variable is that loop's own location already; between loops,
            // code may have read its value, so it is taken over only if nothing has.
            if (v != null && (v.isMutable() && p.inLoop() || Carrying.canTakeOver(p.blocksSoFar(), p.block(), v))) {
                v.setCarried();
                continue;
            }
            Var carried = MethodParser.typed(p.newVar(name, slot.type, Var.Kind.LOCAL), slot);
            carried.setCarried();
            Operand init = v != null ? v : new Const(slot.type.zero(), slot.type, 0);
            p.add(new Compute(carried, Elementary.COPY, List.of(init), "Math", p.pos(s)));
            p.current().put(slot, carried);
        }
    }

    private Pos loopPos(StatementTree s) {
        Pos whole = p.pos(s);
        String text = whole.text();
        int brace = text.indexOf('{');
        return new Pos(whole.line(), brace > 0 ? text.substring(0, brace).trim() : text);
    }
}
