package com.chatwebsite.plugin.upload;

import com.chatwebsite.plugin.form.AcceptSpec;
import com.chatwebsite.plugin.form.FormField;
import com.chatwebsite.plugin.form.FormKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives customers' files for attachment fields: checks size, name and content, keeps accepted
 * files under the plugin's data folder with generated names, binds them to the session or
 * submission that uses them, and deletes those nobody used.
 */
public final class UploadService {

    /** The largest upload: 10 MB. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    /** The form kind of files sent during a chat, which belong to no form. */
    public static final String CHAT_KIND = "chat";

    private static final Logger LOG = LoggerFactory.getLogger(UploadService.class);

    private final UploadRepository store;
    private final FileTypeGuard guard;
    private final Path dir;
    private final Clock clock;

    public UploadService(UploadRepository store, FileTypeGuard guard, Path dir, Clock clock) {
        this.store = store;
        this.guard = guard;
        this.dir = dir;
        this.clock = clock;
    }

    /**
     * What became of an upload.
     *
     * @param upload the stored upload, when accepted
     * @param refusal why it was refused (the content type does not fit the field, or it is too large)
     * @param tooLarge whether it was refused for being larger than {@link #MAX_BYTES}
     */
    public record Received(Optional<StoredUpload> upload, Optional<String> refusal, boolean tooLarge) {
    }

    /**
     * Checks and keeps one file.
     *
     * @param websiteId the website
     * @param kind the form
     * @param field the attachment field
     * @param clientFileName the name the browser gave the file
     * @param content the file's bytes (the caller closes it)
     * @return the upload, or why it was refused
     * @throws IOException if the file cannot be stored
     */
    public Received receive(String websiteId, FormKind kind, FormField field, Optional<String> clientFileName,
            InputStream content) throws IOException {
        return keep(websiteId, kind.wire(), field.name(), field.accept().orElseThrow(), clientFileName, content,
                Optional.empty());
    }

    /**
     * Checks and keeps a file sent during a chat, bound to its session at once (so it never expires as unused: it
     * stays with the session's data).
     *
     * @param websiteId the website
     * @param sessionId the session that owns it
     * @param accept what the website accepts in chats
     * @param clientFileName the name the browser gave the file
     * @param content the file's bytes (the caller closes it)
     * @return the upload (form kind {@value #CHAT_KIND}), or why it was refused
     * @throws IOException if the file cannot be stored
     */
    public Received receiveChatFile(String websiteId, String sessionId, AcceptSpec accept,
            Optional<String> clientFileName, InputStream content) throws IOException {
        return keep(websiteId, CHAT_KIND, "file", accept, clientFileName, content, Optional.of(sessionId));
    }

    /**
     * Deletes an upload's record and its file.
     *
     * @param upload the upload
     * @throws IOException if the file cannot be deleted (the record is gone already)
     */
    public void delete(StoredUpload upload) throws IOException {
        store.delete(upload.id());
        Files.deleteIfExists(dir.resolve(upload.id()));
    }

    private Received keep(String websiteId, String formKind, String fieldName, AcceptSpec accept,
            Optional<String> clientFileName, InputStream content, Optional<String> ownerId) throws IOException {
        Files.createDirectories(dir);
        String id = UUID.randomUUID().toString();
        Path tmp = dir.resolve(id + ".part");
        try {
            long copied = Files.copy(content, tmp, StandardCopyOption.REPLACE_EXISTING);
            if (copied > MAX_BYTES) {
                Files.deleteIfExists(tmp);
                return new Received(Optional.empty(), Optional.of("The file is larger than 10 MB."), true);
            }
            Verdict verdict = guard.check(accept, clientFileName.orElse("file"), tmp);
            if (!verdict.accepted()) {
                Files.deleteIfExists(tmp);
                return new Received(Optional.empty(), Optional.of(verdict.reason()), false);
            }
            Files.move(tmp, dir.resolve(id), StandardCopyOption.ATOMIC_MOVE);
            Instant now = clock.instant();
            StoredUpload upload = new StoredUpload(id, websiteId, formKind, fieldName, verdict.safeFileName(),
                    verdict.detectedType(), copied, verdict.inlineSafe(), now, ownerId,
                    ownerId.map(owner -> now));
            store.insert(upload);
            return new Received(Optional.of(upload), Optional.empty(), false);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Why an upload cannot be attached to a field, if it cannot.
     *
     * @param websiteId the website of the submission
     * @param kind the form of the submission
     * @param uploadId the id the customer sent
     * @param field the attachment field
     * @return a sentence, or empty if it fits
     */
    public Optional<String> problem(String websiteId, FormKind kind, String uploadId, FormField field) {
        Optional<StoredUpload> u = uploadId.length() > 36 ? Optional.empty() : store.find(uploadId);
        if (u.isEmpty() || !u.get().websiteId().equals(websiteId)) {
            return Optional.of("Upload " + uploadId + " does not exist.");
        }
        if (!u.get().formKind().equals(kind.wire()) || !u.get().fieldName().equals(field.name())) {
            return Optional.of("Upload " + uploadId + " was made for another field.");
        }
        if (u.get().usedAt().isPresent()) {
            return Optional.of("Upload " + uploadId + " is already attached elsewhere.");
        }
        return Optional.empty();
    }

    public Optional<StoredUpload> find(String id) {
        return store.find(id);
    }

    public List<StoredUpload> ownedBy(String ownerId) {
        return store.ownedBy(ownerId);
    }

    /**
     * Where an upload's bytes are.
     *
     * @param upload the upload
     * @return its file
     */
    public Path file(StoredUpload upload) {
        return dir.resolve(upload.id());
    }

    /**
     * Deletes uploads nobody attached within the given age.
     *
     * @param maxAge how long an unused upload is kept
     * @return how many were deleted
     */
    public int expireUnused(Duration maxAge) {
        List<String> ids = store.deleteUnusedBefore(clock.instant().minus(maxAge));
        for (String id : ids) {
            try {
                Files.deleteIfExists(dir.resolve(id));
            } catch (IOException e) {
                LOG.warn("could not delete expired upload {}", id, e);
            }
        }
        return ids.size();
    }
}
