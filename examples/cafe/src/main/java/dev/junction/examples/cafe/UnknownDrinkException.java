package dev.junction.examples.cafe;

/** A barista was asked for a drink the menu does not list. */
public class UnknownDrinkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param drink the drink nobody knows how to make */
    public UnknownDrinkException(String drink) {
        super("no recipe for '" + drink + "' on the menu");
    }
}
