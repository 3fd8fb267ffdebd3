package dev.junction.impl.convert;

/** A value could not be converted to the requested type. */
public class ConversionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    ConversionException(String message, Throwable cause) {
        super(message, cause);
    }
}
