/**
 * HTTP routes that a plugin serves through the host, including server-sent event streams.
 *
 * @since 1.0
 */
package com.chatwebsite.api.web;
