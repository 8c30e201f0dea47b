package dev.leibniz.processor.transform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folds the negations of a sweep into the accumulations they feed. The reverse of
 * {@code a = b - c} gives {@code double c_bar = -a_bar}, which flows through products into
 * {@code x_bar[i] += ...}: the adjoint is then built from {@code a_bar} and subtracted instead,
 * {@code x_bar[i] -= a_bar * w}. The negations are instructions the JIT keeps (IEEE negation
 * is not free to move across a product and a sum); on Rosenbrock they were a tenth of the
 * gradient's time. Only declarations {@code double t = -u} whose every use in the same block is
 * an accumulation ({@code e += t}, {@code e -= t}, {@code e += t * w}) or a product with a name or
 * literal whose own uses are such, with {@code u} unchanged until the last use, are rewritten;
 * anything else is left.
 */
final class NegationFolding {
    private NegationFolding() {}

    private static final Pattern NEGATED = Pattern.compile("double ([A-Za-z_$][\\w$]*) = -([A-Za-z_$][\\w$]*)");
    private static final Pattern ADDED = Pattern.compile("(.+?) ([+-])= ([A-Za-z_$][\\w$]*)");
    private static final Pattern ADDED_PRODUCT = Pattern.compile(
            "(.+?) ([+-])= ([A-Za-z_$][\\w$]*|[\\d.]+) \\* ([A-Za-z_$][\\w$]*|[\\d.]+)");
    private static final Pattern PRODUCT = Pattern.compile(
            "double ([A-Za-z_$][\\w$]*) = ([A-Za-z_$][\\w$]*|[\\d.]+) \\* ([A-Za-z_$][\\w$]*|[\\d.]+)");

    /**
     * The code with the negations folded.
     *
     * @param taken every name the code mentions: a product that now holds minus its old value is
     *     renamed {@code minus_q}, a name not among them, so that it reads as what it holds
     */
    static List<Code> apply(List<Code> code, java.util.Set<String> taken) {
        List<Code> out = new ArrayList<>();
        for (Code c : code) {
            if (c instanceof Code.Loop l) {
                out.add(new Code.Loop(l.label(), l.header(), apply(l.body(), taken), l.doWhile(), l.comment()));
            } else if (c instanceof Code.Branch b) {
                out.add(b.with(apply(b.then(), taken), apply(b.otherwise(), taken)));
            } else {
                out.add(c);
            }
        }
        for (int k = 0; k < out.size(); k++) {
            if (out.get(k) instanceof Code.Line line) {
                Matcher m = NEGATED.matcher(line.code());
                if (m.matches() && fold(out, k, m.group(1), m.group(2), taken)) {
                    out.remove(k--);
                }
            }
        }
        return out;
    }

    /**
     * Rewrites the uses of {@code t} (declared at k as {@code -u}) after k, or changes nothing and
     * returns false when some use has another shape or u changes before the last use.
     */
    private static boolean fold(List<Code> out, int k, String t, String u, java.util.Set<String> taken) {
        Map<String, String> negated = new HashMap<>(); // a name whose value is minus what it names now -> its new text
        negated.put(t, u);
        Map<Integer, Code> rewritten = new HashMap<>();
        List<String> claimed = new ArrayList<>();
        boolean uChanged = false;
        for (int j = k + 1; j < out.size(); j++) {
            Code c = out.get(j);
            if (c instanceof Code.Comment) {
                continue;
            }
            List<Code> one = List.of(c);
            java.util.Set<String> mentioned = ForwardPruning.mentioned(one);
            boolean uses = negated.keySet().stream().anyMatch(mentioned::contains);
            if (!uses) {
                java.util.Set<String> assigned = new java.util.HashSet<>();
                AdjointPeephole.assigned(one, assigned);
                uChanged |= assigned.contains(u);
                continue;
            }
            if (uChanged || !(c instanceof Code.Line line)) {
                return false; // u no longer what t was made from, or a use inside a loop or branch
            }
            Matcher add = ADDED.matcher(line.code());
            Matcher addProduct = ADDED_PRODUCT.matcher(line.code());
            Matcher product = PRODUCT.matcher(line.code());
            if (add.matches() && negated.containsKey(add.group(3)) && Mentions.mentioned(add.group(1)).stream()
                    .noneMatch(negated::containsKey)) {
                String flipped = add.group(2).equals("+") ? "-" : "+";
                rewritten.put(j, new Code.Line(add.group(1) + " " + flipped + "= " + negated.get(add.group(3)),
                        line.comment()));
            } else if (addProduct.matches() && negated.containsKey(addProduct.group(3)) != negated.containsKey(addProduct.group(4))
                    && Mentions.mentioned(addProduct.group(1)).stream().noneMatch(negated::containsKey)) {
                String flipped = addProduct.group(2).equals("+") ? "-" : "+";
                rewritten.put(j, new Code.Line(addProduct.group(1) + " " + flipped + "= "
                        + negated.getOrDefault(addProduct.group(3), addProduct.group(3)) + " * "
                        + negated.getOrDefault(addProduct.group(4), addProduct.group(4)), line.comment()));
            } else if (product.matches() && !negated.containsKey(product.group(1))
                    && negated.containsKey(product.group(2)) != negated.containsKey(product.group(3))) {
                String a = negated.getOrDefault(product.group(2), product.group(2));
                String b = negated.getOrDefault(product.group(3), product.group(3));
                String minus = "minus_" + product.group(1);
                for (int n = 2; taken.contains(minus) || claimed.contains(minus); n++) {
                    minus = "minus_" + product.group(1) + "_" + n;
                }
                claimed.add(minus);
                rewritten.put(j, new Code.Line("double " + minus + " = " + a + " * " + b, line.comment()));
                negated.put(product.group(1), minus); // minus the old value, under a name that says so
            } else {
                return false;
            }
            java.util.Set<String> assigned = new java.util.HashSet<>();
            AdjointPeephole.assigned(one, assigned);
            uChanged |= assigned.contains(u);
        }
        rewritten.forEach(out::set);
        taken.addAll(claimed);
        return true;
    }
}
