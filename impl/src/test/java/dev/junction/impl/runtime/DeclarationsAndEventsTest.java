package dev.junction.impl.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.error.ConfigurationException;
import dev.junction.api.runtime.Declaration;
import dev.junction.api.runtime.Junction;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Declarations given to the builder run on the runtime it builds; flows can be built, and their problems found,
 * before anything starts; events of modules built on the runtime reach its sink.
 */
class DeclarationsAndEventsTest {

    @MessagingGateway(defaultRequestChannel = "in", defaultReplyTimeout = 10_000)
    interface Shout {
        String shout(String text);
    }

    static final class Shouting implements Declaration {
        @Override
        public void declare(Junction junction) {
            junction.flow("in").transform("payload.toUpperCase()");
        }
    }

    @Test
    void theBuilderCallsEachDeclarationInOrderOnTheRuntimeItReturns() {
        List<Junction> seen = new CopyOnWriteArrayList<>();
        List<String> order = new CopyOnWriteArrayList<>();
        try (Junction junction = Junction.builder()
                .declare(new Shouting(), runtime -> {
                    seen.add(runtime);
                    order.add("second");
                })
                .declare(runtime -> order.add("third"))
                .build()) {
            assertThat(seen).containsExactly(junction);
            assertThat(order).containsExactly("second", "third");
            junction.start();
            assertThat(junction.gateway(Shout.class).shout("quiet")).isEqualTo("QUIET");
        }
    }

    @Test
    void aDeclarationThatThrowsFailsTheBuildAndTheRuntimeItGotIsClosed() {
        AtomicReference<Junction> given = new AtomicReference<>();
        assertThatThrownBy(() -> Junction.builder().declare(runtime -> {
            given.set(runtime);
            runtime.flow("a").handle(payload -> payload).id("twice");
            runtime.flow("b").handle(payload -> payload).id("twice");
            ((JunctionRuntime) runtime).buildFlows();
        }).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> given.get().start()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void flowsBuiltBeforeStartReportTheirProblemsAndStartBuildsOnlyTheFlowsDeclaredSince() {
        try (JunctionRuntime junction = JunctionRuntime.builder().build()) {
            junction.flow("in").handle(payload -> payload).id("echo");
            junction.buildFlows();
            assertThat(junction.endpoint("echo")).isPresent().get().matches(endpoint -> !endpoint.isRunning());

            junction.flow("other").handle(payload -> payload).id("echo");
            assertThatThrownBy(junction::buildFlows)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("echo");
        }
    }

    @Test
    void aFlowDeclaredAfterAnEarlyBuildIsBuiltAndStartedByStart() {
        try (JunctionRuntime junction = JunctionRuntime.builder().build()) {
            junction.flow("first").handle(payload -> payload).id("first");
            junction.buildFlows();
            junction.flow("in").transform("payload += '!'").id("late");
            junction.start();
            assertThat(junction.endpoint("first")).get().matches(endpoint -> endpoint.isRunning());
            assertThat(junction.endpoint("late")).get().matches(endpoint -> endpoint.isRunning());
            assertThat(junction.gateway(Shout.class).shout("hey")).isEqualTo("hey!");
        }
    }

    @Test
    void eventsReachTheSinkAndASinkThatThrowsDoesNotReachThePublisher() {
        List<Object> events = new CopyOnWriteArrayList<>();
        try (JunctionRuntime junction = JunctionRuntime.builder().eventSink(events::add).build();
                JunctionRuntime failing = JunctionRuntime.builder().eventSink(event -> {
                    throw new IllegalStateException("observer broke");
                }).build();
                JunctionRuntime silent = JunctionRuntime.builder().build()) {
            junction.publishEvent("opened");
            failing.publishEvent("opened");
            silent.publishEvent("opened");
            assertThat(events).containsExactly("opened");
        }
    }
}
