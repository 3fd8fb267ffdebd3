/**
 * The delayer: a flow step that holds each message for a while before it goes on, keeping it in a message group
 * store meanwhile. {@link dev.junction.api.delayer.DelayerSpec} describes one; {@code Flow.delay(...)} adds it to a
 * flow.
 */
package dev.junction.api.delayer;
