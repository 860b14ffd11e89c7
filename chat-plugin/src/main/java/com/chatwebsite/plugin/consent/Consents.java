package com.chatwebsite.plugin.consent;

import com.chatwebsite.plugin.form.FormDefinition;
import com.chatwebsite.plugin.form.FormField;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The consents a validated submission gives: one per checked agreement field. */
public final class Consents {

    /** The seed type whose checked fields are consents. */
    public static final String AGREEMENT_TYPE = "agreement";
    /** The agreement type's optional property naming the text's version. */
    public static final String VERSION = "version";

    private Consents() {
    }

    /**
     * The consents of a submission.
     *
     * @param form the form the values were validated against
     * @param values the validated values
     * @return one consent per agreement field whose value is {@code true}, in form order
     */
    public static List<Consent> of(FormDefinition form, Map<String, Object> values) {
        List<Consent> out = new ArrayList<>();
        for (FormField f : form.sections()) {
            if (f.type().equals(AGREEMENT_TYPE) && Boolean.TRUE.equals(values.get(f.name()))) {
                Object version = f.properties().get(VERSION);
                out.add(new Consent(f.name(), f.label(), version instanceof String v && !v.isBlank() ? v.strip()
                        : textVersion(f.label())));
            }
        }
        return out;
    }

    /**
     * The version of a text that names none: {@code sha256:} and the first 12 hex digits of its
     * SHA-256, so a changed text is a new version.
     *
     * @param text the agreement's text
     * @return the version
     */
    public static String textVersion(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
