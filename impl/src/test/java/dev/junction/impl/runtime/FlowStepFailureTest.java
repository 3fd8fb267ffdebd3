package dev.junction.impl.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.delayer.DelayerSpec;
import dev.junction.api.error.ConfigurationException;
import dev.junction.api.runtime.Junction;
import dev.junction.api.store.MessageGroupStore;
import java.lang.reflect.Proxy;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A step that fails while it is built for a reason buried in a chain of causes -- a CDI container wrapping the
 * failed lookup of a bean the step uses -- is reported with that reason, not only the outermost message.
 */
class FlowStepFailureTest {

    private final Junction junction = Junction.create();

    @AfterEach
    void close() {
        junction.close();
    }

    /** A store whose every use fails as a contextual reference does when its bean cannot be created. */
    private static MessageGroupStore unreachableStore() {
        return (MessageGroupStore) Proxy.newProxyInstance(FlowStepFailureTest.class.getClassLoader(),
                new Class<?>[] {MessageGroupStore.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("Unable to invoke create() on the store's bean",
                            new IllegalStateException("injecting the data source failed",
                                    new IllegalArgumentException("Lookup failed for 'java:comp/env/orders'")));
                });
    }

    @Test
    void theProblemQuotesTheInnermostCause() {
        junction.flow("orders").delay(DelayerSpec.withDefaultDelay(Duration.ofSeconds(1))
                .messageStore(unreachableStore())).id("cooling").handle("payload");

        assertThatThrownBy(junction::start).isInstanceOfSatisfying(ConfigurationException.class,
                invalid -> assertThat(invalid.getProblems()).singleElement().asString()
                        .startsWith("JNC-0603")
                        .contains("Unable to invoke create() on the store's bean")
                        .contains("(caused by java.lang.IllegalArgumentException: Lookup failed for"
                                + " 'java:comp/env/orders')"));
    }
}
