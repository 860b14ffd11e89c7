package com.chatwebsite.plugin.presence;

/** What a customer's open stream gets live, outside the session's log: {@link Typing} or {@link Receipts}. */
public sealed interface LiveSignal permits Typing, Receipts {
}
