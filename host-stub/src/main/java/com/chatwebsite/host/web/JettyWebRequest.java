package com.chatwebsite.host.web;

import com.chatwebsite.api.web.Caller;
import com.chatwebsite.api.web.FormPart;
import com.chatwebsite.api.web.PayloadTooLargeException;
import com.chatwebsite.api.web.WebRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/** A Jetty request as a plugin sees it. */
final class JettyWebRequest implements WebRequest {

    private final Request request;
    private final String path;
    private final Map<String, String> pathParams;
    private final Optional<Caller> caller;
    private final long maxBodyBytes;
    private final Path partsDir;
    private Map<String, List<String>> query;
    private InputStream body;
    private MultiPartFormData.Parts parts;

    JettyWebRequest(Request request, String path, Map<String, String> pathParams, Optional<Caller> caller,
            long maxBodyBytes, Path partsDir) {
        this.partsDir = partsDir;
        this.request = request;
        this.path = path;
        this.pathParams = Map.copyOf(pathParams);
        this.caller = caller;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public URI uri() {
        return request.getHttpURI().toURI();
    }

    @Override
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route has no path parameter " + name);
        }
        return value;
    }

    @Override
    public Optional<String> query(String name) {
        List<String> values = queryParams().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public Map<String, List<String>> queryParams() {
        if (query == null) {
            Map<String, List<String>> out = new LinkedHashMap<>();
            Fields fields;
            try {
                fields = Request.extractQueryParameters(request);
            } catch (IllegalArgumentException e) {
                throw HttpError.badRequest("bad_query", "The query string is malformed (a bad %-escape or "
                        + "not UTF-8).");
            }
            for (Fields.Field f : fields) {
                out.put(f.getName(), List.copyOf(f.getValues()));
            }
            query = Map.copyOf(out);
        }
        return query;
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeaders().get(name));
    }

    @Override
    public InputStream body() {
        if (body == null) {
            body = new LimitedInputStream(Request.asInputStream(request), maxBodyBytes);
        }
        return body;
    }

    @Override
    public byte[] bodyBytes() throws IOException {
        return body().readAllBytes();
    }

    @Override
    public List<FormPart> multipart(long maxPartBytes, int maxParts) throws IOException {
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (contentType == null || !MimeTypes.Type.MULTIPART_FORM_DATA.is(HttpField.getValueParameters(contentType, null))) {
            throw new IOException("the body is not multipart/form-data");
        }
        Files.createDirectories(partsDir);
        MultiPartConfig config = new MultiPartConfig.Builder()
                .location(partsDir)
                .maxParts(maxParts)
                .maxPartSize(maxPartBytes)
                .maxSize(maxBodyBytes)
                .maxMemoryPartSize(16 * 1024)
                .useFilesForPartsWithoutFileName(false)
                .build();
        try {
            parts = MultiPartFormData.getParts(request, request, contentType, config);
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof IllegalStateException)) {
                cause = cause.getCause();
            }
            String message = String.valueOf(cause.getMessage());
            if (message.startsWith("max file size exceeded") || message.startsWith("max length exceeded")
                    || message.startsWith("max memory file size exceeded")) {
                throw new PayloadTooLargeException(message.startsWith("max length") ? maxBodyBytes : maxPartBytes);
            }
            throw new IOException("malformed multipart body: " + message, e);
        }
        List<FormPart> out = new ArrayList<>();
        for (MultiPart.Part part : parts) {
            out.add(new JettyFormPart(part));
        }
        return out;
    }

    /** Deletes the temporary files of parsed parts. */
    void releaseParts() {
        if (parts != null) {
            parts.close();
            parts = null;
        }
    }

    /** A Jetty part as the plugin API's {@link FormPart}. */
    private static final class JettyFormPart implements FormPart {
        private final MultiPart.Part part;

        JettyFormPart(MultiPart.Part part) {
            this.part = part;
        }

        @Override
        public String name() {
            return part.getName();
        }

        @Override
        public Optional<String> fileName() {
            return Optional.ofNullable(part.getFileName());
        }

        @Override
        public String declaredContentType() {
            String type = part.getHeaders().get(HttpHeader.CONTENT_TYPE);
            return type == null ? "application/octet-stream" : type;
        }

        @Override
        public long size() {
            return part.getLength();
        }

        @Override
        public InputStream openStream() {
            return Content.Source.asInputStream(part.createContentSource());
        }
    }

    @Override
    public Optional<Caller> caller() {
        return caller;
    }

    @Override
    public String remoteAddress() {
        return Request.getRemoteAddr(request);
    }
}
