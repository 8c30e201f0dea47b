package dev.leibniz.processor.ir;

import java.util.List;

/**
 * A {@code @Differentiable} method in IR form.
 *
 * @param name the method's name
 * @param signature a readable signature for Javadoc links, e.g. {@code f(double, double)}
 * @param params its parameters, in order
 * @param body its body; every path ends in a {@link Return}
 */
public record Func(String name, String signature, List<Param> params, Block body) {}
