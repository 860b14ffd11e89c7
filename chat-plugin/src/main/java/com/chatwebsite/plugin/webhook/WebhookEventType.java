package com.chatwebsite.plugin.webhook;

import java.util.Optional;

/** The kinds of event a website's webhook endpoints can ask for, by their wire names. */
public enum WebhookEventType {
    CHAT_OPENED("chat.opened"),
    CHAT_ACCEPTED("chat.accepted"),
    CHAT_MESSAGE("chat.message"),
    CHAT_CLOSED("chat.closed"),
    OFFLINE_SUBMITTED("offline.submitted"),
    CHAT_RATED("chat.rated");

    private final String wire;

    WebhookEventType(String wire) {
        this.wire = wire;
    }

    /** The name in the body's {@code type}, the {@code X-ChatWebsite-Event} header and an endpoint's {@code events}. */
    public String wire() {
        return wire;
    }

    public static Optional<WebhookEventType> fromWire(String name) {
        for (WebhookEventType t : values()) {
            if (t.wire.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
