package dev.junction.impl.invoke;

/**
 * A handler method cannot be selected or called as configured: no method or several fit, a parameter cannot
 * be mapped, the method is not reachable. Thrown when an invoker is built, never per message; the message names
 * the class, the method(s) and what to change.
 */
public class InvalidHandlerMethodException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidHandlerMethodException(String message) {
        super(message);
    }

    public InvalidHandlerMethodException(String message, Throwable cause) {
        super(message, cause);
    }
}
