package dev.junction.examples.cafe;

import dev.junction.api.annotation.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Sends cold drinks to the cold barista's queue and hot ones to the hot barista's. */
@ApplicationScoped
public class DrinkRouter {

    @Inject
    Transcript transcript;

    /** @return the routing key, mapped to a queue channel by the annotation */
    @Router(inputChannel = "drinks", channelMappings = {"hot=hotDrinks", "cold=coldDrinks"})
    public String route(OrderItem item) {
        String key = item.iced() ? "cold" : "hot";
        transcript.say("router", item.label() + " -> " + key + "Drinks");
        return key;
    }
}
