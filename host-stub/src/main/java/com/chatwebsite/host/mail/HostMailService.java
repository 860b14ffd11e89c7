package com.chatwebsite.host.mail;

import com.chatwebsite.api.host.MailAttachment;
import com.chatwebsite.api.host.MailDeliveryException;
import com.chatwebsite.api.host.MailInteraction;
import com.chatwebsite.api.host.MailMessage;
import com.chatwebsite.api.host.MailService;
import com.chatwebsite.host.HostConfig.SmtpSettings;
import com.chatwebsite.host.db.Jdbc;
import com.chatwebsite.host.mail.MailInteractionRecord.StoredAttachment;
import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * The host's e-mail: sends through the SMTP account when one is configured, otherwise writes
 * {@code .eml} files to the mail drop folder; opens e-mail interactions in the host's database.
 */
public final class HostMailService implements MailService {

    private static final String DROP_FROM = "chat@localhost";
    private static final String TIMEOUT_MILLIS = "10000";

    private final Optional<SmtpSettings> smtp;
    private final Path dropDir;
    private final Path interactionFiles;
    private final Jdbc jdbc;
    private final Clock clock;
    private final Session session;

    public HostMailService(Optional<SmtpSettings> smtp, Path dataDir, Jdbc jdbc, Clock clock) {
        this.smtp = smtp;
        this.dropDir = dataDir.resolve("mail");
        this.interactionFiles = dataDir.resolve("interactions");
        this.jdbc = jdbc;
        this.clock = clock;
        Properties props = new Properties();
        smtp.ifPresent(s -> {
            props.put("mail.smtp.host", s.host());
            props.put("mail.smtp.port", Integer.toString(s.port()));
            props.put("mail.smtp.auth", Boolean.toString(s.user().isPresent()));
            props.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
            props.put("mail.smtp.timeout", TIMEOUT_MILLIS);
            props.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        });
        this.session = Session.getInstance(props);
    }

    @Override
    public String send(MailMessage message) throws MailDeliveryException {
        String messageId = message.messageId().orElseGet(HostMailService::newMessageId);
        MimeMessage mime = build(message, messageId);
        try {
            if (smtp.isPresent()) {
                SmtpSettings s = smtp.get();
                if (s.user().isPresent()) {
                    Transport.send(mime, s.user().get(), s.password().orElse(""));
                } else {
                    Transport.send(mime);
                }
            } else {
                writeToDrop(mime);
            }
            return messageId;
        } catch (MessagingException e) {
            throw new MailDeliveryException("SMTP refused or unreachable: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MailDeliveryException("could not write the mail drop: " + e.getMessage(), e);
        }
    }

    private MimeMessage build(MailMessage message, String messageId) {
        HeaderValues.requireOneLine("messageId", messageId);
        try {
            MimeMessage mime = new FixedIdMimeMessage(session, messageId);
            mime.setFrom(HeaderValues.address("from", smtp.map(SmtpSettings::from).orElse(DROP_FROM)));
            List<InternetAddress> to = new ArrayList<>();
            for (String address : message.to()) {
                to.add(HeaderValues.address("to", address));
            }
            mime.setRecipients(Message.RecipientType.TO, to.toArray(InternetAddress[]::new));
            if (message.replyTo().isPresent()) {
                mime.setReplyTo(new InternetAddress[] {HeaderValues.address("replyTo", message.replyTo().get())});
            }
            mime.setSubject(HeaderValues.subject(message.subject()), "UTF-8");
            mime.setSentDate(java.util.Date.from(clock.instant()));

            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.textBody(), "UTF-8");
            MimeMultipart body;
            if (message.htmlBody().isPresent()) {
                MimeBodyPart html = new MimeBodyPart();
                html.setText(message.htmlBody().get(), "UTF-8", "html");
                body = new MimeMultipart("alternative", text, html);
            } else {
                body = new MimeMultipart("alternative", text);
            }
            if (message.attachments().isEmpty()) {
                mime.setContent(body);
            } else {
                MimeBodyPart bodyPart = new MimeBodyPart();
                bodyPart.setContent(body);
                MimeMultipart mixed = new MimeMultipart("mixed", bodyPart);
                for (MailAttachment a : message.attachments()) {
                    mixed.addBodyPart(attachment(a));
                }
                mime.setContent(mixed);
            }
            mime.saveChanges();
            return mime;
        } catch (MessagingException e) {
            throw new IllegalArgumentException("cannot build the message: " + e.getMessage(), e);
        }
    }

    private static MimeBodyPart attachment(MailAttachment a) throws MessagingException {
        HeaderValues.requireOneLine("fileName", a.fileName());
        HeaderValues.requireOneLine("contentType", a.contentType());
        MimeBodyPart part = new MimeBodyPart();
        FileDataSource source = new FileDataSource(a.file().toFile()) {
            @Override
            public String getContentType() {
                return a.contentType();
            }
        };
        part.setDataHandler(new DataHandler(source));
        part.setFileName(a.fileName());
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        part.setHeader("Content-Transfer-Encoding", "base64"); // bytes arrive unchanged, whatever they look like
        return part;
    }

    private void writeToDrop(MimeMessage mime) throws IOException, MessagingException {
        Files.createDirectories(dropDir);
        String name = clock.instant().toEpochMilli() + "-" + UUID.randomUUID() + ".eml";
        Path tmp = dropDir.resolve(name + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            mime.writeTo(out);
        }
        Files.move(tmp, dropDir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public String openInteraction(MailInteraction interaction) throws MailDeliveryException {
        HeaderValues.address("from", interaction.from());
        HeaderValues.address("to", interaction.to());
        HeaderValues.subject(interaction.subject());
        String messageId = interaction.messageId().orElseGet(HostMailService::newMessageId);
        HeaderValues.requireOneLine("messageId", messageId);
        Optional<String> existing = findByMessageId(messageId);
        if (existing.isPresent()) {
            return existing.get();
        }
        String id = UUID.randomUUID().toString();
        List<StoredAttachment> stored;
        try {
            stored = storeFiles(id, interaction.attachments());
        } catch (IOException e) {
            throw new MailDeliveryException("could not store the attachments: " + e.getMessage(), e);
        }
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO host_mail_interaction "
                    + "(id, message_id, mail_from, mail_to, subject, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, messageId);
                ps.setString(3, interaction.from());
                ps.setString(4, interaction.to());
                ps.setString(5, interaction.subject());
                ps.setString(6, interaction.body());
                ps.setObject(7, Jdbc.utc(clock.instant()));
                ps.executeUpdate();
            }
            int position = 0;
            for (StoredAttachment a : stored) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO host_mail_attachment (interaction_id, "
                        + "position, file_name, content_type, size_bytes, stored_path) VALUES (?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, id);
                    ps.setInt(2, position++);
                    ps.setString(3, a.fileName());
                    ps.setString(4, a.contentType());
                    ps.setLong(5, a.size());
                    ps.setString(6, a.path());
                    ps.executeUpdate();
                }
            }
            return id;
        });
    }

    private List<StoredAttachment> storeFiles(String id, List<MailAttachment> attachments) throws IOException {
        List<StoredAttachment> out = new ArrayList<>();
        if (attachments.isEmpty()) {
            return out;
        }
        Path dir = Files.createDirectories(interactionFiles.resolve(id));
        int n = 0;
        for (MailAttachment a : attachments) {
            Path target = dir.resolve(Integer.toString(n++));
            Files.copy(a.file(), target, StandardCopyOption.REPLACE_EXISTING);
            out.add(new StoredAttachment(a.fileName(), a.contentType(), Files.size(target), target.toString()));
        }
        return out;
    }

    private Optional<String> findByMessageId(String messageId) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM host_mail_interaction WHERE message_id = ?")) {
                ps.setString(1, messageId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /**
     * The e-mail interactions the host opened, newest first.
     *
     * @return the interactions with their attachments
     */
    public List<MailInteractionRecord> interactions() {
        return jdbc.inTransaction(c -> {
            List<MailInteractionRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, message_id, mail_from, mail_to, subject, body, "
                    + "created_at FROM host_mail_interaction ORDER BY created_at DESC, id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new MailInteractionRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), Jdbc.instant(rs.getObject(7)),
                            List.of()));
                }
            }
            List<MailInteractionRecord> withFiles = new ArrayList<>();
            for (MailInteractionRecord r : out) {
                List<StoredAttachment> files = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT file_name, content_type, size_bytes, stored_path "
                        + "FROM host_mail_attachment WHERE interaction_id = ? ORDER BY position")) {
                    ps.setString(1, r.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            files.add(new StoredAttachment(rs.getString(1), rs.getString(2), rs.getLong(3),
                                    rs.getString(4)));
                        }
                    }
                }
                withFiles.add(new MailInteractionRecord(r.id(), r.messageId(), r.from(), r.to(), r.subject(),
                        r.body(), r.createdAt(), files));
            }
            return withFiles;
        });
    }

    private static String newMessageId() {
        return "<" + UUID.randomUUID() + "@host-stub>";
    }

    /** A MimeMessage that keeps the Message-ID it was given instead of making a new one on save. */
    private static final class FixedIdMimeMessage extends MimeMessage {
        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

}
