package dev.junction.impl.gateway;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Renders gateway methods and parameters the way problems and failures name them. */
final class Methods {

    private Methods() {
    }

    /** @return {@code Cafe.placeOrder(Order, int)}: short, yet enough to find the method */
    static String label(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName()
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(", ", "(", ")"));
    }

    /** @return {@code parameter 'order'} or {@code parameter #1} when names were not compiled in */
    static String parameter(Method method, int index) {
        Parameter parameter = method.getParameters()[index];
        return parameter.isNamePresent() ? "parameter '" + parameter.getName() + "'" : "parameter #" + index;
    }
}
