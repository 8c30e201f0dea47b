package dev.leibniz.processor.transform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The forward sweep that a reverse sweep alone needs. When a caller's reverse sweep runs a
 * callee's pullback, the caller already has the callee's value and the arrays it writes, from
 * its own forward sweep; the callee's forward sweep must only leave what the callee's reverse
 * sweep reads: saved values, trip counts, counters, values the reverse reads where they stand.
 * Everything else is dead there (in {@code qtimesx}, every product: its reverse reloads the
 * inputs and reads no output), and this pass drops it.
 *
 * <p>It works on the generated statements, by the names they mention, and keeps what it cannot
 * read: a statement stays unless it only assigns a local, or elements of an array, that nothing
 * kept and no statement of the reverse sweep names. Calls other than {@code Math}'s, {@code new},
 * tape pushes, field writes and jumps always stay, so their effects and the values they push are
 * as in the full sweep. A name declared inside a loop or branch of the forward sweep is out of
 * the reverse sweep's scope, so the reverse sweep naming it (its own local of that name) does not
 * keep it.
 */
public final class ForwardPruning {
    /**
     * The names whose values kept code reads; {@code #a} for an array of which only the length is
     * read (its reference must be at hand, not what its elements hold).
     */
    private final Set<String> needed = new HashSet<>();
    private static final String LENGTH = Mentions.LENGTH;
    private final Set<Code> kept = Collections.newSetFromMap(new IdentityHashMap<>());
    private int droppedInLoops;

    private ForwardPruning() {}

    /**
     * The forward statements the {@code after} statements need, or null when that drops no work
     * done in a loop (then the full sweep is as cheap).
     *
     * @param forward the forward sweep
     * @param after what runs after it (the reverse sweep and what ends the method)
     * @param ignored names {@code after} mentions whose values it does not need
     */
    public static List<Code> prune(List<Code> forward, List<Code> after, Set<String> ignored) {
        ForwardPruning p = new ForwardPruning();
        Set<String> inner = new HashSet<>();
        Set<String> top = new HashSet<>();
        p.declared(forward, true, top, inner);
        Set<String> roots = new HashSet<>();
        p.mentioned(after, roots);
        roots.removeAll(ignored);
        for (String name : roots) {
            String bare = name.startsWith(LENGTH) ? name.substring(1) : name;
            if (top.contains(bare) || !inner.contains(bare)) {
                p.needed.add(name);
            }
        }
        while (p.mark(forward)) {
            // until nothing more is kept
        }
        List<Code> out = p.copy(forward, 0);
        return p.droppedInLoops == 0 ? null : out;
    }

    /**
     * The names the code mentions, {@code #a} where it reads only {@code a.length} (see
     * {@link Names#mentioned}).
     */
    public static Set<String> mentioned(List<Code> code) {
        Set<String> out = new HashSet<>();
        new ForwardPruning().mentioned(code, out);
        return out;
    }

    /** Whether the pruned code assigns this name (its value is at hand after it). */
    public static boolean assigns(List<Code> code, String name) {
        for (Code c : code) {
            if (c instanceof Code.Line l && name.equals(Statement.of(l.code()).defines())) {
                return true;
            } else if (c instanceof Code.Branch b && (assigns(b.then(), name) || assigns(b.otherwise(), name))) {
                return true;
            } else if (c instanceof Code.Loop l && assigns(l.body(), name)) {
                return true;
            }
        }
        return false;
    }

    /** One pass: marks what is kept, adding the names kept statements mention; whether anything changed. */
    private boolean mark(List<Code> code) {
        boolean changed = false;
        for (Code c : code) {
            if (kept.contains(c)) {
                if (c instanceof Code.Branch b) {
                    changed |= mark(b.then()) | mark(b.otherwise());
                } else if (c instanceof Code.Loop l) {
                    changed |= mark(l.body());
                }
                continue;
            }
            boolean keep;
            if (c instanceof Code.Line l) {
                Statement st = Statement.of(l.code());
                keep = st.defines() == null || needed.contains(st.defines())
                        || !st.element() && needed.contains(LENGTH + st.defines());
                if (keep) {
                    needed.addAll(Mentions.mentioned(l.code()));
                }
            } else if (c instanceof Code.Branch b) {
                mark(b.then());
                mark(b.otherwise());
                keep = anyKept(b.then()) || anyKept(b.otherwise()) || !Statement.pure(b.condition());
                if (keep) {
                    needed.addAll(Mentions.mentioned(b.condition()));
                }
            } else if (c instanceof Code.Loop l) {
                mark(l.body());
                keep = anyKept(l.body()) || !Statement.pure(l.header() == null ? "" : l.header())
                        || l.doWhile() != null && !Statement.pure(l.doWhile());
                if (keep) {
                    needed.addAll(Mentions.mentioned(l.header() == null ? "" : l.header()));
                    if (l.doWhile() != null) {
                        needed.addAll(Mentions.mentioned(l.doWhile()));
                    }
                }
            } else {
                keep = false; // a comment
            }
            if (keep) {
                kept.add(c);
                changed = true;
            }
        }
        return changed;
    }

    private boolean anyKept(List<Code> code) {
        for (Code c : code) {
            if (kept.contains(c)) {
                return true;
            }
        }
        return false;
    }

    private List<Code> copy(List<Code> code, int depth) {
        List<Code> out = new ArrayList<>();
        for (Code c : code) {
            if (c instanceof Code.Comment) {
                if (depth == 0) {
                    out.add(c);
                }
                continue;
            }
            if (!kept.contains(c)) {
                droppedInLoops += depth > 0 ? lines(c) : loopLines(c);
                continue;
            }
            if (c instanceof Code.Branch b) {
                out.add(b.with(copy(b.then(), depth), copy(b.otherwise(), depth)));
            } else if (c instanceof Code.Loop l) {
                out.add(new Code.Loop(l.label(), l.header(), copy(l.body(), depth + 1), l.doWhile(), l.comment()));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    private static int lines(Code c) {
        if (c instanceof Code.Line) {
            return 1;
        }
        int n = 0;
        for (Code x : children(c)) {
            n += lines(x);
        }
        return n;
    }

    /** The statements inside loops within c (c itself at the top of the sweep). */
    private static int loopLines(Code c) {
        if (c instanceof Code.Loop l) {
            int n = 0;
            for (Code x : l.body()) {
                n += lines(x);
            }
            return n;
        }
        int n = 0;
        for (Code x : children(c)) {
            n += loopLines(x);
        }
        return n;
    }

    private static List<Code> children(Code c) {
        if (c instanceof Code.Branch b) {
            List<Code> all = new ArrayList<>(b.then());
            all.addAll(b.otherwise());
            return all;
        }
        return c instanceof Code.Loop l ? l.body() : List.of();
    }

    /** Names declared at the top of the sweep, and names declared inside its loops and branches. */
    private void declared(List<Code> code, boolean atTop, Set<String> top, Set<String> inner) {
        for (Code c : code) {
            if (c instanceof Code.Line l) {
                Statement st = Statement.of(l.code());
                if (st.declares()) {
                    (atTop ? top : inner).add(st.defines());
                }
            } else if (c instanceof Code.Branch b) {
                declared(b.then(), false, top, inner);
                declared(b.otherwise(), false, top, inner);
            } else if (c instanceof Code.Loop l) {
                String h = l.header() == null ? "" : l.header();
                if (h.startsWith("for (")) {
                    String init = h.substring(5, Math.max(5, h.indexOf(';')));
                    Statement st = Statement.of(init);
                    if (st.declares()) {
                        inner.add(st.defines());
                    }
                }
                declared(l.body(), false, top, inner);
            }
        }
    }

    private void mentioned(List<Code> code, Set<String> into) {
        for (Code c : code) {
            if (c instanceof Code.Line l) {
                into.addAll(Mentions.mentioned(l.code()));
            } else if (c instanceof Code.Branch b) {
                into.addAll(Mentions.mentioned(b.condition()));
                mentioned(b.then(), into);
                mentioned(b.otherwise(), into);
            } else if (c instanceof Code.Loop l) {
                into.addAll(Mentions.mentioned(l.header() == null ? "" : l.header()));
                if (l.doWhile() != null) {
                    into.addAll(Mentions.mentioned(l.doWhile()));
                }
                mentioned(l.body(), into);
            }
        }
    }
}
