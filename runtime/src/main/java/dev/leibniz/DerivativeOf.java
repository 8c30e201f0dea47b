package dev.leibniz;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method as the derivative rule of another method, which Leibniz then uses
 * wherever a {@code @Differentiable} method calls it: for a numerically better derivative, or
 * for a library method whose source Leibniz cannot read.
 *
 * <p>For {@code static double f(P1 p1, ..., Pn pn)} the rule is a pullback:
 * {@code static R rule(P1 p1, ..., Pn pn, double seed, A1 a1, ..., Ak ak)}. It receives f's
 * arguments and {@code seed}, the derivative of the result with respect to f's value, and:
 * <ul>
 *   <li>adds {@code seed * ∂f/∂p} into one array {@code A} per differentiated array parameter
 *       (same type as that parameter, in parameter order);</li>
 *   <li>returns {@code seed * ∂f/∂p} for the differentiated scalar parameter if there is exactly
 *       one ({@code R = double}), all of them in parameter order if there are several
 *       ({@code R = double[]}), or nothing if there are none ({@code R = void}).</li>
 * </ul>
 * The differentiated parameters are those f's own {@code @Differentiable(wrt)} names, or else
 * every {@code double}, {@code float}, {@code double[]}, {@code float[]} and {@code double[][]}
 * parameter. A rule whose signature does not fit is a compile error that spells the expected one.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface DerivativeOf {

    /**
     * The name of the method this is the derivative of.
     *
     * @return the method's name
     */
    String value();

    /**
     * The class that declares the method; {@code void.class} (the default) means the class that
     * declares this rule.
     *
     * @return the declaring class
     */
    Class<?> of() default void.class;
}
