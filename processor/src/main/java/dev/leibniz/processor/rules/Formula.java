package dev.leibniz.processor.rules;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills a derivative formula's placeholders a, b, c and r with operand source text. */
final class Formula {
    private static final Pattern PLACEHOLDER = Pattern.compile("(?<![\\w.])([abcr])(?![\\w(])");

    private Formula() {}

    static String substitute(String formula, List<String> args, String r) {
        Matcher m = PLACEHOLDER.matcher(formula);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            char p = m.group(1).charAt(0);
            String text = p == 'r' ? r : args.get(p - 'a');
            m.appendReplacement(sb, Matcher.quoteReplacement(text));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
