package dev.leibniz.processor.ir;

/**
 * One IR value: a version of a user's variable, a parameter, a temporary or a recorded branch
 * decision. Each Var is assigned once, except phi variables, which every branch of an {@code if}
 * assigns at its end.
 */
public final class Var implements Operand {
    /** VIEW: a row of a matrix, which aliases it and is never written through. */
    public enum Kind { PARAM, LOCAL, TEMP, PHI, BRANCH, VIEW }

    private final String baseName;
    private final Type type;
    private final Kind kind;
    private String name;
    private String javaType;
    /** Nesting depth of the block that declares it: 0 is the method body. */
    private int depth;
    /** Assigned again inside a loop, rather than once as a new version. */
    private boolean mutable;
    /** Carries a value from one iteration of a loop to the next. */
    private boolean carried;
    /** For a VIEW, the matrix it is a row of. */
    private Var viewOf;

    public Var(String baseName, Type type, Kind kind) {
        this.baseName = baseName;
        this.type = type;
        this.kind = kind;
    }

    /** The name the user chose, or the operation that made a temporary. */
    public String baseName() {
        return baseName;
    }

    /** The unique Java name, once {@code NameAllocation} has run. */
    public String name() {
        return name != null ? name : baseName;
    }

    public void setName(String name) {
        this.name = name;
    }

    @Override
    public Type type() {
        return type;
    }

    /** How a declaration spells the type: the primitive, or the user's object type. */
    public String javaType() {
        return javaType != null ? javaType : type.javaName();
    }

    public void setJavaType(String javaType) {
        this.javaType = javaType;
    }

    public Kind kind() {
        return kind;
    }

    public int depth() {
        return depth;
    }

    public void setDepth(int depth) {
        this.depth = depth;
    }

    public boolean isMutable() {
        return mutable;
    }

    public void setMutable() {
        this.mutable = true;
    }

    public boolean isCarried() {
        return carried;
    }

    public void setCarried() {
        this.mutable = true;
        this.carried = true;
    }

    /** For a row, the matrix it belongs to; else null. */
    public Var viewOf() {
        return viewOf;
    }

    public void setViewOf(Var matrix) {
        this.viewOf = matrix;
    }

    /** The array whose memory this is: a row's matrix, else itself. */
    public Var base() {
        return viewOf != null ? viewOf : this;
    }

    @Override
    public String toString() {
        return name();
    }
}
