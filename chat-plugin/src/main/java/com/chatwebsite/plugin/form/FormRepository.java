package com.chatwebsite.plugin.form;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** What forms need from storage: each website's saved definitions. Implemented by the {@code store} package. */
public interface FormRepository {

    Optional<Map<String, Object>> find(String websiteId, FormKind kind);

    void save(String websiteId, FormKind kind, Map<String, Object> definition, Instant now);
}
