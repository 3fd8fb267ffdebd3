package dev.junction.examples.cafe;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;

/**
 * The drinks the baristas know and how long each takes. Hot drinks take longer (grinding, steaming milk), which is
 * what makes the hot barista the slow service of this cafe: the cold queue empties while hot drinks still wait.
 */
@ApplicationScoped
public class Menu {

    private static final Map<String, Duration> PREPARATION = Map.of(
            "espresso", Duration.ofMillis(150),
            "latte", Duration.ofMillis(250),
            "cappuccino", Duration.ofMillis(250),
            "mocha", Duration.ofMillis(300),
            "flat white", Duration.ofMillis(250),
            "iced tea", Duration.ofMillis(50),
            "lemonade", Duration.ofMillis(50),
            "iced coffee", Duration.ofMillis(80),
            "iced latte", Duration.ofMillis(80),
            "cold brew", Duration.ofMillis(50));

    /** @return whether a barista can make this drink */
    public boolean lists(String drink) {
        return PREPARATION.containsKey(drink);
    }

    /**
     * @return how long the drink takes to make
     * @throws UnknownDrinkException when the menu does not list it
     */
    public Duration preparationTime(String drink) {
        Duration time = PREPARATION.get(drink);
        if (time == null) {
            throw new UnknownDrinkException(drink);
        }
        return time;
    }
}
