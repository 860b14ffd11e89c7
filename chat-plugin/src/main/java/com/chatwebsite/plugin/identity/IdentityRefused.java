package com.chatwebsite.plugin.identity;

/** A signed identity the website does not accept; nothing was stored. */
public final class IdentityRefused extends RuntimeException {

    private final String rule;

    /**
     * @param rule {@code required}, {@code signature} or {@code expired}
     * @param message what is wrong, for the page's developer
     */
    public IdentityRefused(String rule, String message) {
        super(message, null, false, false);
        this.rule = rule;
    }

    /** @return {@code required}, {@code signature} or {@code expired} */
    public String rule() {
        return rule;
    }
}
