/**
 * Settings described as data ({@link com.chatwebsite.api.settings.SettingDescriptor}), which a
 * host UI renders without knowing the plugin, and per-field validation errors.
 *
 * @since 1.0
 */
package com.chatwebsite.api.settings;
