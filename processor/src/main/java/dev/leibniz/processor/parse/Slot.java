package dev.leibniz.processor.parse;

import dev.leibniz.processor.ir.Type;

/** A local variable or parameter of the user's method, whose versions the IR tracks. */
final class Slot {
    final String name;
    final Type type;

    Slot(String name, Type type) {
        this.name = name;
        this.type = type;
    }
}
