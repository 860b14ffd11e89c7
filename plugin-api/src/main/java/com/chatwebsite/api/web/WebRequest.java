package com.chatwebsite.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request to a plugin route, as the host hands it to a {@link RouteHandler}.
 *
 * <p>Implemented by the host. Valid only while the handler runs, on the handler's thread; a
 * handler copies what it needs to keep.
 *
 * @since 1.0
 */
public interface WebRequest {

    /**
     * The HTTP method.
     *
     * @return for example {@code GET}
     */
    String method();

    /**
     * The path below the plugin's mount point.
     *
     * @return for example {@code /api/websites/42}
     */
    String path();

    /**
     * The full URI the client asked for.
     *
     * @return the request URI
     */
    URI uri();

    /**
     * A parameter of the route's path template.
     *
     * @param name the name in braces in the template
     * @return its decoded value
     * @throws IllegalArgumentException if the template has no such parameter
     */
    String pathParam(String name);

    /**
     * The first value of a query parameter.
     *
     * @param name the parameter
     * @return its decoded value, if present
     */
    Optional<String> query(String name);

    /**
     * All query parameters.
     *
     * @return the decoded values by name
     */
    Map<String, List<String>> queryParams();

    /**
     * The first value of a header, by case-insensitive name.
     *
     * @param name the header
     * @return its value, if present
     */
    Optional<String> header(String name);

    /**
     * The request body as a stream, limited to the route's {@link WebRoute#maxBodyBytes()}.
     *
     * <p>Reading past the limit throws {@link PayloadTooLargeException}, which the host answers
     * with {@code 413} if the handler lets it through.
     *
     * @return the body, read once
     */
    InputStream body();

    /**
     * The whole body, read into memory.
     *
     * @return the bytes, at most the route's limit
     * @throws PayloadTooLargeException if the body is over the route's limit
     * @throws IOException if the client stopped sending
     */
    byte[] bodyBytes() throws IOException;

    /**
     * Parses a {@code multipart/form-data} body, streaming file parts to the host's disk. The whole
     * body stays within the route's {@link WebRoute#maxBodyBytes()}.
     *
     * @param maxPartBytes the largest part; the host stops reading and throws as soon as a part
     *     grows past it, with memory bounded whatever the size
     * @param maxParts the most parts accepted
     * @return the parts, in body order
     * @throws PayloadTooLargeException if a part or the body is over its limit
     * @throws IOException if the body is not multipart or is malformed
     */
    java.util.List<FormPart> multipart(long maxPartBytes, int maxParts) throws IOException;

    /**
     * Who the host authenticated.
     *
     * @return the admin or agent, or empty on a public route
     */
    Optional<Caller> caller();

    /**
     * The client's address, for logs and rate limits.
     *
     * @return the remote IP address
     */
    String remoteAddress();
}
