package com.chatwebsite.plugin.web;

import com.chatwebsite.api.web.FormPart;
import com.chatwebsite.api.web.PayloadTooLargeException;
import com.chatwebsite.api.web.RouteAccess;
import com.chatwebsite.api.web.WebRequest;
import com.chatwebsite.api.web.WebResponse;
import com.chatwebsite.api.web.WebRoute;
import com.chatwebsite.plugin.ChatWebsitePlugin;
import com.chatwebsite.plugin.chatfile.ChatFileService;
import com.chatwebsite.plugin.session.SessionEvent;
import com.chatwebsite.plugin.upload.StoredUpload;
import com.chatwebsite.plugin.upload.UploadService;
import com.chatwebsite.plugin.website.ChatFileAccept;
import com.chatwebsite.plugin.website.Website;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The customer's files during a chat, under {@code /widget/{key}/sessions/{sessionId}/files}: send one (multipart
 * part {@code file}, admitted by the website's upload limits) and download the chat's files, both with the session's
 * token. Another session's token, or none, finds nothing ({@code 404}).
 */
final class ChatFileRoutes {

    private static final String FILES = "/sessions/{sessionId}/files";
    private static final long BODY_LIMIT = UploadService.MAX_BYTES + 64 * 1024;
    private static final Pattern FILE_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final ChatWebsitePlugin plugin;
    private final WidgetRoutes widget;
    private final UploadDownloads downloads;

    ChatFileRoutes(ChatWebsitePlugin plugin, WidgetRoutes widget, UploadDownloads downloads) {
        this.plugin = plugin;
        this.widget = widget;
        this.downloads = downloads;
    }

    List<WebRoute> routes() {
        return List.of(
                WebRoute.of("OPTIONS", "/widget/{key}" + FILES, RouteAccess.PUBLIC, widget::preflight),
                WebRoute.of("OPTIONS", "/widget/{key}" + FILES + "/{fileId}", RouteAccess.PUBLIC,
                        Routes.guarded(r -> widget.preflight(withFileId(r)))),
                widget.widget("POST", FILES, BODY_LIMIT, this::send),
                widget.widget("GET", FILES + "/{fileId}", WebRoute.DEFAULT_MAX_BODY_BYTES, this::download));
    }

    /** What the widget's config says about files in chats. */
    static Map<String, Object> config(Website w) {
        return Map.of("accept", ChatFileAccept.of(w).text(), "maxBytes", UploadService.MAX_BYTES);
    }

    /** The request, if its {@code {fileId}} can be a file's id (a preflight carries no token to check more). */
    private static WebRequest withFileId(WebRequest r) {
        if (!FILE_ID.matcher(r.pathParam("fileId")).matches()) {
            throw new Problem(404, "not_found", "No such file.");
        }
        return r;
    }

    private ChatFileService files() {
        return plugin.runtime().files();
    }

    private WebResponse send(WebRequest r, Website w) throws IOException {
        String sessionId = widget.sessionId(r, w);
        new AbuseGuard(plugin.runtime().limiter()).admit(r, w, AbuseGuard.Action.UPLOAD);
        Optional<String> clientMessageId = clientMessageId(r);
        List<FormPart> parts;
        try {
            parts = r.multipart(UploadService.MAX_BYTES, 4);
        } catch (PayloadTooLargeException e) {
            throw new Problem(413, "file_too_large", "A file may be at most 10 MB (10,485,760 bytes).");
        } catch (IOException e) {
            throw new Problem(400, "malformed_multipart", "Send the file as multipart/form-data in a part named file.");
        }
        FormPart file = WidgetRoutes.onlyFilePart(parts);
        SessionEvent message;
        try (InputStream content = file.openStream()) {
            message = files().postCustomerFile(w, sessionId, file.fileName(), content, clientMessageId);
        }
        return Json.response(201, answer(message));
    }

    private WebResponse download(WebRequest r, Website w) throws IOException {
        String sessionId = widget.sessionId(r, w);
        String fileId = r.pathParam("fileId");
        StoredUpload u = files().find(sessionId, fileId)
                .orElseThrow(() -> new Problem(404, "not_found", "No file " + fileId + " in this chat."));
        return downloads.serve(u, ChatFileService.inlineImage(u));
    }

    /** {@code ?clientMessageId=}: a multipart body has no JSON to carry it. */
    static Optional<String> clientMessageId(WebRequest r) {
        Optional<String> id = r.query("clientMessageId");
        if (id.isPresent() && (id.get().isBlank() || id.get().length() > 100)) {
            throw Problem.field("clientMessageId", "length", "clientMessageId must be 1 to 100 characters.");
        }
        return id;
    }

    /** {@code {"seq", "file": {id, name, size, contentType}}}. */
    static Map<String, Object> answer(SessionEvent message) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seq", message.seq());
        out.put("file", message.data().get("file"));
        return out;
    }
}
