package com.chatwebsite.plugin.consent;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads the consents recorded with chats and offline messages (they are written with those, in their transaction). */
public interface ConsentRepository {

    /**
     * The consents of some interactions.
     *
     * @param interactionIds chat or offline message ids
     * @return interaction id to its consents, in the order given; ids without consents are left out
     */
    Map<String, List<RecordedConsent>> forInteractions(Collection<String> interactionIds);
}
