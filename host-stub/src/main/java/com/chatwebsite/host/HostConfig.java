package com.chatwebsite.host;

import com.chatwebsite.host.routing.Agent;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The host-stub's configuration, from the environment variables of the contract
 * ({@code HOST_PORT}, {@code HOST_DATA_DIR}, ...).
 *
 * @param port the HTTP port; 0 picks a free one
 * @param dataDir the folder for the H2 file, uploads and the mail drop
 * @param pluginsDir the folder of plugin jars
 * @param db a JDBC database instead of the H2 file
 * @param smtp the SMTP account; empty writes {@code .eml} files
 * @param adminToken the admin's bearer token
 * @param adminTokenGenerated whether the token was generated (and should be printed)
 * @param agents the agents
 * @param agentsGenerated whether the agents were generated (and should be printed)
 * @param publicUrl the URL browsers use, if not {@code http://localhost:<port>}
 * @param demo whether to create a demo website when there is none ({@code HOST_DEMO}, default true)
 * @param nodeId this node's name in a cluster ({@code HOST_NODE_ID}, default generated)
 * @param dispositions what an agent may close a chat with ({@code HOST_DISPOSITIONS}, default
 *     {@link #DEFAULT_DISPOSITIONS}); never a system disposition such as {@code Timeout}
 * @param trustedProxyHeader the header a trusted reverse proxy puts the client address in, such as
 *     {@code X-Forwarded-For} ({@code HOST_TRUSTED_PROXY_HEADER}, default none: the socket's address)
 */
public record HostConfig(
        int port,
        Path dataDir,
        Path pluginsDir,
        Optional<JdbcSettings> db,
        Optional<SmtpSettings> smtp,
        String adminToken,
        boolean adminTokenGenerated,
        List<Agent> agents,
        boolean agentsGenerated,
        Optional<String> publicUrl,
        boolean demo,
        String nodeId,
        List<String> dispositions,
        Optional<String> trustedProxyHeader) {

    /** The dispositions an agent may give when {@code HOST_DISPOSITIONS} is not set. */
    public static final List<String> DEFAULT_DISPOSITIONS = List.of("Solved", "Unsolved", "Spam", "Transferred");
    /** Dispositions only the system gives. */
    public static final Set<String> SYSTEM_DISPOSITIONS = Set.of("CustomerClosed", "Timeout", "Unmanaged", "Offline");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern DISPOSITION = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,63}");
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9-]{1,64}");

    public HostConfig {
        agents = List.copyOf(agents);
        dispositions = List.copyOf(dispositions);
        if (!NODE_ID.matcher(nodeId).matches()) {
            throw new IllegalArgumentException("HOST_NODE_ID: 1 to 64 letters, digits, '.', '_' or '-', got '"
                    + nodeId + "'");
        }
        if (dispositions.isEmpty()) {
            throw new IllegalArgumentException("HOST_DISPOSITIONS: name at least one disposition");
        }
        for (String d : dispositions) {
            if (!DISPOSITION.matcher(d).matches() || SYSTEM_DISPOSITIONS.contains(d)) {
                throw new IllegalArgumentException("HOST_DISPOSITIONS: '" + d + "' is not a disposition an agent may "
                        + "give (1 to 64 letters, digits, spaces, '.', '_' or '-'; not one of " + SYSTEM_DISPOSITIONS
                        + ")");
            }
        }
        if (trustedProxyHeader.filter(h -> !HEADER_NAME.matcher(h).matches()).isPresent()) {
            throw new IllegalArgumentException("HOST_TRUSTED_PROXY_HEADER: a header name, got '"
                    + trustedProxyHeader.get() + "'");
        }
    }

    /** A configuration with the default dispositions and no trusted proxy. */
    public HostConfig(int port, Path dataDir, Path pluginsDir, Optional<JdbcSettings> db, Optional<SmtpSettings> smtp,
            String adminToken, boolean adminTokenGenerated, List<Agent> agents, boolean agentsGenerated,
            Optional<String> publicUrl, boolean demo, String nodeId) {
        this(port, dataDir, pluginsDir, db, smtp, adminToken, adminTokenGenerated, agents, agentsGenerated, publicUrl,
                demo, nodeId, DEFAULT_DISPOSITIONS, Optional.empty());
    }

    /** A configuration with a generated node id. */
    public HostConfig(int port, Path dataDir, Path pluginsDir, Optional<JdbcSettings> db, Optional<SmtpSettings> smtp,
            String adminToken, boolean adminTokenGenerated, List<Agent> agents, boolean agentsGenerated,
            Optional<String> publicUrl, boolean demo) {
        this(port, dataDir, pluginsDir, db, smtp, adminToken, adminTokenGenerated, agents, agentsGenerated, publicUrl,
                demo, newNodeId(null));
    }

    /** A JDBC database. */
    public record JdbcSettings(String url, String user, String password) {
    }

    /** The host's SMTP account. */
    public record SmtpSettings(String host, int port, Optional<String> user, Optional<String> password, String from) {
    }

    /**
     * Reads the configuration.
     *
     * @param env the environment, such as {@link System#getenv()}
     * @return the configuration, with generated tokens where none were given
     * @throws IllegalArgumentException naming the variable that is malformed
     */
    public static HostConfig fromEnvironment(Map<String, String> env) {
        int port = intVar(env, "HOST_PORT", 8080);
        Path dataDir = Path.of(env.getOrDefault("HOST_DATA_DIR", "./data")).toAbsolutePath().normalize();
        Path pluginsDir = Path.of(env.getOrDefault("HOST_PLUGINS_DIR", "./plugins")).toAbsolutePath().normalize();
        Optional<JdbcSettings> db = Optional.ofNullable(blankToNull(env.get("HOST_DB_URL")))
                .map(url -> new JdbcSettings(url, env.getOrDefault("HOST_DB_USER", ""),
                        env.getOrDefault("HOST_DB_PASSWORD", "")));
        Optional<SmtpSettings> smtp = Optional.ofNullable(blankToNull(env.get("HOST_SMTP_HOST")))
                .map(host -> new SmtpSettings(host, intVar(env, "HOST_SMTP_PORT", 25),
                        Optional.ofNullable(blankToNull(env.get("HOST_SMTP_USER"))),
                        Optional.ofNullable(blankToNull(env.get("HOST_SMTP_PASSWORD"))),
                        Optional.ofNullable(blankToNull(env.get("HOST_SMTP_FROM"))).orElse("chat@localhost")));
        String adminToken = blankToNull(env.get("HOST_ADMIN_TOKEN"));
        boolean adminGenerated = adminToken == null;
        if (adminGenerated) {
            adminToken = newToken();
        }
        String agentsVar = blankToNull(env.get("HOST_AGENTS"));
        List<Agent> agents = agentsVar == null ? List.of(new Agent("agent", newToken(), 5)) : parseAgents(agentsVar);
        return new HostConfig(port, dataDir, pluginsDir, db, smtp, adminToken, adminGenerated, agents,
                agentsVar == null, Optional.ofNullable(blankToNull(env.get("HOST_PUBLIC_URL"))),
                !"false".equalsIgnoreCase(env.getOrDefault("HOST_DEMO", "true").trim()),
                Optional.ofNullable(blankToNull(env.get("HOST_NODE_ID"))).map(String::trim)
                        .orElseGet(() -> newNodeId(env.get("HOSTNAME"))),
                Optional.ofNullable(blankToNull(env.get("HOST_DISPOSITIONS"))).map(HostConfig::parseDispositions)
                        .orElse(DEFAULT_DISPOSITIONS),
                Optional.ofNullable(blankToNull(env.get("HOST_TRUSTED_PROXY_HEADER"))).map(String::trim));
    }

    /**
     * Parses a comma list of dispositions, such as {@code Solved,Unsolved}.
     *
     * @param value the variable's value
     * @return the dispositions, in order, without repeats
     */
    static List<String> parseDispositions(String value) {
        List<String> out = new ArrayList<>();
        for (String entry : value.split(",")) {
            String d = entry.strip();
            if (!d.isEmpty() && !out.contains(d)) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * A generated node id: the host name and a random suffix, so two processes on one machine differ.
     *
     * @param hostname the host name if known (the {@code HOSTNAME} variable), else looked up
     * @return such as {@code web-1-3f9a2c}
     */
    static String newNodeId(String hostname) {
        String name = hostname;
        if (name == null || name.isBlank()) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException | RuntimeException e) {
                name = "node";
            }
        }
        name = name.replaceAll("[^A-Za-z0-9._-]", "");
        if (name.isEmpty()) {
            name = "node";
        }
        if (name.length() > 40) {
            name = name.substring(0, 40);
        }
        return name + "-" + HexFormat.of().toHexDigits((byte) RANDOM.nextInt()) + HexFormat.of()
                .toHexDigits((short) RANDOM.nextInt());
    }

    /**
     * Parses {@code name:token[:capacity],...}.
     *
     * @param value the variable's value
     * @return the agents
     */
    static List<Agent> parseAgents(String value) {
        List<Agent> agents = new ArrayList<>();
        for (String entry : value.split(",")) {
            String[] parts = entry.trim().split(":");
            if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("HOST_AGENTS: expected name:token[:capacity], got '" + entry + "'");
            }
            int capacity = 5;
            if (parts.length == 3) {
                try {
                    capacity = Integer.parseInt(parts[2]);
                } catch (NumberFormatException e) {
                    capacity = -1;
                }
                if (capacity < 1) {
                    throw new IllegalArgumentException("HOST_AGENTS: capacity of " + parts[0] + " must be a number >= 1");
                }
            }
            if (agents.stream().anyMatch(a -> a.name().equals(parts[0]))) {
                throw new IllegalArgumentException("HOST_AGENTS: agent " + parts[0] + " is listed twice");
            }
            agents.add(new Agent(parts[0], parts[1], capacity));
        }
        return agents;
    }

    /**
     * A new bearer token: 256 random bits, URL-safe.
     *
     * @return the token
     */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static int intVar(Map<String, String> env, String name, int fallback) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < 0 || parsed > 65535) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, got '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
