package com.chatwebsite.plugin.web;

import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.api.web.RouteAccess;
import com.chatwebsite.api.web.WebRequest;
import com.chatwebsite.api.web.WebResponse;
import com.chatwebsite.api.web.WebRoute;
import com.chatwebsite.plugin.ChatWebsitePlugin;
import com.chatwebsite.plugin.rating.RatingAverages;
import com.chatwebsite.plugin.website.Website;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The supervisor's rating averages: {@code GET /api/ratings?websiteId=&from=&to=} →
 * {@code {"websites":[{"id","name","average","count"}],"agents":[{"agent","average","count"}]}},
 * over the ratings given from {@code from} (inclusive) to {@code to} (exclusive); each bound an
 * ISO-8601 instant or a date (its start, UTC). The agent is the one who accepted the chat.
 */
final class RatingAdminRoutes {

    private final ChatWebsitePlugin plugin;

    RatingAdminRoutes(ChatWebsitePlugin plugin) {
        this.plugin = plugin;
    }

    WebRoute route() {
        return WebRoute.of("GET", "/api/ratings", RouteAccess.ADMIN, Routes.guarded(this::averages));
    }

    private WebResponse averages(WebRequest r) {
        Optional<String> websiteId = r.query("websiteId").filter(s -> !s.isBlank());
        List<FieldError> errors = new ArrayList<>();
        Optional<Instant> from = bound(r, "from", errors);
        Optional<Instant> to = bound(r, "to", errors);
        if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
            errors.add(new FieldError("to", "after", "to must be later than from."));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("The period is not valid.", errors);
        }
        if (websiteId.isPresent() && plugin.runtime().websites().byId(websiteId.get()).isEmpty()) {
            throw new Problem(404, "not_found", "No website " + websiteId.get() + ".");
        }
        RatingAverages averages = plugin.runtime().ratings().averages(websiteId, from, to);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("websites", averages.websites().stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.key());
            m.put("name", plugin.runtime().websites().byId(a.key()).map(Website::name).orElse(null));
            m.put("average", rounded(a.average()));
            m.put("count", a.count());
            return m;
        }).toList());
        out.put("agents", averages.agents().stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("agent", a.key());
            m.put("average", rounded(a.average()));
            m.put("count", a.count());
            return m;
        }).toList());
        return Json.response(200, out);
    }

    /** Two decimals, as a supervisor reads them. */
    private static double rounded(double average) {
        return Math.round(average * 100) / 100.0;
    }

    private static Optional<Instant> bound(WebRequest r, String name, List<FieldError> errors) {
        Optional<String> raw = r.query(name).filter(s -> !s.isBlank());
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String v = raw.get().trim();
        try {
            return Optional.of(v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(v));
        } catch (DateTimeException e) {
            errors.add(new FieldError(name, "datetime", name
                    + " must be an ISO-8601 instant (2026-05-01T00:00:00Z) or a date (2026-05-01)."));
            return Optional.empty();
        }
    }
}
