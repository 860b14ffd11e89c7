package com.chatwebsite.plugin.presence;

/** A side of a chat. */
public enum Side {
    CUSTOMER,
    AGENT
}
