/**
 * The host platform's plugin API: what a plugin implements and what the host gives it.
 *
 * <ul>
 *   <li>{@link com.chatwebsite.api.host} holds the host services a plugin calls, bundled in
 *       {@link com.chatwebsite.api.host.HostServices}, which the host passes to the constructor of
 *       the plugin and of each of its extensions.</li>
 *   <li>{@link com.chatwebsite.api.web} lets a plugin serve HTTP routes, including server-sent
 *       event streams, under {@code /plugins/{pluginId}}.</li>
 *   <li>{@link com.chatwebsite.api.settings} describes settings as data that a host UI renders.</li>
 *   <li>{@link com.chatwebsite.api.channel} is the chat channel the host calls for agent actions.</li>
 * </ul>
 *
 * <p>Signatures use JDK types only, so a host never shares a plugin's library versions.
 *
 * @since 1.0
 */
package com.chatwebsite.api;
