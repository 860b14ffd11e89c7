package com.chatwebsite.plugin.website;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * An origin allowed to embed a website's chat: an exact scheme, host and port, or
 * {@code scheme://*.domain[:port]} for any subdomain of the domain (not the domain itself). Never a
 * substring match.
 *
 * @param scheme {@code http} or {@code https}
 * @param host the host, lower case, without the {@code *.} of a wildcard
 * @param port the port, from 1 to 65535, with the scheme's default filled in
 * @param wildcard whether subdomains of {@code host} match instead of {@code host} itself
 */
public record OriginPattern(String scheme, String host, int port, boolean wildcard) {

    private static final int MAX_PORT = 65_535;

    /**
     * Parses an admin's entry.
     *
     * @param text such as {@code https://shop.example.com} or {@code https://*.example.org:8443}
     * @return the pattern
     * @throws IllegalArgumentException with a sentence for the admin
     */
    public static OriginPattern parse(String text) {
        String value = text.strip();
        if (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        boolean wildcard = false;
        int hostStart = value.indexOf("://") + 3;
        if (hostStart > 2 && value.startsWith("*.", hostStart)) {
            wildcard = true;
            value = value.substring(0, hostStart) + value.substring(hostStart + 2);
        }
        int port = portOf(value);
        if (port == 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("'" + text + "' has the port " + port + ": a port is from 1 to "
                    + MAX_PORT + ".");
        }
        Optional<OriginPattern> parsed = parseOrigin(value);
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' is not an origin: write scheme://host[:port], "
                    + "such as https://shop.example.com, or https://*.example.org for its subdomains");
        }
        OriginPattern o = parsed.get();
        if (wildcard && !o.host().contains(".")) {
            throw new IllegalArgumentException("'" + text + "': a wildcard needs a domain with a dot, such as *.example.org");
        }
        return new OriginPattern(o.scheme(), o.host(), o.port(), wildcard);
    }

    /**
     * Parses the {@code Origin} header of a request.
     *
     * @param origin the header's value
     * @return the exact origin, or empty for {@code null} origins and malformed values
     */
    public static Optional<OriginPattern> parseOrigin(String origin) {
        if (origin == null || origin.isBlank() || origin.equals("null")) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(origin.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme)) {
                return Optional.empty();
            }
            if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                    || uri.getRawFragment() != null || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())) {
                return Optional.empty();
            }
            if (uri.getPort() == 0 || uri.getPort() > MAX_PORT) {
                return Optional.empty();
            }
            int port = uri.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
            return Optional.of(new OriginPattern(scheme, uri.getHost().toLowerCase(Locale.ROOT), port, false));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The port a URI names, or -1 when it names none or is not a URI. */
    private static int portOf(String value) {
        try {
            return new URI(value).getPort();
        } catch (URISyntaxException e) {
            return -1;
        }
    }

    /**
     * Whether a request's origin is allowed by this pattern.
     *
     * @param origin an exact origin from {@link #parseOrigin}
     * @return true on an exact match, or a subdomain match for a wildcard
     */
    public boolean matches(OriginPattern origin) {
        if (!scheme.equals(origin.scheme()) || port != origin.port()) {
            return false;
        }
        return wildcard ? origin.host().endsWith("." + host) : host.equals(origin.host());
    }

    /** The pattern as the admin would write it, with the default port left out. */
    @Override
    public String toString() {
        boolean defaultPort = (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + (wildcard ? "*." : "") + host + (defaultPort ? "" : ":" + port);
    }
}
