package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.annotation.BridgeFrom;
import dev.junction.api.annotation.Filter;
import dev.junction.api.annotation.InboundChannelAdapter;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.Router;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.annotation.Transformer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.junit.jupiter.api.Test;

/** Misused endpoint annotations fail the deployment, every problem reported at once with its code. */
class EndpointAnnotationsValidationTest {

    @ApplicationScoped
    public static class Broken {
        @Transformer(outputChannel = "out")
        public String noInput(String text) {
            return text;
        }

        @Transformer(inputChannel = "in")
        public void voidTransformer(String text) {
        }

        @Filter(inputChannel = "in")
        public String notBoolean(String text) {
            return text;
        }

        @Router(inputChannel = "in")
        public void voidRouter(String text) {
        }

        @Router(inputChannel = "in", channelMappings = {"a=x", "no mapping", "a=y"})
        public String badMappings(String text) {
            return text;
        }

        @InboundChannelAdapter(channel = "out")
        public String noPoller() {
            return "x";
        }

        @InboundChannelAdapter(channel = "out")
        @Poller(fixedDelay = 10)
        public String withParameters(String text) {
            return text;
        }

        @InboundChannelAdapter
        @Poller(fixedDelay = 10)
        public String noChannel() {
            return "x";
        }

        @InboundChannelAdapter(channel = "out")
        @Poller(fixedDelay = 10, cron = "* * * * * *")
        public String conflictingPoller() {
            return "x";
        }

        @BridgeFrom("in")
        public String notAProducer() {
            return "x";
        }

        @ServiceActivator(inputChannel = "in")
        @Transformer(inputChannel = "in")
        public String twoKinds(String text) {
            return text;
        }
    }

    @Test
    void everyMisuseIsReportedTogether() {
        String broken = Broken.class.getName();
        assertThatThrownBy(() -> Containers.start("endpoint-validation", Broken.class).shutdown())
                .isInstanceOf(DeploymentException.class)
                .satisfies(failure -> assertThat(allMessages(failure)).contains(
                        "JNC-0501 " + broken + "#noInput: @Transformer names no input channel",
                        "JNC-0509 " + broken + "#voidTransformer (@Transformer) returns nothing",
                        "JNC-0509 " + broken + "#notBoolean is a @Filter but returns java.lang.String",
                        "JNC-0509 " + broken + "#voidRouter (@Router) returns nothing",
                        "JNC-0513 " + broken + "#badMappings: @Router channelMappings [no mapping, a=y]",
                        "JNC-0511 " + broken + "#noPoller is an @InboundChannelAdapter without a poller",
                        "JNC-0510 " + broken + "#withParameters is an @InboundChannelAdapter but takes 1 parameter",
                        "JNC-0512 " + broken + "#noChannel: @InboundChannelAdapter names no channel",
                        "JNC-0504 " + broken + "#conflictingPoller",
                        "JNC-0514 " + broken + "#notAProducer carries @BridgeFrom but is not a channel producer",
                        "JNC-0515 " + broken + "#twoKinds carries @ServiceActivator and @Transformer"));
    }

    private static String allMessages(Throwable failure) {
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
