package dev.junction.impl.endpoint;

/** A component that can be started and stopped, as endpoints are with their application or on demand. */
interface Lifecycle {

    /** Starts the component; starting a running component does nothing. */
    void start();

    /** Stops the component; stopping a stopped component does nothing. */
    void stop();

    boolean isRunning();
}
