package com.chatwebsite.plugin.privacy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit record of one erasure, kept after the data is gone: it holds no personal data, not even
 * the contact's id.
 *
 * @param id the erasure's id
 * @param erasedAt when
 * @param erasedBy the admin who asked for it
 * @param counts how many of each kind were erased: {@code chats}, {@code messages}, {@code uploads},
 *     {@code offlineMessages}, {@code consents}, {@code ratings}, {@code transcripts}, and {@code contacts}
 *     (1 when the host erased the contact itself)
 */
public record ErasureRecord(String id, Instant erasedAt, String erasedBy, Map<String, Integer> counts) {

    /** The kinds counted, in the order the admin reads them. */
    public static final String[] KINDS = {"chats", "messages", "uploads", "offlineMessages", "consents", "ratings",
        "transcripts", "contacts"};

    public ErasureRecord {
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /**
     * As the admin API shows it.
     *
     * @return {@code id, erasedAt, erasedBy, counts}
     */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("erasedAt", erasedAt.toString());
        out.put("erasedBy", erasedBy);
        out.put("counts", counts);
        return out;
    }
}
