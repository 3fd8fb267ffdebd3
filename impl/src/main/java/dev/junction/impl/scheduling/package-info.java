/**
 * When pollers and the delayer run: triggers and the schedulers that follow them.
 *
 * <p>Every trigger here implements the Jakarta Concurrency {@link jakarta.enterprise.concurrent.ZonedTrigger}
 * contract, so the same trigger drives a poller on a container's {@code ManagedScheduledExecutorService} and, in
 * Java SE, on {@link dev.junction.impl.scheduling.SimpleTaskScheduler}. Cron schedules use
 * {@link jakarta.enterprise.concurrent.CronTrigger} as it is.
 */
package dev.junction.impl.scheduling;
