/**
 * The store SPI: where messages wait when they must outlive a thread, a transaction or the JVM.
 *
 * <ul>
 *   <li>{@link dev.junction.api.store.MessageStore} keeps single messages by id.</li>
 *   <li>{@link dev.junction.api.store.MessageGroupStore} keeps messages in named groups (a delayer's waiting messages).</li>
 *   <li>{@link dev.junction.api.store.ChannelMessageStore} is the queue behind a persistent channel: add at the
 *       tail, take from the head; {@link dev.junction.api.store.PriorityChannelMessageStore} takes by priority.</li>
 *   <li>{@link dev.junction.api.store.MetadataStore} and {@link dev.junction.api.store.ConcurrentMetadataStore}
 *       keep small string entries (the idempotent receiver's keys).</li>
 *   <li>{@link dev.junction.api.store.ValueSerializer} turns payloads and header values into bytes for the
 *       stores that write to a database.</li>
 * </ul>
 *
 * <p>Implementations are thread safe. The in-memory and JDBC implementations live in the runtime; a store that
 * writes to a database takes part in the caller's JTA transaction when its data source enlists connections.
 */
package dev.junction.api.store;
