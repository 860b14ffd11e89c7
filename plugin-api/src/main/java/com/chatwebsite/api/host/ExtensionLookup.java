package com.chatwebsite.api.host;

import java.util.List;

/**
 * Finds the extensions of an extension point across the host's started plugins, so a plugin can
 * run the handlers others contribute (and its own).
 *
 * <p>Implemented by the host; safe from any thread. The answer reflects the plugins started at the
 * time of the call; callers look up again rather than keep the list.
 *
 * @since 1.0
 */
@FunctionalInterface
public interface ExtensionLookup {

    /**
     * The extensions of a type.
     *
     * @param type an extension point interface from this API
     * @param <T> the type
     * @return the started plugins' extensions of it
     */
    <T> List<T> find(Class<T> type);
}
