package dev.junction.impl.gateway;

import dev.junction.api.annotation.Gateway;
import dev.junction.api.annotation.MessagingGateway;
import java.time.Duration;

/** Turns annotation timeouts (milliseconds with sentinels) into the {@link Duration}s the runtime waits with. */
final class GatewayTimeouts {

    private GatewayTimeouts() {
    }

    /**
     * @param millis the annotation value
     * @param inherited the value {@link Gateway#NOT_SET} falls back to ({@code null}: unbounded)
     * @return the timeout, {@code null} for unbounded; {@code inherited} after reporting an invalid value
     */
    static Duration resolve(long millis, Duration inherited, String where, String attribute, Problems problems) {
        if (millis == Gateway.NOT_SET) {
            return inherited;
        }
        if (millis == MessagingGateway.UNBOUNDED) {
            return null;
        }
        if (millis < 0) {
            problems.add(where, GatewayRule.INVALID_TIMEOUT, attribute + " is " + millis + "; use "
                    + MessagingGateway.UNBOUNDED + " (MessagingGateway.UNBOUNDED) to wait as long as it takes,"
                    + " or 0 or more milliseconds");
            return inherited;
        }
        return Duration.ofMillis(millis);
    }
}
