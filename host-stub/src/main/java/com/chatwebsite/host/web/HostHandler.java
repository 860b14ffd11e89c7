package com.chatwebsite.host.web;

import com.chatwebsite.api.channel.InteractionException;
import com.chatwebsite.host.routing.HostInteractionRouter;
import com.chatwebsite.api.web.Caller;
import com.chatwebsite.api.web.EventStreamHandler;
import com.chatwebsite.api.web.PayloadTooLargeException;
import com.chatwebsite.api.web.WebResponse;
import com.chatwebsite.host.health.DatabaseFailures;
import com.chatwebsite.host.health.ThrottledLog;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's one Jetty handler: its pages, then the route table (the host's endpoints and the
 * plugins' mounted routes), with bearer-token access checks, body limits and JSON errors.
 */
public final class HostHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(HostHandler.class);

    private static final int MAX_ADDRESS_LENGTH = 100;
    private static final int RETRY_AFTER_DATABASE_SECONDS = 5;
    private static final int RETRY_AFTER_STARTING_SECONDS = 2;
    private static final int RETRY_AFTER_PLUGIN_SECONDS = 10;

    private final RouteTable routes;
    private final Authenticator authenticator;
    private final EventStreams streams = new EventStreams();
    private final StaticPages pages = new StaticPages();
    private final Path partsDir;
    private final Optional<String> trustedProxyHeader;
    private final ThrottledLog outages = new ThrottledLog(LOG, Duration.ofSeconds(30));
    private final PluginGates gates = new PluginGates();
    private volatile Function<String, PluginAvailability> availability = id -> PluginAvailability.STARTING;

    public HostHandler(RouteTable routes, Authenticator authenticator, Path partsDir) {
        this(routes, authenticator, partsDir, Optional.empty());
    }

    /**
     * The handler.
     *
     * @param trustedProxyHeader the header a trusted proxy puts the client address in (its last
     *     address counts: the one the proxy itself added); empty to use the socket's address
     */
    public HostHandler(RouteTable routes, Authenticator authenticator, Path partsDir,
            Optional<String> trustedProxyHeader) {
        this.routes = routes;
        this.authenticator = authenticator;
        this.partsDir = partsDir;
        this.trustedProxyHeader = trustedProxyHeader;
    }

    /**
     * The client's address: the socket's, or the last one in the trusted proxy's header (earlier
     * entries come from the client and can be forged), as the plugin's limits count it.
     */
    private String clientAddress(Request request) {
        return trustedProxyHeader
                .map(name -> request.getHeaders().get(name))
                .map(value -> value.substring(value.lastIndexOf(',') + 1).strip())
                .filter(first -> !first.isEmpty() && first.length() <= MAX_ADDRESS_LENGTH)
                .orElseGet(() -> Request.getRemoteAddr(request));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        WebResponse answer;
        Optional<EventStreamHandler> streamHandler = Optional.empty();
        String[] owner = {"host"};
        PluginGates.Pass[] pass = {null};
        try {
            try {
                answer = dispatch(request, owner, pass);
                streamHandler = answer.stream();
            } catch (HttpError e) {
                answer = HostJson.error(e.status(), e.code(), e.getMessage(), e.fields()).withHeaders(e.headers());
            } catch (PayloadTooLargeException e) {
                answer = tooLarge(e.limit());
            } catch (InteractionException e) {
                answer = e.code().equals(HostInteractionRouter.CHANNEL_UNAVAILABLE)
                        ? HostJson.error(503, "plugin_unavailable", e.getMessage(), List.of())
                                .withHeader("Retry-After", Integer.toString(RETRY_AFTER_STARTING_SECONDS))
                        : HostJson.error(e.reason().httpStatus(), e.code(), e.getMessage(), List.of());
            } catch (Exception | LinkageError | ServiceConfigurationError e) {
                answer = badMessage(e).orElseGet(() -> goingAway(owner[0]).orElseGet(() -> failure(request, e)));
            }
            if (answer.status() >= 500 && answer.status() != 503) {
                // a plugin that is being stopped failed a request it had taken: the client retries
                answer = goingAway(owner[0]).orElse(answer);
            }
            write(request, response, callback, answer, streamHandler, owner[0]);
        } finally {
            if (pass[0] != null) {
                pass[0].close();
            }
        }
        return true;
    }

    private void write(Request request, Response response, Callback callback, WebResponse answer,
            Optional<EventStreamHandler> streamHandler, String owner) {
        // A refused body is not read any further; any other unread rest is dropped only if it has already arrived.
        boolean refusedBody = answer.status() == 413;
        boolean keepAlive = !refusedBody && (streamHandler.isPresent() || BodyRest.discardArrived(request));
        response.setStatus(answer.status());
        SecurityHeaders.apply(response.getHeaders());
        answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        if (!keepAlive) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        if (streamHandler.isPresent()) {
            openStream(request, response, callback, streamHandler.get(), owner);
        } else {
            response.write(true, ByteBuffer.wrap(answer.body()), callback);
        }
    }

    /**
     * The 503 for a request to a plugin that is no longer serving (its gate closed as it is being
     * stopped), instead of the failure it caused on the way out.
     */
    private Optional<WebResponse> goingAway(String owner) {
        if (owner.equals("host")) {
            return Optional.empty();
        }
        PluginAvailability now = availability.apply(owner);
        if (now == PluginAvailability.SERVING || now == PluginAvailability.UNKNOWN) {
            return Optional.empty();
        }
        return unavailablePlugin(owner, now == PluginAvailability.STARTING ? PluginAvailability.RESTARTING : now);
    }

    private static WebResponse tooLarge(long limit) {
        return HostJson.error(413, "payload_too_large", "The request body is larger than this route accepts ("
                + limit + " bytes).", List.of());
    }

    /**
     * Jetty's 4xx for what it found wrong while a handler read the request (a bad chunk, a body
     * that ended early, a malformed query), as our error.
     */
    private static Optional<WebResponse> badMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                return Optional.of(HostJson.error(http.getCode(), JsonErrorHandler.code(http.getCode()),
                        "The request could not be read: it is malformed or ended early.", List.of())
                        .withHeader("Connection", "close"));
            }
        }
        return Optional.empty();
    }

    private WebResponse failure(Request request, Throwable e) {
        Optional<SQLException> outage = DatabaseFailures.unavailable(e);
        if (outage.isPresent()) {
            SQLException cause = outage.get();
            outages.warn("database unavailable", request.getMethod() + " " + request.getHttpURI().getPath()
                    + " answered 503: " + cause.getClass().getSimpleName() + " (" + cause.getSQLState() + ") "
                    + cause.getMessage());
            return HostJson.error(503, "database_unavailable",
                    "The database cannot be reached; retry in a few seconds.", List.of())
                    .withHeader("Retry-After", Integer.toString(RETRY_AFTER_DATABASE_SECONDS));
        }
        LOG.error("{} {} failed", request.getMethod(), request.getHttpURI().getPath(), e);
        return HostJson.error(500, "internal_error", "The server failed to answer; the error is logged.", List.of());
    }

    /**
     * The answer for a path under {@code /plugins/{id}} that no mounted route matches, when that
     * plugin is not serving.
     */
    private Optional<WebResponse> unavailablePlugin(List<String> segments) {
        if (segments.size() < 2 || !segments.get(0).equals("plugins")) {
            return Optional.empty();
        }
        String pluginId = segments.get(1);
        return unavailablePlugin(pluginId, availability.apply(pluginId));
    }

    private static Optional<WebResponse> unavailablePlugin(String pluginId, PluginAvailability state) {
        return switch (state) {
            case STARTING -> Optional.of(HostJson.error(503, "starting", "The plugin " + pluginId
                    + " is starting; retry in a moment.", List.of())
                    .withHeader("Retry-After", Integer.toString(RETRY_AFTER_STARTING_SECONDS)));
            case RESTARTING -> Optional.of(HostJson.error(503, "plugin_unavailable", "The plugin " + pluginId
                    + " is being started or reloaded; retry in a moment.", List.of())
                    .withHeader("Retry-After", Integer.toString(RETRY_AFTER_STARTING_SECONDS)));
            case UNAVAILABLE -> Optional.of(HostJson.error(503, "plugin_unavailable", "The plugin " + pluginId
                    + " is not running.", List.of())
                    .withHeader("Retry-After", Integer.toString(RETRY_AFTER_PLUGIN_SECONDS)));
            case SERVING, UNKNOWN -> Optional.empty();
        };
    }

    /**
     * Sets how the handler learns whether a plugin serves its paths; until then every plugin is
     * starting.
     *
     * @param availability by plugin id
     */
    public void pluginAvailability(Function<String, PluginAvailability> availability) {
        this.availability = availability;
    }

    private void openStream(Request request, Response response, Callback callback, EventStreamHandler handler,
            String owner) {
        JettyEventStream stream = new JettyEventStream(response, callback);
        request.addFailureListener(stream::abort);
        streams.add(stream, owner);
        stream.keepAlive(); // commits the headers at once
        try {
            handler.open(stream);
        } catch (Exception e) {
            if (DatabaseFailures.unavailable(e).isPresent()) {
                outages.warn("database unavailable", "an event stream closed at opening: " + e.getMessage());
            } else {
                LOG.warn("opening an event stream failed", e);
            }
            stream.close();
        }
    }

    private static WebResponse methodNotAllowed(String method, String allow) {
        return HostJson.error(405, "method_not_allowed", method + " is not allowed here.", List.of())
                .withHeader("Allow", allow);
    }

    private WebResponse dispatch(Request request, String[] owner, PluginGates.Pass[] pass) throws Exception {
        String rawPath = request.getHttpURI().getPath();
        List<String> segments = decode(rawPath == null || rawPath.isEmpty() ? "/" : rawPath);
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            Optional<WebResponse> page = pages.serve(segments);
            if (page.isPresent()) {
                return page.get();
            }
        } else if (pages.exists(segments)) {
            return methodNotAllowed(method, StaticPages.ALLOWED);
        }
        RouteTable.Match match = routes.find(method, segments);
        if (match.entry().isEmpty()) {
            Optional<WebResponse> unavailable = unavailablePlugin(segments);
            if (unavailable.isPresent()) {
                return unavailable.get();
            }
            if (!match.allowedMethods().isEmpty()) {
                return methodNotAllowed(method, String.join(", ", new TreeSet<>(match.allowedMethods())));
            }
            throw HttpError.notFound("No route for " + method + " " + rawPath + ".");
        }
        RouteTable.Entry entry = match.entry().get();
        owner[0] = entry.owner();
        pass[0] = gates.enter(entry.owner());
        if (pass[0] == null) { // matched as the plugin was being stopped
            return unavailablePlugin(entry.owner(), PluginAvailability.RESTARTING).orElseThrow();
        }
        Optional<Caller> caller = authenticator.authenticate(entry.route().access(),
                Optional.ofNullable(request.getHeaders().get("Authorization")), clientAddress(request));
        if (request.getLength() > entry.route().maxBodyBytes()) {
            return tooLarge(entry.route().maxBodyBytes()); // declared too large: answered before reading a byte
        }
        int prefixSegments = entry.prefix().isEmpty() ? 0 : RouteTable.split(entry.prefix()).size();
        String pluginPath = "/" + String.join("/", segments.subList(prefixSegments, segments.size()));
        JettyWebRequest webRequest = new JettyWebRequest(request, pluginPath, match.pathParams(), caller,
                entry.route().maxBodyBytes(), partsDir);
        webRequest.queryParams(); // a malformed query is the host's 400, before any route sees it
        try {
            return entry.route().handler().handle(webRequest);
        } finally {
            webRequest.releaseParts();
        }
    }

    private static List<String> decode(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String segment : RouteTable.split(rawPath)) {
            String decoded;
            try {
                decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw HttpError.badRequest("bad_uri", "The path has a malformed %-escape.");
            }
            if (decoded.equals(".") || decoded.equals("..")) {
                throw HttpError.notFound("No route for " + rawPath + ".");
            }
            out.add(decoded);
        }
        return out;
    }

    /**
     * Sets where {@code /demo/} gets its chat snippet and where that snippet loads the widget from.
     *
     * @param source the snippet, if there is a website
     * @param widgetBase the host's public URL
     */
    public void demoSnippet(Supplier<Optional<String>> source, URI widgetBase) {
        pages.demoSnippet(source, widgetBase);
    }

    /**
     * The gates of the plugins' code: the plugin host opens a plugin's as it mounts its routes and
     * closes it, waiting for the calls inside, before it stops the plugin.
     *
     * @return the gates
     */
    public PluginGates gates() {
        return gates;
    }

    /**
     * Closes the event streams a plugin's routes opened; the host calls it as the plugin stops.
     *
     * @param owner the plugin id
     */
    public void closeStreamsOf(String owner) {
        streams.closeAllOf(owner);
    }

    /** Closes the open event streams. */
    public void closeStreams() {
        streams.close();
    }

    /** How many event streams are open, for tests and benchmarks. */
    public int openStreamCount() {
        return streams.openCount();
    }
}
