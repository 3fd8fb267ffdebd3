package dev.junction.impl.handler.support;

import dev.junction.impl.invoke.HandlerMethodInvoker;
import dev.junction.impl.invoke.InvalidHandlerMethodException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The checks that tie a method's shape to the endpoint kind it serves, made once when the endpoint is built. */
final class HandlerMethods {

    private HandlerMethods() {
    }

    /** A transformer, router or inbound adapter must produce something: a {@code void} method never does. */
    static void requireResult(HandlerMethodInvoker invoker, String role) {
        if (invoker.isVoid()) {
            throw new InvalidHandlerMethodException("JNC-0316 " + describe(invoker.getMethod())
                    + " returns nothing, so it cannot"
                    + " serve as " + role + ". Return a value, or choose another method.");
        }
    }

    /** @return {@code com.example.Service.handle(String, int)} */
    static String describe(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName()
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(", ", "(", ")"));
    }
}
