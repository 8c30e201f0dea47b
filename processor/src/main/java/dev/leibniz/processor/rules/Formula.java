package dev.leibniz.processor.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills a derivative formula's placeholders a, b, c and r with operand source text. */
final class Formula {
    private static final Pattern PLACEHOLDER = Pattern.compile("(?<![\\w.])([abcr])(?![\\w(])");

    private Formula() {}

    /** Each formula split at its placeholders once: the table's formulas are few, and substituting them is frequent. */
    private static final Map<String, List<Object>> PARTS = new ConcurrentHashMap<>();

    static String substitute(String formula, List<String> args, String r) {
        StringBuilder sb = new StringBuilder();
        for (Object part : PARTS.computeIfAbsent(formula, Formula::parts)) {
            if (part instanceof Character p) {
                sb.append(p == 'r' ? r : args.get(p - 'a'));
            } else {
                sb.append((String) part);
            }
        }
        return sb.toString();
    }

    /** The formula as text between placeholders, each placeholder a Character. */
    private static List<Object> parts(String formula) {
        List<Object> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(formula);
        int at = 0;
        while (m.find()) {
            parts.add(formula.substring(at, m.start()));
            parts.add(m.group(1).charAt(0));
            at = m.end();
        }
        parts.add(formula.substring(at));
        return List.copyOf(parts);
    }
}
