package com.chatwebsite.plugin.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Queue positions and estimated waits, always computed from the database, so every node agrees.
 *
 * <p>The position of a waiting chat is 1 plus the number of the website's chats that have waited
 * longer. The estimate is the median wait (opening to accept) of the website's last
 * {@value #SAMPLE} chats accepted within the last hour, times the position, rounded up to whole
 * seconds. Without such an accept there is no estimate: the widget then shows only the position.
 */
public final class WaitingQueue {

    /** How many recent accepts the estimate looks at. */
    static final int SAMPLE = 20;
    /** How far back accepts count for the estimate. */
    static final Duration WINDOW = Duration.ofHours(1);

    private final QueueRepository repository;
    private final Clock clock;

    public WaitingQueue(QueueRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * The position of one chat.
     *
     * @param websiteId its website
     * @param sessionId the chat
     * @return its place, or empty when it is not waiting
     */
    public Optional<QueuePosition> positionOf(String websiteId, String sessionId) {
        return Optional.ofNullable(positions(websiteId).get(sessionId));
    }

    /**
     * The positions of all of a website's waiting chats.
     *
     * @param websiteId the website
     * @return each waiting session's place, in queue order
     */
    public Map<String, QueuePosition> positions(String websiteId) {
        List<String> waiting = repository.waitingInOrder(websiteId);
        Map<String, QueuePosition> out = new LinkedHashMap<>();
        if (waiting.isEmpty()) {
            return out;
        }
        Optional<Duration> median = medianWait(websiteId);
        for (int i = 0; i < waiting.size(); i++) {
            int position = i + 1;
            out.put(waiting.get(i), new QueuePosition(position, median.map(m -> estimate(m, position))));
        }
        return out;
    }

    private Optional<Duration> medianWait(String websiteId) {
        List<Duration> waits = new ArrayList<>(repository.recentWaits(websiteId, clock.instant().minus(WINDOW), SAMPLE));
        if (waits.isEmpty()) {
            return Optional.empty();
        }
        waits.sort(null);
        int n = waits.size();
        Duration median = n % 2 == 1 ? waits.get(n / 2) : waits.get(n / 2 - 1).plus(waits.get(n / 2)).dividedBy(2);
        return Optional.of(median.isNegative() ? Duration.ZERO : median);
    }

    /** The median wait times the position, in whole seconds rounded up. */
    static long estimate(Duration median, int position) {
        long millis = median.toMillis() * position;
        return (millis + 999) / 1000;
    }
}
