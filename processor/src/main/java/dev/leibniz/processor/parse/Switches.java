package dev.leibniz.processor.parse;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.YieldTree;
import dev.leibniz.processor.diag.Unsupported;
import dev.leibniz.processor.ir.Block;
import dev.leibniz.processor.ir.Compute;
import dev.leibniz.processor.ir.Const;
import dev.leibniz.processor.ir.If;
import dev.leibniz.processor.ir.Operand;
import dev.leibniz.processor.ir.Pos;
import dev.leibniz.processor.ir.Template;
import dev.leibniz.processor.ir.Type;
import dev.leibniz.processor.ir.Var;
import dev.leibniz.processor.rules.Elementary;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code switch} statements and expressions, arrow and colon forms, over integers, characters,
 * strings and enums. Each becomes a chain of recorded branches, one per case, with the default
 * last, so the reverse sweep replays the case that was taken as it replays an if. A colon-form
 * case must end with break, return, continue, throw or yield: fall-through is refused.
 */
final class Switches {
    /** One case: its test (null for default), and its statements or, for an arrow with an expression, its value. */
    private record Arm(Template test, List<? extends StatementTree> body, ExpressionTree value, Tree at) {}

    private final MethodParser p;

    Switches(MethodParser p) {
        this.p = p;
    }

    void statement(SwitchTree s) throws Unsupported {
        chain(arms(s.getExpression(), s.getCases(), false), 0, p.pos(Expressions.unparen(s.getExpression())));
    }

    /** A switch with a return in some case: what follows it goes into every case that falls out. */
    boolean statementWithRest(SwitchTree s, MethodParser.Rest after) throws Unsupported {
        return chainWithRest(arms(s.getExpression(), s.getCases(), false), 0, after, p.pos(Expressions.unparen(s.getExpression())));
    }

    Operand expression(SwitchExpressionTree e, Type type, String name) throws Unsupported {
        return value(arms(e.getExpression(), e.getCases(), true), 0, type, name, p.pos(Expressions.unparen(e.getExpression())));
    }

    private void chain(List<Arm> arms, int k, Pos pos) throws Unsupported {
        if (k == arms.size()) {
            return;
        }
        Arm arm = arms.get(k);
        if (arm.test() == null) {
            p.inScope(() -> lower(arm.body()));
            return;
        }
        p.joined(arm.test(), () -> p.inScope(() -> lower(arm.body())), () -> {
            chain(arms, k + 1, pos);
            return true;
        }, casePos(arm, pos));
    }

    private boolean chainWithRest(List<Arm> arms, int k, MethodParser.Rest after, Pos pos) throws Unsupported {
        if (k == arms.size()) {
            return after.lowerInto();
        }
        Arm arm = arms.get(k);
        if (arm.test() == null) {
            return p.inScope(() -> p.lowerBody(arm.body(), after));
        }
        return p.joinedWithRest(arm.test(), () -> p.inScope(() -> p.lowerBody(arm.body(), after)),
                () -> chainWithRest(arms, k + 1, after, pos), casePos(arm, pos));
    }

    private boolean lower(List<? extends StatementTree> body) throws Unsupported {
        for (StatementTree st : body) {
            p.lowerOne(st);
        }
        return true;
    }

    /** A switch expression: one phi per case tested, like nested conditionals; the last case needs no test. */
    private Operand value(List<Arm> arms, int k, Type type, String name, Pos pos) throws Unsupported {
        Arm arm = arms.get(k);
        if (k == arms.size() - 1) {
            return armValue(arm, type);
        }
        Var phi = p.newVar(name != null ? name : "chosen", type, Var.Kind.TEMP);
        if (p.inLoop()) {
            phi.setMutable();
        }
        Block thenB = p.branch(() -> {
            Operand v = armValue(arm, type);
            p.add(new Compute(phi, Elementary.COPY, List.of(v), "Math", p.pos(arm.at())));
            return true;
        });
        Block elseB = p.branch(() -> {
            Operand v = value(arms, k + 1, type, null, pos);
            p.add(new Compute(phi, Elementary.COPY, List.of(v), "Math", pos));
            return true;
        });
        p.add(new If(arm.test(), p.newVar("branch", Type.BOOLEAN, Var.Kind.BRANCH), thenB, elseB, List.of(phi),
                casePos(arm, pos)));
        return phi;
    }

    private Operand armValue(Arm arm, Type type) throws Unsupported {
        if (arm.value() != null) {
            return p.expressions().lower(arm.value(), type, null);
        }
        List<? extends StatementTree> body = arm.body();
        for (int i = 0; i < body.size() - 1; i++) {
            p.lowerOne(body.get(i));
        }
        return p.expressions().lower(((YieldTree) body.get(body.size() - 1)).getValue(), type, null);
    }

    // ---- reading the cases ----------------------------------------------------------------

    private List<Arm> arms(ExpressionTree selector, List<? extends CaseTree> cases, boolean isExpression)
            throws Unsupported {
        Object on = selector(selector);
        String enumType = enumType(selector);
        List<Arm> arms = new ArrayList<>();
        Arm fallback = null;
        List<Template> pending = new ArrayList<>(); // colon-form labels with no statements of their own
        boolean pendingDefault = false;
        for (int c = 0; c < cases.size(); c++) {
            CaseTree ct = cases.get(c);
            boolean isDefault = ct.toString().trim().startsWith("default");
            if (!isDefault && ct.getExpressions().isEmpty()) {
                throw new Unsupported(ct, "pattern matching in switch is not supported in a @Differentiable method; "
                        + "use instanceof and if / else");
            }
            List<Template> tests = new ArrayList<>(pending);
            for (ExpressionTree label : ct.getExpressions()) {
                tests.add(test(on, label, enumType));
            }
            isDefault |= pendingDefault;
            List<? extends StatementTree> body;
            ExpressionTree value = null;
            if (ct.getCaseKind() == CaseTree.CaseKind.RULE) {
                Tree b = ct.getBody();
                if (b instanceof BlockTree block) {
                    body = block.getStatements();
                } else if (b instanceof ExpressionStatementTree es) {
                    body = List.of(es);
                    value = isExpression ? es.getExpression() : null;
                } else if (b instanceof ExpressionTree ex) {
                    body = List.of();
                    value = ex;
                    if (!isExpression) {
                        throw new Unsupported(b, "this case needs a statement");
                    }
                } else {
                    throw new Unsupported(b, "throw is not supported in a @Differentiable method yet; "
                            + "validate the arguments in the caller");
                }
            } else {
                body = ct.getStatements();
                if (body.isEmpty() && c < cases.size() - 1) {
                    pending = tests; // case 1: case 2: ... shares the next case's statements
                    pendingDefault = isDefault;
                    continue;
                }
                body = endOfCase(ct, body, c == cases.size() - 1, isExpression);
            }
            pending = new ArrayList<>();
            pendingDefault = false;
            if (isExpression && value == null && !endsWithYield(body)) {
                throw new Unsupported(ct, "end this case with yield, so the switch has a value here");
            }
            checkBreaks(body);
            Arm arm = new Arm(isDefault ? null : or(tests), body, value, ct);
            if (isDefault) {
                fallback = arm;
            } else {
                arms.add(arm);
            }
        }
        if (fallback != null) {
            arms.add(fallback); // Java tries every label before default, wherever default is written
        }
        if (arms.isEmpty()) {
            throw new Unsupported(selector, "this switch has no cases");
        }
        return arms;
    }

    /** A colon-form case's statements without its closing break; refuses fall-through into the next case. */
    private List<? extends StatementTree> endOfCase(CaseTree ct, List<? extends StatementTree> body, boolean last,
            boolean isExpression) throws Unsupported {
        StatementTree end = body.isEmpty() ? null : body.get(body.size() - 1);
        if (end instanceof BreakTree b && b.getLabel() == null) {
            return body.subList(0, body.size() - 1);
        }
        boolean jumps = end != null && leaves(end);
        if (!jumps && !last && !isExpression) {
            throw new Unsupported(ct, "this case falls through into the next one, which a @Differentiable method does "
                    + "not support; end it with break, or repeat the shared statements");
        }
        return body;
    }

    /**
     * Whether a case's last statement never completes normally: a jump, an if / else whose both
     * branches leave, or a block ending in such a statement.
     */
    private static boolean leaves(StatementTree st) {
        return switch (st.getKind()) {
            case RETURN, CONTINUE, THROW, YIELD, BREAK -> true;
            case IF -> {
                com.sun.source.tree.IfTree i = (com.sun.source.tree.IfTree) st;
                yield i.getElseStatement() != null && leaves(i.getThenStatement()) && leaves(i.getElseStatement());
            }
            case BLOCK -> {
                List<? extends StatementTree> in = ((com.sun.source.tree.BlockTree) st).getStatements();
                yield !in.isEmpty() && leaves(in.get(in.size() - 1));
            }
            default -> false;
        };
    }

    private static boolean endsWithYield(List<? extends StatementTree> body) {
        return !body.isEmpty() && body.get(body.size() - 1) instanceof YieldTree;
    }

    /** A break inside a case that is not its last statement would leave the switch early. */
    private static void checkBreaks(List<? extends StatementTree> body) throws Unsupported {
        for (StatementTree st : body) {
            BreakTree found = BreaksOut.first(st, false);
            if (found != null) {
                throw new Unsupported(found, "a break inside a case, other than at its end, is not supported in a "
                        + "@Differentiable method; use if / else inside the case");
            }
        }
    }

    /** The selector as a template piece: a local, a constant's text, or a black-box value computed once. */
    private Object selector(ExpressionTree selector) throws Unsupported {
        Expressions ex = p.expressions();
        Type t = ex.typeOf(selector);
        Operand o = ex.lower(selector, t == null ? Type.REFERENCE : t, null);
        if (o instanceof Var v && v.type().isFloating()) {
            throw new Unsupported(selector, "a switch needs an integer, character, string or enum selector");
        }
        return o instanceof Var v ? v : ((Const) o).text();
    }

    /** The enum type a selector has, for qualifying its constants' names; null when not an enum. */
    private String enumType(ExpressionTree selector) {
        if (Expressions.unparen(selector) instanceof IdentifierTree id) {
            Slot s = p.slot(id.getName().toString());
            if (s != null && s.javaType != null) {
                var type = p.elements().getTypeElement(s.javaType);
                if (type != null && type.getKind() == javax.lang.model.element.ElementKind.ENUM) {
                    return s.javaType;
                }
            }
        }
        return null;
    }

    private Template test(Object on, ExpressionTree label, String enumType) throws Unsupported {
        ExpressionTree l = Expressions.unparen(label);
        if (l instanceof LiteralTree lit && lit.getValue() == null) {
            throw new Unsupported(label, "case null is not supported in a @Differentiable method; test for null with if");
        }
        if (l.getKind() == Tree.Kind.STRING_LITERAL) {
            return Template.concat(on, ".equals(" + l + ")"); // like switch, a null selector throws
        }
        if (l instanceof IdentifierTree id && enumType != null) {
            return Template.concat(on, " == " + enumType + "." + id.getName());
        }
        if (l instanceof IdentifierTree id && p.names().field(id.getName().toString()) == null) {
            throw new Unsupported(label, "cannot tell which enum '" + id.getName() + "' belongs to; switch on a local "
                    + "variable or parameter of the enum type");
        }
        return Template.concat(on, " == ", p.expressions().template(l));
    }

    private static Template or(List<Template> tests) {
        List<Object> parts = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            parts.add(i == 0 ? "" : " || ");
            parts.add(tests.get(i));
        }
        return Template.concat(parts.toArray());
    }

    private Pos casePos(Arm arm, Pos selector) {
        Pos c = p.pos(arm.at());
        String text = c.text();
        int arrow = text.indexOf("->");
        int colon = text.indexOf(':');
        int end = arrow >= 0 ? arrow : colon >= 0 ? colon : text.length();
        return new Pos(c.line(), "switch (" + selector.text() + ") " + text.substring(0, end).trim());
    }
}
