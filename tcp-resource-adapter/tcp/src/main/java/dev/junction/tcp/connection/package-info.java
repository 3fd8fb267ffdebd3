/**
 * TCP connection factories: servers that accept connections and clients that open them, each connection framing
 * its messages with a {@link dev.junction.tcp.codec.FrameCodec}. Gateways and channel adapters are built on them.
 *
 * <h2>Kinds</h2>
 * <ul>
 *   <li>{@link dev.junction.tcp.connection.BlockingTcpServerFactory} and
 *       {@link dev.junction.tcp.connection.BlockingTcpClientFactory}: a task per connection that blocks reading it.
 *       Simple, low latency; needs a thread per open connection.</li>
 *   <li>{@link dev.junction.tcp.connection.NioTcpServerFactory} and
 *       {@link dev.junction.tcp.connection.NioTcpClientFactory}: one selector task watches every connection and
 *       delivers what it reads on its own thread, and a second task takes over selecting when a delivery lasts
 *       longer than {@link dev.junction.tcp.connection.TcpConnectionOptions#selectorHandOff()}, so a few threads
 *       serve many connections.</li>
 *   <li>{@link dev.junction.tcp.connection.CachingTcpClientFactory}: lends connections of a single-use client
 *       factory from a bounded pool.</li>
 * </ul>
 * A client factory may instead have its connections read by whoever holds them
 * ({@link dev.junction.tcp.connection.TcpClientFactory#enableCallerReads()}): a request and reply client then reads
 * its reply on its own thread ({@link dev.junction.tcp.connection.CallerReadConnection}), and the factory runs no task
 * for the connection.
 * All are configured by {@link dev.junction.tcp.connection.TcpConnectionOptions}, hand payloads to a
 * {@link dev.junction.tcp.connection.TcpMessageListener} and publish
 * {@link dev.junction.tcp.connection.TcpConnectionEvent}s.
 *
 * <h2>Threads</h2>
 * A factory never creates a thread: it runs its tasks on the {@link java.util.concurrent.Executor} it is given,
 * which in an application server is the resource adapter's work manager, and in Java SE whatever the caller
 * chooses: a cached thread pool for the blocking kinds (they need a thread per connection, plus one to accept), a
 * small fixed pool for the NIO kinds (three threads: the selector, its watch, and one for set-up and idle closes;
 * with a zero {@code selectorHandOff}, the selector and at least one for reads; two more for each further selector,
 * see {@link dev.junction.tcp.connection.TcpConnectionOptions#selectors()}). The executor must run
 * tasks on other threads than the caller's. On JDK 21 or later, virtual threads suit the blocking kinds best;
 * nothing in this module needs JDK 21 to compile, the caller simply passes the executor:
 * <pre>{@code
 * ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor(); // JDK 21+
 * TcpServerFactory server = new BlockingTcpServerFactory(options, executor, listener);
 * }</pre>
 * Every wait that can last (to write, for a connection's lock, for tasks to end when stopping) uses a
 * {@link java.util.concurrent.locks.ReentrantLock}, never {@code synchronized}, so a virtual thread that waits does
 * not hold on to its carrier thread.
 *
 * <h2>Order</h2>
 * The payloads of one connection reach the listener one at a time and in the order they arrived, with either kind
 * and however many threads the executor has: an NIO connection is read by one party at a time (the selector makes
 * one read, and the selecting thread after its select, or a task, delivers it and reads on while each read fills
 * its buffer), and the selector reads it again only once that delivery has ended, whichever thread selects by then. Different connections are served concurrently. Writes on one connection are serialized: each frame is written whole.
 *
 * <h2>Failures and stopping</h2>
 * A frame that the codec rejects fails its connection only: a
 * {@link dev.junction.tcp.connection.TcpConnectionEvent.DeserializationFailed} (with the offending length), then
 * the connection closes, and every other connection goes on. A failing listener is logged and never ends a
 * connection. {@link dev.junction.tcp.connection.TcpConnectionFactory#stop()} stops accepting, closes every
 * connection, and returns once every task it gave the executor has ended, so the executor can then be shut down.
 */
package dev.junction.tcp.connection;
