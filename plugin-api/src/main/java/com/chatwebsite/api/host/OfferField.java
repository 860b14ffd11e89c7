package com.chatwebsite.api.host;

import java.util.Map;
import java.util.Objects;

/**
 * How an agent UI shows one of an offer's {@link InteractionOffer#fields() fields}: its label, and
 * for a field of attached files, the files' names.
 *
 * <p>Built by the plugin, in the order of its pre-chat form, as part of an
 * {@link InteractionOffer}; the host keeps it with the offer and shows the fields in that order
 * with these labels. Fields without an entry are shown after them under their names.
 *
 * <p>May gain components in a minor version: the constructors of earlier versions stay.
 *
 * @param name the key of the value in {@link InteractionOffer#fields()}
 * @param label what the form showed the customer for it; the name when it had no label
 * @param fileNames for a field of attached files, each file's name by the id in the field's value;
 *     empty otherwise
 * @since 1.2
 */
public record OfferField(String name, String label, Map<String, String> fileNames) {

    /** Copies the map and checks the components. */
    public OfferField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        fileNames = Map.copyOf(fileNames);
    }
}
