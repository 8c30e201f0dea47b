package dev.leibniz.processor.parse;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import dev.leibniz.processor.diag.Unsupported;
import dev.leibniz.processor.ir.Block;
import dev.leibniz.processor.ir.Break;
import dev.leibniz.processor.ir.Compute;
import dev.leibniz.processor.ir.Func;
import dev.leibniz.processor.ir.If;
import dev.leibniz.processor.ir.Operand;
import dev.leibniz.processor.ir.Opaque;
import dev.leibniz.processor.ir.Param;
import dev.leibniz.processor.ir.Pos;
import dev.leibniz.processor.ir.Return;
import dev.leibniz.processor.ir.Template;
import dev.leibniz.processor.ir.Type;
import dev.leibniz.processor.ir.Var;
import dev.leibniz.processor.rules.Elementary;
import dev.leibniz.processor.rules.UserRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Lowers a method body from javac trees to the IR: one elementary operation per step, a new
 * version for every assignment, phi variables where branches join, and early returns turned
 * into structured branches by moving the statements after an {@code if} into the paths that
 * reach them.
 */
public final class MethodParser {
    /** What follows a statement: lowered into whichever paths fall through to it. */
    interface Rest {
        boolean lowerInto() throws Unsupported;
    }

    private final Elements elements;
    private final Trees trees;
    private final Lookups lookups;
    private final UserRules rules;
    private final ProcedureOutputs procedures;
    private final ExecutableElement method;
    private final MethodTree tree;
    private final NameResolver names;
    private final SourceText source;
    private final Expressions expressions;

    /** A loop being lowered: its label, and what its iterations end with (the update). */
    record LoopContext(String label, Rest latch) {}

    private Scope scope = new Scope(null);
    private final java.util.ArrayDeque<LoopContext> loops = new java.util.ArrayDeque<>();
    private final Loops loopLowering = new Loops(this);
    private final Exits exits = new Exits(this);
    private final Switches switches = new Switches(this);
    private final Block root = new Block(0);
    private final java.util.ArrayDeque<Block> open = new java.util.ArrayDeque<>();
    /** The mutable variable the expression being lowered must write, inside a loop. */
    Var reuse;
    private Map<Slot, Var> current = new LinkedHashMap<>();
    private Block out;

    private MethodParser(Elements elements, Lookups lookups, Trees trees, CompilationUnitTree unit,
            ExecutableElement method, MethodTree tree, UserRules rules, ProcedureOutputs procedures) {
        this.elements = elements;
        this.procedures = procedures;
        this.trees = trees;
        this.rules = rules;
        this.method = method;
        this.tree = tree;
        this.lookups = lookups;
        this.names = new NameResolver(elements, lookups, trees, (TypeElement) method.getEnclosingElement(), unit);
        this.source = new SourceText(unit, trees.getSourcePositions());
        this.expressions = new Expressions(this);
    }

    /**
     * Parses a method already checked to be static and to return double.
     *
     * @param lookups the round's cache of javac look-ups, shared by every method it parses
     * @param wrt the names of the parameters to differentiate
     */
    public static Func parse(Elements elements, Lookups lookups, Trees trees, CompilationUnitTree unit,
            ExecutableElement method, MethodTree tree, Set<String> wrt, UserRules rules, ProcedureOutputs procedures)
            throws Unsupported {
        return new MethodParser(elements, lookups, trees, unit, method, tree, rules, procedures).parse(wrt);
    }

    private Func parse(Set<String> wrt) throws Unsupported {
        UnresolvedNames.check(names, elements, (TypeElement) method.getEnclosingElement(), tree);
        List<Param> params = new ArrayList<>();
        List<String> types = new ArrayList<>();
        Var receiver = null;
        if (!method.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)) {
            receiver = new Var("self", Type.REFERENCE, Var.Kind.PARAM);
            receiver.setJavaType(method.getEnclosingElement().asType().toString());
            Slot self = new Slot("this", Type.REFERENCE, receiver.javaType());
            scope.declare(self);
            current.put(self, receiver);
        }
        for (int i = 0; i < method.getParameters().size(); i++) {
            VariableElement p = method.getParameters().get(i);
            String javaType = p.asType().toString();
            Type t = Type.ofName(javaType);
            if (t == null) {
                t = Type.REFERENCE; // an object or other array: a constant to the derivative
            }
            Var v = new Var(p.getSimpleName().toString(), t, Var.Kind.PARAM);
            Slot slot = new Slot(v.baseName(), t, t == Type.REFERENCE ? javaType : null);
            typed(v, slot);
            scope.declare(slot);
            current.put(slot, v);
            params.add(new Param(v, p.asType(), wrt.contains(v.baseName())));
            types.add(javaType);
        }
        Block body = root;
        out = body;
        exits.prepareMethod(tree.getBody());
        if (lowerStatements(tree.getBody().getStatements(), 0, () -> true)) {
            if (!isProcedure()) {
                throw new Unsupported(tree, "this method can finish without returning a value");
            }
        }
        String signature = method.getSimpleName() + "(" + String.join(", ", types) + ")";
        if (isProcedure()) {
            checkOutputs(params);
        }
        ArrayCopies.checkChoices(this, body);
        return new Func(method.getSimpleName().toString(), signature, receiver,
                receiver == null ? null : method.getEnclosingElement().asType(), params, body, method.isVarArgs(), returns(),
                null);
    }

    // ---- statements -------------------------------------------------------------------------

    /** Lowers stmts[from..] then rest; returns whether control can fall off the end. */
    private boolean lowerStatements(List<? extends StatementTree> stmts, int from, Rest rest) throws Unsupported {
        for (int i = from; i < stmts.size(); i++) {
            StatementTree s = stmts.get(i);
            if (Exits.Escapes.leave(s)) {
                int next = i + 1;
                Scope here = scope;
                Rest after = () -> {
                    Scope saved = scope;
                    scope = here;
                    boolean falls = lowerStatements(stmts, next, rest);
                    scope = saved;
                    return falls;
                };
                return lowerWithRest(s, after);
            }
            lowerStatement(s);
        }
        return rest.lowerInto();
    }

    /** A statement that contains a return: what follows it goes into the paths that fall through. */
    private boolean lowerWithRest(StatementTree s, Rest after) throws Unsupported {
        switch (s.getKind()) {
            case BREAK -> {
                var label = ((com.sun.source.tree.BreakTree) s).getLabel();
                if (targetsOuter(s, label)) {
                    exits.jumpOut(true, label.toString(), s);
                    return false;
                }
                out.add(new Break(pos(s)));
                return false;
            }
            case CONTINUE -> {
                var label = ((com.sun.source.tree.ContinueTree) s).getLabel();
                if (targetsOuter(s, label)) {
                    exits.jumpOut(false, label.toString(), s);
                    return false;
                }
                return loops.peek().latch().lowerInto();
            }
            case FOR_LOOP, ENHANCED_FOR_LOOP, WHILE_LOOP, DO_WHILE_LOOP, LABELED_STATEMENT -> {
                lowerStatement(s);
                return exits.guard(s, after);
            }
            case RETURN -> {
                ReturnTree r = (ReturnTree) s;
                if (isProcedure()) {
                    throw new Unsupported(r, "a void @Differentiable method ends at its last statement; use if / else "
                            + "instead of return");
                }
                if (returns() == Type.DOUBLE_ARRAY) {
                    out.add(new Return(returnedArray(r), pos(s)));
                    return false;
                }
                if (!loops.isEmpty()) {
                    exits.returnFromLoop(expressions.lower(r.getExpression(), Type.DOUBLE, null), pos(s));
                    return false;
                }
                Operand v = expressions.lower(r.getExpression(), Type.DOUBLE, null);
                out.add(new Return(v, pos(s)));
                return false;
            }
            case BLOCK -> {
                return inScope(() -> lowerStatements(((BlockTree) s).getStatements(), 0, after));
            }
            case IF -> {
                IfTree ift = (IfTree) s;
                return joinedWithRest(expressions.condition(ift.getCondition()),
                        () -> lowerWithRest(ift.getThenStatement(), after),
                        () -> ift.getElseStatement() == null ? after.lowerInto()
                                : lowerWithRest(ift.getElseStatement(), after), ifPos(ift));
            }
            case SWITCH -> {
                return switches.statementWithRest((com.sun.source.tree.SwitchTree) s, after);
            }
            default -> {
                lowerStatement(s);
                return after.lowerInto();
            }
        }
    }

    /** DOUBLE, or DOUBLE_ARRAY for a method returning {@code double[]}. */
    private Type returns() {
        if (isProcedure()) {
            return null;
        }
        return method.getReturnType().toString().equals("double[]") ? Type.DOUBLE_ARRAY : Type.DOUBLE;
    }

    /** A procedure must write some array parameter, and each it writes is an output with a seed: in wrt. */
    private void checkOutputs(List<Param> params) throws Unsupported {
        java.util.Set<Var> written = dev.leibniz.processor.ir.Outputs.of(root);
        if (written.isEmpty()) {
            throw new Unsupported(tree, "a void @Differentiable method must write into one of its double[] parameters "
                    + "(its outputs); otherwise return the double you want the gradient of");
        }
        for (Param p : params) {
            if (written.contains(p.var()) && (!p.differentiated() || p.var().type() != Type.DOUBLE_ARRAY)) {
                throw new Unsupported(tree, "'" + p.name() + "' is written, so it is an output of this method: it must "
                        + "be a double[] among the differentiated parameters (see wrt)");
            }
        }
    }

    /** A void method: its outputs are the array parameters it writes. */
    boolean isProcedure() {
        return method.getReturnType().getKind() == javax.lang.model.type.TypeKind.VOID;
    }

    /** What a {@code double[]}-valued method returns: a local or parameter array, after any loop. */
    private Var returnedArray(ReturnTree r) throws Unsupported {
        if (!loops.isEmpty()) {
            throw new Unsupported(r, "a double[]-valued @Differentiable method returns its array after its loops; "
                    + "leave the loop with break and return after it");
        }
        ExpressionTree e = Expressions.unparen(r.getExpression());
        if (e instanceof com.sun.source.tree.NewArrayTree na) { // return new double[] {x, y}: a local named result
            return ArrayLowering.created(this, expressions, na, "result", Type.DOUBLE_ARRAY, r);
        }
        if (e instanceof com.sun.source.tree.MethodInvocationTree call) {
            Var result = expressions.arrayCall(call, "result");
            if (result != null) {
                return result;
            }
        }
        Slot slot = e instanceof IdentifierTree id ? scope.lookup(id.getName().toString()) : null;
        if (slot == null || slot.type != Type.DOUBLE_ARRAY) {
            throw new Unsupported(r.getExpression(), "return a double[] variable, a new double[] {...} or a call of a "
                    + "double[]-valued @Differentiable method here, so its derivative can be traced");
        }
        return currentOf(slot, e);
    }

    /** Whether a break or continue leaves more than the innermost loop. */
    private boolean targetsOuter(StatementTree s, javax.lang.model.element.Name label) throws Unsupported {
        if (loops.isEmpty()) {
            throw new Unsupported(s, "break and continue outside a loop are not supported");
        }
        return label != null && !label.contentEquals(String.valueOf(loops.peek().label()));
    }

    Lookups lookups() {
        return lookups;
    }

    Trees trees() {
        return trees;
    }

    /** {@code double[] r = c ? a : b}, made a copy: r, the arrays it chose between, the if that copies, the tree. */
    record Choice(Var copy, List<Var> chosen, dev.leibniz.processor.ir.If copying, Tree tree) {}

    private final List<Choice> choices = new ArrayList<>();

    List<Choice> choices() {
        return choices;
    }

    /** Arrays that calls returned, with the method each came from. */
    private final java.util.Map<Var, javax.lang.model.element.ExecutableElement> returnedBy = new java.util.HashMap<>();

    void returnedBy(Var array, javax.lang.model.element.ExecutableElement method) {
        returnedBy.put(array, method);
    }

    /**
     * An array a call returned may be one of the call's arguments (Java shares arrays), and then
     * writing into it would change the caller's array behind the derivative's back.
     */
    void checkWritable(Var array, Tree at) throws Unsupported {
        javax.lang.model.element.ExecutableElement from = returnedBy.get(array.base());
        if (from != null && procedures.mayReturnArgument(from)) {
            throw new Unsupported(at, "'" + array.base().baseName() + "' is what '" + from.getSimpleName() + "' returned, "
                    + "which may be one of its arguments (Java shares arrays), so writing into it would change that "
                    + "argument; write into a copy (double[] copy = " + array.base().baseName() + ".clone())");
        }
    }

    ProcedureOutputs procedures() {
        return procedures;
    }

    UserRules rules() {
        return rules;
    }

    ExecutableElement method() {
        return method;
    }

    Exits exits() {
        return exits;
    }

    boolean inScope(Rest body) throws Unsupported {
        Scope saved = scope;
        scope = new Scope(scope);
        try {
            return body.lowerInto();
        } finally {
            scope = saved;
        }
    }

    /** Lowers a branch into a fresh nested block, in its own scope. */
    Block branch(Rest body) throws Unsupported {
        Block saved = out;
        Block b = new Block(saved.depth() + 1);
        out = b;
        open.push(b);
        try {
            inScope(body);
        } finally {
            out = saved;
            open.pop();
        }
        return b;
    }

    /** The root and every block being built: a block joins its parent only once it is complete. */
    List<Block> blocksSoFar() {
        List<Block> all = new ArrayList<>(open);
        all.add(root);
        return all;
    }

    private void lowerStatement(StatementTree s) throws Unsupported {
        switch (s.getKind()) {
            case VARIABLE -> declare((VariableTree) s);
            case EXPRESSION_STATEMENT -> expressionStatement(((ExpressionStatementTree) s).getExpression());
            case BLOCK -> inScope(() -> {
                for (StatementTree inner : ((BlockTree) s).getStatements()) {
                    lowerStatement(inner);
                }
                return true;
            });
            case IF -> plainIf((IfTree) s);
            case EMPTY_STATEMENT -> { }
            case FOR_LOOP, ENHANCED_FOR_LOOP, WHILE_LOOP, DO_WHILE_LOOP -> loopLowering.lower(s, null);
            case LABELED_STATEMENT -> {
                var labeled = (com.sun.source.tree.LabeledStatementTree) s;
                switch (labeled.getStatement().getKind()) {
                    case FOR_LOOP, ENHANCED_FOR_LOOP, WHILE_LOOP, DO_WHILE_LOOP ->
                            loopLowering.lower(labeled.getStatement(), labeled.getLabel().toString());
                    default -> throw new Unsupported(s, "labels are supported on loops only");
                }
            }
            case TRY -> throw new Unsupported(s, "try is not supported in a @Differentiable method; "
                    + "handle exceptions in the caller");
            case SWITCH -> switches.statement((com.sun.source.tree.SwitchTree) s);
            case SYNCHRONIZED -> throw new Unsupported(s, "synchronized is not supported in a @Differentiable method; "
                    + "synchronize in the caller");
            case THROW -> throw new Unsupported(s, "throw is not supported in a @Differentiable method yet; "
                    + "validate the arguments in the caller");
            case BREAK, CONTINUE -> throw new Unsupported(s, "break and continue outside a loop are not supported");
            case CLASS -> throw new Unsupported(s, "local classes are not supported in a @Differentiable method; "
                    + "declare the class outside the method");
            case ASSERT -> throw new Unsupported(s, "assert is not supported in a @Differentiable method; "
                    + "check the condition in the caller");
            default -> throw new Unsupported(s, "this statement is not supported in a @Differentiable method");
        }
    }

    private void declare(VariableTree v) throws Unsupported {
        String name = v.getName().toString();
        Type t;
        String javaType = null;
        if (v.getType() == null || v.getType().toString().equals("var")) {
            t = v.getInitializer() == null ? null : expressions.typeOf(v.getInitializer());
            if (t == Type.REFERENCE) {
                javaType = expressions.javaTypeOf(v.getInitializer());
            }
            if (t == null || t == Type.REFERENCE && javaType == null) {
                throw new Unsupported(v, "cannot tell the type of '" + name + "'; declare it with an explicit type");
            }
        } else {
            t = Type.ofName(v.getType().toString());
        }
        if (t == null) {
            javaType = expressions.typeText(v.getType());
            t = Type.REFERENCE;
        }
        Slot slot = new Slot(name, t, javaType);
        if (t.isFloatingArray()) {
            current.put(slot, ArrayLowering.declare(this, expressions, v, slot));
        } else if (v.getInitializer() != null) {
            Operand init = expressions.initializer(v.getInitializer(), t, name, javaType);
            Var var = typed(named(init, name, t, v), slot);
            if (inLoop()) {
                var.setMutable();
            }
            current.put(slot, var);
        } else {
            current.put(slot, null);
        }
        scope.declare(slot);
    }

    private void expressionStatement(ExpressionTree e) throws Unsupported {
        switch (e.getKind()) {
            case ASSIGNMENT -> {
                var a = (com.sun.source.tree.AssignmentTree) e;
                if (ArrayLowering.isElement(a.getVariable())) {
                    ArrayLowering.store(this, expressions, a.getVariable(), a.getExpression(), null, e);
                    return;
                }
                Slot slot = assignable(a.getVariable());
                Var target = mutableTarget(slot);
                reuse = target;
                Operand v = expressions.lower(a.getExpression(), slot.type, slot.name);
                reuse = null;
                current.put(slot, typed(assigned(v, slot.name, slot.type, e, target), slot));
            }
            case PLUS_ASSIGNMENT, MINUS_ASSIGNMENT, MULTIPLY_ASSIGNMENT, DIVIDE_ASSIGNMENT, REMAINDER_ASSIGNMENT -> {
                CompoundAssignmentTree c = (CompoundAssignmentTree) e;
                if (ArrayLowering.isElement(c.getVariable())) {
                    ArrayLowering.store(this, expressions, c.getVariable(), c.getExpression(), c.getKind(), e);
                    return;
                }
                Slot slot = assignable(c.getVariable());
                Var target = mutableTarget(slot);
                reuse = target;
                Var v = expressions.compound(c, slot, currentOf(slot, c.getVariable()));
                reuse = null;
                current.put(slot, assigned(v, slot.name, slot.type, e, target));
            }
            case PREFIX_INCREMENT, POSTFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_DECREMENT -> {
                UnaryTree u = (UnaryTree) e;
                if (ArrayLowering.isElement(u.getExpression())) {
                    ArrayLowering.store(this, expressions, u.getExpression(), null, u.getKind(), e);
                    return;
                }
                Slot slot = assignable(u.getExpression());
                Var target = mutableTarget(slot);
                reuse = target;
                Var v = expressions.increment(u, slot, currentOf(slot, u.getExpression()));
                reuse = null;
                current.put(slot, assigned(v, slot.name, slot.type, e, target));
            }
            case METHOD_INVOCATION -> {
                var call = (com.sun.source.tree.MethodInvocationTree) e;
                if (!expressions.procedureCall(call) && !ArrayCopies.statement(this, expressions, call)) {
                    out.add(new Opaque(null, expressions.template(e), pos(e), e,
                            ArrayArguments.writes(this, expressions, e)));
                }
            }
            default -> throw new Unsupported(e, "this expression statement is not supported in a @Differentiable method");
        }
    }

    /**
     * An assignment or ++/-- inside an expression: done now, as its own statement, and the
     * variable holding its value returned (for {@code i++}, a copy of the old value).
     *
     * @param whole the expression it sits in, where the variable must appear nowhere else
     */
    Var sideEffect(ExpressionTree e, ExpressionTree whole) throws Unsupported {
        ExpressionTree target = e instanceof com.sun.source.tree.AssignmentTree a ? a.getVariable()
                : e instanceof CompoundAssignmentTree c ? c.getVariable() : ((UnaryTree) e).getExpression();
        if (ArrayLowering.isElement(target)) {
            throw new Unsupported(e, "an assignment to an array element inside an expression is not supported in a "
                    + "@Differentiable method; make it its own statement");
        }
        Slot slot = assignable(target);
        if (Mentions.count(whole, slot.name) > Mentions.count(e, slot.name)) {
            throw new Unsupported(e, "'" + slot.name + "' is assigned inside an expression that also reads it; "
                    + "make the assignment its own statement, so the order is plain");
        }
        Var old = null;
        if (e.getKind() == Tree.Kind.POSTFIX_INCREMENT || e.getKind() == Tree.Kind.POSTFIX_DECREMENT) {
            old = typed(newVar(slot.name + "Before", slot.type, Var.Kind.TEMP), slot);
            if (inLoop()) {
                old.setMutable();
            }
            out.add(new Compute(old, Elementary.COPY, List.of(currentOf(slot, target)), "Math", pos(e)));
        }
        expressionStatement(e);
        return old != null ? old : currentOf(slot, target);
    }

    /** The local an assignment writes; writes to anything else are rejected. */
    private Slot assignable(ExpressionTree target) throws Unsupported {
        ExpressionTree t = target;
        while (t instanceof ParenthesizedTree p) {
            t = p.getExpression();
        }
        if (t instanceof IdentifierTree id) {
            Slot slot = scope.lookup(id.getName().toString());
            if (slot != null && slot.type.isFloatingArray()) {
                throw new Unsupported(target, "array variables cannot be assigned again in a @Differentiable method; "
                        + "use another variable, or write the elements");
            }
            if (slot != null) {
                return slot;
            }
        }
        if (t.getKind() == Tree.Kind.ARRAY_ACCESS) {
            throw new Unsupported(target, "writing array elements is not supported in a @Differentiable method yet; "
                    + "keep the values in local variables");
        }
        throw new Unsupported(target, "a @Differentiable method must not write to fields (a differentiable function "
                + "has no side effects); return the value and let the caller store it");
    }

    private void plainIf(IfTree ift) throws Unsupported {
        joined(expressions.condition(ift.getCondition()), () -> {
            lowerStatement(ift.getThenStatement());
            return true;
        }, () -> {
            if (ift.getElseStatement() != null) {
                lowerStatement(ift.getElseStatement());
            }
            return true;
        }, ifPos(ift));
    }

    /**
     * {@code if (cond) then else otherwise}, each lowered into its own block; a variable the two
     * leave with different versions meets in a phi after the branch.
     */
    void joined(Template cond, Rest thenBody, Rest elseBody, Pos pos) throws Unsupported {
        Map<Slot, Var> before = new LinkedHashMap<>(current);
        Block thenB = branch(thenBody);
        Map<Slot, Var> thenEnd = current;
        current = new LinkedHashMap<>(before);
        Block elseB = branch(elseBody);
        Map<Slot, Var> elseEnd = current;
        current = new LinkedHashMap<>();
        List<Var> phis = new ArrayList<>();
        for (Slot slot : before.keySet()) {
            Var t = thenEnd.get(slot);
            Var e = elseEnd.get(slot);
            if (t == e) {
                current.put(slot, t);
            } else if (t == null || e == null) {
                current.put(slot, null); // not definitely assigned after the if; javac rejects any read
            } else {
                Var phi = typed(newVar(slot.name, slot.type, Var.Kind.PHI), slot);
                thenB.add(new Compute(phi, Elementary.COPY, List.of(t), "Math", pos));
                elseB.add(new Compute(phi, Elementary.COPY, List.of(e), "Math", pos));
                phis.add(phi);
                current.put(slot, phi);
            }
        }
        out.add(new If(cond, newVar("branch", Type.BOOLEAN, Var.Kind.BRANCH), thenB, elseB, phis, pos));
    }

    /**
     * {@code if (cond) then else otherwise} where a path may return: what follows goes into each
     * path that falls through, so no phis are needed.
     */
    boolean joinedWithRest(Template cond, Rest thenBody, Rest elseBody, Pos pos) throws Unsupported {
        Map<Slot, Var> before = new LinkedHashMap<>(current);
        Block thenB = branch(thenBody);
        current = new LinkedHashMap<>(before);
        Block elseB = branch(elseBody);
        current = before;
        out.add(new If(cond, newVar("branch", Type.BOOLEAN, Var.Kind.BRANCH), thenB, elseB, List.of(), pos));
        return false;
    }

    // ---- shared with Expressions ----------------------------------------------------------

    static Var typed(Var v, Slot slot) {
        if (slot.javaType != null) {
            v.setJavaType(slot.javaType);
        }
        return v;
    }

    /** Gives a value a user variable's name: reuses a fresh temporary, else copies. */
    /** The value of an assignment: written into the loop's mutable variable, or named as a new version. */
    private Var assigned(Operand v, String name, Type t, Tree at, Var mutable) {
        if (mutable == null) {
            return named(v, name, t, at);
        }
        if (v == mutable) {
            if (lastDefines(mutable)) {
                retag(mutable, at);
            }
            return mutable;
        }
        out.add(new Compute(mutable, Elementary.COPY, List.of(v), "Math", pos(at)));
        return mutable;
    }

    private Var named(Operand v, String name, Type t, Tree at) {
        if (v instanceof Var var && var.kind() == Var.Kind.LOCAL && var.baseName().equals(name) && var.type() == t
                && lastDefines(var)) {
            retag(var, at);
            return var;
        }
        Var target = newVar(name, t, Var.Kind.LOCAL);
        out.add(new Compute(target, Elementary.COPY, List.of(v), "Math", pos(at)));
        return target;
    }

    /** Gives the step that defines v the whole statement's source, for its comment. */
    private void retag(Var v, Tree at) {
        int last = out.stmts().size() - 1;
        if (out.stmts().get(last) instanceof Compute c && c.target() == v) {
            out.stmts().set(last, new Compute(c.target(), c.op(), c.args(), c.mathClass(), pos(at)));
        } else if (out.stmts().get(last) instanceof Opaque o && o.target() == v) {
            out.stmts().set(last, new Opaque(o.target(), o.code(), pos(at), o.tree(), o.writes()));
        } else if (out.stmts().get(last) instanceof dev.leibniz.processor.ir.Load l && l.target() == v) {
            out.stmts().set(last, new dev.leibniz.processor.ir.Load(l.target(), l.array(), l.index(), pos(at)));
        } else if (out.stmts().get(last) instanceof dev.leibniz.processor.ir.Call k && k.target() == v) {
            out.stmts().set(last, new dev.leibniz.processor.ir.Call(k.target(), k.callee(), k.receiver(), k.args(),
                    pos(at), k.tree()));
        }
    }

    /** Inside a loop a variable is one mutable location: assignments write it again. */
    private Var mutableTarget(Slot slot) {
        Var v = current.get(slot);
        return inLoop() && v != null && v.isMutable() ? v : null;
    }

    boolean inLoop() {
        return !loops.isEmpty();
    }

    java.util.ArrayDeque<LoopContext> loops() {
        return loops;
    }

    Map<Slot, Var> current() {
        return current;
    }

    Block root() {
        return root;
    }

    Scope scope() {
        return scope;
    }

    void setScope(Scope s) {
        scope = s;
    }

    Expressions expressions() {
        return expressions;
    }

    Switches switches() {
        return switches;
    }

    boolean lowerBody(List<? extends StatementTree> stmts, Rest rest) throws Unsupported {
        return lowerStatements(stmts, 0, rest);
    }

    void lowerOne(StatementTree s) throws Unsupported {
        lowerStatement(s);
    }

    private boolean lastDefines(Var v) {
        if (out.stmts().isEmpty()) {
            return false;
        }
        var last = out.stmts().get(out.stmts().size() - 1);
        return last instanceof Compute c && c.target() == v
                || last instanceof Opaque o && o.target() == v
                || last instanceof dev.leibniz.processor.ir.Load l && l.target() == v
                || last instanceof dev.leibniz.processor.ir.Call k && k.target() == v
                || last instanceof If i && i.phis().contains(v);
    }

    Var currentOf(Slot slot, Tree at) throws Unsupported {
        Var v = current.get(slot);
        if (v == null) {
            throw new Unsupported(at, "'" + slot.name + "' might not have been assigned here");
        }
        return v;
    }

    Slot slot(String name) {
        return scope.lookup(name);
    }

    /** The current version of a local, for black-box code; null when the name is not a local. */
    Var localOrNull(String name) {
        Slot s = scope.lookup(name);
        return s == null ? null : current.get(s);
    }

    Var newVar(String base, Type t, Var.Kind kind) {
        Var v = new Var(base, t, kind);
        v.setDepth(out.depth());
        return v;
    }

    void add(dev.leibniz.processor.ir.Stmt s) {
        out.add(s);
    }

    Block block() {
        return out;
    }

    void setBlock(Block b) {
        out = b;
    }

    Pos pos(Tree t) {
        return source.pos(t);
    }

    /** An if statement is described by its condition alone. */
    private Pos ifPos(IfTree ift) {
        Pos c = pos(ift.getCondition());
        return new Pos(c.line(), "if " + c.text());
    }

    NameResolver names() {
        return names;
    }

    Elements elements() {
        return elements;
    }

    /** Whether a tree reads a local of floating type, the only values that can carry a derivative. */
    boolean mentionsFloating(Tree t) {
        Boolean found = new TreeScanner<Boolean, Void>() {
            @Override
            public Boolean visitIdentifier(IdentifierTree id, Void unused) {
                Slot s = scope.lookup(id.getName().toString());
                return s != null && (s.type.isFloating() || s.type.isFloatingArray());
            }

            @Override
            public Boolean visitMemberSelect(com.sun.source.tree.MemberSelectTree m, Void unused) {
                if (m.getIdentifier().contentEquals("length")) {
                    return false; // w.length, w[0].length: an array's length is an int, whatever its elements
                }
                return super.visitMemberSelect(m, unused);
            }

            @Override
            public Boolean reduce(Boolean a, Boolean b) {
                return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
            }
        }.scan(t, null);
        return Boolean.TRUE.equals(found);
    }
}
