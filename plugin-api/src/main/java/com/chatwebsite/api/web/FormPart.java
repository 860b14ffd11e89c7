package com.chatwebsite.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * One part of a {@code multipart/form-data} body, as {@link WebRequest#multipart} returns it. File
 * parts are on the host's disk, not in memory.
 *
 * <p>Implemented by the host; valid until the route handler returns, after which the host deletes
 * the part's temporary file. A handler that keeps the content copies it.
 *
 * @since 1.0
 */
public interface FormPart {

    /**
     * The form field's name.
     *
     * @return the {@code name} of the part's {@code Content-Disposition}
     */
    String name();

    /**
     * The file name the client sent, unchecked: it may hold paths or anything else.
     *
     * @return the {@code filename} of the part's {@code Content-Disposition}, if any
     */
    Optional<String> fileName();

    /**
     * The content type the client declared; never trust it for security decisions.
     *
     * @return the part's {@code Content-Type}, or {@code application/octet-stream}
     */
    String declaredContentType();

    /**
     * The part's size.
     *
     * @return bytes
     */
    long size();

    /**
     * Opens the content; each call starts from the beginning.
     *
     * @return the bytes
     * @throws IOException if the host cannot read its temporary file
     */
    InputStream openStream() throws IOException;
}
