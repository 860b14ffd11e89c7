package com.chatwebsite.plugin.offline;

import com.chatwebsite.api.host.MailService;
import com.chatwebsite.api.host.HostServices;
import com.chatwebsite.api.host.MailInteraction;
import com.chatwebsite.api.offline.OfflineHandler;
import com.chatwebsite.api.offline.OfflineMessage;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Opens a new e-mail interaction in the host's mail channel for an offline message: to the
 * website's {@code offline.openInteraction.to}, with the requester as sender and the value of
 * {@code subjectField} as subject. Needs the requester's e-mail address.
 */
@Extension
public final class OpenInteractionHandler implements OfflineHandler {

    public static final String ID = "open-interaction";

    private final MailService mail;

    public OpenInteractionHandler(HostServices host) {
        this.mail = host.mail();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(OfflineMessage message) {
        return to(message).isPresent() && message.requesterEmail().isPresent();
    }

    @Override
    public void handle(OfflineMessage m) throws Exception {
        String subjectField = String.valueOf(settings(m).getOrDefault("subjectField", "subject"));
        String subject = m.value(subjectField).map(MailText::headerValue).filter(s -> !s.isBlank())
                .orElseGet(() -> MailText.forwardSubject(m));
        mail.openInteraction(new MailInteraction(
                Optional.of(ForwardOfflineHandler.messageId(m, "interaction")), m.requesterEmail().orElseThrow(),
                to(m).orElseThrow(), subject, MailText.textBody(m), m.attachments()));
    }

    private static Optional<String> to(OfflineMessage m) {
        return Optional.ofNullable(settings(m).get("to")).map(String::valueOf).filter(s -> !s.isBlank());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> settings(OfflineMessage m) {
        return m.settings().get("openInteraction") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
