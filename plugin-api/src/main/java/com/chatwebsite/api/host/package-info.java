/**
 * Services the host gives to plugins, bundled in {@link com.chatwebsite.api.host.HostServices}.
 *
 * @since 1.0
 */
package com.chatwebsite.api.host;
