package com.chatwebsite.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal HTTP/1.1 client for the load itself. The JDK {@code HttpClient} could not generate the
 * load on a 2-core machine (about 1,900 requests/s at most, with seconds of queueing inside the
 * client, against a server that answers in 0.1 ms), so the hot paths use plain sockets:
 * {@link Streams} reads any number of event streams on one selector thread, {@link Pool} sends
 * requests over a fixed set of keep-alive connections, one blocking thread each.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** A request's bytes on the wire. */
    static byte[] request(String method, InetSocketAddress to, String pathAndQuery, String[] headers, String body) {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256);
        head.append(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\nHost: ")
                .append(to.getHostString()).append(':').append(to.getPort()).append("\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(payload.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[h.length + payload.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(payload, 0, out, h.length, payload.length);
        return out;
    }

    // ------------------------------------------------------------------ event streams

    /** Event streams, all read by one selector thread. */
    static final class Streams implements AutoCloseable {
        private final Selector selector;
        private final Queue<Conn> pending = new ConcurrentLinkedQueue<>();
        private final Thread thread;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);
        private final byte[] bytes = new byte[256 * 1024];
        private volatile boolean closed;

        Streams() throws IOException {
            selector = Selector.open();
            thread = new Thread(this::loop, "bench-sse-reader");
            thread.setDaemon(true);
            thread.start();
        }

        /**
         * Opens a stream: connects and sends the request from the calling thread, then reads on the
         * selector thread.
         *
         * @return completes with the status when the response headers arrive
         */
        CompletableFuture<Integer> open(InetSocketAddress to, String pathAndQuery, String[] headers,
                Http.LineListener listener, Http.StreamCounts counts) {
            CompletableFuture<Integer> status = new CompletableFuture<>();
            SocketChannel ch = null;
            try {
                ch = SocketChannel.open();
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ch.socket().connect(to, 10_000);
                String[] all = new String[headers.length + 2];
                System.arraycopy(headers, 0, all, 0, headers.length);
                all[headers.length] = "Accept";
                all[headers.length + 1] = "text/event-stream";
                ByteBuffer req = ByteBuffer.wrap(request("GET", to, pathAndQuery, all, null));
                while (req.hasRemaining()) {
                    ch.write(req);
                }
                ch.configureBlocking(false);
                pending.add(new Conn(ch, listener, counts, status));
                selector.wakeup();
            } catch (IOException | RuntimeException e) {
                if (ch != null) {
                    try {
                        ch.close();
                    } catch (IOException ignored) {
                        // failing anyway
                    }
                }
                status.completeExceptionally(e);
            }
            return status;
        }

        private void loop() {
            try {
                while (!closed) {
                    selector.select(1_000);
                    Conn c;
                    while ((c = pending.poll()) != null) {
                        try {
                            c.key = c.channel.register(selector, SelectionKey.OP_READ, c);
                        } catch (IOException e) {
                            c.end(e);
                        }
                    }
                    for (SelectionKey k : selector.selectedKeys()) {
                        Conn conn = (Conn) k.attachment();
                        try {
                            buffer.clear();
                            int n = conn.channel.read(buffer);
                            if (n < 0) {
                                conn.end(null);
                                continue;
                            }
                            long now = System.nanoTime();
                            buffer.flip();
                            buffer.get(bytes, 0, n);
                            conn.feed(bytes, n, now);
                        } catch (IOException | RuntimeException e) {
                            conn.end(e);
                        }
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException | ClosedSelectorException e) {
                // closing
            }
        }

        @Override
        public void close() {
            closed = true;
            try {
                for (SelectionKey k : selector.keys()) {
                    ((Conn) k.attachment()).end(null);
                }
                selector.close();
            } catch (IOException | ClosedSelectorException e) {
                // closing anyway
            }
        }
    }

    /** One event stream's parser: status and headers, chunked framing, then lines. */
    private static final class Conn {
        private static final int HEAD = 0;
        private static final int SIZE = 1;
        private static final int DATA = 2;
        private static final int DATA_END = 3;
        private static final int RAW = 4;

        final SocketChannel channel;
        final Http.LineListener listener;
        final Http.StreamCounts counts;
        final CompletableFuture<Integer> status;
        SelectionKey key;
        private int state = HEAD;
        private boolean chunked;
        private int code;
        private long chunkLeft;
        private byte[] line = new byte[256];
        private int lineLength;
        private final StringBuilder sizeLine = new StringBuilder();
        private final ByteArrayOutputStream head = new ByteArrayOutputStream();
        private boolean ended;
        private int last4;

        Conn(SocketChannel channel, Http.LineListener listener, Http.StreamCounts counts,
                CompletableFuture<Integer> status) {
            this.channel = channel;
            this.listener = listener;
            this.counts = counts;
            this.status = status;
        }

        void feed(byte[] b, int n, long now) throws IOException {
            int i = 0;
            while (i < n) {
                switch (state) {
                    case HEAD -> {
                        while (i < n && state == HEAD) {
                            byte x = b[i++];
                            head.write(x);
                            last4 = (last4 << 8) | (x & 0xff);
                            if (last4 == 0x0d0a0d0a) {
                                headers(head.toString(StandardCharsets.ISO_8859_1));
                                if (code != 200) {
                                    end(null);
                                    return;
                                }
                            } else if (head.size() > 64 * 1024) {
                                throw new IOException("response headers too long");
                            }
                        }
                    }
                    case SIZE -> {
                        byte x = b[i++];
                        if (x == '\n') {
                            String hex = sizeLine.toString().strip();
                            int semi = hex.indexOf(';');
                            chunkLeft = Long.parseLong(semi >= 0 ? hex.substring(0, semi) : hex, 16);
                            sizeLine.setLength(0);
                            if (chunkLeft == 0) {
                                end(null);
                                return;
                            }
                            state = DATA;
                        } else if (x != '\r') {
                            sizeLine.append((char) x);
                        }
                    }
                    case DATA -> {
                        int take = (int) Math.min(chunkLeft, n - i);
                        lines(b, i, take, now);
                        i += take;
                        chunkLeft -= take;
                        if (chunkLeft == 0) {
                            state = DATA_END;
                        }
                    }
                    case DATA_END -> {
                        if (b[i++] == '\n') {
                            state = SIZE;
                        }
                    }
                    default -> {
                        lines(b, i, n - i, now);
                        i = n;
                    }
                }
            }
        }

        private void headers(String text) {
            String[] rows = text.split("\r\n");
            String[] first = rows[0].split(" ");
            code = first.length > 1 ? Integer.parseInt(first[1]) : -1;
            for (int r = 1; r < rows.length; r++) {
                String l = rows[r].toLowerCase(Locale.ROOT);
                if (l.startsWith("transfer-encoding:") && l.contains("chunked")) {
                    chunked = true;
                }
            }
            state = chunked ? SIZE : RAW;
            if (code == 200) {
                counts.open.increment();
            }
            status.complete(code);
        }

        private void lines(byte[] b, int from, int length, long now) {
            for (int k = from; k < from + length; k++) {
                byte x = b[k];
                if (x == '\n') {
                    int len = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
                    listener.line(new String(line, 0, len, StandardCharsets.UTF_8), now);
                    lineLength = 0;
                } else {
                    if (lineLength == line.length) {
                        byte[] bigger = new byte[line.length * 2];
                        System.arraycopy(line, 0, bigger, 0, lineLength);
                        line = bigger;
                    }
                    line[lineLength++] = x;
                }
            }
        }

        void end(Throwable cause) {
            if (ended) {
                return;
            }
            ended = true;
            if (key != null) {
                key.cancel();
            }
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing
            }
            if (status.isDone() && status.getNow(-1) == 200) {
                counts.open.decrement();
                counts.ended.increment();
            }
            if (!status.isDone()) {
                status.completeExceptionally(cause != null ? cause : new EOFException("the stream ended"));
            }
        }
    }

    // ------------------------------------------------------------------ request pool

    /** A response. */
    record Response(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Requests over a fixed set of keep-alive connections, each with its own blocking thread. */
    static final class Pool implements AutoCloseable {
        private record Job(byte[] request, CompletableFuture<Response> result) {
        }

        private final InetSocketAddress to;
        private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
        private final List<Thread> workers = new ArrayList<>();
        private final AtomicInteger busy = new AtomicInteger();
        private volatile boolean closed;

        Pool(String name, InetSocketAddress to, int connections) {
            this.to = to;
            for (int i = 0; i < connections; i++) {
                Thread t = new Thread(this::work, "bench-" + name + "-conn-" + i);
                t.setDaemon(true);
                workers.add(t);
                t.start();
            }
        }

        InetSocketAddress address() {
            return to;
        }

        CompletableFuture<Response> send(String method, String pathAndQuery, String[] headers, String body) {
            return submit(request(method, to, pathAndQuery, headers, body));
        }

        CompletableFuture<Response> submit(byte[] request) {
            CompletableFuture<Response> f = new CompletableFuture<>();
            if (closed) {
                f.completeExceptionally(new IOException("the pool is closed"));
            } else {
                queue.add(new Job(request, f));
            }
            return f;
        }

        int queued() {
            return queue.size();
        }

        int busy() {
            return busy.get();
        }

        /** Drops what waits in the queue (each fails); answers how many. */
        int dropQueued() {
            List<Job> dropped = new ArrayList<>();
            queue.drainTo(dropped);
            for (Job j : dropped) {
                j.result().completeExceptionally(new IOException("dropped: not sent before the run ended"));
            }
            return dropped.size();
        }

        private void work() {
            Socket socket = null;
            InputStream in = null;
            OutputStream out = null;
            while (!closed) {
                Job job;
                try {
                    job = queue.poll(500, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                if (job == null) {
                    continue;
                }
                busy.incrementAndGet();
                try {
                    for (int attempt = 0; ; attempt++) {
                        boolean fresh = socket == null;
                        try {
                            if (socket == null) {
                                socket = new Socket();
                                socket.setTcpNoDelay(true);
                                socket.setSoTimeout(30_000);
                                socket.connect(to, 10_000);
                                in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                                out = socket.getOutputStream();
                            }
                            out.write(job.request());
                            out.flush();
                            boolean[] close = new boolean[1];
                            Response r = read(in, close);
                            if (close[0]) {
                                closeQuietly(socket);
                                socket = null;
                            }
                            job.result().complete(r);
                            break;
                        } catch (IOException e) {
                            closeQuietly(socket);
                            socket = null;
                            // A kept-alive connection the server closed meanwhile: retry once on a new one.
                            if (fresh || attempt > 0 || e instanceof java.net.SocketTimeoutException) {
                                job.result().completeExceptionally(e);
                                break;
                            }
                        }
                    }
                } finally {
                    busy.decrementAndGet();
                }
            }
            closeQuietly(socket);
        }

        private static void closeQuietly(Socket s) {
            if (s != null) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }

        private static Response read(InputStream in, boolean[] close) throws IOException {
            String statusLine = line(in);
            String[] parts = statusLine.split(" ");
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP response: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            long length = -1;
            boolean chunked = false;
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                String l = h.toLowerCase(Locale.ROOT);
                if (l.startsWith("content-length:")) {
                    length = Long.parseLong(l.substring(15).strip());
                } else if (l.startsWith("transfer-encoding:") && l.contains("chunked")) {
                    chunked = true;
                } else if (l.startsWith("connection:") && l.contains("close")) {
                    close[0] = true;
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                while (true) {
                    String size = line(in);
                    int semi = size.indexOf(';');
                    long n = Long.parseLong((semi >= 0 ? size.substring(0, semi) : size).strip(), 16);
                    if (n == 0) {
                        while (!line(in).isEmpty()) {
                            // trailers
                        }
                        break;
                    }
                    copy(in, body, n);
                    line(in);
                }
            } else if (length >= 0) {
                copy(in, body, length);
            } else if (status != 204 && status != 304) {
                in.transferTo(body);
                close[0] = true;
            }
            return new Response(status, body.toByteArray());
        }

        private static void copy(InputStream in, ByteArrayOutputStream out, long n) throws IOException {
            byte[] buf = new byte[(int) Math.min(8192, Math.max(1, n))];
            while (n > 0) {
                int r = in.read(buf, 0, (int) Math.min(buf.length, n));
                if (r < 0) {
                    throw new EOFException("the body ended early");
                }
                out.write(buf, 0, r);
                n -= r;
            }
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder s = new StringBuilder(64);
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    int len = s.length();
                    return len > 0 && s.charAt(len - 1) == '\r' ? s.substring(0, len - 1) : s.toString();
                }
                s.append((char) c);
                if (s.length() > 64 * 1024) {
                    throw new IOException("line too long");
                }
            }
            throw new EOFException("the connection closed");
        }

        @Override
        public void close() {
            closed = true;
            dropQueued();
            for (Thread t : workers) {
                t.interrupt();
            }
        }
    }
}
