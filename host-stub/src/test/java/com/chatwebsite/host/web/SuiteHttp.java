package com.chatwebsite.host.web;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP/1.1 over a plain socket, byte for byte, for requests an HTTP client would fix up or refuse to
 * send: duplicated or bad {@code Content-Length}, NUL in a header, {@code ..;} and {@code %2e%2e} in
 * paths, huge headers, bodies cut short or sent slowly.
 *
 * <p>Each exchange uses its own connection ({@code Connection: close}) from its own loopback address
 * (127.1.x.y), so that per-client limits (a rate limit, a lock-out after failed tokens) neither answer
 * a case in place of its input nor spill over to the next case.
 */
final class SuiteHttp {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);
    private static final int READ_TIMEOUT_MILLIS = 20_000;
    private static final int MAX_BODY = 4 * 1024 * 1024;

    private final String host;
    private final int port;

    SuiteHttp(URI base) {
        this.host = base.getHost();
        this.port = base.getPort();
    }

    String authority() {
        return host + ":" + port;
    }

    /** What the server answered; {@code failure} when it answered nothing readable. */
    record Answer(int status, Map<String, List<String>> headers, byte[] body, boolean streamOpened, String failure) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        List<String> headerValues(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** One line for failure messages. */
        String summary() {
            if (failure != null) {
                return "no answer: " + failure;
            }
            String bodyText = text();
            if (bodyText.length() > 600) {
                bodyText = bodyText.substring(0, 600) + "… (" + body.length + " bytes)";
            }
            return status + " Content-Type=" + header("Content-Type") + " X-Content-Type-Options="
                    + header("X-Content-Type-Options") + (streamOpened ? " (event stream opened)" : "")
                    + " body=" + bodyText.replace("\r", "\\r").replace("\n", "\\n");
        }
    }

    /** A request written exactly as built. */
    static final class Request {
        private final String method;
        private final String target;
        private final List<String[]> headers = new ArrayList<>();
        private byte[] body = new byte[0];
        private boolean contentLength = true;
        private boolean chunked;
        private Long declaredLength;
        private boolean hostHeader = true;
        private int pieces = 1;
        private Duration pause = Duration.ZERO;
        private boolean endInputAfterBody;

        private Request(String method, String target) {
            this.method = method;
            this.target = target;
        }

        String method() {
            return method;
        }

        String target() {
            return target;
        }

        /** Adds a header as given, whatever its characters. */
        Request header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        boolean hasHeader(String name) {
            return headers.stream().anyMatch(h -> h[0].equalsIgnoreCase(name));
        }

        Request removeHeader(String name) {
            headers.removeIf(h -> h[0].equalsIgnoreCase(name));
            return this;
        }

        Request body(byte[] bytes) {
            this.body = bytes;
            return this;
        }

        Request body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        byte[] bodyBytes() {
            return body;
        }

        /** Sends no {@code Content-Length} of its own (the case writes its own, or none). */
        Request noContentLength() {
            this.contentLength = false;
            return this;
        }

        /** Declares this length instead of the body's. */
        Request declaredLength(long length) {
            this.declaredLength = length;
            return this;
        }

        /** Sends the body with {@code Transfer-Encoding: chunked} in chunks of 8 KiB. */
        Request chunked() {
            this.chunked = true;
            return this;
        }

        Request noHostHeader() {
            this.hostHeader = false;
            return this;
        }

        /** Writes the whole request in this many pieces with a pause between them. */
        Request slowly(int count, Duration between) {
            this.pieces = count;
            this.pause = between;
            return this;
        }

        /** Shuts the connection's output down after the body, before the server has read what it expects. */
        Request endInputAfterBody() {
            this.endInputAfterBody = true;
            return this;
        }

        byte[] bytes(String authority) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            StringBuilder head = new StringBuilder();
            head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            if (hostHeader) {
                head.append("Host: ").append(authority).append("\r\n");
            }
            for (String[] h : headers) {
                head.append(h[0]).append(": ").append(h[1]).append("\r\n");
            }
            if (chunked) {
                head.append("Transfer-Encoding: chunked\r\n");
            } else if (contentLength && (body.length > 0 || declaredLength != null || needsLength())) {
                head.append("Content-Length: ").append(declaredLength != null ? declaredLength : body.length)
                        .append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (chunked) {
                for (int i = 0; i < body.length; i += 8192) {
                    int n = Math.min(8192, body.length - i);
                    out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body, i, n);
                    out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            } else {
                out.writeBytes(body);
            }
            return out.toByteArray();
        }

        private boolean needsLength() {
            return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        }
    }

    static Request request(String method, String target) {
        return new Request(method, target);
    }

    /**
     * Sends a request on a new connection and reads the answer. An event stream that opens is closed
     * once its headers are read.
     */
    Answer exchange(Request request) {
        byte[] bytes = request.bytes(authority());
        try (Socket socket = new Socket()) {
            bindToOwnLoopbackAddress(socket);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            String writeFailure = write(socket, bytes, request);
            try {
                return read(new BufferedInputStream(socket.getInputStream()));
            } catch (IOException e) {
                return new Answer(0, Map.of(), new byte[0], false, e.getClass().getSimpleName() + " reading ("
                        + e.getMessage() + ")" + (writeFailure == null ? "" : "; writing failed: " + writeFailure));
            }
        } catch (IOException e) {
            return new Answer(0, Map.of(), new byte[0], false, "cannot connect: " + e);
        }
    }

    private static void bindToOwnLoopbackAddress(Socket socket) {
        int n = NEXT_ADDRESS.getAndIncrement() % 65_000 + 1;
        try {
            socket.bind(new InetSocketAddress(InetAddress.getByAddress(
                    new byte[] {127, 1, (byte) (n >> 8), (byte) (n & 0xff)}), 0));
        } catch (IOException e) {
            // not Linux-style loopback: every case comes from 127.0.0.1
        }
    }

    /** Writes the request; a server that answers early and closes may cut the write short. */
    private static String write(Socket socket, byte[] bytes, Request request) {
        try {
            OutputStream out = socket.getOutputStream();
            int pieces = Math.max(1, request.pieces);
            int size = (bytes.length + pieces - 1) / pieces;
            for (int i = 0; i < bytes.length; i += size) {
                out.write(bytes, i, Math.min(size, bytes.length - i));
                out.flush();
                if (i + size < bytes.length && !request.pause.isZero()) {
                    Thread.sleep(request.pause.toMillis());
                }
            }
            if (request.endInputAfterBody) {
                socket.shutdownOutput();
            }
            return null;
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            return new Answer(0, Map.of(), new byte[0], false, "the connection closed without an answer");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            return new Answer(0, Map.of(), new byte[0], false, "not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String h;
        while ((h = line(in)) != null && !h.isEmpty()) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(h.substring(colon + 1).trim());
            }
        }
        String type = first(headers, "content-type");
        if (status >= 200 && status < 300 && type != null && type.startsWith("text/event-stream")) {
            return new Answer(status, headers, new byte[0], true, null);
        }
        if (status == 204 || status == 304 || status / 100 == 1) {
            return new Answer(status, headers, new byte[0], false, null);
        }
        byte[] body;
        try {
            String te = first(headers, "transfer-encoding");
            String cl = first(headers, "content-length");
            if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
                body = chunkedBody(in);
            } else if (cl != null) {
                body = in.readNBytes(Math.min(MAX_BODY, Integer.parseInt(cl)));
            } else {
                body = in.readNBytes(MAX_BODY);
            }
        } catch (SocketTimeoutException e) {
            return new Answer(status, headers, new byte[0], false, "the body did not end within "
                    + READ_TIMEOUT_MILLIS + " ms");
        }
        return new Answer(status, headers, body, false, null);
    }

    private static byte[] chunkedBody(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < MAX_BODY) {
            String sizeLine = line(in);
            if (sizeLine == null) {
                break;
            }
            int semi = sizeLine.indexOf(';');
            int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
            if (size == 0) {
                while (true) {
                    String trailer = line(in);
                    if (trailer == null || trailer.isEmpty()) {
                        break;
                    }
                }
                break;
            }
            out.writeBytes(in.readNBytes(size));
            line(in);
        }
        return out.toByteArray();
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = out.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            }
            out.write(b);
            if (out.size() > 64 * 1024) {
                throw new IOException("header line over 64 KiB");
            }
        }
        return out.size() == 0 ? null : out.toString(StandardCharsets.ISO_8859_1);
    }
}
