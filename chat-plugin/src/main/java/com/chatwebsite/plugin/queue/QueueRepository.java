package com.chatwebsite.plugin.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the queue reads from the sessions' table. Implemented by the {@code store} package. */
public interface QueueRepository {

    /**
     * A website's waiting chats, the one waiting longest first (by when it opened, then by id).
     *
     * @param websiteId the website
     * @return the session ids
     */
    List<String> waitingInOrder(String websiteId);

    /**
     * How long recently accepted chats of a website waited, from opening to accept, newest accept first.
     *
     * @param websiteId the website
     * @param since the oldest accept to count
     * @param limit the most to return
     * @return the waits
     */
    List<Duration> recentWaits(String websiteId, Instant since, int limit);
}
