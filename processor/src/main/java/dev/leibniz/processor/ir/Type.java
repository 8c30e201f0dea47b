package dev.leibniz.processor.ir;

/** The primitive types the IR models; only floating types can carry a derivative. */
public enum Type {
    DOUBLE("double", true),
    FLOAT("float", true),
    LONG("long", false),
    INT("int", false),
    SHORT("short", false),
    CHAR("char", false),
    BYTE("byte", false),
    BOOLEAN("boolean", false),
    /** An array of doubles, whose elements carry derivatives. */
    DOUBLE_ARRAY("double[]", false),
    /** A matrix of doubles, indexed {@code w[i][j]}. */
    DOUBLE_MATRIX("double[][]", false),
    /** An array of floats, whose elements carry derivatives. */
    FLOAT_ARRAY("float[]", false),
    /** An object or other array: a black box whose contents the derivative cannot follow. */
    REFERENCE("Object", false);

    private final String javaName;
    private final boolean floating;

    Type(String javaName, boolean floating) {
        this.javaName = javaName;
        this.floating = floating;
    }

    public String javaName() {
        return javaName;
    }

    /** Whether a value of this type can have a non-zero derivative. */
    public boolean isFloating() {
        return floating;
    }

    public boolean isNumeric() {
        return this != BOOLEAN && !isReference();
    }

    public boolean isReference() {
        return this == REFERENCE || isFloatingArray();
    }

    /** double[], double[][] and float[]: arrays whose elements carry derivatives. */
    public boolean isFloatingArray() {
        return this == DOUBLE_ARRAY || this == DOUBLE_MATRIX || this == FLOAT_ARRAY;
    }

    /** The element type of a floating array. */
    public Type element() {
        return this == FLOAT_ARRAY ? FLOAT : DOUBLE;
    }

    /** The number of indices an element access takes. */
    public int rank() {
        return this == DOUBLE_MATRIX ? 2 : 1;
    }

    /** The zero literal used to initialise hoisted locals of this type. */
    public String zero() {
        return switch (this) {
            case DOUBLE -> "0.0";
            case FLOAT -> "0.0f";
            case LONG -> "0L";
            case BOOLEAN -> "false";
            case REFERENCE, DOUBLE_ARRAY, DOUBLE_MATRIX, FLOAT_ARRAY -> "null";
            default -> "0";
        };
    }

    /** Java's binary numeric promotion (JLS 5.6.2). */
    public static Type promote(Type a, Type b) {
        if (a == DOUBLE || b == DOUBLE) {
            return DOUBLE;
        }
        if (a == FLOAT || b == FLOAT) {
            return FLOAT;
        }
        if (a == LONG || b == LONG) {
            return LONG;
        }
        return INT;
    }

    public static Type ofName(String name) {
        for (Type t : values()) {
            if (t != REFERENCE && t.javaName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
