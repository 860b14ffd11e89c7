package com.chatwebsite.host.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One gate per plugin that every call into the plugin's code passes (its routes, its event
 * streams' opening, its chat channel): a plugin is stopped only once its gate is closed and the
 * calls already inside have left, so a request that got in is answered by a running plugin, and
 * one that did not gets {@code 503 plugin_unavailable}.
 */
public final class PluginGates {

    /** What a caller holds while it is inside a plugin; closing it lets the plugin stop. */
    public interface Pass extends AutoCloseable {
        @Override
        void close();
    }

    private static final Pass FREE = () -> { };

    private final Map<String, Gate> gates = new ConcurrentHashMap<>();

    /**
     * Enters a plugin's gate.
     *
     * @param owner the plugin id ({@code host} and plugins without a gate always pass)
     * @return the pass to close when the call is done, or {@code null} if the gate is closed
     */
    public Pass enter(String owner) {
        Gate gate = gates.get(owner);
        if (gate == null) {
            return FREE;
        }
        return gate.enter() ? gate::exit : null;
    }

    /**
     * Opens a plugin's gate, creating it on first use.
     *
     * @param owner the plugin id
     */
    public void open(String owner) {
        gates.computeIfAbsent(owner, o -> new Gate()).open();
    }

    /**
     * Closes a plugin's gate and waits until the calls inside have left.
     *
     * @param owner the plugin id
     * @param deadline how long to wait at most
     * @return whether every call left in time (also when the plugin has no gate)
     */
    public boolean closeAndDrain(String owner, Duration deadline) {
        Gate gate = gates.get(owner);
        return gate == null || gate.closeAndDrain(deadline);
    }

    /**
     * How many calls are inside a plugin now.
     *
     * @param owner the plugin id
     * @return the count
     */
    public int inside(String owner) {
        Gate gate = gates.get(owner);
        return gate == null ? 0 : gate.inside();
    }

    private static final class Gate {
        private boolean open;
        private int inside;

        synchronized boolean enter() {
            if (!open) {
                return false;
            }
            inside++;
            return true;
        }

        synchronized void exit() {
            inside--;
            if (inside == 0) {
                notifyAll();
            }
        }

        synchronized void open() {
            open = true;
        }

        synchronized int inside() {
            return inside;
        }

        synchronized boolean closeAndDrain(Duration deadline) {
            open = false;
            long end = System.nanoTime() + deadline.toNanos();
            while (inside > 0) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }
}
