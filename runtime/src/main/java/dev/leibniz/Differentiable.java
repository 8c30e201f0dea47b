package dev.leibniz;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose exact gradient Leibniz generates at compile time.
 *
 * <p>For a class {@code p.C} the annotation processor writes a companion class {@code p.CGrad}
 * holding, for each annotated method {@code m}, a result type {@code MGradient}, the overloads
 * {@code m(...)} and {@code m(..., MGradient into)} that return value and gradient, and
 * {@code mPullback(...)}, the vector-Jacobian product. The retention is {@code CLASS} so that a
 * class compiled earlier still shows the annotation to the processor.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Differentiable {

    /**
     * The parameters to differentiate with respect to, by name. Empty means every {@code double},
     * {@code float}, {@code double[]}, {@code float[]} and {@code double[][]} parameter.
     *
     * @return the names of the differentiated parameters, or none for all of them
     */
    String[] wrt() default {};
}
