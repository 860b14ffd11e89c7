package com.chatwebsite.plugin.offline;

import com.chatwebsite.api.host.MailService;
import com.chatwebsite.api.host.HostServices;
import com.chatwebsite.api.host.MailMessage;
import com.chatwebsite.api.offline.OfflineHandler;
import com.chatwebsite.api.offline.OfflineMessage;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Forwards an offline message to the website's {@code offline.forwardTo} through the host's SMTP
 * account: from the host's account, Reply-To the requester, every field as text and as escaped HTML,
 * the attachments attached, and a Message-ID stable across retries.
 */
@Extension
public final class ForwardOfflineHandler implements OfflineHandler {

    public static final String ID = "forward-offline";

    private final MailService mail;

    public ForwardOfflineHandler(HostServices host) {
        this.mail = host.mail();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(OfflineMessage message) {
        return message.settings().get("forwardTo") instanceof String to && !to.isBlank();
    }

    @Override
    public void handle(OfflineMessage m) throws Exception {
        String to = (String) m.settings().get("forwardTo");
        mail.send(new MailMessage(Optional.of(messageId(m, "forward")), List.of(to),
                m.requesterEmail(), MailText.forwardSubject(m), MailText.textBody(m),
                Optional.of(MailText.htmlBody(m)), m.attachments()));
    }

    static String messageId(OfflineMessage m, String purpose) {
        return "<offline-" + m.id() + "." + purpose + "@" + OfflineMessages.MESSAGE_ID_DOMAIN + ">";
    }
}
