package com.chatwebsite.plugin.rating;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Where ratings are kept, with their chats. Implemented by the {@code store} package. */
public interface RatingRepository {

    /**
     * Stores a rating unless its chat has one.
     *
     * @param rating the rating
     * @return false when the chat was rated already (nothing changed)
     */
    boolean insertFirst(Rating rating);

    Optional<Rating> find(String sessionId);

    /**
     * The ratings of some chats.
     *
     * @param sessionIds the chats
     * @return the rating of each rated one
     */
    Map<String, Rating> forSessions(Collection<String> sessionIds);

    /**
     * Averages of the ratings given in a period.
     *
     * @param websiteId only this website's chats, or all
     * @param from the earliest rating time (inclusive), or unbounded
     * @param to the latest rating time (exclusive), or unbounded
     * @return per website and per agent
     */
    RatingAverages averages(Optional<String> websiteId, Optional<Instant> from, Optional<Instant> to);
}
