package com.chatwebsite.plugin.web;

import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.api.web.RouteAccess;
import com.chatwebsite.api.web.ServerSentEvent;
import com.chatwebsite.api.web.WebRequest;
import com.chatwebsite.api.web.WebResponse;
import com.chatwebsite.api.web.WebRoute;
import com.chatwebsite.plugin.queue.QueuePosition;
import com.chatwebsite.plugin.rating.Rating;
import com.chatwebsite.plugin.rating.RatingService;
import com.chatwebsite.plugin.session.ChatSession;
import com.chatwebsite.plugin.website.Website;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The customer's session state (with the queue position while waiting, and the rating once given)
 * and the rating of a closed chat; plus the JSON of positions and ratings for every edge.
 */
final class QueueAndRatingRoutes {

    private static final String PREFIX = "/widget/{key}";
    private static final long RATING_BODY_LIMIT = 16 * 1024;
    private static final Set<String> RATING_KEYS = Set.of("score", "comment");

    private final WidgetRoutes widget;

    QueueAndRatingRoutes(WidgetRoutes widget) {
        this.widget = widget;
    }

    List<WebRoute> routes() {
        return List.of(
                WebRoute.of("OPTIONS", PREFIX + "/sessions/{sessionId}", RouteAccess.PUBLIC, widget::preflight),
                WebRoute.of("OPTIONS", PREFIX + "/sessions/{sessionId}/rating", RouteAccess.PUBLIC, widget::preflight),
                widget.widget("GET", "/sessions/{sessionId}", WebRoute.DEFAULT_MAX_BODY_BYTES, this::state),
                widget.widget("POST", "/sessions/{sessionId}/rating", RATING_BODY_LIMIT, this::rate));
    }

    /** {@code GET …/sessions/{id}}: what the widget needs to show a chat again after a reload. */
    private WebResponse state(WebRequest r, Website w) {
        String id = widget.sessionId(r, w);
        ChatSession s = widget.rt().lookup().find(id).orElseThrow(() -> new Problem(404, "session_not_found",
                "No such session for this token."));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sessionId", s.id());
        out.put("state", s.state().wire());
        out.put("disposition", s.disposition().orElse(null));
        out.put("queue", queueJson(widget.rt().queue().positionOf(w.id(), s.id())));
        out.put("rating", s.isOpen() ? null : ratingJson(widget.rt().ratings().find(s.id()).orElse(null)));
        return Json.response(200, out).withHeader("Cache-Control", "no-store");
    }

    /** {@code POST …/sessions/{id}/rating}: the first rating of a closed chat wins; a second is 409. */
    private WebResponse rate(WebRequest r, Website w) {
        String id = widget.sessionId(r, w);
        widget.guard().admitMessage(r, w, id);
        Map<String, Object> body = Routes.object(r);
        List<FieldError> errors = new ArrayList<>();
        for (String key : body.keySet()) {
            if (!RATING_KEYS.contains(key)) {
                errors.add(new FieldError(key, "unknown", "A rating takes only score and comment."));
            }
        }
        Object rawScore = body.get("score");
        Optional<Integer> score = Optional.empty();
        if (rawScore == null) {
            errors.add(new FieldError("score", "required", "score is required: a whole number from 1 to 5."));
        } else if (rawScore instanceof Integer n) {
            score = Optional.of(n);
        } else if (rawScore instanceof Long || rawScore instanceof BigInteger) {
            score = Optional.of(0); // far out of range: refused as such below
        } else {
            errors.add(new FieldError("score", "integer", "score must be a whole number from 1 to 5."));
        }
        Object rawComment = body.get("comment");
        Optional<String> comment = Optional.empty();
        if (rawComment instanceof String text) {
            comment = Optional.of(text);
        } else if (rawComment != null) {
            errors.add(new FieldError("comment", "string", "comment must be text."));
        }
        RatingService.check(score.orElse(RatingService.MIN_SCORE), comment).forEach(errors::add);
        if (!errors.isEmpty()) {
            throw Problem.invalid("The rating is not valid.", errors);
        }
        return Json.response(201, ratingJson(widget.rt().ratings().rate(id, score.orElseThrow(), comment)));
    }

    /** A position as JSON, or null when the chat is not waiting. */
    static Map<String, Object> queueJson(Optional<QueuePosition> position) {
        if (position.isEmpty()) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("position", position.get().position());
        out.put("estimatedWaitSeconds", position.get().estimatedWaitSeconds().orElse(null));
        return out;
    }

    /** The stream's {@code queue} event: live only, without an id, so {@code Last-Event-ID} stays a sequence. */
    static ServerSentEvent queueEvent(QueuePosition position) {
        return new ServerSentEvent(Optional.empty(), Optional.of("queue"), Json.text(queueJson(Optional.of(position))));
    }

    /** A rating as JSON, or null. */
    static Map<String, Object> ratingJson(Rating rating) {
        if (rating == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("score", rating.score());
        out.put("comment", rating.comment().orElse(null));
        out.put("ratedAt", rating.ratedAt().toString());
        return out;
    }
}
