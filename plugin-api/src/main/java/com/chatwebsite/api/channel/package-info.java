/**
 * The chat channel extension point that the host calls for its agents' actions.
 *
 * @since 1.0
 */
package com.chatwebsite.api.channel;
