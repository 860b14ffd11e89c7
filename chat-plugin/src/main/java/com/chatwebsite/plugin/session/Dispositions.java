package com.chatwebsite.plugin.session;

/** The dispositions the plugin itself gives; an agent may give any other. */
public final class Dispositions {

    public static final String CUSTOMER_CLOSED = "CustomerClosed";
    public static final String TIMEOUT = "Timeout";
    public static final String UNMANAGED = "Unmanaged";
    public static final String OFFLINE = "Offline";
    public static final String WEBSITE_DELETED = "WebsiteDeleted";
    /** An admin erased the contact's data while the chat was open. */
    public static final String ERASED = "Erased";

    private Dispositions() {
    }
}
