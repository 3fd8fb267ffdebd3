package dev.junction.impl.scripting;

import java.time.Duration;
import javax.script.ScriptEngine;

/**
 * A script's compiled text, recompiled when its source changed, checked at most once per refresh check delay:
 * never when the delay is negative, before every execution when it is zero. Compiles once at creation, so a broken
 * script fails at start.
 */
final class ReloadingText {

    private final ScriptEngine engine;
    private final ScriptText source;
    /** nanoseconds between checks; negative: never */
    private final long checkEveryNanos;
    private volatile CompiledText current;
    private volatile long nextCheck;

    ReloadingText(ScriptEngine engine, ScriptText source, Duration refreshCheckDelay) {
        this.engine = engine;
        this.source = source;
        this.checkEveryNanos = refreshCheckDelay.isNegative() ? -1 : refreshCheckDelay.toNanos();
        this.current = CompiledText.compile(engine, source);
        this.nextCheck = System.nanoTime() + Math.max(checkEveryNanos, 0);
    }

    /**
     * @return the text to run now, recompiled first if the check is due and the source changed
     * @throws IllegalArgumentException ({@code JNC-1054}) when the changed source does not compile; the next
     *         execution tries again
     */
    CompiledText current() {
        if (checkEveryNanos < 0) {
            return current;
        }
        long now = System.nanoTime();
        if (now - nextCheck < 0) {
            return current;
        }
        synchronized (this) {
            if (now - nextCheck >= 0) {
                CompiledText seen = current;
                if (!source.version().equals(seen.version)) {
                    current = CompiledText.compile(engine, source);
                }
                nextCheck = now + checkEveryNanos;
            }
            return current;
        }
    }
}
