package dev.junction.api.store;

/**
 * A {@link ChannelMessageStore} whose {@link #poll(String)} takes the message with the highest
 * {@link dev.junction.api.message.MessageHeaders#PRIORITY priority} header first, and the oldest among messages
 * of equal priority. A message without the header, or with a value that is not a number, has priority 0.
 */
public interface PriorityChannelMessageStore extends ChannelMessageStore {
}
