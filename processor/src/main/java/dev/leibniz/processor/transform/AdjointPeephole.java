package dev.leibniz.processor.transform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Two rewrites of a generated sweep that save memory traffic the JIT cannot save itself (it
 * must assume that two adjoint arrays may be one), then {@link NegationFolding}:
 * <ul>
 *   <li><b>An element updated in place passes its adjoint through.</b> The reverse of
 *       {@code a[j] = a[j] + e} takes {@code s_bar = a_bar[j]}, zeroes {@code a_bar[j]}, and later
 *       adds {@code a_j_bar = s_bar} back: when nothing between reads {@code a_bar}, the zeroing
 *       and the adding cancel, and both go.</li>
 *   <li><b>An adjoint element a loop adds to at a fixed index is summed in a local.</b> In
 *       {@code for (j ...) x_bar[i] += t;} with {@code i} unchanged by the loop and {@code x_bar}
 *       named nowhere else in it, the loop sums into a local, added to {@code x_bar[i]} once
 *       after it.</li>
 * </ul>
 * Both read the code by the names it mentions (as {@link ForwardPruning} does) and leave alone
 * whatever does not have exactly the shape above.
 */
public final class AdjointPeephole {
    private final Set<String> taken;
    /** The adjoint arrays no other name aliases in the sweep: those of whole double[] parameters and locals. */
    private final Set<String> arrays;

    private AdjointPeephole(Set<String> taken, Set<String> arrays) {
        this.taken = taken;
        this.arrays = arrays;
    }

    /**
     * The sweep with both rewrites applied.
     *
     * @param arrays the names of the adjoint arrays they may touch: of {@code double[]} parameters and
     *     locals, not of rows of matrices (which alias the matrix's adjoint)
     */
    public static List<Code> apply(List<Code> body, Set<String> arrays) {
        body = Code.withoutMarkers(body);
        Set<String> names = new LazyNames(body);
        AdjointPeephole p = new AdjointPeephole(names, arrays);
        return NegationFolding.apply(p.passThrough(p.rewrite(body)), names);
    }

    private List<Code> rewrite(List<Code> code) {
        List<Code> out = new ArrayList<>();
        for (Code c : code) {
            if (c instanceof Code.Loop l) {
                Code.Loop inner = new Code.Loop(l.label(), l.header(), passThrough(rewrite(l.body())), l.doWhile(),
                        l.comment());
                out.addAll(promote(inner));
            } else if (c instanceof Code.Branch b) {
                out.add(b.with(passThrough(rewrite(b.then())), passThrough(rewrite(b.otherwise()))));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    // ---- an element updated in place ----------------------------------------------------------

    /** {@code a[i]}: an element with an index of no brackets. */
    private static final java.util.regex.Pattern ELEMENT = java.util.regex.Pattern.compile("[A-Za-z_$][\\w$]*\\[[^\\[\\]]+\\]");

    /** Drops each {@code a[i] = 0} ... {@code a[i] += t} pair where t is a copy of what a[i] held. */
    private List<Code> passThrough(List<Code> code) {
        List<Code> out = new ArrayList<>(code);
        for (int k = 0; k + 1 < out.size(); k++) {
            if (!(out.get(k) instanceof Code.Line read) || !(out.get(k + 1) instanceof Code.Line zero)) {
                continue;
            }
            String[] load = declaration(read.code()); // double s = a[i]
            if (load == null || !ELEMENT.matcher(load[1]).matches()) {
                continue;
            }
            String element = load[1];
            String array = element.substring(0, element.indexOf('['));
            if (!zero.code().equals(element + " = 0") || !arrays.contains(array)) {
                continue;
            }
            Set<String> indexNames = Mentions.mentioned(element.substring(element.indexOf('[')));
            Set<String> copies = new HashSet<>();
            int back = -1;
            for (int m = k + 2; m < out.size() && back < 0; m++) {
                Code c = out.get(m);
                if (c instanceof Code.Line l && l.code().startsWith(element + " += ")
                        && copies.contains(l.code().substring(element.length() + 4))
                        && assignedIn(out, l.code().substring(element.length() + 4)) == 1) {
                    back = m;
                    break;
                }
                Set<String> mentioned = ForwardPruning.mentioned(List.of(c));
                Set<String> assigned = new HashSet<>();
                assigned(List.of(c), assigned);
                if (mentioned.contains(array) || mentioned.contains(LENGTH + array) || jumps(List.of(c))
                        || assigned.contains(load[0]) || !java.util.Collections.disjoint(assigned, indexNames)) {
                    break;
                }
                String[] d = c instanceof Code.Line l ? declaration(l.code()) : null;
                copies.removeAll(assigned); // a copy that got other contributions is no copy
                if (d != null && d[1].equals(load[0])) {
                    copies.add(d[0]);
                }
            }
            if (back < 0) {
                continue;
            }
            String copy = ((Code.Line) out.get(back)).code().substring(element.length() + 4);
            out.remove(back);
            out.remove(k + 1);
            Set<String> still = new HashSet<>();
            for (Code c : out) {
                if (!(c instanceof Code.Line l && l.code().startsWith("double " + copy + " = "))) {
                    still.addAll(ForwardPruning.mentioned(List.of(c)));
                }
            }
            if (!still.contains(copy)) { // the copy was for that add alone
                out.removeIf(c -> c instanceof Code.Line l && l.code().equals("double " + copy + " = " + load[0]));
            }
        }
        return out;
    }

    /** {@code double name = expression}: {name, expression}, or null. */
    private static String[] declaration(String code) {
        if (!code.startsWith("double ")) {
            return null;
        }
        int eq = code.indexOf(" = ");
        if (eq < 0) {
            return null;
        }
        String name = code.substring("double ".length(), eq);
        return Statement.isName(name) ? new String[] {name, code.substring(eq + 3)} : null;
    }

    private static int assignedIn(List<Code> code, String name) {
        int n = 0;
        for (Code c : code) {
            if (c instanceof Code.Line l && name.equals(Statement.of(l.code()).defines())) {
                n++;
            } else if (c instanceof Code.Loop || c instanceof Code.Branch) {
                Set<String> assigned = new HashSet<>();
                assigned(List.of(c), assigned);
                n += assigned.contains(name) ? 2 : 0;
            }
        }
        return n;
    }

    // ---- an element a loop adds to at a fixed index --------------------------------------------

    /** The loop, with each adjoint element it adds to at an index it does not change summed in a local. */
    private List<Code> promote(Code.Loop loop) {
        List<Code> before = new ArrayList<>();
        List<Code> after = new ArrayList<>();
        if (jumps(loop.body())) {
            return List.of(loop);
        }
        Set<String> assigned = new HashSet<>();
        assigned(loop.body(), assigned);
        assigned.addAll(Mentions.mentioned(loop.header() == null ? "" : loop.header()));
        List<Code> body = loop.body();
        for (String element : candidates(body)) {
            String array = element.substring(0, element.indexOf('['));
            Set<String> index = Mentions.mentioned(element.substring(element.indexOf('[')));
            if (!arrays.contains(array) || !java.util.Collections.disjoint(index, assigned)
                    || !onlyAddsTo(body, array, element)) {
                continue;
            }
            String sum = fresh(array + "_" + String.join("_", index.stream().sorted().toList()));
            before.add(new Code.Line("double " + sum + " = 0.0", "what the loop adds to " + element));
            body = replaced(body, element, sum);
            after.add(new Code.Line(element + " += " + sum, "what the loop above added to it"));
        }
        if (before.isEmpty()) {
            return List.of(loop);
        }
        List<Code> out = new ArrayList<>(before);
        out.add(new Code.Loop(loop.label(), loop.header(), body, loop.doWhile(), loop.comment()));
        out.addAll(after);
        return out;
    }

    /** The elements {@code a[i]} that lines {@code a[i] += t} (or {@code -=}) of this code add to. */
    private static Set<String> candidates(List<Code> code) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (Code c : code) {
            if (c instanceof Code.Line l) {
                String e = addedTo(l.code());
                if (e != null) {
                    out.add(e);
                }
            } else if (c instanceof Code.Loop l) {
                out.addAll(candidates(l.body()));
            } else if (c instanceof Code.Branch b) {
                out.addAll(candidates(b.then()));
                out.addAll(candidates(b.otherwise()));
            }
        }
        return out;
    }

    /** For {@code a[i] += t} or {@code a[i] -= t} with a simple index and a double t: {@code a[i]}. */
    private static String addedTo(String code) {
        java.util.regex.Matcher m = ADD.matcher(code);
        if (!m.matches() || m.group(3).startsWith("(float)") || !Statement.pure(m.group(2))
                || m.group(2).contains("++") || m.group(2).contains("--") || m.group(2).contains("=")) {
            return null;
        }
        return m.group(1) + "[" + m.group(2) + "]";
    }

    private static final java.util.regex.Pattern ADD =
            java.util.regex.Pattern.compile("([A-Za-z_$][\\w$]*)\\[([^\\[\\]]+)\\] [+-]= (.+)");

    /** Whether the code names {@code array} only in lines adding to {@code element}. */
    private static boolean onlyAddsTo(List<Code> code, String array, String element) {
        for (Code c : code) {
            if (c instanceof Code.Line l) {
                Set<String> names = Mentions.mentioned(l.code());
                if ((names.contains(array) || names.contains(LENGTH + array)) && !element.equals(addedTo(l.code()))) {
                    return false;
                }
                if (element.equals(addedTo(l.code())) && Mentions.mentioned(
                        l.code().substring(l.code().indexOf("= ") + 2)).contains(array)) {
                    return false;
                }
            } else if (c instanceof Code.Loop l) {
                Set<String> names = Mentions.mentioned(l.header() == null ? "" : l.header());
                if (l.doWhile() != null) {
                    names.addAll(Mentions.mentioned(l.doWhile()));
                }
                if (names.contains(array) || names.contains(LENGTH + array) || !onlyAddsTo(l.body(), array, element)) {
                    return false;
                }
            } else if (c instanceof Code.Branch b) {
                Set<String> names = Mentions.mentioned(b.condition());
                if (names.contains(array) || names.contains(LENGTH + array) || !onlyAddsTo(b.then(), array, element)
                        || !onlyAddsTo(b.otherwise(), array, element)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<Code> replaced(List<Code> code, String element, String sum) {
        List<Code> out = new ArrayList<>();
        for (Code c : code) {
            if (c instanceof Code.Line l && element.equals(addedTo(l.code()))) {
                String op = l.code().substring(element.length() + 1, element.length() + 3);
                out.add(new Code.Line(sum + " " + op + " " + l.code().substring(element.length() + 4), l.comment()));
            } else if (c instanceof Code.Loop l) {
                out.add(new Code.Loop(l.label(), l.header(), replaced(l.body(), element, sum), l.doWhile(), l.comment()));
            } else if (c instanceof Code.Branch b) {
                out.add(b.with(replaced(b.then(), element, sum), replaced(b.otherwise(), element, sum)));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    private String fresh(String base) {
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    // ---- reading code ---------------------------------------------------------------------------

    private static final String LENGTH = Mentions.LENGTH;

    /**
     * The names the code mentions, read only when a rewrite first needs a fresh name: most sweeps
     * never do, and reading them was a twenty-fifth of the processor's time.
     */
    private static final class LazyNames extends java.util.AbstractSet<String> {
        private final List<Code> code;
        private Set<String> names;

        LazyNames(List<Code> code) {
            this.code = code;
        }

        private Set<String> names() {
            if (names == null) {
                names = new HashSet<>(ForwardPruning.mentioned(code));
            }
            return names;
        }

        @Override
        public boolean contains(Object o) {
            return names().contains(o);
        }

        @Override
        public boolean add(String s) {
            return names().add(s);
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return names().iterator();
        }

        @Override
        public int size() {
            return names().size();
        }
    }

    /** The names the code assigns (or declares); a statement it cannot read assigns every name it mentions. */
    static void assigned(List<Code> code, Set<String> into) {
        for (Code c : code) {
            if (c instanceof Code.Line l) {
                Statement st = Statement.of(l.code());
                if (st.defines() != null) {
                    into.add(st.defines());
                } else if (!l.code().startsWith("break") && !l.code().startsWith("continue")) {
                    into.addAll(Mentions.mentioned(l.code()));
                }
            } else if (c instanceof Code.Loop l) {
                into.addAll(Mentions.mentioned(l.header() == null ? "" : l.header()));
                assigned(l.body(), into);
            } else if (c instanceof Code.Branch b) {
                assigned(b.then(), into);
                assigned(b.otherwise(), into);
            }
        }
    }

    private static boolean jumps(List<Code> code) {
        for (Code c : code) {
            if (c instanceof Code.Line l) {
                String t = l.code();
                if (t.startsWith("break") || t.startsWith("continue") || t.startsWith("return") || t.startsWith("throw")) {
                    return true;
                }
            } else if (c instanceof Code.Loop l && jumps(l.body())) {
                return true;
            } else if (c instanceof Code.Branch b && (jumps(b.then()) || jumps(b.otherwise()))) {
                return true;
            }
        }
        return false;
    }
}
