package com.chatwebsite.plugin.website;

import com.chatwebsite.plugin.website.WebsiteInput.WebsiteDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What websites need from storage. Implemented by the {@code store} package. */
public interface WebsiteRepository {

    Website insert(String id, String key, WebsiteDefinition definition, Instant now);

    /** Replaces a live website's definition; empty if there is none. */
    Optional<Website> update(String id, WebsiteDefinition definition, Instant now);

    /** Soft-deletes; false if there was no live website. */
    boolean delete(String id, Instant now);

    Optional<Website> byId(String id);

    /** Also a deleted website, for the history of its chats and offline messages. */
    Optional<Website> byIdIncludingDeleted(String id);

    Optional<Website> byKey(String key);

    List<Website> list();
}
