/**
 * What each side of a live chat sees of the other beyond messages: typing (live only, throttled,
 * never stored) and read receipts (durable, only forward).
 */
package com.chatwebsite.plugin.presence;
