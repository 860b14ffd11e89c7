package com.chatwebsite.api.settings;

/**
 * How a host UI edits a {@link SettingDescriptor}'s value and how the value is written in JSON.
 *
 * <p>Chosen by a plugin, read by the host's admin UI. New types come in a minor version; a
 * plugin that uses one requires that version, so a host never meets a type newer than its API.
 *
 * @since 1.0
 */
public enum SettingType {
    /** One line of text; a JSON string. */
    STRING,
    /** Several lines of text; a JSON string. */
    TEXT,
    /** A whole number; a JSON number. */
    INTEGER,
    /** A check box; a JSON boolean. */
    BOOLEAN,
    /** An e-mail address; a JSON string. */
    EMAIL,
    /** An absolute URL; a JSON string. */
    URL,
    /** A colour as {@code #rrggbb}; a JSON string. */
    COLOR,
    /** An IANA time-zone id such as {@code Europe/Rome}; a JSON string. */
    TIMEZONE,
    /** One of {@link SettingDescriptor#options()}; a JSON string. */
    SELECT,
    /** Any of {@link SettingDescriptor#options()}; a JSON array of strings. */
    MULTI_SELECT,
    /** A list of strings the admin types one by one; a JSON array of strings. */
    STRING_LIST,
    /** A list of objects, each described by {@link SettingDescriptor#items()}; a JSON array. */
    OBJECT_LIST
}
