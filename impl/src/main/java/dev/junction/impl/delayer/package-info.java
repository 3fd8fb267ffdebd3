/**
 * The delayer: {@link dev.junction.impl.delayer.DelayHandler} keeps each message in a message group store until its
 * release time and schedules its release; {@link dev.junction.impl.delayer.DelayedReleases} is the endpoint that
 * starts and stops the releases with the runtime, after every consumer, so messages kept from before a restart are
 * released into a running flow. {@link dev.junction.impl.delayer.Delayers} builds both from a
 * {@link dev.junction.api.delayer.DelayerSpec}, reporting every misconfiguration with its code.
 */
package dev.junction.impl.delayer;
