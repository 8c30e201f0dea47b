package dev.leibniz.processor.parse;

import dev.leibniz.processor.ir.Type;

/** A local variable or parameter of the user's method, whose versions the IR tracks. */
final class Slot {
    final String name;
    final Type type;
    /** The declared type's source, for object locals; null for primitives. */
    final String javaType;

    Slot(String name, Type type) {
        this(name, type, null);
    }

    Slot(String name, Type type, String javaType) {
        this.name = name;
        this.type = type;
        this.javaType = javaType;
    }
}
