package dev.junction.tcp.connection;

/**
 * What a connection needs from the start of the factory that made it.
 *
 * @param options  the factory's options
 * @param listener receives the connection's payloads
 * @param events   publishes the connection's events
 * @param registry the open connections, closed together when the factory stops
 * @param tracker  runs the connection's tasks on the factory's executor
 */
record ConnectionContext(TcpConnectionOptions options, TcpMessageListener listener, EventPublisher events,
                         ConnectionRegistry registry, TaskTracker tracker) {
}
