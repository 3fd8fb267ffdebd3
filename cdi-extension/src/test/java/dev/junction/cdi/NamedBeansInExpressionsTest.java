package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.annotation.Gateway;
import dev.junction.api.annotation.GatewayHeader;
import dev.junction.api.annotation.Header;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.ServiceActivator;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Expressions see {@code @Named} beans through the bean manager's EL resolver (Weld SE offers it with its
 * {@code weld-web} module on the class path, as every Jakarta EE server does), and a {@code @Dependent} bean
 * created for one evaluation is destroyed after it.
 */
class NamedBeansInExpressionsTest {

    static final AtomicInteger STAMPS_DESTROYED = new AtomicInteger();

    @Named("pricing")
    @ApplicationScoped
    public static class Pricing {
        public int getVat() {
            return 21;
        }

        public String currencyOf(String country) {
            return "nl".equals(country) ? "EUR" : "USD";
        }
    }

    @Named("stamp")
    @Dependent
    public static class Stamp {
        public String getText() {
            return "stamped";
        }

        @PreDestroy
        void destroyed() {
            STAMPS_DESTROYED.incrementAndGet();
        }
    }

    @MessagingGateway(defaultRequestChannel = "quotes", defaultReplyTimeout = 5_000,
            defaultHeaders = @GatewayHeader(name = "vat", expression = "pricing.vat"))
    public interface Quotes {
        @Gateway(headers = {
                @GatewayHeader(name = "currency", expression = "pricing.currencyOf(args[0])"),
                @GatewayHeader(name = "stamp", expression = "stamp.text")})
        String quote(String country);
    }

    @ApplicationScoped
    public static class Quoter {
        @ServiceActivator(inputChannel = "quotes")
        public String quote(String country, @Header("vat") int vat, @Header("currency") String currency,
                @Header("stamp") String stamp) {
            return country + ": " + vat + "% in " + currency + " (" + stamp + ")";
        }
    }

    private WeldContainer container;

    @AfterEach
    void stop() {
        if (container != null && container.isRunning()) {
            container.close();
        }
        STAMPS_DESTROYED.set(0);
    }

    @Test
    void gatewayHeaderExpressionsResolveNamedBeans() {
        container = Containers.start("named-beans", Pricing.class, Stamp.class, Quotes.class, Quoter.class);
        Quotes quotes = container.select(Quotes.class).get();

        assertThat(quotes.quote("nl")).isEqualTo("nl: 21% in EUR (stamped)");
        assertThat(quotes.quote("us")).isEqualTo("us: 21% in USD (stamped)");
        assertThat(STAMPS_DESTROYED).as("the @Dependent bean of each evaluation is destroyed after it").hasValue(2);
    }
}
