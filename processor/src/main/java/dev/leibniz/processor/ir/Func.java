package dev.leibniz.processor.ir;

import java.util.List;
import javax.lang.model.type.TypeMirror;

/**
 * A {@code @Differentiable} method in IR form.
 *
 * @param name the method's name
 * @param signature a readable signature for Javadoc links, e.g. {@code f(double, double)}
 * @param receiver for an instance method, the receiver (a constant to the derivative); else null
 * @param receiverType the receiver's type, or null
 * @param params its parameters, in order
 * @param body its body; every path ends in a {@link Return}
 * @param varargs whether the last parameter is {@code T...}, which the companion's allocating overload keeps
 * @param returns {@code DOUBLE}, {@code DOUBLE_ARRAY} for a method whose pullback takes an array seed, or
 *     null for a procedure: a void method whose outputs are the array parameters it writes
 * @param tangentOf for a tangent program (forward mode), the method it is the tangent of; else null
 */
public record Func(String name, String signature, Var receiver, TypeMirror receiverType, List<Param> params,
        Block body, boolean varargs, Type returns, Func tangentOf) {

    /** Whether the method returns a {@code double[]}: its pullback is a vector-Jacobian product. */
    public boolean returnsArray() {
        return returns == Type.DOUBLE_ARRAY;
    }

    /** Whether this is a procedure: void, writing its outputs into array parameters. */
    public boolean isProcedure() {
        return returns == null;
    }
}
