package dev.leibniz.processor.parse;

import java.util.HashMap;
import java.util.Map;

/** Java block scoping of the user's local variable names. */
final class Scope {
    private final Scope parent;
    private final Map<String, Slot> slots = new HashMap<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    Scope parent() {
        return parent;
    }

    void declare(Slot slot) {
        slots.put(slot.name, slot);
    }

    Slot lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Slot slot = s.slots.get(name);
            if (slot != null) {
                return slot;
            }
        }
        return null;
    }
}
