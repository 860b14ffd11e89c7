package com.chatwebsite.plugin.rating;

import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.plugin.error.ChatException;
import com.chatwebsite.plugin.error.ChatException.Kind;
import com.chatwebsite.plugin.session.ChatSession;
import com.chatwebsite.plugin.session.SessionLookup;
import com.chatwebsite.plugin.settings.TextRules;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Customers rate their chat once it has ended: a score of 1 to 5 and an optional comment, once per
 * chat (the first rating wins, a second is refused). Stored before it is acknowledged.
 */
public final class RatingService {

    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 5;
    /** The longest comment, in characters (code points). */
    public static final int MAX_COMMENT = 1000;

    private final RatingRepository repository;
    private final SessionLookup sessions;
    private final Clock clock;

    public RatingService(RatingRepository repository, SessionLookup sessions, Clock clock) {
        this.repository = repository;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * What is wrong with a rating's values, field by field.
     *
     * @param score the score
     * @param comment the comment, if any
     * @return the errors, empty when it may be stored
     */
    public static List<FieldError> check(int score, Optional<String> comment) {
        List<FieldError> errors = new ArrayList<>();
        if (score < MIN_SCORE || score > MAX_SCORE) {
            errors.add(new FieldError("score", "range", "score must be a whole number from " + MIN_SCORE + " to "
                    + MAX_SCORE + "."));
        }
        comment.ifPresent(c -> {
            if (c.codePointCount(0, c.length()) > MAX_COMMENT) {
                errors.add(new FieldError("comment", "maxLength", "comment must be at most " + MAX_COMMENT
                        + " characters."));
            } else {
                TextRules.multiline("comment", "The comment", c).ifPresent(errors::add);
            }
        });
        return errors;
    }

    /**
     * Stores the customer's rating of a closed chat.
     *
     * @param sessionId the chat (its token checked by the caller)
     * @param score 1 to 5
     * @param comment an optional comment; blank counts as none
     * @return the stored rating
     * @throws ChatException {@code INVALID} for values {@link #check} refuses, {@code CONFLICT}
     *     {@code session_open} before the chat ended, {@code already_rated} for a second rating
     */
    public Rating rate(String sessionId, int score, Optional<String> comment) {
        Optional<String> text = comment.map(String::strip).filter(c -> !c.isEmpty());
        List<FieldError> errors = check(score, text);
        if (!errors.isEmpty()) {
            throw new ChatException(Kind.INVALID, "invalid_rating", errors.get(0).message());
        }
        ChatSession s = sessions.find(sessionId).orElseThrow(() -> new ChatException(Kind.NOT_FOUND,
                "session_not_found", "No such session."));
        if (s.isOpen()) {
            throw new ChatException(Kind.CONFLICT, "session_open", "A chat can be rated once it has ended.");
        }
        Rating rating = new Rating(sessionId, score, text, clock.instant());
        if (!repository.insertFirst(rating)) {
            throw new ChatException(Kind.CONFLICT, "already_rated", "This chat has been rated already.");
        }
        return rating;
    }

    public Optional<Rating> find(String sessionId) {
        return repository.find(sessionId);
    }

    public Map<String, Rating> forSessions(Collection<String> sessionIds) {
        return sessionIds.isEmpty() ? Map.of() : repository.forSessions(sessionIds);
    }

    public RatingAverages averages(Optional<String> websiteId, Optional<Instant> from, Optional<Instant> to) {
        return repository.averages(websiteId, from, to);
    }
}
