package com.chatwebsite.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The baseline: a bare Jetty 12 server that relays chat messages between two event streams, with
 * no plugin, no database and no authentication; what the product's numbers are compared to.
 *
 * <ul>
 *   <li>{@code GET /a/{chat}/events}, {@code GET /b/{chat}/events}: {@code text/event-stream} of
 *       {@code message} events ({@code {"seq","from","text","at","clientMessageId"}}, id = seq).</li>
 *   <li>{@code POST /a/{chat}/messages} {@code {"text","clientMessageId"}}: delivered to the
 *       {@code b} streams of the chat and echoed on the {@code a} streams (as the product echoes a
 *       message on the sender's own stream), answering {@code 201 {"seq":n}}; and the other way
 *       round for {@code POST /b/{chat}/messages}.</li>
 *   <li>{@code GET /health}: {@code 200 {"status":"UP"}}.</li>
 * </ul>
 *
 * <p>Same server settings as the host-stub: a 200-thread {@link QueuedThreadPool}, one HTTP/1.1
 * connector, JSON through Jackson, each stream written by one {@link IteratingCallback} from a queue.
 * Run: {@code java -cp bench.jar com.chatwebsite.bench.BaselineServer <port>}.
 */
public final class BaselineServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] KEEP_ALIVE = ":\n\n".getBytes(StandardCharsets.UTF_8);

    private BaselineServer() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("baseline-http");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        connector.setIdleTimeout(60_000);
        server.addConnector(connector);
        Relay relay = new Relay();
        server.setHandler(relay);
        server.setStopTimeout(2_000);
        server.start();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "baseline-keepalive");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(relay::keepAlive, 15, 15, TimeUnit.SECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
            } catch (Exception e) {
                // exiting anyway
            }
        }, "baseline-shutdown"));
        System.out.println("baseline relay listening on 127.0.0.1:" + connector.getLocalPort());
        server.join();
    }

    /** One chat: its sequence and the streams of both sides. */
    private static final class Chat {
        long seq;
        final Set<Stream> a = ConcurrentHashMap.newKeySet();
        final Set<Stream> b = ConcurrentHashMap.newKeySet();
    }

    private static final class Relay extends Handler.Abstract {
        private final Map<String, Chat> chats = new ConcurrentHashMap<>();
        private final Set<Stream> all = ConcurrentHashMap.newKeySet();

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String path = request.getHttpURI().getPath();
            String[] parts = path == null ? new String[0] : path.substring(1).split("/");
            String method = request.getMethod();
            if (parts.length == 1 && parts[0].equals("health") && method.equals("GET")) {
                json(response, callback, 200, "{\"status\":\"UP\"}");
                return true;
            }
            if (parts.length != 3 || !(parts[0].equals("a") || parts[0].equals("b"))) {
                json(response, callback, 404, "{\"error\":\"not_found\"}");
                return true;
            }
            boolean sideA = parts[0].equals("a");
            Chat chat = chats.computeIfAbsent(parts[1], k -> new Chat());
            if (parts[2].equals("events") && method.equals("GET")) {
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream;charset=utf-8");
                response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
                Stream stream = new Stream(response, callback);
                Set<Stream> side = sideA ? chat.a : chat.b;
                side.add(stream);
                all.add(stream);
                stream.onClose = () -> {
                    side.remove(stream);
                    all.remove(stream);
                };
                request.addFailureListener(stream::fail);
                stream.enqueue(ByteBuffer.wrap(KEEP_ALIVE)); // commits the headers at once
                return true;
            }
            if (parts[2].equals("messages") && method.equals("POST")) {
                String body = Content.Source.asString(request, StandardCharsets.UTF_8);
                Map<?, ?> in = JSON.readValue(body, Map.class);
                if (!(in.get("text") instanceof String text)) {
                    json(response, callback, 400, "{\"error\":\"invalid_message\"}");
                    return true;
                }
                Object cid = in.get("clientMessageId");
                long seq;
                synchronized (chat) {
                    seq = ++chat.seq;
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("seq", seq);
                    data.put("from", sideA ? "customer" : "agent");
                    data.put("text", text);
                    data.put("at", Instant.now().toString());
                    data.put("clientMessageId", cid);
                    byte[] event = ("id: " + seq + "\nevent: message\ndata: " + JSON.writeValueAsString(data) + "\n\n")
                            .getBytes(StandardCharsets.UTF_8);
                    for (Stream s : sideA ? chat.b : chat.a) {
                        s.enqueue(ByteBuffer.wrap(event));
                    }
                    for (Stream s : sideA ? chat.a : chat.b) {
                        s.enqueue(ByteBuffer.wrap(event));
                    }
                }
                json(response, callback, 201, "{\"seq\":" + seq + "}");
                return true;
            }
            json(response, callback, 405, "{\"error\":\"method_not_allowed\"}");
            return true;
        }

        void keepAlive() {
            for (Stream s : all) {
                s.enqueue(ByteBuffer.wrap(KEEP_ALIVE));
            }
        }

        private static void json(Response response, Callback callback, int status, String body) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        }
    }

    /** An open event stream: a queue written in order by one iterating callback, never blocking a sender. */
    private static final class Stream extends IteratingCallback {
        private final Response response;
        private final Callback done;
        private final Queue<ByteBuffer> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean closed = new AtomicBoolean();
        volatile Runnable onClose = () -> { };

        Stream(Response response, Callback done) {
            this.response = response;
            this.done = done;
        }

        void enqueue(ByteBuffer buffer) {
            if (closed.get()) {
                return;
            }
            queue.offer(buffer);
            iterate();
        }

        void fail(Throwable cause) {
            markClosed();
            abort(cause);
        }

        private void markClosed() {
            if (closed.compareAndSet(false, true)) {
                onClose.run();
            }
        }

        @Override
        protected Action process() {
            ByteBuffer next = queue.poll();
            if (next != null) {
                response.write(false, next, this);
                return Action.SCHEDULED;
            }
            return Action.IDLE;
        }

        @Override
        protected void onCompleteSuccess() {
            done.succeeded();
        }

        @Override
        protected void onCompleteFailure(Throwable cause) {
            markClosed();
            queue.clear();
            done.failed(cause);
        }
    }
}
