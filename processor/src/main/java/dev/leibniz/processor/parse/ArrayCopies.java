package dev.leibniz.processor.parse;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import dev.leibniz.processor.diag.Unsupported;
import dev.leibniz.processor.ir.ArrayNew;
import dev.leibniz.processor.ir.Block;
import dev.leibniz.processor.ir.Const;
import dev.leibniz.processor.ir.Load;
import dev.leibniz.processor.ir.Loop;
import dev.leibniz.processor.ir.Opaque;
import dev.leibniz.processor.ir.Operand;
import dev.leibniz.processor.ir.Stmt;
import dev.leibniz.processor.ir.Store;
import dev.leibniz.processor.ir.Template;
import dev.leibniz.processor.ir.Type;
import dev.leibniz.processor.ir.Var;
import dev.leibniz.processor.rules.Elementary;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * The library calls that copy or fill floating arrays: {@code System.arraycopy},
 * {@code Arrays.fill}, {@code Arrays.copyOf}, {@code Arrays.copyOfRange} and {@code clone()}.
 * Each becomes a loop of element loads and stores, so the derivative flows through the copied
 * elements exactly as through a loop the user wrote, and an element that is overwritten gives
 * up its old adjoint. A bounds check first throws where the library call would.
 */
final class ArrayCopies {
    private ArrayCopies() {}

    /** {@code System.arraycopy(...)} or {@code Arrays.fill(...)} as a statement; false if it is neither. */
    static boolean statement(MethodParser p, Expressions ex, MethodInvocationTree c) throws Unsupported {
        String call = qualifiedName(ex, c);
        if (call.equals("java.lang.System.arraycopy") && c.getArguments().size() == 5) {
            return arraycopy(p, ex, c);
        }
        if (call.equals("java.util.Arrays.fill") && (c.getArguments().size() == 2 || c.getArguments().size() == 4)) {
            return fill(p, ex, c);
        }
        return false;
    }

    /**
     * {@code double[] y = Arrays.copyOf(x, n)}, {@code Arrays.copyOfRange(x, from, to)} or
     * {@code x.clone()}; null if the initialiser is none of these.
     */
    static Var declaration(MethodParser p, Expressions ex, VariableTree v, Slot slot) throws Unsupported {
        if (!(Expressions.unparen(v.getInitializer()) instanceof MethodInvocationTree c)) {
            return null;
        }
        String call = qualifiedName(ex, c);
        boolean clone = c.getArguments().isEmpty() && c.getMethodSelect() instanceof MemberSelectTree s
                && s.getIdentifier().contentEquals("clone");
        boolean copyOf = call.equals("java.util.Arrays.copyOf") && c.getArguments().size() == 2;
        boolean copyOfRange = call.equals("java.util.Arrays.copyOfRange") && c.getArguments().size() == 3;
        if (!clone && !copyOf && !copyOfRange) {
            return null;
        }
        ExpressionTree sourceTree = clone ? ((MemberSelectTree) c.getMethodSelect()).getExpression() : c.getArguments().get(0);
        Var source = floatingArray(p, ex, sourceTree, slot.type);
        if (source == null) {
            return null; // not an array of this type: javac reports the mismatch
        }
        if (slot.type.rank() != 1) {
            throw new Unsupported(c, "copying a double[][] copies references to its rows, which the copy would share; "
                    + "allocate new double[rows][columns] and copy the elements in a loop");
        }
        Operand from;
        Operand length;
        Operand count;
        if (clone) {
            from = zero();
            length = opaqueInt(p, "length", Template.concat(source, ".length"), c);
            count = length;
        } else if (copyOf) {
            from = zero();
            length = ex.lower(c.getArguments().get(1), Type.INT, null);
            count = opaqueInt(p, "count", Template.concat("java.lang.Math.min(", length(length), ", ", source, ".length)"), c);
        } else {
            from = ex.lower(c.getArguments().get(1), Type.INT, null);
            Operand to = ex.lower(c.getArguments().get(2), Type.INT, null);
            check(p, Template.concat("java.util.Objects.checkIndex(", length(from), ", ", source, ".length + 1)"), c);
            length = opaqueInt(p, "length", Template.concat(length(to), " - ", length(from)), c);
            count = opaqueInt(p, "count", Template.concat("java.lang.Math.min(", length(to), ", ", source, ".length) - ",
                    length(from)), c);
        }
        Var copy = p.newVar(slot.name, slot.type, Var.Kind.LOCAL);
        p.add(new ArrayNew(copy, List.of(length), true, p.pos(v), c));
        copyLoop(p, ex, source, from, copy, zero(), count, c);
        return copy;
    }

    /**
     * {@code double[] r = c ? a : b}: Java makes r an alias of the array chosen; Leibniz makes r a
     * copy of it, which reads the same as long as neither r nor the arrays chosen between are
     * written afterwards ({@link #checkChoices}). Null when the initialiser is not such a choice.
     */
    static Var choice(MethodParser p, Expressions ex, VariableTree v, Slot slot) throws Unsupported {
        if (!(Expressions.unparen(v.getInitializer()) instanceof com.sun.source.tree.ConditionalExpressionTree c)) {
            return null;
        }
        return choice(p, ex, c, slot.name, slot.type, v);
    }

    /** A choice between arrays anywhere an array is expected (a call's argument too), copied into {@code name}. */
    static Var choice(MethodParser p, Expressions ex, com.sun.source.tree.ConditionalExpressionTree c, String name,
            Type type, Tree at) throws Unsupported {
        if (type.rank() != 1) {
            throw new Unsupported(c, "choosing between double[][] arrays is not supported; choose the element "
                    + "(c ? a[i][j] : b[i][j]) where you read it");
        }
        Var pick = p.newVar("pick", Type.BOOLEAN, Var.Kind.TEMP);
        p.add(new Opaque(pick, ex.condition(c.getCondition()), p.pos(c.getCondition()), null));
        // No parentheses: the reverse sweep may rebuild this size for the adjoint (Layout.reverseText).
        Var length = opaqueInt(p, "length", Template.concat(pick, " ? ", ex.template(c.getTrueExpression()), ".length : ",
                ex.template(c.getFalseExpression()), ".length"), c);
        Var copy = p.newVar(name, type, Var.Kind.LOCAL);
        p.add(new ArrayNew(copy, List.of(length), true, p.pos(at), c));
        List<Var> chosen = new ArrayList<>();
        Block then = p.branch(() -> copyChosen(p, ex, c.getTrueExpression(), copy, length, chosen));
        Block otherwise = p.branch(() -> copyChosen(p, ex, c.getFalseExpression(), copy, length, chosen));
        var copying = new dev.leibniz.processor.ir.If(Template.concat(pick),
                p.newVar("branch", Type.BOOLEAN, Var.Kind.BRANCH), then, otherwise, List.of(), p.pos(c.getCondition()));
        p.add(copying);
        p.choices().add(new MethodParser.Choice(copy, chosen, copying, c));
        return copy;
    }

    private static boolean copyChosen(MethodParser p, Expressions ex, ExpressionTree e, Var copy, Var length,
            List<Var> chosen) throws Unsupported {
        if (Expressions.unparen(e) instanceof com.sun.source.tree.ConditionalExpressionTree) {
            throw new Unsupported(e, "choose between two arrays at a time: name the inner choice first "
                    + "(double[] bc = k == 1 ? b : c;) and choose between it and the other array");
        }
        Var row = copy.type() == Type.DOUBLE_ARRAY ? ArrayLowering.rowView(p, ex, e, null) : null;
        Var source = row != null ? row : floatingArray(p, ex, e, copy.type());
        if (source == null) {
            throw new Unsupported(e, "choose between " + copy.type().javaName() + " variables or rows of a matrix here");
        }
        chosen.add(source.base());
        copyLoop(p, ex, source, zero(), copy, zero(), length, e);
        return true;
    }

    /**
     * A choice is copied, so it must read as the alias Java makes: nothing may write into it, and
     * nothing may write into the arrays it chose between after it chose.
     */
    static void checkChoices(MethodParser p, Block root) throws Unsupported {
        for (MethodParser.Choice choice : p.choices()) {
            List<dev.leibniz.processor.ir.Placed> order = dev.leibniz.processor.ir.Placed.of(root, choice.copying());
            dev.leibniz.processor.ir.Placed made = order.stream().filter(x -> x.stmt() == choice.copying()).findFirst()
                    .orElseThrow();
            for (dev.leibniz.processor.ir.Placed at : order) {
                Stmt s = at.stmt();
                int i = at.order();
                List<Var> written = new ArrayList<>();
                if (s instanceof Store st) {
                    written.add(st.array().base());
                } else if (s instanceof dev.leibniz.processor.ir.Call k) {
                    k.outputs().forEach(o -> written.add(o.base()));
                }
                if (written.contains(choice.copy())) {
                    throw new Unsupported(choice.tree(), "Java makes this choice an alias of the array chosen, and it is "
                            + "written later (line " + line(s) + "), which writes into that array; Leibniz cannot follow "
                            + "that, so write into the chosen array itself");
                }
                boolean after = i > made.order() || shareLoop(at.loops(), made.loops());
                if (after && choice.chosen().stream().anyMatch(written::contains)) {
                    throw new Unsupported(choice.tree(), "the arrays this chooses between are written after it chose "
                            + "(line " + line(s) + "), and Java's alias would see those writes; finish writing them "
                            + "before choosing, or index the array you mean where you read it");
                }
            }
        }
    }

    private static boolean shareLoop(List<Loop> a, List<Loop> b) {
        return a.stream().anyMatch(b::contains);
    }

    private static long line(Stmt s) {
        return s instanceof Store st ? st.pos().line() : ((dev.leibniz.processor.ir.Call) s).pos().line();
    }

    private static boolean arraycopy(MethodParser p, Expressions ex, MethodInvocationTree c) throws Unsupported {
        List<? extends ExpressionTree> a = c.getArguments();
        Slot destSlot = slotOf(p, a.get(2));
        if (destSlot == null || !destSlot.type.isFloatingArray()) {
            return false; // not a floating array: nothing the derivative follows
        }
        if (destSlot.type.rank() != 1) {
            throw new Unsupported(c, "System.arraycopy between double[][] arrays copies references to rows, which both "
                    + "arrays would then share; copy the elements in a loop");
        }
        Var source = floatingArray(p, ex, a.get(0), destSlot.type);
        if (source == null) {
            throw new Unsupported(a.get(0), "copy into the " + destSlot.type.javaName() + " '" + destSlot.name
                    + "' from an array of the same type");
        }
        Operand srcPos = ex.lower(a.get(1), Type.INT, null);
        Var dest = writable(p, destSlot, a.get(2));
        Operand destPos = ex.lower(a.get(3), Type.INT, null);
        Operand count = ex.lower(a.get(4), Type.INT, null);
        // arraycopy checks all bounds before it copies anything; these checks fail exactly where it would.
        check(p, Template.concat("java.util.Objects.checkFromIndexSize(", length(srcPos), ", ", length(count), ", ",
                source, ".length)"), c);
        check(p, Template.concat("java.util.Objects.checkFromIndexSize(", length(destPos), ", ", length(count), ", ",
                dest, ".length)"), c);
        if (dest != source) {
            copyLoop(p, ex, source, srcPos, dest, destPos, count, c);
            return true;
        }
        // Within one array, arraycopy copies as if through a temporary: backwards when moving up, so that no
        // element is overwritten before it is read.
        p.joined(Template.concat(length(srcPos), " < ", length(destPos)), () -> {
            backwardCopyLoop(p, ex, source, srcPos, destPos, count, c);
            return true;
        }, () -> {
            copyLoop(p, ex, source, srcPos, dest, destPos, count, c);
            return true;
        }, p.pos(c));
        return true;
    }

    /** {@code for (k = count - 1; k >= 0; k--) a[destPos + k] = a[srcPos + k]}. */
    private static void backwardCopyLoop(MethodParser p, Expressions ex, Var a, Operand srcPos, Operand destPos,
            Operand count, Tree at) throws Unsupported {
        Operand last = ex.apply(Elementary.SUB, List.of(count, new Const("1", Type.INT, 1)), Type.INT, at);
        copyLoop(p, ex, a, srcPos, a, destPos, Template.concat(" >= 0"), last, -1, at);
    }

    private static boolean fill(MethodParser p, Expressions ex, MethodInvocationTree c) throws Unsupported {
        List<? extends ExpressionTree> a = c.getArguments();
        Slot slot = slotOf(p, a.get(0));
        if (slot == null || !slot.type.isFloatingArray()) {
            return false;
        }
        if (slot.type.rank() != 1) {
            return false; // Arrays.fill(double[][], ...) stores row references: javac rejects a double there
        }
        Var array = writable(p, slot, a.get(0));
        Operand from = zero();
        Operand count = opaqueInt(p, "length", Template.concat(array, ".length"), c);
        if (a.size() == 4) {
            from = ex.lower(a.get(1), Type.INT, null);
            Operand to = ex.lower(a.get(2), Type.INT, null);
            check(p, Template.concat("java.util.Objects.checkFromToIndex(", length(from), ", ", length(to), ", ",
                    array, ".length)"), c);
            count = opaqueInt(p, "count", Template.concat(length(to), " - ", length(from)), c);
        }
        Operand value = ex.lower(a.get(a.size() - 1), slot.type.element(), null);
        Var k = p.newVar("k", Type.INT, Var.Kind.LOCAL);
        Operand start = from;
        Block body = p.branch(() -> {
            p.add(new Store(array, List.of(offset(p, ex, start, k, c)), value, p.pos(c)));
            return true;
        });
        addLoop(p, k, count, body, c);
        return true;
    }

    /** {@code for (k = 0; k < count; k++) dest[destPos + k] = source[srcPos + k]}. */
    private static void copyLoop(MethodParser p, Expressions ex, Var source, Operand srcPos, Var dest, Operand destPos,
            Operand count, Tree at) throws Unsupported {
        copyLoop(p, ex, source, srcPos, dest, destPos, Template.concat(" < ", length(count)), zero(), 1, at);
    }

    /** The element copy loop from {@code start} in steps of {@code step} while {@code k + test} holds. */
    private static void copyLoop(MethodParser p, Expressions ex, Var source, Operand srcPos, Var dest, Operand destPos,
            Template test, Operand start, int step, Tree at) throws Unsupported {
        Var k = p.newVar("k", Type.INT, Var.Kind.LOCAL);
        Block body = p.branch(() -> {
            Var element = p.newVar(source.baseName() + "_k", dest.type().element(), Var.Kind.TEMP);
            p.add(new Load(element, source, List.of(offset(p, ex, srcPos, k, at)), p.pos(at)));
            p.add(new Store(dest, List.of(offset(p, ex, destPos, k, at)), element, p.pos(at)));
            return true;
        });
        p.add(new Loop(null, Template.concat(k, test), false, body, new Loop.Counted(k, start, step),
                p.newVar("trips", Type.INT, Var.Kind.TEMP), p.pos(at)));
    }

    private static void addLoop(MethodParser p, Var k, Operand count, Block body, Tree at) {
        Template condition = Template.concat(k, " < ", length(count));
        p.add(new Loop(null, condition, false, body, new Loop.Counted(k, zero(), 1),
                p.newVar("trips", Type.INT, Var.Kind.TEMP), p.pos(at)));
    }

    private static Operand offset(MethodParser p, Expressions ex, Operand start, Var k, Tree at) {
        if (start instanceof Const s && s.isLiteral() && s.numeric() == 0) {
            return k;
        }
        return ex.apply(Elementary.ADD, List.of(start, k), Type.INT, at);
    }

    /** A bounds check that throws as the library call would, before anything is written. */
    private static void check(MethodParser p, Template code, Tree at) {
        p.add(new Opaque(null, code, p.pos(at), null));
    }

    private static Var opaqueInt(MethodParser p, String name, Template code, Tree at) {
        Var v = p.newVar(name, Type.INT, Var.Kind.TEMP);
        p.add(new Opaque(v, code, p.pos(at), null)); // an integer the processor wrote: derivative 0
        return v;
    }

    /** An operand as a template piece: a variable stays a hole, a constant its text. */
    private static Object length(Operand o) {
        return o instanceof Var v ? v : ((Const) o).operandText();
    }

    private static Const zero() {
        return new Const("0", Type.INT, 0);
    }

    private static Slot slotOf(MethodParser p, ExpressionTree e) {
        return Expressions.unparen(e) instanceof IdentifierTree id ? p.slot(id.getName().toString()) : null;
    }

    /** The array a copy reads: a local or parameter, or any other array expression as a constant. */
    private static Var floatingArray(MethodParser p, Expressions ex, ExpressionTree e, Type type) throws Unsupported {
        Var row = type == Type.DOUBLE_ARRAY ? ArrayLowering.rowView(p, ex, e, null) : null;
        if (row != null) {
            return row; // X[n].clone(), Arrays.copyOf(X[n], k), System.arraycopy(X[n], ...)
        }
        Slot s = slotOf(p, e);
        if (s != null) {
            return s.type == type ? p.currentOf(s, Expressions.unparen(e)) : null;
        }
        Type t = ex.typeOf(e);
        if (t != type) {
            return null;
        }
        Operand o = ex.lower(e, type, null);
        return o instanceof Var v ? v : null;
    }

    private static Var writable(MethodParser p, Slot slot, ExpressionTree at) throws Unsupported {
        Var v = p.currentOf(slot, Expressions.unparen(at));
        p.checkWritable(v, at);
        if (v.kind() == Var.Kind.PARAM && !p.isProcedure() || v.kind() == Var.Kind.VIEW) {
            throw new Unsupported(at, "a @Differentiable method must not write into an array it was passed; "
                    + "copy it into a local array first");
        }
        return v;
    }

    /** {@code java.lang.System.arraycopy} for {@code System.arraycopy(...)}, a static import, etc.; "" if unknown. */
    static String qualifiedName(Expressions ex, MethodInvocationTree c) {
        if (!(c.getMethodSelect() instanceof MemberSelectTree) && !(c.getMethodSelect() instanceof IdentifierTree)) {
            return "";
        }
        TypeElement owner = ex.staticOwner(c);
        return owner == null ? "" : owner.getQualifiedName() + "." + Expressions.methodName(c);
    }
}
