package com.chatwebsite.host.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Checks values that end up in mail headers: no line breaks of any kind, bounded length, valid addresses. */
final class HeaderValues {

    static final int MAX_SUBJECT_LENGTH = 250;

    private HeaderValues() {
    }

    static String subject(String value) {
        requireOneLine("subject", value);
        if (value.length() > MAX_SUBJECT_LENGTH) {
            throw new IllegalArgumentException("subject is longer than " + MAX_SUBJECT_LENGTH + " characters");
        }
        return value;
    }

    static InternetAddress address(String field, String value) {
        requireOneLine(field, value);
        try {
            InternetAddress address = new InternetAddress(value, true);
            address.validate();
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException(field + " is not a valid e-mail address: " + value);
        }
    }

    static void requireOneLine(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '\r' || ch == '\n' || ch == '\u0085' || ch == '\u2028' || ch == '\u2029' || ch == 0) {
                throw new IllegalArgumentException(field + " must not contain line breaks");
            }
        }
    }
}
