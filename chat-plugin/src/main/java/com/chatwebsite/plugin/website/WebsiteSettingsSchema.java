package com.chatwebsite.plugin.website;

import com.chatwebsite.api.host.ContactField;
import com.chatwebsite.api.host.ContactManager;
import com.chatwebsite.api.settings.SettingDescriptor;
import com.chatwebsite.api.settings.SettingType;
import com.chatwebsite.api.settings.SettingsSchema;
import java.util.List;

/** The settings of a chat website, as data that a host UI renders. */
public final class WebsiteSettingsSchema {

    /** The schema id. */
    public static final String ID = "website";

    private static final String GENERAL = "General";
    private static final String HOURS = "Working hours";
    private static final String CAPACITY = "Capacity";
    private static final String CONTACTS = "Contacts";
    private static final String OFFLINE = "Offline messages";
    private static final String APPEARANCE = "Appearance";
    private static final String RULES = "Display rules";
    private static final String ACTIONS = "Automatic messages";
    private static final String VIDEO = "Video call";
    private static final String LIMITS = "Abuse limits";
    private static final String CHAT = "Live chat";
    private static final String CHAT_FILES = "Files in chats";
    private static final String TRANSCRIPT = "Transcript";
    private static final String IDENTITY = "Visitor identity";
    private static final String PRIVACY = "Privacy";

    private final ContactManager contacts;

    public WebsiteSettingsSchema(ContactManager contacts) {
        this.contacts = contacts;
    }

    /**
     * The schema, with the host's current contact fields as match options.
     *
     * @return the schema
     */
    public SettingsSchema schema() {
        List<String> contactFields = contacts.fields().stream().map(ContactField::name).toList();
        return SettingsSchema.builder(ID, "Chat website")
                .add(setting("name", SettingType.STRING, "Name", "How agents and supervisors see this website.",
                        GENERAL, 1).required().build())
                .add(setting("origins", SettingType.STRING_LIST, "Website addresses",
                        "Exact origins allowed to embed the chat, such as https://shop.example.com, "
                                + "or a subdomain wildcard such as https://*.example.org.", GENERAL, 2)
                        .required().build())
                .add(setting("timezone", SettingType.TIMEZONE, "Time zone",
                        "The IANA time zone of the working intervals, such as Europe/Rome.", HOURS, 1)
                        .defaultValue("UTC").build())
                .add(setting("workingIntervals", SettingType.OBJECT_LIST, "Working intervals",
                        "When agents answer. Leave empty for always open. A range may cross midnight.", HOURS, 2)
                        .item(setting("weekdays", SettingType.STRING, "Days", "mon-fri, sat, or mon,wed,fri.",
                                HOURS, 1).required().build())
                        .item(setting("time", SettingType.STRING, "Hours", "HH:mm-HH:mm, such as 09:00-18:00 "
                                + "or 22:00-02:00.", HOURS, 2).required().build())
                        .build())
                .add(setting("closedDates", SettingType.STRING_LIST, "Closed dates",
                        "Holidays as YYYY-MM-DD; the chat is offline all day.", HOURS, 3).build())
                .add(setting("maxConcurrentSessions", SettingType.INTEGER, "Concurrent chats",
                        "The most chats open at once; beyond it the widget shows the offline form.", CAPACITY, 1)
                        .defaultValue(10).required().build())
                .add(setting("unmanagedAfterSeconds", SettingType.INTEGER, "Wait for an agent (seconds)",
                        "A chat no agent accepts within this time closes as Unmanaged.", CAPACITY, 2)
                        .defaultValue(120).build())
                .add(setting("maxMessageLength", SettingType.INTEGER, "Longest message (characters)",
                        "Longer messages are refused.", CAPACITY, 3).defaultValue(4000).build())
                .add(setting("contactMatchField", SettingType.SELECT, "Match contacts by",
                        "The contact field that identifies a requester in the Contact Manager.", CONTACTS, 1)
                        .options(contactFields).defaultValue("email").build())
                .add(setting("offline.forwardTo", SettingType.EMAIL, "Forward offline messages to",
                        "Sent through the host's SMTP account; leave empty not to forward.", OFFLINE, 1).build())
                .add(setting("offline.openInteraction.to", SettingType.EMAIL, "Open an e-mail interaction for",
                        "The inbox of the new e-mail interaction; leave empty not to open one.", OFFLINE, 2).build())
                .add(setting("offline.openInteraction.subjectField", SettingType.STRING, "Subject from field",
                        "The offline form field whose value is the interaction's subject.", OFFLINE, 3)
                        .defaultValue("subject").build())
                .add(setting("appearance.title", SettingType.STRING, "Title", "The chat panel's heading.",
                        APPEARANCE, 1).defaultValue("Chat with us").build())
                .add(setting("appearance.color", SettingType.COLOR, "Colour", "The launcher's and header's colour.",
                        APPEARANCE, 2).defaultValue("#1f6feb").build())
                .add(setting("appearance.position", SettingType.SELECT, "Position", "Where the launcher sits.",
                        APPEARANCE, 3).options(List.of("bottom-right", "bottom-left")).defaultValue("bottom-right")
                        .build())
                .add(setting("appearance.launcherText", SettingType.STRING, "Launcher text",
                        "The text on the launcher button.", APPEARANCE, 4).defaultValue("Chat").build())
                .add(setting("appearance.logoUrl", SettingType.URL, "Logo URL", "An https image shown in the header.",
                        APPEARANCE, 5).build())
                .add(setting("appearance.language", SettingType.SELECT, "Language", "The widget's language.",
                        APPEARANCE, 6).options(List.of("en", "it", "de", "fr", "es")).defaultValue("en").build())
                .add(setting("displayRules.urlPatterns", SettingType.STRING_LIST, "Pages",
                        "Show only on pages whose URL matches one of these patterns (* matches anything); "
                                + "empty for all pages.", RULES, 1).build())
                .add(setting("displayRules.hours", SettingType.STRING, "Hours",
                        "Show only within HH:mm-HH:mm in the website's time zone; empty for always.", RULES, 2).build())
                .add(setting("displayRules.delaySeconds", SettingType.INTEGER, "After seconds on the page",
                        "Show after this many seconds; 0 at once.", RULES, 3).defaultValue(0).build())
                .add(setting("displayRules.scrollPercent", SettingType.INTEGER, "After scrolling (%)",
                        "Show once the visitor scrolled this far; 0 at once.", RULES, 4).defaultValue(0).build())
                .add(setting("displayRules.exitIntent", SettingType.BOOLEAN, "On exit intent",
                        "Show when the pointer leaves the page towards the browser's bar.", RULES, 5)
                        .defaultValue(false).build())
                .add(setting("displayRules.clickSelector", SettingType.STRING, "On click of",
                        "A CSS selector; show when the visitor clicks a matching element.", RULES, 6).build())
                .add(setting("messages.greeting", SettingType.TEXT, "Greeting",
                        "Sent when the chat opens.", ACTIONS, 1)
                        .defaultValue("Hello! An agent will be with you shortly.").build())
                .add(setting("messages.waiting", SettingType.TEXT, "Waiting message",
                        "Sent when no agent has answered for a while.", ACTIONS, 2)
                        .defaultValue("Thanks for waiting, all our agents are busy. We will be with you soon.").build())
                .add(setting("messages.waitingAfterSeconds", SettingType.INTEGER, "Waiting message after (seconds)",
                        "When to send the waiting message.", ACTIONS, 3).defaultValue(45).build())
                .add(setting("messages.closing", SettingType.TEXT, "Closing message",
                        "Sent when the chat closes.", ACTIONS, 4).defaultValue("Thank you for chatting with us.").build())
                .add(setting("messages.offline", SettingType.TEXT, "Offline text",
                        "Shown above the offline form.", ACTIONS, 5)
                        .defaultValue("We are offline now. Leave us a message and we will answer by e-mail.").build())
                .add(setting("messages.unmanaged", SettingType.TEXT, "No agent text",
                        "Sent when no agent can take the chat.", ACTIONS, 6)
                        .defaultValue("Sorry, no agent can answer right now. Please leave us a message "
                                + "and we will get back to you by e-mail.").build())
                .add(setting("chat.showDraftToAgent", SettingType.BOOLEAN, "Agents see drafts",
                        "Agents see what the customer types before it is sent; the widget tells the customer.",
                        CHAT, 1).defaultValue(false).build())
                .add(setting("videoCall.enabled", SettingType.BOOLEAN, "Video calls",
                        "Agents can move a chat to a video call.", VIDEO, 1).defaultValue(false).build())
                .add(setting("videoCall.provider", SettingType.SELECT, "Provider",
                        "link: a room URL from a template; http: a provider's API creates the room.", VIDEO, 2)
                        .options(List.of("link", "http")).defaultValue("link").build())
                .add(setting("videoCall.linkTemplate", SettingType.URL, "Room URL template",
                        "For the link provider, an https URL; {room} is replaced by a random room name.", VIDEO, 3)
                        .defaultValue("https://meet.jit.si/{room}").build())
                .add(setting("videoCall.apiUrl", SettingType.URL, "API base URL", "For the http provider.",
                        VIDEO, 4).build())
                .add(setting("videoCall.apiKey", SettingType.STRING, "API key", "For the http provider.",
                        VIDEO, 5).secret().build())
                .add(setting(ChatFileAccept.KEY, SettingType.STRING, "Files in chats",
                        "What customers and agents may send during a chat: extensions and MIME types, such as "
                                + ".pdf,image/*. Each file is checked by its name and its content, up to 10 MB; SVG "
                                + "and HTML only when named exactly.", CHAT_FILES, 1)
                        .defaultValue(ChatFileAccept.DEFAULT).build())
                .add(setting("transcript.auto", SettingType.BOOLEAN, "E-mail the transcript automatically",
                        "When a chat an agent answered ends, its transcript goes by e-mail to the address the "
                                + "customer gave in the form. Customers can always ask for it when the chat ends.",
                        TRANSCRIPT, 1).defaultValue(false).build())
                .add(setting("identity.mode", SettingType.SELECT, "Signed visitor identity",
                        "off: ignored. optional: a page may pass a signed identity, a wrong one is refused. "
                                + "required: no chat opens without a valid one. The identity links the contact "
                                + "by its External id.", IDENTITY, 1)
                        .options(List.of("off", "optional", "required")).defaultValue("off").build())
                .add(setting("identity.secret", SettingType.STRING, "Signing secret",
                        "Shared with your site's server, which signs a JWT (HS256) or an HMAC-SHA256 of the "
                                + "user id with it; at least 32 characters. Never shown again once saved.",
                        IDENTITY, 2).secret().build())
                .add(setting("identity.previousSecret", SettingType.STRING, "Previous signing secret",
                        "While rotating: identities signed with this older secret are still accepted. "
                                + "Clear it once your site signs with the new one.", IDENTITY, 3).secret().build())
                .add(setting("retention.days", SettingType.INTEGER, "Keep closed chats and files (days)",
                        "Closed chats (with their messages, ratings and files) and uploaded files older than this "
                                + "are deleted, once a minute. 0 keeps them forever; at most 3650.", PRIVACY, 1)
                        .defaultValue(0).build())
                .add(limit(AbuseLimits.SESSIONS_PER_ADDRESS, "Chats opened per address",
                        "Chats one client address may open a minute.", 1))
                .add(limit(AbuseLimits.SESSIONS_PER_WEBSITE, "Chats opened per website",
                        "Chats this website may open a minute, from all addresses together.", 2))
                .add(limit(AbuseLimits.OFFLINE_PER_ADDRESS, "Offline messages per address",
                        "Offline messages one client address may send a minute.", 3))
                .add(limit(AbuseLimits.OFFLINE_PER_WEBSITE, "Offline messages per website",
                        "Offline messages (each a mail, an interaction and a contact) this website may take a "
                                + "minute.", 4))
                .add(limit(AbuseLimits.UPLOADS_PER_ADDRESS, "Uploads per address",
                        "Files one client address may upload a minute.", 5))
                .add(limit(AbuseLimits.UPLOADS_PER_WEBSITE, "Uploads per website",
                        "Files this website may take a minute.", 6))
                .add(limit(AbuseLimits.MESSAGES_PER_SESSION, "Messages per chat",
                        "Messages a customer may post to one chat a minute.", 7))
                .add(limit(AbuseLimits.MESSAGES_PER_ADDRESS, "Messages per address",
                        "Messages one client address may post a minute, over all its chats.", 8))
                .add(setting(AbuseLimits.TRUSTED_PROXY_HEADER, SettingType.STRING, "Trusted proxy header",
                        "Only behind a proxy you run: the header it writes the client's address to, such as "
                                + "X-Forwarded-For (its last entry is used). Empty: the connection's address. "
                                + "Never name a header clients can set themselves.", LIMITS, 9).build())
                .build();
    }

    private static SettingDescriptor limit(String key, String label, String help, int order) {
        return setting(key, SettingType.INTEGER, label + " (per minute)", help + " A burst may use the whole "
                + "minute's allowance at once; beyond it the request is refused with 429 and Retry-After. "
                + "1 to " + AbuseLimits.MAX_PER_MINUTE + "; counted on each server node.", LIMITS, order)
                .defaultValue(AbuseLimits.DEFAULTS.get(key)).build();
    }

    private static SettingDescriptor.Builder setting(
            String key, SettingType type, String label, String help, String group, int order) {
        return SettingDescriptor.builder(key, type).label(label).help(help).group(group, order);
    }
}
