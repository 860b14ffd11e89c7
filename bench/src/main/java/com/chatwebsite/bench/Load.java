package com.chatwebsite.bench;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * The open-loop load: messages on a fixed schedule, alternately customer to agent and agent to
 * customer over the chats, each carrying its id ({@code r<run>-<n>}) in its text and its
 * {@code clientMessageId}; latency is the time from the message's scheduled send time to its
 * arrival on the other side's event stream, both read from this process's {@link System#nanoTime}.
 */
final class Load {

    /** Which side an event stream belongs to. */
    enum Side { CUSTOMER, AGENT }

    /** Directions: index 0 customer to agent, 1 agent to customer. */
    static final String[] DIRECTIONS = {"customer→agent", "agent→customer"};

    /**
     * One chat's two posting ends: the node (index into {@link Target#addresses()}), path and headers
     * of each.
     */
    record Chat(int customerNode, String customerPost, String[] customerHeaders, int agentNode, String agentPost,
            String[] agentHeaders) {
    }

    /** What a load phase runs against: one or more server processes. */
    interface Target {
        String name();

        /** The server's processes (a host-stub per node), whose CPU is summed. */
        List<Child> processes();

        /** Where each node listens. */
        List<InetSocketAddress> addresses();

        List<Chat> chats();

        /** CPU seconds of a database server the bench started for this target; -1 when there is none. */
        default double databaseCpuSeconds() {
            return -1;
        }
    }

    /** Routes the lines of every stream to the run in progress. */
    static final class Receiver {
        private static final String MARK = "\"clientMessageId\":\"r";
        volatile Tracker current;
        final LongAdder late = new LongAdder();

        Http.LineListener listener(Side side) {
            return (line, t) -> onLine(side, line, t);
        }

        private void onLine(Side side, String line, long t) {
            if (!line.startsWith("data:")) {
                return;
            }
            int k = line.indexOf(MARK);
            if (k < 0) {
                return;
            }
            int p = k + MARK.length();
            int run = 0;
            char ch;
            while (p < line.length() && (ch = line.charAt(p)) >= '0' && ch <= '9') {
                run = run * 10 + (ch - '0');
                p++;
            }
            if (p >= line.length() || line.charAt(p) != '-') {
                return;
            }
            p++;
            int index = 0;
            while (p < line.length() && (ch = line.charAt(p)) >= '0' && ch <= '9') {
                index = index * 10 + (ch - '0');
                p++;
            }
            Tracker tr = current;
            if (tr == null || tr.run != run) {
                late.increment();
                return;
            }
            tr.receive(side, index, t);
        }
    }

    /** The state of one run. */
    static final class Tracker {
        final int run;
        final int total;
        final int measureFrom;
        final int rate;
        volatile long t0;
        final AtomicIntegerArray got;
        final Histogram[] latency = {new SynchronizedHistogram(3_600_000_000L, 3),
                new SynchronizedHistogram(3_600_000_000L, 3)};
        final LongAdder[] received = {new LongAdder(), new LongAdder()};
        final LongAdder duplicates = new LongAdder();
        final LongAdder accepted = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder skipped = new LongAdder();
        final LongAdder dispatched = new LongAdder();
        final Queue<String> errorSamples = new ConcurrentLinkedQueue<>();
        volatile long lastReceive;

        Tracker(int run, int rate, int warmupSeconds, int seconds) {
            this.run = run;
            this.rate = rate;
            this.total = Math.multiplyExact(rate, warmupSeconds + seconds);
            this.measureFrom = rate * warmupSeconds;
            this.got = new AtomicIntegerArray(total);
        }

        long intended(int i) {
            return t0 + (long) (i * 1_000_000_000.0 / rate);
        }

        void receive(Side side, int index, long t) {
            if (index < 0 || index >= total) {
                return;
            }
            int dir = index & 1;
            if ((dir == 0) != (side == Side.AGENT)) {
                return; // the echo on the sender's own stream
            }
            if (!got.compareAndSet(index, 0, 1)) {
                duplicates.increment();
                return;
            }
            received[dir].increment();
            lastReceive = t;
            if (index >= measureFrom) {
                latency[dir].recordValue(Math.max(0, (t - intended(index)) / 1_000));
            }
        }

        /** Per direction, how many chats had a message that never arrived. */
        int[] chatsWithLoss(int chats) {
            java.util.BitSet[] lost = {new java.util.BitSet(), new java.util.BitSet()};
            for (int i = 0; i < total; i++) {
                if (got.get(i) == 0) {
                    lost[i & 1].set((i >> 1) % chats);
                }
            }
            return new int[] {lost[0].cardinality(), lost[1].cardinality()};
        }

        long receivedTotal() {
            return received[0].sum() + received[1].sum();
        }

        void error(String sample) {
            errors.increment();
            if (errorSamples.size() < 5) {
                errorSamples.add(sample);
            }
        }
    }

    /** The outcome of one run. */
    record Result(String target, int rate, int warmupSeconds, int seconds, long offered, long dispatched,
            long accepted, long errors, long skipped, long[] received, long duplicates, Histogram[] latency,
            Histogram senderLag, double serverCores, double databaseCores, double benchCores, List<String> errorSamples, long streamsEnded,
            double settleSeconds, long storedBefore, double[] serverGc, java.time.Instant measuredFrom,
            java.time.Instant measuredTo, int[] chatsWithLoss) {

        long loss() {
            return offered - received[0] - received[1];
        }

        boolean zeroLoss() {
            return loss() == 0 && errors == 0 && skipped == 0;
        }

        /** A latency percentile in milliseconds; NaN when nothing was measured. */
        double ms(int dir, double percentile) {
            Histogram h = latency[dir];
            return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
        }

        double maxMs(int dir) {
            Histogram h = latency[dir];
            return h.getTotalCount() == 0 ? Double.NaN : h.getMaxValue() / 1000.0;
        }

        /** The worse of both directions. */
        double worstMs(double percentile) {
            double a = ms(0, percentile);
            double b = ms(1, percentile);
            if (Double.isNaN(a) || Double.isNaN(b)) {
                return Double.NaN;
            }
            return Math.max(a, b);
        }
    }

    private final Receiver receiver;
    private final Http.StreamCounts counts;
    private final int connections;
    private final Map<String, List<RawHttp.Pool>> pools = new HashMap<>();
    private final Map<String, Long> stored = new HashMap<>();
    private int nextRun = 1;

    Load(Receiver receiver, Http.StreamCounts counts, int connections) {
        this.receiver = receiver;
        this.counts = counts;
        this.connections = connections;
    }

    /** The wall-clock instant of a {@link System#nanoTime} value. */
    static java.time.Instant wall(long nanos) {
        return java.time.Instant.now().plusNanos(nanos - System.nanoTime());
    }

    /** The messages a target accepted (201) in all runs so far. */
    long stored(String target) {
        return stored.getOrDefault(target, 0L);
    }

    private List<RawHttp.Pool> pools(Target target) {
        return pools.computeIfAbsent(target.name(), k -> {
            List<RawHttp.Pool> l = new ArrayList<>();
            List<InetSocketAddress> nodes = target.addresses();
            for (int i = 0; i < nodes.size(); i++) {
                l.add(new RawHttp.Pool("load-" + k + "-" + (i + 1), nodes.get(i), connections));
            }
            return List.copyOf(l);
        });
    }

    /** Closes the connections to a target that is done. */
    void close(Target target) {
        List<RawHttp.Pool> l = pools.remove(target.name());
        if (l != null) {
            l.forEach(RawHttp.Pool::close);
        }
    }

    /** The CPU seconds of all of a target's processes; -1 when any is unknown. */
    static double cpuSeconds(Target target) {
        double sum = 0;
        for (Child c : target.processes()) {
            double s = c.cpuSeconds();
            if (s < 0) {
                return -1;
            }
            sum += s;
        }
        return sum;
    }

    /** GC pauses of all of a target's processes: {count, total ms, longest ms}; count -1 when unknown. */
    static double[] gcPauses(Target target, long fromNanos, long toNanos) {
        double[] out = new double[3];
        for (Child c : target.processes()) {
            double[] g = c.gcPauses(fromNanos, toNanos);
            if (g[0] < 0) {
                return g;
            }
            out[0] += g[0];
            out[1] += g[1];
            out[2] = Math.max(out[2], g[2]);
        }
        return out;
    }

    private static int sum(List<RawHttp.Pool> pools, java.util.function.ToIntFunction<RawHttp.Pool> f) {
        int n = 0;
        for (RawHttp.Pool p : pools) {
            n += f.applyAsInt(p);
        }
        return n;
    }

    /**
     * Runs one fixed rate.
     *
     * @param onStart called on its own thread as the run begins (to profile it); may be null
     */
    Result run(Target target, int rate, int warmupSeconds, int seconds, int drainSeconds, Runnable onStart)
            throws InterruptedException {
        Tracker tr = new Tracker(nextRun++, rate, warmupSeconds, seconds);
        List<RawHttp.Pool> pool = pools(target);
        receiver.current = tr;
        long ended0 = counts.ended.sum();
        double serverCpu0 = cpuSeconds(target);
        double dbCpu0 = target.databaseCpuSeconds();
        double benchCpu0 = Child.cpuSeconds(ProcessHandle.current().pid());
        long wall0 = System.nanoTime();
        tr.t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        Histogram lag = new Histogram(3_600_000_000L, 3);
        Thread pacer = new Thread(() -> send(tr, target.chats(), pool, lag), "bench-pacer");
        pacer.setDaemon(true);
        Thread mid = null;
        if (onStart != null) {
            long at = tr.t0;
            mid = new Thread(() -> {
                long wait = at - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                onStart.run();
            }, "bench-profiler");
            mid.setDaemon(true);
            mid.start();
        }
        pacer.start();
        long scheduleEnd = tr.intended(tr.total - 1);
        pacer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(scheduleEnd - System.nanoTime())) + 30_000);
        // Wait for the stragglers: until everything offered arrived or failed, or the drain time passed.
        long drainEnd = Math.max(System.nanoTime(), scheduleEnd) + TimeUnit.SECONDS.toNanos(drainSeconds);
        while (System.nanoTime() < drainEnd
                && tr.receivedTotal() + tr.errors.sum() + tr.skipped.sum() < tr.total) {
            Thread.sleep(20);
        }
        pool.forEach(RawHttp.Pool::dropQueued); // never sent: each fails, counted as an error ("dropped")
        double wall = (System.nanoTime() - wall0) / 1e9;
        double serverCpu = serverCpu0 < 0 ? -1 : cpuSeconds(target) - serverCpu0;
        double dbCpu = dbCpu0 < 0 ? -1 : target.databaseCpuSeconds() - dbCpu0;
        double benchCpu = Child.cpuSeconds(ProcessHandle.current().pid()) - benchCpu0;
        if (mid != null) {
            mid.join(60_000);
        }
        // Let the requests in progress finish and the server calm down (bounded), so the next run starts
        // from a quiet server: until it uses under a quarter of a core per process over half a second.
        long settleStart = System.nanoTime();
        long settle = settleStart + TimeUnit.SECONDS.toNanos(60);
        while (sum(pool, RawHttp.Pool::busy) > 0 && System.nanoTime() < settle) {
            Thread.sleep(20);
        }
        while (System.nanoTime() < settle) {
            double c0 = cpuSeconds(target);
            Thread.sleep(500);
            double c1 = cpuSeconds(target);
            if (c0 < 0 || c1 < 0 || (c1 - c0) / 0.5 < 0.25 * target.processes().size()) {
                break;
            }
        }
        double settleSeconds = (System.nanoTime() - settleStart) / 1e9;
        Result r = new Result(target.name(), rate, warmupSeconds, seconds, tr.total, tr.dispatched.sum(),
                tr.accepted.sum(), tr.errors.sum(), tr.skipped.sum(),
                new long[] {tr.received[0].sum(), tr.received[1].sum()}, tr.duplicates.sum(),
                new Histogram[] {tr.latency[0].copy(), tr.latency[1].copy()}, lag,
                serverCpu < 0 ? Double.NaN : serverCpu / wall, dbCpu < 0 ? Double.NaN : dbCpu / wall,
                benchCpu < 0 ? Double.NaN : benchCpu / wall,
                List.copyOf(tr.errorSamples), counts.ended.sum() - ended0, settleSeconds, stored(target.name()),
                gcPauses(target, tr.t0 + TimeUnit.SECONDS.toNanos(warmupSeconds), scheduleEnd),
                wall(tr.t0 + TimeUnit.SECONDS.toNanos(warmupSeconds)), wall(scheduleEnd),
                tr.chatsWithLoss(target.chats().size()));
        stored.merge(target.name(), tr.accepted.sum(), Long::sum);
        Thread.sleep(500);
        return r;
    }

    private void send(Tracker tr, List<Chat> chats, List<RawHttp.Pool> pools, Histogram lag) {
        int n = chats.size();
        int backlogLimit = Math.max(1_000, tr.rate * 10);
        for (int i = 0; i < tr.total; i++) {
            long due = tr.intended(i);
            long now;
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(due - now);
            }
            lag.recordValue(Math.min((now - due) / 1_000, 3_600_000_000L));
            if (sum(pools, RawHttp.Pool::queued) > backlogLimit) {
                tr.skipped.increment(); // 10 s of messages wait already: the server is that far behind
                continue;
            }
            Chat chat = chats.get((i >> 1) % n);
            boolean customer = (i & 1) == 0;
            String id = "r" + tr.run + "-" + i;
            String body = "{\"text\":\"bench " + id + "\",\"clientMessageId\":\"" + id + "\"}";
            RawHttp.Pool pool = pools.get(customer ? chat.customerNode() : chat.agentNode());
            byte[] request = RawHttp.request("POST", pool.address(), customer ? chat.customerPost() : chat.agentPost(),
                    customer ? chat.customerHeaders() : chat.agentHeaders(), body);
            tr.dispatched.increment();
            pool.submit(request).whenComplete((resp, e) -> {
                if (e != null) {
                    tr.error(e.getClass().getSimpleName() + ": " + e.getMessage());
                } else if (resp.status() != 201) {
                    tr.error("HTTP " + resp.status() + " " + resp.text());
                } else {
                    tr.accepted.increment();
                }
            });
        }
    }
}
