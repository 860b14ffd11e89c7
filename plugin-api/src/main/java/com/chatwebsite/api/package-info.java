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
 *   <li>{@link com.chatwebsite.api.offline} lets plugins handle the messages customers leave
 *       offline.</li>
 * </ul>
 *
 * <p>Signatures use JDK types only, so a host never shares a plugin's library versions.
 *
 * <p><b>Compatibility.</b> A host and a plugin built against different minor versions of one major
 * work together ({@link com.chatwebsite.api.ApiVersion}). Within a major the API only grows:
 * extension points and host services gain default methods only (bigger additions come as new
 * interfaces), records gain components while the constructors of earlier versions stay, enums
 * gain constants. So a plugin keeps a {@code default} branch when it switches over an API enum and
 * does not depend on the number of a record's components. Members added after a type's
 * {@code @since} carry their own. plugin-api/README.md has the whole policy and the build's check.
 *
 * @since 1.0
 */
package com.chatwebsite.api;
