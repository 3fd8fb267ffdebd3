package dev.junction.impl.interceptor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.channel.ChannelInterceptor;
import dev.junction.api.channel.InterceptableChannel;
import dev.junction.api.message.Message;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.channel.QueueChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlobalInterceptorsTest {

    private final List<String> log = new ArrayList<>();
    private final GlobalInterceptors globals = new GlobalInterceptors();

    private RecordingInterceptor recording(String label) {
        return new RecordingInterceptor(label, log);
    }

    private static List<String> labels(InterceptableChannel channel) {
        return channel.getInterceptors().stream().map(Object::toString).toList();
    }

    @Test
    void negativeOrdersGoBeforeTheChannelsOwnInterceptorsTheOthersAfterEachSideSorted() {
        globals.register(GlobalInterceptorRegistration.of(recording("plus3"), "*", 3));
        globals.register(GlobalInterceptorRegistration.of(recording("minus1"), "*", -1));
        globals.register(GlobalInterceptorRegistration.of(recording("zero"), "*", 0));
        globals.register(GlobalInterceptorRegistration.of(recording("minus5a"), "*", -5));
        globals.register(GlobalInterceptorRegistration.of(recording("minus5b"), "*", -5));
        globals.register(GlobalInterceptorRegistration.of(recording("plus1"), "*", 1));
        DirectChannel channel = DirectChannel.builder().name("orders")
                .interceptor(recording("local1")).interceptor(recording("local2")).build();
        channel.subscribe(message -> log.add("handler"));

        globals.apply(channel);

        assertThat(labels(channel)).containsExactly("minus5a", "minus5b", "minus1", "local1", "local2", "zero", "plus1", "plus3");
        channel.send(Message.of("x"));
        assertThat(log).containsExactly("minus5a", "minus5b", "minus1", "local1", "local2", "zero", "plus1", "plus3", "handler");
    }

    @Test
    void aGlobalInterceptorRegisteredLaterTakesItsPlaceAmongThoseAlreadyApplied() {
        DirectChannel channel = DirectChannel.builder().name("orders").interceptor(recording("local")).build();
        globals.apply(channel);
        globals.register(GlobalInterceptorRegistration.of(recording("minus1"), "*", -1));
        globals.register(GlobalInterceptorRegistration.of(recording("plus5"), "*", 5));

        globals.register(GlobalInterceptorRegistration.of(recording("minus9"), "*", -9));
        globals.register(GlobalInterceptorRegistration.of(recording("minus1b"), "*", -1));
        globals.register(GlobalInterceptorRegistration.of(recording("plus2"), "*", 2));
        globals.register(GlobalInterceptorRegistration.of(recording("plus7"), "*", 7));

        assertThat(labels(channel)).containsExactly("minus9", "minus1", "minus1b", "local", "plus2", "plus5", "plus7");
    }

    @Test
    void theDefaultsAreAllChannelsAndOrderZero() {
        RecordingInterceptor interceptor = recording("global");
        GlobalInterceptorRegistration global = GlobalInterceptorRegistration.of(interceptor);

        assertThat(global.patterns()).isEqualTo(ChannelNamePatterns.all());
        assertThat(global.order()).isZero();
        globals.register(global);
        DirectChannel channel = DirectChannel.builder().name("any").interceptor(recording("local")).build();
        globals.apply(channel);
        assertThat(labels(channel)).containsExactly("local", "global");
    }

    @Test
    void onlyChannelsThePatternsSelectAreIntercepted() {
        globals.register(GlobalInterceptorRegistration.of(recording("audit"), "input*, thing2*, thing1, !cat*", 3));
        List<DirectChannel> channels = List.of(new DirectChannel("inputA"), new DirectChannel("thing1"),
                new DirectChannel("thing2x"), new DirectChannel("catalog"), new DirectChannel("other"));

        channels.forEach(globals::apply);

        assertThat(channels).filteredOn(c -> !c.getInterceptors().isEmpty()).extracting(DirectChannel::getName)
                .containsExactly("inputA", "thing1", "thing2x");
    }

    @Test
    void aChannelCreatedAfterTheRegistrationGetsTheInterceptorWhenApplied() {
        globals.register(GlobalInterceptorRegistration.of(recording("global"), "late*", 0));

        QueueChannel late = new QueueChannel("lateChannel");
        assertThat(late.getInterceptors()).isEmpty();
        globals.apply(late);

        assertThat(labels(late)).containsExactly("global");
        late.send(Message.of("x"));
        assertThat(log).containsExactly("global");
    }

    @Test
    void aGlobalInterceptorRegisteredLaterReachesExistingChannels() {
        DirectChannel seen = new DirectChannel("seen");
        globals.apply(seen);
        DirectChannel unseen = new DirectChannel("unseen");

        globals.register(GlobalInterceptorRegistration.of(recording("one")));
        assertThat(labels(seen)).containsExactly("one");
        assertThat(unseen.getInterceptors()).as("the registry never saw it").isEmpty();

        globals.register(GlobalInterceptorRegistration.of(recording("two")), List.of(unseen));
        assertThat(labels(seen)).containsExactly("one", "two");
        assertThat(labels(unseen)).as("only the newly registered one; apply() brings all").containsExactly("two");

        globals.register(GlobalInterceptorRegistration.of(recording("three")));
        assertThat(labels(unseen)).as("remembered since").containsExactly("two", "three");
    }

    @Test
    void applyingAgainOrRegisteringAgainAddsNoDuplicates() {
        RecordingInterceptor shared = recording("shared");
        GlobalInterceptorRegistration global = GlobalInterceptorRegistration.of(shared, "*", 1);
        DirectChannel channel = new DirectChannel("c");
        globals.register(global);

        globals.apply(channel);
        globals.apply(channel);
        globals.register(global);
        globals.register(global, List.of(channel));
        globals.register(GlobalInterceptorRegistration.of(shared, "c", -1));

        assertThat(labels(channel)).containsExactly("shared");
        assertThat(globals.getRegistered()).hasSize(2);
    }

    @Test
    void anInterceptorTheChannelAlreadyHasLocallyIsNotAddedAgain() {
        RecordingInterceptor both = recording("both");
        DirectChannel channel = DirectChannel.builder().name("c").interceptor(both).build();
        globals.register(GlobalInterceptorRegistration.of(both));

        globals.apply(channel);

        assertThat(labels(channel)).containsExactly("both");
    }

    @Test
    void aVetoCapableInterceptorMayRefuseAChannel() {
        List<String> asked = new ArrayList<>();
        VetoCapableInterceptor picky = (name, channel) -> {
            asked.add(name);
            return !name.equals("refused");
        };
        globals.register(GlobalInterceptorRegistration.of(picky, "re*", 0));
        DirectChannel refused = new DirectChannel("refused");
        DirectChannel accepted = new DirectChannel("received");
        DirectChannel unselected = new DirectChannel("other");

        List.of(refused, accepted, unselected).forEach(globals::apply);

        assertThat(refused.getInterceptors()).isEmpty();
        assertThat(accepted.getInterceptors()).containsExactly(picky);
        assertThat(unselected.getInterceptors()).isEmpty();
        assertThat(asked).as("asked only about channels the patterns select").containsExactly("refused", "received");
    }

    @Test
    void unregisteringRemovesTheInterceptorFromTheChannelsItWasAddedTo() {
        RecordingInterceptor local = recording("local");
        DirectChannel channel = DirectChannel.builder().name("c").interceptor(local).build();
        GlobalInterceptorRegistration global = GlobalInterceptorRegistration.of(recording("global"));
        globals.register(global);
        globals.apply(channel);

        assertThat(globals.unregister(global)).isTrue();
        assertThat(globals.unregister(global)).isFalse();

        assertThat(channel.getInterceptors()).containsExactly(local);
        assertThat(globals.getRegistered()).isEmpty();
    }

    @Test
    void theSameInterceptorServesManyChannels() {
        ChannelInterceptor shared = recording("shared");
        globals.register(GlobalInterceptorRegistration.of(shared, "a, b", 0));
        DirectChannel a = new DirectChannel("a");
        DirectChannel b = new DirectChannel("b");
        a.subscribe(message -> { });
        b.subscribe(message -> { });
        globals.apply(a);
        globals.apply(b);

        a.send(Message.of(1));
        b.send(Message.of(2));

        assertThat(log).containsExactly("shared", "shared");
    }
}
