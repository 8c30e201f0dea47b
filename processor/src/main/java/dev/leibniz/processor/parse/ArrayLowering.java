package dev.leibniz.processor.parse;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import dev.leibniz.processor.diag.Unsupported;
import dev.leibniz.processor.ir.ArrayNew;
import dev.leibniz.processor.ir.Const;
import dev.leibniz.processor.ir.Load;
import dev.leibniz.processor.ir.Opaque;
import dev.leibniz.processor.ir.RowView;
import dev.leibniz.processor.ir.Operand;
import dev.leibniz.processor.ir.Store;
import dev.leibniz.processor.ir.Template;
import dev.leibniz.processor.ir.Type;
import dev.leibniz.processor.ir.Var;
import dev.leibniz.processor.rules.Elementary;
import java.util.ArrayList;
import java.util.List;

/**
 * Lowers local double and float arrays: their creation, element reads (each its own step, so
 * the adjoint flows back to that element) and element writes.
 */
final class ArrayLowering {
    private ArrayLowering() {}

    /** {@code double[] h = new double[n]} or {@code = {a, b}}: the only ways to make a local array. */
    static Var declare(MethodParser p, Expressions ex, VariableTree v, Slot slot) throws Unsupported {
        ExpressionTree init = v.getInitializer() == null ? null : Expressions.unparen(v.getInitializer());
        Var row = init == null || slot.type != Type.DOUBLE_ARRAY ? null : rowView(p, ex, init, slot.name);
        if (row != null) {
            return row;
        }
        Var copy = init == null ? null : ArrayCopies.declaration(p, ex, v, slot);
        if (copy == null && init != null) {
            copy = ArrayCopies.choice(p, ex, v, slot);
        }
        if (copy != null) {
            return copy;
        }
        if (init instanceof com.sun.source.tree.MethodInvocationTree call && slot.type == Type.DOUBLE_ARRAY) {
            Var result = ex.arrayCall(call, slot.name);
            if (result != null) {
                return result;
            }
        }
        if (!(init instanceof NewArrayTree na)) {
            throw new Unsupported(v, "a local " + slot.type.javaName() + " in a @Differentiable method must be created "
                    + "with new (for example new double[n]); aliases of other arrays are not supported");
        }
        return created(p, ex, na, slot.name, slot.type, v);
    }

    /**
     * {@code new double[n]}, {@code new double[]{a, b}} or {@code {a, b}} as a new local array named
     * {@code name}; {@code at} is where errors point.
     */
    static Var created(MethodParser p, Expressions ex, NewArrayTree na, String name, Type type, Tree at)
            throws Unsupported {
        List<Operand> dims = new ArrayList<>();
        List<? extends ExpressionTree> elements = na.getInitializers();
        if (elements != null) {
            if (type.rank() != 1) {
                throw new Unsupported(at, "initialise a local double[][] with new double[rows][columns] and assign its elements");
            }
            dims.add(new Const(String.valueOf(elements.size()), Type.INT, elements.size()));
        } else {
            for (ExpressionTree d : na.getDimensions()) {
                dims.add(ex.lower(d, Type.INT, null));
            }
            if (dims.size() != type.rank()) {
                throw new Unsupported(at, "give every dimension of the array, for example new double[rows][columns]");
            }
        }
        Var array = p.newVar(name, type, Var.Kind.LOCAL);
        p.add(new ArrayNew(array, dims, true, p.pos(at), na));
        if (elements != null) {
            for (int k = 0; k < elements.size(); k++) {
                Operand value = ex.lower(elements.get(k), type.element(), null);
                Const c = new Const(String.valueOf(k), Type.INT, k);
                p.add(new Store(array, List.of(c), value, p.pos(elements.get(k))));
            }
        }
        return array;
    }

    /**
     * {@code X[i]} of a {@code double[][]} local or parameter, as a read-only row named
     * {@code name} (or after X); null when e is not such a row.
     */
    static Var rowView(MethodParser p, Expressions ex, ExpressionTree e, String name) throws Unsupported {
        ExpressionTree t = Expressions.unparen(e);
        if (!(t instanceof ArrayAccessTree a) || !(Expressions.unparen(a.getExpression()) instanceof IdentifierTree id)) {
            return null;
        }
        Slot s = p.slot(id.getName().toString());
        if (s == null || s.type != Type.DOUBLE_MATRIX) {
            return null;
        }
        Var parent = p.currentOf(s, id);
        Operand i = ex.lower(a.getIndex(), Type.INT, null);
        Var row = p.newVar(name != null ? name : s.name + "_row", Type.DOUBLE_ARRAY, Var.Kind.VIEW);
        p.add(new RowView(row, parent, List.of(i), p.pos(e), e));
        return row;
    }

    /** The element variable of an enhanced for loop: {@code double v = array[i]}. */
    static void declareElement(MethodParser p, VariableTree element, Slot arraySlot, Var array, Var index)
            throws Unsupported {
        String name = element.getName().toString();
        Type t = Type.ofName(String.valueOf(element.getType()));
        boolean objects = arraySlot.javaType != null && arraySlot.javaType.endsWith("[]") && !arraySlot.type.isFloatingArray()
                && Type.ofName(arraySlot.javaType.substring(0, arraySlot.javaType.length() - 2)) == null;
        if (t == null && element.getType() != null && !element.getType().toString().equals("var") && !objects) {
            throw new Unsupported(element, "the loop variable must have a primitive type");
        }
        Var v;
        if (arraySlot.type.isFloatingArray()) {
            if (arraySlot.type == Type.DOUBLE_MATRIX) {
                if (t != null && t != Type.DOUBLE_ARRAY) {
                    throw new Unsupported(element, "the rows of a double[][] are double[]");
                }
                Var row = p.newVar(name, Type.DOUBLE_ARRAY, Var.Kind.VIEW);
                p.add(new RowView(row, array, List.of(index), p.pos(element), element));
                p.current().put(declared(p, name, Type.DOUBLE_ARRAY), row);
                return;
            }
            Type elem = t != null ? t : arraySlot.type.element();
            v = p.newVar(name, elem, Var.Kind.LOCAL);
            p.add(new Load(v, array, List.of(index), p.pos(element)));
            if (elem != arraySlot.type.element()) {
                throw new Unsupported(element, "the loop variable must have the array's element type");
            }
            v.setMutable();
            p.current().put(declared(p, name, elem), v);
        } else {
            Type elem = t != null ? t : Type.REFERENCE;
            v = p.newVar(name, elem, Var.Kind.LOCAL);
            v.setMutable();
            String javaType = null;
            if (objects && t == null) { // for (Model m : models): the element keeps its class, so calls on it resolve
                javaType = arraySlot.javaType.substring(0, arraySlot.javaType.length() - 2);
                v.setJavaType(javaType);
            }
            p.add(new Opaque(v, Template.concat(array, "[", index, "]"), p.pos(element), element));
            Slot slot = new Slot(name, elem, javaType);
            p.scope().declare(slot);
            p.current().put(slot, v);
        }
    }

    private static Slot declared(MethodParser p, String name, Type t) {
        Slot slot = new Slot(name, t);
        p.scope().declare(slot);
        return slot;
    }

    static boolean isElement(ExpressionTree target) {
        return Expressions.unparen(target).getKind() == Tree.Kind.ARRAY_ACCESS;
    }

    /** The array variable and index expressions of {@code a[i]} or {@code w[i][j]}, or null. */
    static Access access(MethodParser p, ExpressionTree e) {
        ExpressionTree t = Expressions.unparen(e);
        List<ExpressionTree> indices = new ArrayList<>();
        while (t instanceof ArrayAccessTree a) {
            indices.add(0, a.getIndex());
            t = Expressions.unparen(a.getExpression());
        }
        if (!(t instanceof IdentifierTree id)) {
            return null;
        }
        Slot slot = p.slot(id.getName().toString());
        if (slot == null || !slot.type.isFloatingArray() || indices.size() != slot.type.rank()) {
            return null;
        }
        return new Access(slot, id, indices);
    }

    record Access(Slot slot, IdentifierTree name, List<ExpressionTree> indices) {}

    /** {@code a[i] = value}, {@code a[i] op= value}, {@code a[i]++}: a store to a local array. */
    static void store(MethodParser p, Expressions ex, ExpressionTree target, ExpressionTree value, Tree.Kind kind,
            Tree statement) throws Unsupported {
        Access a = access(p, target);
        if (a == null) {
            Template lhs = ex.template(target);
            Template code = switch (kind == null ? Tree.Kind.ASSIGNMENT : kind) {
                case ASSIGNMENT -> Template.concat(lhs, " = ", ex.template(value));
                case POSTFIX_INCREMENT, PREFIX_INCREMENT -> Template.concat(lhs, "++");
                case POSTFIX_DECREMENT, PREFIX_DECREMENT -> Template.concat(lhs, "--");
                default -> Template.concat(lhs, " " + compoundSymbol(kind) + " ", ex.template(value));
            };
            p.add(new Opaque(null, code, p.pos(statement), statement, ArrayArguments.writes(p, ex, statement)));
            return;
        }
        Var array = p.currentOf(a.slot(), a.name());
        if (array.kind() == Var.Kind.PARAM && !p.isProcedure()) {
            throw new Unsupported(target, "a @Differentiable method must not write into an array it was passed; "
                    + "copy it into a local array first, or make the method void: its outputs are then the arrays "
                    + "it writes");
        }
        if (array.kind() == Var.Kind.VIEW) {
            throw new Unsupported(target, "'" + a.slot().name + "' is a row of a matrix, which Leibniz keeps read-only; "
                    + "write through the matrix itself (m[i][j] = v)");
        }
        p.checkWritable(array, target);
        List<Operand> index = indices(ex, a);
        Type elem = a.slot().type.element();
        Operand stored;
        if (kind == null) {
            stored = ex.lower(value, elem, null);
        } else {
            Var old = p.newVar(elementName(a, index), elem, Var.Kind.TEMP);
            p.add(new Load(old, array, index, p.pos(target)));
            Operand rhs = kind.name().endsWith("CREMENT") ? new Const("1", Type.INT, 1) : ex.lower(value, elem, null);
            Elementary op = switch (kind) {
                case PLUS_ASSIGNMENT, POSTFIX_INCREMENT, PREFIX_INCREMENT -> Elementary.ADD;
                case MINUS_ASSIGNMENT, POSTFIX_DECREMENT, PREFIX_DECREMENT -> Elementary.SUB;
                case MULTIPLY_ASSIGNMENT -> Elementary.MUL;
                case DIVIDE_ASSIGNMENT -> Elementary.DIV;
                default -> Elementary.REM;
            };
            stored = ex.apply(op, List.of(old, rhs), Type.promote(elem, rhs.type()), statement);
        }
        p.add(new Store(array, index, stored, p.pos(statement)));
    }

    /** {@code a[i]} read in an expression: one step, named after the array and index. */
    static Var load(MethodParser p, Expressions ex, Access a, Var target, Tree at) throws Unsupported {
        Var array = p.currentOf(a.slot(), a.name());
        List<Operand> index = indices(ex, a);
        Var t = target != null ? target : p.newVar(elementName(a, index), a.slot().type.element(), Var.Kind.TEMP);
        p.add(new Load(t, array, index, p.pos(at)));
        return t;
    }

    private static List<Operand> indices(Expressions ex, Access a) throws Unsupported {
        List<Operand> index = new ArrayList<>();
        for (ExpressionTree i : a.indices()) {
            index.add(ex.lower(i, Type.INT, null));
        }
        return index;
    }

    /** x[i] is called x_i, w[i][j] w_ij; anything fancier just x_elem. */
    private static String elementName(Access a, List<Operand> index) {
        StringBuilder sb = new StringBuilder(a.slot().name).append('_');
        for (Operand o : index) {
            String part = o instanceof Var v ? v.baseName() : ((Const) o).text();
            if (!part.matches("[A-Za-z0-9]+")) {
                return a.slot().name + "_elem";
            }
            sb.append(part);
        }
        return sb.toString();
    }

    private static String compoundSymbol(Tree.Kind kind) {
        return switch (kind) {
            case PLUS_ASSIGNMENT -> "+=";
            case MINUS_ASSIGNMENT -> "-=";
            case MULTIPLY_ASSIGNMENT -> "*=";
            case DIVIDE_ASSIGNMENT -> "/=";
            case REMAINDER_ASSIGNMENT -> "%=";
            default -> throw new IllegalArgumentException(kind.toString());
        };
    }
}
