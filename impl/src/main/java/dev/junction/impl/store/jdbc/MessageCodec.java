package dev.junction.impl.store.jdbc;

import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.message.MessageHeaders;
import dev.junction.api.store.MessageStoreException;
import dev.junction.api.store.ValueSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a whole message into one byte array and back: id, timestamp, payload and headers. Strings, numbers,
 * booleans, UUIDs and byte arrays are written directly (they are most headers and many payloads); any other value
 * goes through the {@link ValueSerializer}.
 */
final class MessageCodec {

    private static final byte FORMAT = 1;
    private static final byte STRING = 1;
    private static final byte INTEGER = 2;
    private static final byte LONG = 3;
    private static final byte BOOLEAN = 4;
    private static final byte DOUBLE = 5;
    private static final byte UUID_VALUE = 6;
    private static final byte BYTES = 7;
    private static final byte SERIALIZED = 8;

    private final ValueSerializer serializer;

    MessageCodec(ValueSerializer serializer) {
        this.serializer = serializer;
    }

    byte[] encode(Message<?> message) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        DataOutputStream out = new DataOutputStream(buffer);
        MessageHeaders headers = message.getHeaders();
        try {
            out.writeByte(FORMAT);
            UUID id = headers.getId();
            out.writeLong(id.getMostSignificantBits());
            out.writeLong(id.getLeastSignificantBits());
            out.writeLong(headers.getTimestamp());
            writeValue(out, message.getPayload(), message, null);
            out.writeInt(headers.size() - 2);
            for (Map.Entry<String, Object> header : headers.entrySet()) {
                if (!MessageHeaders.ID.equals(header.getKey()) && !MessageHeaders.TIMESTAMP.equals(header.getKey())) {
                    writeString(out, header.getKey());
                    writeValue(out, header.getValue(), message, header.getKey());
                }
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // a byte array stream does not fail
        }
        return buffer.toByteArray();
    }

    Message<?> decode(byte[] bytes) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        UUID id = null;
        try {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IOException("unknown format " + format);
            }
            id = new UUID(in.readLong(), in.readLong());
            long timestamp = in.readLong();
            Object payload = readValue(in);
            int count = in.readInt();
            Map<String, Object> headers = new HashMap<>((int) (count / 0.75f) + 1);
            for (int i = 0; i < count; i++) {
                headers.put(readString(in), readValue(in));
            }
            return MessageBuilder.restore(payload, id, timestamp, headers);
        } catch (IOException | RuntimeException unreadable) {
            throw new MessageStoreException(null, "JNC-0903 The stored message " + (id == null ? "" : id + " ")
                    + "cannot be read back with the " + serializer + " serializer: " + unreadable.getMessage()
                    + "; read it with the serializer that stored it, with its classes on the class path", unreadable);
        }
    }

    private void writeValue(DataOutputStream out, Object value, Message<?> message, String header) throws IOException {
        if (value instanceof String text) {
            out.writeByte(STRING);
            writeString(out, text);
        } else if (value instanceof Integer number) {
            out.writeByte(INTEGER);
            out.writeInt(number);
        } else if (value instanceof Long number) {
            out.writeByte(LONG);
            out.writeLong(number);
        } else if (value instanceof Boolean flag) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(flag);
        } else if (value instanceof Double number) {
            out.writeByte(DOUBLE);
            out.writeDouble(number);
        } else if (value instanceof UUID uuid) {
            out.writeByte(UUID_VALUE);
            out.writeLong(uuid.getMostSignificantBits());
            out.writeLong(uuid.getLeastSignificantBits());
        } else if (value instanceof byte[] raw) {
            out.writeByte(BYTES);
            out.writeInt(raw.length);
            out.write(raw);
        } else {
            byte[] serialized = serialize(value, message, header);
            out.writeByte(SERIALIZED);
            out.writeInt(serialized.length);
            out.write(serialized);
        }
    }

    private byte[] serialize(Object value, Message<?> message, String header) {
        try {
            return serializer.serialize(value);
        } catch (RuntimeException refused) {
            String what = header == null ? "its payload, a " + value.getClass().getName()
                    : "its header '" + header + "', a " + value.getClass().getName();
            String code = header == null ? "JNC-0902" : "JNC-0901";
            String fix = header == null ? "send a payload the serializer can write (a record, a POJO), or choose "
                    + "another serializer for the store"
                    : "remove the header before the message reaches the store, give it a simple value (a channel name "
                    + "instead of a channel), or choose another serializer for the store";
            throw new MessageStoreException(message, code + " Message " + message.getHeaders().getId()
                    + " cannot be stored: the " + serializer + " serializer cannot write " + what + " ("
                    + refused.getMessage() + "); " + fix, refused);
        }
    }

    private Object readValue(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case STRING -> readString(in);
            case INTEGER -> in.readInt();
            case LONG -> in.readLong();
            case BOOLEAN -> in.readBoolean();
            case DOUBLE -> in.readDouble();
            case UUID_VALUE -> new UUID(in.readLong(), in.readLong());
            case BYTES -> in.readNBytes(in.readInt());
            case SERIALIZED -> serializer.deserialize(in.readNBytes(in.readInt()));
            default -> throw new IOException("unknown value tag " + tag);
        };
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }
}
