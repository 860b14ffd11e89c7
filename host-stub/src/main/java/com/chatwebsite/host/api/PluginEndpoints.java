package com.chatwebsite.host.api;

import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.api.settings.SettingsSchema;
import com.chatwebsite.api.web.FormPart;
import com.chatwebsite.api.web.PayloadTooLargeException;
import com.chatwebsite.api.web.RouteAccess;
import com.chatwebsite.api.web.WebRequest;
import com.chatwebsite.api.web.WebResponse;
import com.chatwebsite.api.web.WebRoute;
import com.chatwebsite.host.plugins.PluginActionException;
import com.chatwebsite.host.plugins.PluginHost;
import com.chatwebsite.host.plugins.PluginStatus;
import com.chatwebsite.host.web.HostJson;
import com.chatwebsite.host.web.HttpError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.PluginDescriptor;

/**
 * The admin's plugin management: the list with states and errors (also the refused files), stop,
 * start, reload from the plugins folder, and installing an uploaded jar.
 */
public final class PluginEndpoints {

    /** The largest plugin jar an upload takes: 32 MiB. */
    public static final long MAX_JAR_BYTES = 32L * 1024 * 1024;
    /** Room for the multipart framing around the jar. */
    private static final long FRAMING_BYTES = 64 * 1024;

    private final PluginHost plugins;
    private final Path uploadsDir;

    /**
     * The endpoints.
     *
     * @param plugins the plugin host
     * @param uploadsDir where an upload is kept while it is checked
     */
    public PluginEndpoints(PluginHost plugins, Path uploadsDir) {
        this.plugins = plugins;
        this.uploadsDir = uploadsDir;
    }

    public List<WebRoute> routes() {
        return List.of(
                WebRoute.of("GET", "/api/plugins", RouteAccess.ADMIN, r -> HostJson.response(200, list())),
                WebRoute.of("GET", "/api/plugins/{id}", RouteAccess.ADMIN, this::one),
                WebRoute.of("POST", "/api/plugins/{id}/stop", RouteAccess.ADMIN, this::stop),
                WebRoute.of("POST", "/api/plugins/{id}/start", RouteAccess.ADMIN, this::start),
                WebRoute.of("POST", "/api/plugins/{id}/reload", RouteAccess.ADMIN, this::reload),
                new WebRoute("POST", "/api/plugins", RouteAccess.ADMIN, MAX_JAR_BYTES + FRAMING_BYTES, this::upload));
    }

    private List<Map<String, Object>> list() {
        return plugins.list().stream().map(this::describe).toList();
    }

    private WebResponse one(WebRequest request) {
        String id = request.pathParam("id");
        return HostJson.response(200, describe(plugins.status(id).orElseThrow(() -> notFound(id))));
    }

    private WebResponse stop(WebRequest request) {
        String id = request.pathParam("id");
        return act(id, () -> plugins.stop(id));
    }

    private WebResponse start(WebRequest request) {
        String id = request.pathParam("id");
        return act(id, () -> plugins.start(id));
    }

    private WebResponse act(String id, Runnable action) {
        try {
            action.run();
        } catch (PluginActionException e) {
            return refusal(e);
        }
        PluginStatus now = plugins.status(id).orElseThrow(() -> notFound(id));
        if (now.state() == PluginStatus.State.FAILED) {
            return failed(now.error().orElse("The plugin failed."), now);
        }
        return HostJson.response(200, describe(now));
    }

    private WebResponse reload(WebRequest request) {
        String id = request.pathParam("id");
        PluginHost.Outcome outcome;
        try {
            outcome = plugins.reload(id);
        } catch (PluginActionException e) {
            return refusal(e);
        }
        if (outcome.failure().isPresent()) {
            return failed(outcome.failure().get(), outcome.plugin());
        }
        return HostJson.response(200, describe(outcome.plugin()));
    }

    private WebResponse upload(WebRequest request) {
        boolean replace = flag(request, "replace");
        List<FormPart> parts;
        try {
            parts = request.multipart(MAX_JAR_BYTES, 4);
        } catch (PayloadTooLargeException e) {
            throw new HttpError(413, "payload_too_large", "A plugin jar may be at most 32 MB (33,554,432 bytes).");
        } catch (IOException e) {
            throw new HttpError(400, "malformed_multipart", "Send the plugin jar as multipart/form-data in a part "
                    + "named file.", List.of(new FieldError("file", "required", "The plugin jar is required.")));
        }
        FormPart file = onlyFile(parts);
        Path saved = null;
        try {
            Files.createDirectories(uploadsDir);
            saved = Files.createTempFile(uploadsDir, "plugin-upload-", ".jar");
            try (InputStream in = file.openStream()) {
                Files.copy(in, saved, StandardCopyOption.REPLACE_EXISTING);
            }
            PluginHost.Outcome outcome = plugins.install(saved, replace);
            return HostJson.response(201, describe(outcome.plugin()));
        } catch (PluginActionException e) {
            return refusal(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the uploaded plugin jar", e);
        } finally {
            if (saved != null) {
                try {
                    Files.deleteIfExists(saved);
                } catch (IOException e) {
                    // a leftover temporary file only
                }
            }
        }
    }

    /** The one part, named {@code file}; any other part or a second file is refused. */
    private static FormPart onlyFile(List<FormPart> parts) {
        List<FormPart> files = new ArrayList<>();
        for (FormPart p : parts) {
            if (!p.name().equals("file")) {
                String why = "An upload takes only one part, named file.";
                throw new HttpError(400, "validation_failed", why,
                        List.of(new FieldError(printable(p.name()), "unknown", why)));
            }
            files.add(p);
        }
        if (files.isEmpty()) {
            throw new HttpError(400, "validation_failed", "Send the plugin jar in a part named file.",
                    List.of(new FieldError("file", "required", "The plugin jar is required.")));
        }
        if (files.size() > 1) {
            throw new HttpError(400, "validation_failed", "Send one plugin jar at a time.",
                    List.of(new FieldError("file", "single", "Send one plugin jar at a time.")));
        }
        return files.get(0);
    }

    private static String printable(String name) {
        String cleaned = name.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }

    private static boolean flag(WebRequest request, String name) {
        String value = request.query(name).orElse("false");
        return switch (value) {
            case "true", "1" -> true;
            case "false", "0", "" -> false;
            default -> throw new HttpError(400, "invalid_parameter", name + " is true or false.",
                    List.of(new FieldError(name, "boolean", name + " is true or false.")));
        };
    }

    private static HttpError notFound(String id) {
        return HttpError.notFound("There is no plugin " + id + ".");
    }

    private WebResponse refusal(PluginActionException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> HostJson.error(404, e.code(), e.getMessage(), List.of());
            case CONFLICT -> HostJson.error(409, e.code(), e.getMessage(), List.of());
            case INVALID -> HostJson.error(400, e.code(), e.getMessage(),
                    List.of(new FieldError("file", e.rule().orElse("invalid"), e.getMessage())));
            case FAILED -> failed(e.getMessage(), e.plugin().orElseThrow());
        };
    }

    /** {@code 409 plugin_failed}: the error shape, with the plugin's state after the attempt. */
    private WebResponse failed(String message, PluginStatus now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "plugin_failed");
        body.put("message", message);
        body.put("plugin", describe(now));
        return HostJson.response(409, body);
    }

    /**
     * A plugin or refused file as the API lists it: {@code id}, {@code version}, {@code state} and
     * {@code error} always (null where there is none), then {@code file} and what the descriptor says.
     */
    private Map<String, Object> describe(PluginStatus s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id().orElse(null));
        out.put("version", s.version().orElse(null));
        out.put("state", s.state().name());
        out.put("error", s.error().orElse(null));
        out.put("file", s.jar().fileName());
        out.put("path", s.jar().fileName());
        PluginDescriptor d = s.jar().descriptor().orElse(null);
        out.put("requires", d == null ? null : d.getRequires());
        out.put("description", d == null ? null : d.getPluginDescription());
        out.put("provider", d == null ? null : d.getProvider());
        if (s.state() != PluginStatus.State.REFUSED && s.id().isPresent()) {
            out.put("settingsSchemas", plugins.schemas(s.id().get()).stream().map(SettingsSchema::id).toList());
        }
        return out;
    }
}
