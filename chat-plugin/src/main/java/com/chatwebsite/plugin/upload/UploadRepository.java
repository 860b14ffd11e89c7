package com.chatwebsite.plugin.upload;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What uploads need from storage. Implemented by the {@code store} package. */
public interface UploadRepository {

    void insert(StoredUpload upload);

    Optional<StoredUpload> find(String id);

    /** The uploads bound to a session or an offline message. */
    List<StoredUpload> ownedBy(String ownerId);

    /** Deletes an upload's row. */
    void delete(String id);

    /** Deletes the rows of uploads never bound and made before a time; returns their ids. */
    List<String> deleteUnusedBefore(Instant before);
}
