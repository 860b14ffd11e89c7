package com.chatwebsite.host.api;

import com.chatwebsite.api.channel.AgentRef;
import com.chatwebsite.api.channel.ChatChannel;
import com.chatwebsite.api.channel.ChatFile;
import com.chatwebsite.api.channel.ChatFileContent;
import com.chatwebsite.api.channel.ChatMessage;
import com.chatwebsite.api.channel.InteractionException;
import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.api.web.FormPart;
import com.chatwebsite.api.web.PayloadTooLargeException;
import com.chatwebsite.api.web.RouteAccess;
import com.chatwebsite.api.web.WebRequest;
import com.chatwebsite.api.web.WebResponse;
import com.chatwebsite.api.web.WebRoute;
import com.chatwebsite.host.plugins.PluginHost;
import com.chatwebsite.host.routing.HostInteractionRouter;
import com.chatwebsite.host.web.HostJson;
import com.chatwebsite.host.web.HttpError;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Files during a chat, the agent's side: {@code POST /api/agent/interactions/{id}/files} (multipart part
 * {@code file}, optional {@code ?clientMessageId=}) sends one to the customer, {@code GET
 * /api/agent/interactions/{id}/files/{fileId}} downloads one of the chat's files. Both only for the agent who holds
 * the chat; anyone else gets {@code 404}. The channel checks and stores the file ({@link ChatChannel#postFile}).
 */
public final class AgentFileEndpoints {

    /** The largest file: 10 MB, as the chat plugin takes it. */
    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    private static final int MAX_CLIENT_MESSAGE_ID = 100;

    private final HostInteractionRouter router;
    private final PluginHost plugins;

    public AgentFileEndpoints(HostInteractionRouter router, PluginHost plugins) {
        this.router = router;
        this.plugins = plugins;
    }

    public List<WebRoute> routes() {
        return List.of(
                new WebRoute("POST", "/api/agent/interactions/{id}/files", RouteAccess.AGENT,
                        MAX_FILE_BYTES + 64 * 1024, this::send),
                WebRoute.of("GET", "/api/agent/interactions/{id}/files/{fileId}", RouteAccess.AGENT, this::download));
    }

    private WebResponse send(WebRequest request) throws IOException {
        String id = request.pathParam("id");
        ChatChannel channel = heldChannel(request, id);
        Optional<String> clientMessageId = request.query("clientMessageId");
        if (clientMessageId.isPresent() && (clientMessageId.get().isBlank()
                || clientMessageId.get().length() > MAX_CLIENT_MESSAGE_ID)) {
            String why = "clientMessageId must be 1 to " + MAX_CLIENT_MESSAGE_ID + " characters.";
            throw new HttpError(400, "invalid_message", why, List.of(new FieldError("clientMessageId", "length", why)));
        }
        FormPart file = filePart(request);
        ChatMessage m;
        try (InputStream content = file.openStream()) {
            m = channel.postFile(id, ref(request), file.fileName().orElse("file"), content, clientMessageId);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seq", m.seq());
        m.file().ifPresent(f -> out.put("file", fileJson(f)));
        return HostJson.response(201, out);
    }

    private static FormPart filePart(WebRequest request) throws IOException {
        List<FormPart> parts;
        try {
            parts = request.multipart(MAX_FILE_BYTES, 4);
        } catch (PayloadTooLargeException e) {
            throw new HttpError(413, "file_too_large", "A file may be at most 10 MB (10,485,760 bytes).");
        } catch (IOException e) {
            throw new HttpError(400, "malformed_multipart", "Send the file as multipart/form-data in a part named file.",
                    List.of(new FieldError("file", "multipart", "Send the file in a part named file.")));
        }
        List<FormPart> files = parts.stream().filter(p -> p.name().equals("file")).toList();
        if (files.size() != 1 || parts.size() != 1 || files.get(0).fileName().isEmpty()) {
            String why = "Send exactly one part, named file, with a file name.";
            throw new HttpError(400, "invalid_file", why, List.of(new FieldError("file", "single", why)));
        }
        return files.get(0);
    }

    private WebResponse download(WebRequest request) throws IOException {
        String id = request.pathParam("id");
        String fileId = request.pathParam("fileId");
        ChatFileContent found = heldChannel(request, id).file(id, ref(request), fileId)
                .orElseThrow(() -> HttpError.notFound("No file " + fileId + " in this chat for you."));
        byte[] bytes;
        try (InputStream content = found.content()) {
            bytes = content.readAllBytes();
        }
        ChatFile f = found.file();
        String encoded = URLEncoder.encode(f.name(), StandardCharsets.UTF_8).replace("+", "%20");
        String ascii = f.name().replaceAll("[^A-Za-z0-9._-]", "_");
        return WebResponse.of(200, found.inline() ? f.contentType() : "application/octet-stream", bytes)
                .withHeader("Content-Disposition", (found.inline() ? "inline" : "attachment") + "; filename=\""
                        + ascii + "\"; filename*=UTF-8''" + encoded)
                .withHeader("Content-Security-Policy", "sandbox; default-src 'none'")
                .withHeader("Cache-Control", "private, no-store");
    }

    /** The chat's channel, if this agent holds it; otherwise, offered or not, {@code 404}. */
    private ChatChannel heldChannel(WebRequest request, String id) {
        HostInteractionRouter.Access access = router.access(agent(request), id)
                .filter(HostInteractionRouter.Access::held)
                .orElseThrow(() -> HttpError.notFound("No chat " + id + " held by you."));
        return plugins.channel(access.channelId()).orElseThrow(() -> new InteractionException(
                InteractionException.Reason.CONFLICT, HostInteractionRouter.CHANNEL_UNAVAILABLE,
                "The channel is not running."));
    }

    private static String agent(WebRequest request) {
        return request.caller().orElseThrow().name();
    }

    private static AgentRef ref(WebRequest request) {
        String name = agent(request);
        return new AgentRef(name, name);
    }

    /** A message's file as the agent's JSON carries it: {@code {"id","name","size","contentType"}}. */
    static Map<String, Object> fileJson(ChatFile f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", f.id());
        out.put("name", f.name());
        out.put("size", f.size());
        out.put("contentType", f.contentType());
        return out;
    }
}
