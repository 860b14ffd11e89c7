package com.chatwebsite.host.chat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Session;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.SseClient;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files during a live chat, both ways: the customer's through the widget API, the agent's through the host's agent
 * API; checked like uploads, carried by message events, and downloadable only by the chat's customer and its agent.
 */
class ChatFilesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
        0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89};

    @TempDir
    static Path dir;
    static HostStub host;
    static ChatApi api;
    static Site site;

    @BeforeAll
    static void start() {
        host = TestHost.start(dir);
        api = new ChatApi(host);
        api.setAvailable(TestHost.AGENT_TOKEN, true);
        site = api.createWebsite(ChatApi.website("Files"));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void theCustomersFileReachesTheAgentWhoDownloadsIt() {
        Session s = activeChat(api, site);
        try (SseClient agent = api.agentStream(TestHost.AGENT_TOKEN, null)) {
            Http.Reply sent = customerFile(api, s, "Invoice 7.pdf", PDF, null);
            assertEquals(201, sent.status(), sent.body());
            JsonNode file = sent.json().get("file");
            assertEquals("Invoice 7.pdf", file.get("name").asText());
            assertEquals(PDF.length, file.get("size").asLong());
            assertEquals("application/pdf", file.get("contentType").asText());
            String fileId = file.get("id").asText();

            JsonNode event = agentMessageWithFile(agent, fileId);
            assertEquals("customer", event.get("from").asText());
            assertEquals(s.id(), event.get("interactionId").asText());
            assertEquals(sent.json().get("seq").asLong(), event.get("seq").asLong());
            assertEquals(file, event.get("file"));

            JsonNode history = api.agent("GET", "/interactions/" + s.id() + "/messages", null).json();
            assertTrue(contains(history, fileId), history.toString());

            HttpResponse<byte[]> download = agentDownload(api, TestHost.AGENT_TOKEN, s.id(), fileId);
            assertEquals(200, download.statusCode());
            assertArrayEquals(PDF, download.body());
            assertEquals("application/octet-stream", header(download, "Content-Type"));
            assertTrue(header(download, "Content-Disposition").startsWith("attachment;"),
                    header(download, "Content-Disposition"));
            assertTrue(header(download, "Content-Disposition").contains("filename*=UTF-8''Invoice%207.pdf"));
            assertEquals("nosniff", header(download, "X-Content-Type-Options"));
            assertEquals("private, no-store", header(download, "Cache-Control"));

            HttpResponse<byte[]> own = customerDownload(api, s, fileId, s.token());
            assertEquals(200, own.statusCode());
            assertArrayEquals(PDF, own.body());
        }
    }

    @Test
    void theAgentsFileReachesTheCustomerWhoDownloadsItWithTheToken() {
        Session s = activeChat(api, site);
        try (SseClient customer = api.customerStream(s, null)) {
            Http.Reply sent = agentFile(api, TestHost.AGENT_TOKEN, s.id(), "chart.png", PNG, null);
            assertEquals(201, sent.status(), sent.body());
            String fileId = sent.json().get("file").get("id").asText();
            assertEquals("image/png", sent.json().get("file").get("contentType").asText());

            JsonNode event = null;
            long end = System.nanoTime() + WAIT.toNanos();
            while (event == null || !event.has("file")) {
                List<SseClient.Event> got = customer.until("message", Duration.ofNanos(end - System.nanoTime()));
                event = ChatApi.json(got.get(got.size() - 1).data());
            }
            assertEquals("agent", event.get("from").asText());
            assertEquals(fileId, event.get("file").get("id").asText());
            assertEquals("chart.png", event.get("file").get("name").asText());
            assertEquals(PNG.length, event.get("file").get("size").asLong());

            HttpResponse<byte[]> download = customerDownload(api, s, fileId, s.token());
            assertEquals(200, download.statusCode());
            assertArrayEquals(PNG, download.body());
            assertEquals("image/png", header(download, "Content-Type"), "a safe image may be shown");
            assertTrue(header(download, "Content-Disposition").startsWith("inline;"));
            assertEquals("nosniff", header(download, "X-Content-Type-Options"));
            assertEquals("private, no-store", header(download, "Cache-Control"));
            assertEquals(ChatApi.ORIGIN, header(download, "Access-Control-Allow-Origin"));
        }
    }

    @Test
    void nobodyElseFindsAChatsFile() {
        Session s = activeChat(api, site);
        Session other = activeChat(api, site);
        String fileId = customerFile(api, s, "secret.pdf", PDF, null).json().get("file").get("id").asText();
        String otherFile = customerFile(api, other, "mine.pdf", PDF, null).json().get("file").get("id").asText();

        assertEquals(404, customerDownload(api, s, fileId, other.token()).statusCode(), "another session's token");
        assertEquals(404, customerDownload(api, s, fileId, null).statusCode(), "no token");
        assertEquals(404, customerDownload(api, s, fileId, "not-a-token").statusCode(), "a wrong token");
        assertEquals(404, customerDownload(api, other, fileId, other.token()).statusCode(),
                "another session's file through one's own session");
        assertEquals(404, customerDownload(api, s, otherFile, s.token()).statusCode());
        assertEquals(404, agentDownload(api, "test-bob-token", s.id(), fileId).statusCode(), "another agent");
        assertEquals(404, agentDownload(api, TestHost.AGENT_TOKEN, other.id(), fileId).statusCode(),
                "the file through another chat the agent holds");
        assertEquals(404, api.http.get(ChatApi.PLUGIN + "/agent/uploads/" + fileId, "test-bob-token").status(),
                "nor through the uploads route");
        assertEquals(404, agentFile(api, "test-bob-token", s.id(), "x.pdf", PDF, null).status(),
                "another agent cannot send into the chat");
        Session waiting = api.openSession(site.key());
        assertEquals(404, agentFile(api, "test-bob-token", waiting.id(), "x.pdf", PDF, null).status());
    }

    @Test
    void aFileOverTenMegabytesIsRefusedWhileStreamingAndLeavesNothing() throws IOException {
        Session s = activeChat(api, site);
        long filesBefore = storedFiles();
        int messagesBefore = messages(api, s).size();
        for (String path : List.of(ChatApi.PLUGIN + "/widget/" + s.key() + "/sessions/" + s.id() + "/files",
                "/api/agent/interactions/" + s.id() + "/files")) {
            String auth = path.startsWith("/api/") ? TestHost.AGENT_TOKEN : s.token();
            int status = streamOversized(host.baseUrl(), path, auth);
            assertEquals(413, status, path);
        }
        assertEquals(messagesBefore, messages(api, s).size());
        assertEquals(filesBefore, storedFiles());
    }

    @Test
    void aFileWhoseContentIsNotWhatItsNameSaysIs415() {
        Session s = activeChat(api, site);
        long filesBefore = storedFiles();
        Http.Reply customer = customerFile(api, s, "report.pdf", PNG, null);
        assertEquals(415, customer.status(), customer.body());
        assertEquals("unsupported_file_type", customer.json().get("error").asText());
        assertTrue(customer.json().get("message").asText().contains("image/png"), customer.body());
        Http.Reply agent = agentFile(api, TestHost.AGENT_TOKEN, s.id(), "report.pdf", PNG, null);
        assertEquals(415, agent.status(), agent.body());
        Http.Reply script = customerFile(api, s, "page.html", "<html><script>alert(1)</script></html>"
                .getBytes(StandardCharsets.UTF_8), null);
        assertEquals(415, script.status(), "HTML only when the website names it");
        assertTrue(messages(api, s).stream().noneMatch(m -> m.has("file")));
        assertEquals(filesBefore, storedFiles());
    }

    @Test
    void aRetryWithTheSameClientMessageIdGivesOneMessageAndKeepsOneFile() {
        Session s = activeChat(api, site);
        long filesBefore = storedFiles();
        Http.Reply first = customerFile(api, s, "a.pdf", PDF, "cm-file-1");
        Http.Reply again = customerFile(api, s, "a.pdf", PDF, "cm-file-1");
        assertEquals(201, again.status(), again.body());
        assertEquals(first.json(), again.json());
        Http.Reply agentFirst = agentFile(api, TestHost.AGENT_TOKEN, s.id(), "b.png", PNG, "cm-agent-1");
        Http.Reply agentAgain = agentFile(api, TestHost.AGENT_TOKEN, s.id(), "b.png", PNG, "cm-agent-1");
        assertEquals(201, agentAgain.status(), agentAgain.body());
        assertEquals(agentFirst.json(), agentAgain.json());
        assertEquals(2, messages(api, s).stream().filter(m -> m.has("file")).count());
        assertEquals(filesBefore + 2, storedFiles());
    }

    @Test
    void theWebsiteSaysWhichFilesItTakes() {
        ObjectNode json = ChatApi.website("Only text");
        json.putObject("chat").put("fileAccept", ".txt");
        Site textOnly = api.createWebsite(json);
        JsonNode config = api.widget("GET", textOnly.key(), "/config", null, null).json();
        assertEquals(".txt", config.get("chatFiles").get("accept").asText());
        assertEquals(10_485_760, config.get("chatFiles").get("maxBytes").asLong());
        Session s = activeChat(api, textOnly);
        assertEquals(415, customerFile(api, s, "a.pdf", PDF, null).status());
        assertEquals(201, customerFile(api, s, "notes.txt", "hello".getBytes(StandardCharsets.UTF_8), null).status());

        ObjectNode bad = ChatApi.website("Bad");
        bad.putObject("chat").put("fileAccept", "pdf");
        Http.Reply refused = api.http.send("POST", ChatApi.PLUGIN + "/api/websites", TestHost.ADMIN_TOKEN,
                bad.toString());
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("\"field\":\"chat.fileAccept\""), refused.body());
        assertEquals(".pdf,.txt,image/png,image/jpeg,image/gif,image/webp",
                api.widget("GET", site.key(), "/config", null, null).json().get("chatFiles").get("accept").asText());
    }

    @Test
    void filesSurviveAHostRestart(@TempDir Path own) {
        String sessionId;
        String token;
        String key;
        String customerFileId;
        String agentFileId;
        try (HostStub first = TestHost.start(own)) {
            ChatApi a = new ChatApi(first);
            a.setAvailable(TestHost.AGENT_TOKEN, true);
            Site restartSite = a.createWebsite(ChatApi.website("Restart"));
            Session s = activeChat(a, restartSite);
            sessionId = s.id();
            token = s.token();
            key = s.key();
            customerFileId = customerFile(a, s, "before.pdf", PDF, null).json().get("file").get("id").asText();
            agentFileId = agentFile(a, TestHost.AGENT_TOKEN, s.id(), "reply.png", PNG, null).json()
                    .get("file").get("id").asText();
        }
        try (HostStub second = TestHost.start(own)) {
            ChatApi a = new ChatApi(second);
            Session s = new Session(key, sessionId, token);
            assertArrayEquals(PDF, agentDownload(a, TestHost.AGENT_TOKEN, sessionId, customerFileId).body());
            assertArrayEquals(PNG, customerDownload(a, s, agentFileId, token).body());
            List<JsonNode> files = messages(a, s).stream().filter(m -> m.has("file")).toList();
            assertEquals(List.of(customerFileId, agentFileId),
                    files.stream().map(m -> m.get("file").get("id").asText()).toList());
            JsonNode agentHistory = a.agent("GET", "/interactions/" + sessionId + "/messages", null).json();
            assertTrue(contains(agentHistory, customerFileId) && contains(agentHistory, agentFileId));
        }
    }

    /* ---------- helpers ---------- */

    static Session activeChat(ChatApi a, Site on) {
        Session s = a.openSession(on.key());
        Http.Reply accepted = a.agent("POST", "/interactions/" + s.id() + "/accept", null);
        assertEquals(200, accepted.status(), accepted.body());
        return s;
    }

    static Http.Reply customerFile(ChatApi a, Session s, String name, byte[] content, String clientMessageId) {
        String path = ChatApi.PLUGIN + "/widget/" + s.key() + "/sessions/" + s.id() + "/files"
                + (clientMessageId == null ? "" : "?clientMessageId=" + clientMessageId);
        return a.http.send(multipart(a.http.builder(path, s.token()).header("Origin", ChatApi.ORIGIN), name, content));
    }

    static Http.Reply agentFile(ChatApi a, String agentToken, String interactionId, String name, byte[] content,
            String clientMessageId) {
        String path = "/api/agent/interactions/" + interactionId + "/files"
                + (clientMessageId == null ? "" : "?clientMessageId=" + clientMessageId);
        return a.http.send(multipart(a.http.builder(path, agentToken), name, content));
    }

    private static HttpRequest.Builder multipart(HttpRequest.Builder b, String name, byte[] content) {
        String boundary = "----cwfiles" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return b.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    static HttpResponse<byte[]> customerDownload(ChatApi a, Session s, String fileId, String token) {
        return bytes(a.http.builder(ChatApi.PLUGIN + "/widget/" + s.key() + "/sessions/" + s.id() + "/files/" + fileId,
                token).header("Origin", ChatApi.ORIGIN).GET());
    }

    static HttpResponse<byte[]> agentDownload(ChatApi a, String agentToken, String interactionId, String fileId) {
        return bytes(a.http.builder("/api/agent/interactions/" + interactionId + "/files/" + fileId, agentToken).GET());
    }

    private static HttpResponse<byte[]> bytes(HttpRequest.Builder b) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    private static List<JsonNode> messages(ChatApi a, Session s) {
        JsonNode list = a.widget("GET", s.key(), "/sessions/" + s.id() + "/messages", null, s.token()).json();
        List<JsonNode> out = new java.util.ArrayList<>();
        list.forEach(out::add);
        return out;
    }

    private static boolean contains(JsonNode messages, String fileId) {
        for (JsonNode m : messages) {
            if (m.has("file") && m.get("file").get("id").asText().equals(fileId)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode agentMessageWithFile(SseClient agent, String fileId) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<SseClient.Event> got = agent.until("message", Duration.ofNanos(Math.max(1, end - System.nanoTime())));
            JsonNode data = ChatApi.json(got.get(got.size() - 1).data());
            if (data.has("file") && data.get("file").get("id").asText().equals(fileId)) {
                return data;
            }
        }
    }

    /** Files in the plugin's uploads folder. */
    private static long storedFiles() {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> p.getParent().getFileName().toString()
                    .equals("uploads")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends an 11 MB file, chunked (no length declared), on a plain socket; the server must refuse it with 413
     * while it streams. Returns the status.
     */
    private static int streamOversized(URI base, String path, String token) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            String boundary = "cwbig";
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nOrigin: " + ChatApi.ORIGIN
                    + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: multipart/form-data; boundary="
                    + boundary + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread writer = new Thread(() -> {
                byte[] piece = new byte[64 * 1024];
                Arrays.fill(piece, (byte) 'x');
                byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                        + "filename=\"big.txt\"\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    chunk(out, head);
                    for (long sent = 0; sent < 11L * 1024 * 1024; sent += piece.length) {
                        chunk(out, piece);
                    }
                    chunk(out, ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // the server stopped reading: what this test expects
                }
            }, "oversized-file");
            writer.setDaemon(true);
            writer.start();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            String[] status = line.toString().split(" ");
            return Integer.parseInt(status[1]);
        }
    }

    private static void chunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
}
