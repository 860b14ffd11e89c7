package com.chatwebsite.host.web;

import com.chatwebsite.api.web.Caller;
import com.chatwebsite.api.web.WebRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/** A Jetty request as a plugin sees it. */
final class JettyWebRequest implements WebRequest {

    private final Request request;
    private final String path;
    private final Map<String, String> pathParams;
    private final Optional<Caller> caller;
    private final long maxBodyBytes;
    private Map<String, List<String>> query;
    private InputStream body;

    JettyWebRequest(Request request, String path, Map<String, String> pathParams, Optional<Caller> caller,
            long maxBodyBytes) {
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
            Fields fields = Request.extractQueryParameters(request);
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
    public Optional<Caller> caller() {
        return caller;
    }

    @Override
    public String remoteAddress() {
        return Request.getRemoteAddr(request);
    }
}
