package com.chatwebsite.plugin.website;

import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.plugin.settings.SettingsValidator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Creates, changes and finds websites; caches live ones by id and by public key for the widget's
 * and agents' requests. Another node's change reaches this one as {@link #forget}.
 */
public final class WebsiteService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> SECRET_KEYS = List.of("videoCall.apiKey", "identity.secret",
            "identity.previousSecret");

    private final WebsiteRepository store;
    private final WebsiteSettingsSchema schema;
    private final Clock clock;
    private final Map<String, Website> byKey = new ConcurrentHashMap<>();
    private final Map<String, Website> byId = new ConcurrentHashMap<>();
    private final List<Consumer<Website>> changeListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Website>> deleteListeners = new CopyOnWriteArrayList<>();

    public WebsiteService(WebsiteRepository store, WebsiteSettingsSchema schema, Clock clock) {
        this.store = store;
        this.schema = schema;
        this.clock = clock;
    }

    /**
     * The outcome of a create or update.
     *
     * @param website the saved website, when valid
     * @param errors why it was refused
     */
    public record Saved(Optional<Website> website, List<FieldError> errors) {
    }

    public Saved create(Map<String, Object> input) {
        WebsiteInput.Parsed parsed = WebsiteInput.parse(schema.schema(), input);
        if (!parsed.errors().isEmpty()) {
            return new Saved(Optional.empty(), parsed.errors());
        }
        Website w = store.insert(UUID.randomUUID().toString(), newKey(), parsed.definition(), clock.instant());
        return new Saved(Optional.of(w), List.of());
    }

    /**
     * Replaces a website's settings; a secret left out keeps its stored value.
     *
     * @param id the website
     * @param input the new settings
     * @return the result, or empty if there is no such website
     */
    public Optional<Saved> update(String id, Map<String, Object> input) {
        Optional<Website> existing = store.byId(id);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> withSecret = keepSecret(input, existing.get());
        WebsiteInput.Parsed parsed = WebsiteInput.parse(schema.schema(), withSecret);
        if (!parsed.errors().isEmpty()) {
            return Optional.of(new Saved(Optional.empty(), parsed.errors()));
        }
        Optional<Website> saved = store.update(id, parsed.definition(), clock.instant());
        saved.ifPresent(w -> {
            forget(id);
            changeListeners.forEach(l -> l.accept(w));
        });
        return saved.map(w -> new Saved(Optional.of(w), List.of()));
    }

    public boolean delete(String id) {
        Optional<Website> existing = store.byId(id);
        if (existing.isEmpty() || !store.delete(id, clock.instant())) {
            return false;
        }
        forget(id);
        deleteListeners.forEach(l -> l.accept(existing.get()));
        return true;
    }

    /** A live website by id, from the cache when possible. */
    public Optional<Website> byId(String id) {
        Website cached = byId.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Website> found = store.byId(id);
        found.ifPresent(w -> byId.put(id, w));
        return found;
    }

    /**
     * Drops a website from the caches, after a change here or on another node.
     *
     * @param id the website
     */
    public void forget(String id) {
        byId.remove(id);
        byKey.values().removeIf(w -> w.id().equals(id));
    }

    /**
     * Drops every cached website, after changes on other nodes may have been missed.
     *
     * @return the ids that were cached
     */
    public Set<String> forgetAll() {
        Set<String> ids = new HashSet<>(byId.keySet());
        byKey.values().forEach(w -> ids.add(w.id()));
        byId.clear();
        byKey.clear();
        return ids;
    }

    /** A website even if deleted, for messages accepted before it was. */
    public Optional<Website> byIdIncludingDeleted(String id) {
        return store.byIdIncludingDeleted(id);
    }

    /** A live website by public key, from the cache when possible. */
    public Optional<Website> byKey(String key) {
        Website cached = byKey.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Website> found = store.byKey(key);
        found.ifPresent(w -> byKey.put(key, w));
        return found;
    }

    public List<Website> list() {
        return store.list();
    }

    /** Calls the listener after each update. */
    public void onChange(Consumer<Website> listener) {
        changeListeners.add(listener);
    }

    /** Calls the listener after each delete. */
    public void onDelete(Consumer<Website> listener) {
        deleteListeners.add(listener);
    }

    /** A secret the input leaves out keeps its stored value; an explicit empty value clears it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> keepSecret(Map<String, Object> input, Website existing) {
        Map<String, Object> copy = new LinkedHashMap<>(input);
        for (String key : SECRET_KEYS) {
            Object stored = SettingsValidator.lookup(existing.settings(), key);
            if (stored == null || SettingsValidator.lookup(input, key) != null) {
                continue;
            }
            String group = key.substring(0, key.indexOf('.'));
            Object given = copy.get(group);
            if (given == null || given instanceof Map) {
                Map<String, Object> groupCopy = given instanceof Map<?, ?> m
                        ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
                groupCopy.put(key.substring(key.indexOf('.') + 1), stored);
                copy.put(group, groupCopy);
            }
        }
        return copy;
    }

    private static String newKey() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
