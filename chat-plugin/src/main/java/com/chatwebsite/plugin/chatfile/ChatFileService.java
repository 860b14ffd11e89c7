package com.chatwebsite.plugin.chatfile;

import com.chatwebsite.api.channel.AgentRef;
import com.chatwebsite.plugin.error.ChatException;
import com.chatwebsite.plugin.error.ChatException.Kind;
import com.chatwebsite.plugin.session.SessionEvent;
import com.chatwebsite.plugin.session.SessionService;
import com.chatwebsite.plugin.upload.StoredUpload;
import com.chatwebsite.plugin.upload.UploadService;
import com.chatwebsite.plugin.website.ChatFileAccept;
import com.chatwebsite.plugin.website.Website;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files sent during a chat, both ways. A file is checked like a form upload (10 MB, extension and content against
 * the website's {@link ChatFileAccept}), stored bound to its session, and then becomes a {@code message} event with
 * a {@code file} member, durable in the session's log like any message. Only that session's files are found for it.
 */
public final class ChatFileService {

    private static final Logger LOG = LoggerFactory.getLogger(ChatFileService.class);
    private static final Set<String> INLINE_IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    private final UploadService uploads;
    private final SessionService sessions;

    public ChatFileService(UploadService uploads, SessionService sessions) {
        this.uploads = uploads;
        this.sessions = sessions;
    }

    /**
     * The customer sends a file.
     *
     * @param website the session's website
     * @param sessionId the session, its token checked
     * @param clientFileName the name the browser gave it
     * @param content its bytes (the caller closes them)
     * @param clientMessageId the idempotency key
     * @return the message event
     * @throws ChatException {@code TOO_LARGE}, {@code UNSUPPORTED_TYPE}, or as a message would be refused
     * @throws IOException if the file cannot be stored
     */
    public SessionEvent postCustomerFile(Website website, String sessionId, Optional<String> clientFileName,
            InputStream content, Optional<String> clientMessageId) throws IOException {
        return post(website, sessionId, Optional.empty(), clientFileName, content, clientMessageId);
    }

    /**
     * The agent who holds the chat sends a file.
     *
     * @param website the session's website
     * @param sessionId the session
     * @param agent the agent
     * @param clientFileName the name the agent's browser gave it
     * @param content its bytes (the caller closes them)
     * @param clientMessageId the idempotency key
     * @return the message event
     * @throws ChatException {@code TOO_LARGE}, {@code UNSUPPORTED_TYPE}, {@code CONFLICT} unless the agent holds the
     *     active chat
     * @throws IOException if the file cannot be stored
     */
    public SessionEvent postAgentFile(Website website, String sessionId, AgentRef agent, Optional<String> clientFileName,
            InputStream content, Optional<String> clientMessageId) throws IOException {
        return post(website, sessionId, Optional.of(agent), clientFileName, content, clientMessageId);
    }

    private SessionEvent post(Website website, String sessionId, Optional<AgentRef> agent,
            Optional<String> clientFileName, InputStream content, Optional<String> clientMessageId) throws IOException {
        UploadService.Received received = uploads.receiveChatFile(website.id(), sessionId,
                ChatFileAccept.of(website), clientFileName, content);
        if (received.upload().isEmpty()) {
            String why = received.refusal().orElse("This file type is not accepted.");
            throw received.tooLarge()
                    ? new ChatException(Kind.TOO_LARGE, "file_too_large", why)
                    : new ChatException(Kind.UNSUPPORTED_TYPE, "unsupported_file_type", why);
        }
        StoredUpload mine = received.upload().get();
        SessionEvent message;
        try {
            message = sessions.postFile(sessionId, agent, describe(mine), clientMessageId);
        } catch (RuntimeException e) {
            drop(mine);
            throw e;
        }
        if (!fileId(message).equals(Optional.of(mine.id()))) {
            drop(mine); // a retry: the first call's message and file stand
        }
        return message;
    }

    /**
     * A file of a session, for its customer or the agent holding it.
     *
     * @param sessionId the session
     * @param fileId the file's id
     * @return the file, or empty if the session sent no such file
     */
    public Optional<StoredUpload> find(String sessionId, String fileId) {
        if (fileId.length() > 36) {
            return Optional.empty();
        }
        return uploads.find(fileId)
                .filter(u -> u.formKind().equals(UploadService.CHAT_KIND))
                .filter(u -> u.ownerId().equals(Optional.of(sessionId)));
    }

    /**
     * A file's bytes.
     *
     * @param upload a file {@link #find} returned
     * @return its content; the caller closes it
     * @throws IOException if it cannot be read
     */
    public InputStream open(StoredUpload upload) throws IOException {
        return Files.newInputStream(uploads.file(upload));
    }

    /**
     * Whether a file may be shown in the page rather than downloaded: raster images only (PNG, JPEG, GIF, WebP),
     * detected from their content. PDF, SVG, HTML and everything else are downloads.
     *
     * @param upload the file
     * @return true for a safe image
     */
    public static boolean inlineImage(StoredUpload upload) {
        return upload.inlineSafe() && INLINE_IMAGES.contains(upload.contentType());
    }

    /** The message's {@code file} member: id, name, size and detected content type. */
    static Map<String, Object> describe(StoredUpload u) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("id", u.id());
        file.put("name", u.fileName());
        file.put("size", u.size());
        file.put("contentType", u.contentType());
        return file;
    }

    /** The id of a message's file, if it carries one. */
    public static Optional<String> fileId(SessionEvent message) {
        return message.data().get("file") instanceof Map<?, ?> file && file.get("id") instanceof String id
                ? Optional.of(id) : Optional.empty();
    }

    private void drop(StoredUpload upload) {
        try {
            uploads.delete(upload);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not delete chat file {} that no message uses", upload.id(), e);
        }
    }
}
