package com.chatwebsite.plugin.rating;

import java.time.Instant;
import java.util.Optional;

/**
 * A customer's rating of a closed chat.
 *
 * @param sessionId the chat
 * @param score 1 to 5
 * @param comment what the customer added, if anything
 * @param ratedAt when it was stored
 */
public record Rating(String sessionId, int score, Optional<String> comment, Instant ratedAt) {

    public Rating {
        if (score < RatingService.MIN_SCORE || score > RatingService.MAX_SCORE) {
            throw new IllegalArgumentException("score out of range: " + score);
        }
    }
}
