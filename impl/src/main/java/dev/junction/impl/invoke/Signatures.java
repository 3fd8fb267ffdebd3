package dev.junction.impl.invoke;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Collection;
import java.util.stream.Collectors;

/** Renders methods and parameters the way error messages show them. */
final class Signatures {

    private Signatures() {
    }

    /** @return {@code com.example.Service.handle(String, int)} */
    static String qualified(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName() + parameterList(method);
    }

    /** @return {@code String handle(String, int)}: what a user recognises in a list of candidates */
    static String shortForm(Method method) {
        return method.getReturnType().getSimpleName() + " " + method.getName() + parameterList(method);
    }

    /** @return the candidates in short form, comma separated inside brackets */
    static String list(Collection<Method> methods) {
        return methods.stream().map(Signatures::shortForm).collect(Collectors.joining(", ", "[", "]"));
    }

    /** @return {@code parameter 'amount' of com.example.Service.handle(String, int)}, or with the index when unnamed */
    static String parameter(Method method, int index) {
        Parameter parameter = method.getParameters()[index];
        String which = parameter.isNamePresent() ? "'" + parameter.getName() + "'" : "at index " + index;
        return "parameter " + which + " of " + qualified(method);
    }

    private static String parameterList(Method method) {
        StringBuilder text = new StringBuilder("(");
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            text.append(i == 0 ? "" : ", ").append(types[i].getSimpleName());
        }
        return text.append(')').toString();
    }
}
