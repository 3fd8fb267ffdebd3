package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.DefaultPoller;
import dev.junction.api.annotation.GlobalChannelInterceptor;
import dev.junction.api.annotation.InboundChannelAdapter;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.ChannelInterceptor;
import dev.junction.api.channel.LoadBalancingStrategy;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.channel.SubscribableChannel;
import dev.junction.api.convert.Converter;
import dev.junction.api.poller.PollAdvice;
import dev.junction.api.poller.PollerMetadata;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.trigger.DynamicPeriodicTrigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * Mistakes with default pollers, the beans a {@code @Poller} names, global interceptors, converters and
 * load-balancing strategies fail the deployment, every one of them reported with its code, naming the culprit.
 */
class ComponentBeansValidationTest {

    @Dependent
    public static class Beans {
        @Produces @Singleton @Named("fast")
        DynamicPeriodicTrigger fast() {
            return new DynamicPeriodicTrigger(Duration.ofMillis(10));
        }

        @Produces @Singleton @Named("notATrigger")
        String notATrigger() {
            return "just text";
        }

        @Produces @Singleton @Named("advice")
        PollAdvice advice() {
            return poll -> poll.proceed();
        }

        @Produces @ApplicationScoped @Channel("queue")
        PollableChannel queue() {
            return MessageChannels.queue("queue");
        }
    }

    @ApplicationScoped
    public static class BrokenPollers {
        @ServiceActivator(inputChannel = "queue")
        @Poller(trigger = "fast", fixedDelay = 10)
        public void triggerAndFixedDelay(String text) {
        }

        @ServiceActivator(inputChannel = "queue")
        @Poller(trigger = "noSuchTrigger")
        public void missingTrigger(String text) {
        }

        @ServiceActivator(inputChannel = "queue")
        @Poller(trigger = "notATrigger")
        public void wrongTypeTrigger(String text) {
        }

        @ServiceActivator(inputChannel = "queue")
        @Poller(fixedDelay = 10, taskExecutor = "advice")
        public void wrongTypeExecutor(String text) {
        }

        @InboundChannelAdapter(channel = "out")
        @Poller(fixedDelay = 10, adviceChain = {"advice", "noSuchAdvice", "fast"})
        public String badAdvices() {
            return "x";
        }
    }

    @Test
    void everyUnusablePollerReferenceIsReported() {
        String at = BrokenPollers.class.getName();
        assertThatThrownBy(() -> Containers.start("poller-references-invalid", Beans.class, BrokenPollers.class)
                .shutdown())
                .isInstanceOf(DeploymentException.class)
                .satisfies(failure -> assertThat(allMessages(failure)).contains(
                        "JNC-0504 " + at + "#triggerAndFixedDelay: Invalid poller",
                        "it sets fixedDelay and trigger; these are mutually exclusive",
                        "JNC-0518 " + at + "#missingTrigger: @Poller(trigger = \"noSuchTrigger\") names no bean;"
                                + " declare a bean @Named(\"noSuchTrigger\") of type"
                                + " jakarta.enterprise.concurrent.ZonedTrigger or jakarta.enterprise.concurrent.Trigger",
                        "JNC-0520 " + at + "#wrongTypeTrigger: @Poller(trigger = \"notATrigger\") names",
                        "JNC-0520 " + at + "#wrongTypeExecutor: @Poller(taskExecutor = \"advice\") names",
                        "include no java.util.concurrent.Executor",
                        "JNC-0518 " + at + "#badAdvices: @Poller(adviceChain = \"noSuchAdvice\") names no bean",
                        "JNC-0520 " + at + "#badAdvices: @Poller(adviceChain = \"fast\") names"))
                .satisfies(failure -> assertThat(allMessages(failure)).doesNotContain(
                        "#missingTrigger: Invalid poller")); // an unresolved trigger is no second problem
    }

    @Dependent
    public static class TwoDefaultPollers {
        @Produces @Singleton @DefaultPoller
        PollerMetadata one() {
            return PollerSpec.fixedDelay(Duration.ofMillis(10)).build();
        }

        @Produces @Singleton @DefaultPoller
        PollerMetadata two() {
            return PollerSpec.fixedRate(Duration.ofMillis(10)).build();
        }

        @Produces @Singleton @DefaultPoller
        PollerSpec notBuilt() {
            return PollerSpec.fixedDelay(Duration.ofMillis(10));
        }
    }

    @ApplicationScoped
    public static class Consumer {
        @ServiceActivator(inputChannel = "queue")
        public void consume(String text) {
        }
    }

    @Test
    void twoDefaultPollersAndADefaultPollerOfAnotherTypeAreReported() {
        assertThatThrownBy(() -> Containers.start("default-pollers-invalid", Beans.class, TwoDefaultPollers.class,
                Consumer.class).shutdown())
                .isInstanceOf(DeploymentException.class)
                .satisfies(failure -> assertThat(allMessages(failure)).contains(
                        "JNC-0516 the application declares 2 default pollers",
                        "keep one @DefaultPoller bean",
                        "JNC-0517 ",
                        "is qualified @DefaultPoller but is not a dev.junction.api.poller.PollerMetadata"))
                .satisfies(failure -> assertThat(allMessages(failure)).doesNotContain("JNC-0503"));
    }

    @Dependent
    public static class TwinExecutors {
        @Produces @Singleton @Named("twin")
        Executor one() {
            return Runnable::run;
        }

        @Produces @Singleton @Named("twin")
        Executor two() {
            return Runnable::run;
        }
    }

    @ApplicationScoped
    public static class TwinUser {
        @ServiceActivator(inputChannel = "queue")
        @Poller(fixedDelay = 10, taskExecutor = "twin")
        public void consume(String text) {
        }
    }

    /**
     * A name two beans share: CDI containers refuse such names themselves (Weld: WELD-001414) before Junction looks
     * at them, so the deployment fails with the container's message; Junction's own JNC-0519 is the fallback.
     */
    @Test
    void anAmbiguousBeanNameFailsTheDeployment() {
        assertThatThrownBy(() -> Containers.start("poller-reference-ambiguous", Beans.class, TwinExecutors.class,
                TwinUser.class).shutdown())
                .isInstanceOf(DeploymentException.class)
                .satisfies(failure -> assertThat(allMessages(failure)).containsAnyOf(
                        "WELD-001414: Bean name is ambiguous. Name twin",
                        "JNC-0519 " + TwinUser.class.getName() + "#consume: @Poller(taskExecutor = \"twin\") matches 2"));
    }

    @Singleton
    @GlobalChannelInterceptor
    public static class NotAnInterceptor {
    }

    @Singleton
    @GlobalChannelInterceptor(patterns = "!")
    public static class BadPatterns implements ChannelInterceptor {
    }

    /** Says nothing about what it converts. */
    @Dependent
    public static class Identity<T> implements Converter<T, T> {
        @Override
        public T convert(T source) {
            return source;
        }
    }

    @Dependent
    public static class TwoConverters {
        @Produces
        Converter<String, Integer> length() {
            return String::length;
        }

        @Produces
        Converter<String, Integer> parse() {
            return Integer::valueOf;
        }
    }

    @Dependent
    public static class Strategies {
        @Produces @ApplicationScoped @Channel("declared")
        SubscribableChannel declared() {
            return MessageChannels.direct("declared");
        }

        @Produces @Channel("declared")
        LoadBalancingStrategy forDeclared() {
            return (message, handlers) -> 0;
        }

        @Produces @Channel("nobodyUsesThis")
        LoadBalancingStrategy forUnused() {
            return (message, handlers) -> 0;
        }

        @Produces @Channel("errorChannel")
        LoadBalancingStrategy forBuiltIn() {
            return (message, handlers) -> 0;
        }
    }

    @Test
    void unusableInterceptorConverterAndStrategyBeansAreReported() {
        assertThatThrownBy(() -> Containers.start("component-beans-invalid", NotAnInterceptor.class,
                BadPatterns.class, Identity.class, TwoConverters.class, Strategies.class).shutdown())
                .isInstanceOf(DeploymentException.class)
                .satisfies(failure -> assertThat(allMessages(failure)).contains(
                        "JNC-0521 ",
                        NotAnInterceptor.class.getName(),
                        "is qualified @GlobalChannelInterceptor but is not a dev.junction.api.channel.ChannelInterceptor",
                        "@GlobalChannelInterceptor(patterns = [!]) is invalid",
                        "JNC-0522 the converter ",
                        "which does not say what it converts",
                        "JNC-0522 two converters from java.lang.String to java.lang.Integer",
                        "JNC-0523 channel 'declared' is declared by",
                        "JNC-0523 no gateway, endpoint or injection point uses channel 'nobodyUsesThis'",
                        "JNC-0523 channel 'errorChannel' is built in"));
    }

    static String allMessages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
            for (Throwable suppressed : t.getSuppressed()) {
                text.append(suppressed.getMessage()).append('\n');
            }
        }
        return text.toString();
    }
}
