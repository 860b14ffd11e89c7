package com.chatwebsite.plugin.privacy;

import com.chatwebsite.plugin.website.Website;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes, per website with {@code retention.days} set, the chats closed and the uploads made more
 * than that many days ago (with their files). Run by the housekeeping lease holder, so once per
 * cluster; each call does a bounded batch per website and stops between batches when asked.
 */
public final class RetentionSweep {

    /** The website setting: days to keep closed chats and uploads; 0 or absent keeps them forever. */
    public static final String DAYS = "retention.days";
    /** The most chats or uploads one batch deletes (one transaction). */
    static final int BATCH = 100;

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSweep.class);

    private final ContactDataRepository store;
    private final Supplier<List<Website>> websites;
    private final UploadFiles files;
    private final Clock clock;

    public RetentionSweep(ContactDataRepository store, Supplier<List<Website>> websites, Path uploadDir, Clock clock) {
        this.store = store;
        this.websites = websites;
        this.files = new UploadFiles(uploadDir);
        this.clock = clock;
    }

    /**
     * The days a website keeps closed chats and uploads.
     *
     * @param w the website
     * @return the days, or 0 for forever
     */
    public static int days(Website w) {
        return w.group("retention").get("days") instanceof Number n ? Math.max(0, n.intValue()) : 0;
    }

    /**
     * What one pass did.
     *
     * @param deleted how many chats and uploads it deleted
     * @param finished whether nothing was left due (false when it stopped early)
     */
    public record Pass(int deleted, boolean finished) {
    }

    /**
     * Deletes what is due, batch by batch, until nothing is due or {@code stopRequested} says so.
     *
     * @param stopRequested asked before each batch
     * @return what it did
     */
    public Pass sweep(BooleanSupplier stopRequested) {
        Instant now = clock.instant();
        int deleted = 0;
        for (Website w : websites.get()) {
            int days = days(w);
            if (days <= 0) {
                continue;
            }
            Instant before = now.minus(Duration.ofDays(days));
            try {
                int n;
                do {
                    if (stopRequested.getAsBoolean()) {
                        return new Pass(deleted, false);
                    }
                    n = store.deleteClosedChats(w.id(), before, BATCH, files);
                    deleted += n;
                } while (n == BATCH);
                do {
                    if (stopRequested.getAsBoolean()) {
                        return new Pass(deleted, false);
                    }
                    n = store.deleteUploads(w.id(), before, BATCH, files);
                    deleted += n;
                } while (n == BATCH);
            } catch (RuntimeException e) {
                LOG.warn("retention of website {} failed; the next pass tries again", w.id(), e);
            }
        }
        if (deleted > 0) {
            LOG.debug("retention deleted {} closed chat(s) and upload(s)", deleted);
        }
        return new Pass(deleted, true);
    }
}
