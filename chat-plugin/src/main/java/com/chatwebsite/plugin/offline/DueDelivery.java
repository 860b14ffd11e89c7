package com.chatwebsite.plugin.offline;

import java.util.Optional;

/**
 * An outbox delivery this node claimed and now sends.
 *
 * @param offlineId the offline message
 * @param handlerId the offline handler to call
 * @param heldBefore the node that had claimed it before and stopped without finishing: the mail may
 *     have reached the SMTP server already, and goes again under the same Message-ID
 */
public record DueDelivery(String offlineId, String handlerId, Optional<String> heldBefore) {
}
