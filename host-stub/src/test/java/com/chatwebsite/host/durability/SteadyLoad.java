package com.chatwebsite.host.durability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Calls a step at a steady rate on several threads until stopped: each thread paces itself to
 * {@code perThreadPerSecond} steps a second (a slow step delays the next one, it never bunches up
 * more than one behind).
 */
final class SteadyLoad {

    /** One step of a load thread. */
    @FunctionalInterface
    interface Step {
        void run(int thread, long n);
    }

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stopped;

    private SteadyLoad() {
    }

    static SteadyLoad start(String name, int threadCount, int perThreadPerSecond, Step step) {
        SteadyLoad load = new SteadyLoad();
        long period = TimeUnit.SECONDS.toNanos(1) / perThreadPerSecond;
        for (int t = 0; t < threadCount; t++) {
            int thread = t;
            Thread th = new Thread(() -> load.loop(thread, period, step), name + "-" + t);
            th.setDaemon(true);
            load.threads.add(th);
        }
        load.threads.forEach(Thread::start);
        return load;
    }

    private void loop(int thread, long period, Step step) {
        long next = System.nanoTime();
        for (long n = 0; !stopped; n++) {
            try {
                step.run(thread, n);
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
                return;
            }
            next = Math.max(next + period, System.nanoTime() - period);
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    /** Stops the threads, waits for their last step to end and rethrows a step's failure. */
    void stop() {
        stopped = true;
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            if (t.isAlive()) {
                throw new AssertionError(t.getName() + " did not stop within 30 s");
            }
        }
        if (failure.get() != null) {
            throw new AssertionError("a load step failed", failure.get());
        }
    }
}
