/**
 * Offline handlers: what happens to a message a customer leaves when no chat can happen.
 *
 * @since 1.0
 */
package com.chatwebsite.api.offline;
