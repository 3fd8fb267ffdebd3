package dev.junction.impl.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.store.ChannelMessageStore;
import dev.junction.api.store.MessageStoreException;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.store.ValueSerializers;
import dev.junction.impl.store.jdbc.TestDatabases.Kind;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Payloads and headers through the JDBC stores: what comes back, and what is refused with a clear error. */
class SerializationTest {

    public record Line(String product, int quantity) {
    }

    public record Order(long id, String customer, BigDecimal total, Instant placed, List<Line> lines) {
    }

    record Hidden(String value) {
    }

    /** A POJO without getters: its fields are its state. */
    public static final class Drink {
        private String name;
        private boolean iced;

        public Drink() {
        }

        Drink(String name, boolean iced) {
            this.name = name;
            this.iced = iced;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Drink that && Objects.equals(name, that.name) && iced == that.iced;
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, iced);
        }
    }

    /** Neither a record nor constructible without arguments. */
    static final class Receipt implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String number;

        Receipt(String number) {
            this.number = number;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Receipt that && number.equals(that.number);
        }

        @Override
        public int hashCode() {
            return number.hashCode();
        }
    }

    private DataSource dataSource;
    private String prefix;

    private ChannelMessageStore store(Kind kind, boolean javaSerialization) {
        dataSource = kind.dataSource();
        prefix = TestDatabases.uniquePrefix();
        JdbcStores.Builder builder = JdbcStores.builder(dataSource).dialect(kind.dialect()).tablePrefix(prefix);
        if (javaSerialization) {
            builder.serializer(ValueSerializers.javaSerialization());
        }
        return builder.build().createSchema().channelMessageStore();
    }

    @AfterEach
    void dropTables() {
        if (dataSource != null) {
            TestDatabases.dropTables(dataSource, prefix);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void recordsAndPojosComeBackEqualThroughJsonB(Kind kind) {
        ChannelMessageStore store = store(kind, false);
        Order order = new Order(7, "ada", new BigDecimal("12.50"), Instant.parse("2026-12-03T10:15:30Z"),
                List.of(new Line("latte", 2), new Line("mocha", 1)));
        UUID trace = UUID.randomUUID();
        Message<Order> sent = MessageBuilder.withPayload(order).setHeader("drink", new Drink("latte", true))
                .setHeader("trace", trace).setHeader("raw", new byte[] {1, 2, 3}).setCorrelationId("c-1").build();

        store.add("q", sent);
        Message<?> back = store.poll("q");

        assertThat(back.getPayload()).isEqualTo(order);
        assertThat(back.getHeaders().get("drink")).isEqualTo(new Drink("latte", true));
        assertThat(back.getHeaders().get("trace")).isEqualTo(trace);
        assertThat((byte[]) back.getHeaders().get("raw")).containsExactly(1, 2, 3);
        assertThat(back.getHeaders().getCorrelationId()).isEqualTo("c-1");
        assertThat(back.getHeaders().getId()).isEqualTo(sent.getHeaders().getId());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aHeaderTheSerializerCannotWriteIsNamedInACodedError(Kind kind) {
        ChannelMessageStore store = store(kind, false);
        Message<String> message = MessageBuilder.withPayload("order").setReplyChannel(new QueueChannel("replies"))
                .build();

        assertThatThrownBy(() -> store.add("q", message)).isInstanceOf(MessageStoreException.class)
                .hasMessageStartingWith("JNC-0901 Message " + message.getHeaders().getId() + " cannot be stored")
                .hasMessageContaining("header 'replyChannel', a " + QueueChannel.class.getName())
                .hasMessageContaining("JSON-B")
                .satisfies(failure -> assertThat(((MessageStoreException) failure).getFailedMessage())
                        .isSameAs(message));
        assertThat(store.size("q")).isZero();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aPayloadTheSerializerCannotWriteIsNamedInACodedError(Kind kind) {
        ChannelMessageStore store = store(kind, false);

        assertThatThrownBy(() -> store.add("q", Message.of(new Receipt("r-1"))))
                .isInstanceOf(MessageStoreException.class)
                .hasMessageStartingWith("JNC-0902")
                .hasMessageContaining("its payload, a " + Receipt.class.getName())
                .hasMessageContaining("no public or protected no-argument constructor");
        assertThatThrownBy(() -> store.add("q", Message.of(List.of(new Line("latte", 1)))))
                .hasMessageStartingWith("JNC-0902")
                .hasMessageContaining("wrap it in a record");
        assertThatThrownBy(() -> store.add("q", Message.of(new Hidden("x"))))
                .hasMessageStartingWith("JNC-0902")
                .hasMessageContaining("make the record and its canonical constructor public");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void javaSerializationWhenAskedForStoresSerializableValuesOnly(Kind kind) {
        ChannelMessageStore store = store(kind, true);
        store.add("q", MessageBuilder.withPayload(new Receipt("r-1")).setHeader("when", Instant.EPOCH).build());

        Message<?> back = store.poll("q");
        assertThat(back.getPayload()).isEqualTo(new Receipt("r-1"));
        assertThat(back.getHeaders().get("when")).isEqualTo(Instant.EPOCH);
        assertThatThrownBy(() -> store.add("q", MessageBuilder.withPayload("x").setHeader("drink", new Drink("tea",
                false)).build()))
                .hasMessageStartingWith("JNC-0901").hasMessageContaining("header 'drink'")
                .hasMessageContaining("not java.io.Serializable");
    }
}
