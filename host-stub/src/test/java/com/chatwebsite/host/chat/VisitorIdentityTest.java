package com.chatwebsite.host.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.api.host.Contact;
import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.Http;
import com.chatwebsite.host.TestHost;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed visitor identity: JWT (HS256) or HMAC of the user id, enforced by the server, linking the contact. */
class VisitorIdentityTest {

    static final String SECRET = "s3cret-s3cret-s3cret-s3cret-0001";
    static final String NEW_SECRET = "n3w-s3cret-n3w-s3cret-n3w-s3cret-02";
    static final String FIELDS = "{\"name\":\"Typed Name\",\"email\":\"typed@example.com\"}";

    @TempDir
    static Path dir;
    static HostStub host;
    static ChatApi api;

    @BeforeAll
    static void start() {
        host = TestHost.start(dir);
        api = new ChatApi(host);
        api.setAvailable(TestHost.AGENT_TOKEN, true);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void aValidJwtOpensTheChatAndLinksTheContactByExternalIdNotByTheTypedEmail() {
        Site site = api.createWebsite(website("Jwt", "required", SECRET, null));
        Contact typedOwner = host.services().contacts().create(Map.of("email", "typed@example.com"));
        String jwt = jwt(SECRET, "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"sub\":\"user-jwt-1\",\"exp\":"
                + future() + ",\"email\":\"ada@signed.example\",\"name\":\"Ada Lovelace\"}");

        Http.Reply r = open(site, "{\"jwt\":\"" + jwt + "\"}");
        assertEquals(201, r.status(), r.body());
        List<Contact> linked = host.services().contacts().findByField("externalId", "user-jwt-1");
        assertEquals(1, linked.size());
        Contact c = linked.get(0);
        assertEquals("ada@signed.example", c.fields().get("email"), "the signed e-mail wins over the typed one");
        assertEquals("Ada", c.fields().get("firstName"));
        assertEquals("Lovelace", c.fields().get("lastName"));
        assertNotEquals(typedOwner.id(), c.id());
        assertEquals(c.id(), api.supervisor(site, null).get(0).get("contactId").asText());

        // the same user again, typing someone else's e-mail: still the same contact, nothing overwritten
        Http.Reply again = open(site, "{\"jwt\":\"" + jwt(SECRET, "{\"alg\":\"HS256\"}",
                "{\"sub\":\"user-jwt-1\",\"exp\":" + future() + "}") + "\"}");
        assertEquals(201, again.status(), again.body());
        assertEquals(2, api.supervisor(site, null).size());
        api.supervisor(site, null).forEach(s -> assertEquals(c.id(), s.get("contactId").asText()));
        assertEquals("ada@signed.example", host.services().contacts().findById(c.id()).orElseThrow().fields()
                .get("email"));
        assertEquals(Map.of("email", "typed@example.com"), host.services().contacts().findById(typedOwner.id())
                .orElseThrow().fields(), "the typed e-mail's contact is untouched");
    }

    @Test
    void expiredTamperedUnsignedOrOtherAlgorithmJwtsAreRefusedAndNothingIsStored() {
        Site site = api.createWebsite(website("Refused", "required", SECRET, null));
        String header = "{\"alg\":\"HS256\"}";
        String expired = jwt(SECRET, header, "{\"sub\":\"user-bad\",\"exp\":" + (now() - 3600) + "}");
        assertRefused(site, "{\"jwt\":\"" + expired + "\"}", "expired");

        String valid = jwt(SECRET, header, "{\"sub\":\"user-bad\",\"exp\":" + future() + "}");
        String[] parts = valid.split("\\.");
        String otherPayload = b64("{\"sub\":\"user-admin\",\"exp\":" + future() + "}");
        assertRefused(site, "{\"jwt\":\"" + parts[0] + "." + otherPayload + "." + parts[2] + "\"}", "signature");
        char last = parts[2].charAt(0);
        String badSig = (last == 'A' ? 'B' : 'A') + parts[2].substring(1);
        assertRefused(site, "{\"jwt\":\"" + parts[0] + "." + parts[1] + "." + badSig + "\"}", "signature");
        assertRefused(site, "{\"jwt\":\"" + b64("{\"alg\":\"none\"}") + "." + parts[1] + ".\"}", "signature");
        assertRefused(site, "{\"jwt\":\"" + jwt(SECRET, "{\"alg\":\"HS512\"}", "{\"sub\":\"user-bad\",\"exp\":"
                + future() + "}") + "\"}", "signature");
        assertRefused(site, "{\"jwt\":\"" + jwt("another-secret-another-secret-000", header,
                "{\"sub\":\"user-bad\",\"exp\":" + future() + "}") + "\"}", "signature");
        assertRefused(site, "{\"jwt\":\"" + jwt(SECRET, header, "{\"sub\":\"user-bad\"}") + "\"}", "signature");
        assertRefused(site, "{\"jwt\":\"not.a-jwt\"}", "signature");
        assertRefused(site, "{\"jwt\":\"" + valid + "\",\"admin\":true}", "signature");
        assertTrue(host.services().contacts().findByField("externalId", "user-admin").isEmpty());
    }

    @Test
    void missingWhenRequiredOpensNothingAndTouchesNoContact() {
        Site site = api.createWebsite(website("Required", "required", SECRET, null));
        Http.Reply r = api.open(site.key(), "{\"name\":\"Eve\",\"email\":\"eve-required@example.com\"}");
        assertEquals(401, r.status(), r.body());
        assertEquals("identity", r.json().get("fields").get(0).get("field").asText());
        assertEquals("required", r.json().get("fields").get(0).get("rule").asText());
        assertEquals(0, api.supervisor(site, null).size());
        assertTrue(host.services().contacts().findByField("email", "eve-required@example.com").isEmpty());
    }

    @Test
    void anHmacOfTheUserIdOpensAndAWrongOneIsRefused() {
        Site site = api.createWebsite(website("Hmac", "required", SECRET, null));
        Http.Reply ok = open(site, "{\"userId\":\"user-hmac-1\",\"userHash\":\"" + hmacHex(SECRET, "user-hmac-1")
                + "\",\"email\":\"hmac@example.com\"}");
        assertEquals(201, ok.status(), ok.body());
        List<Contact> linked = host.services().contacts().findByField("externalId", "user-hmac-1");
        assertEquals(1, linked.size());
        assertEquals(linked.get(0).id(), api.supervisor(site, null).get(0).get("contactId").asText());

        assertRefused(site, "{\"userId\":\"user-hmac-2\",\"userHash\":\"" + hmacHex(SECRET, "user-hmac-1") + "\"}",
                "signature");
        assertRefused(site, "{\"userId\":\"user-hmac-2\",\"userHash\":\"00\"}", "signature");
        assertTrue(host.services().contacts().findByField("externalId", "user-hmac-2").isEmpty());
    }

    @Test
    void optionalTakesNoIdentityButRefusesAWrongOneAndOffIgnoresIt() {
        Site optional = api.createWebsite(website("Optional", "optional", SECRET, null));
        assertEquals(201, api.open(optional.key(), FIELDS).status());
        assertRefused(optional, "{\"userId\":\"u\",\"userHash\":\"" + hmacHex("wrong-wrong-wrong-wrong-wrong-00", "u")
                + "\"}", "signature");
        assertEquals(1, api.supervisor(optional, null).size());

        Site off = api.createWebsite(ChatApi.website("Off"));
        assertEquals(201, open(off, "{\"jwt\":\"garbage\"}").status());
    }

    @Test
    void anOfflineMessageNeedsTheIdentityTooUnlessItFollowsAVerifiedChat() {
        Site site = api.createWebsite(website("OfflineRequired", "required", SECRET, null));
        String fields = "{\"name\":\"Eve\",\"email\":\"eve-offline@example.com\",\"message\":\"Hi\"}";
        Http.Reply missing = api.widget("POST", site.key(), "/offline", "{\"fields\":" + fields + "}", null);
        assertEquals(401, missing.status(), missing.body());
        assertEquals("required", missing.json().get("fields").get(0).get("rule").asText());
        Http.Reply forged = api.widget("POST", site.key(), "/offline", "{\"fields\":" + fields
                + ",\"identity\":{\"userId\":\"user-off\",\"userHash\":\"00\"}}", null);
        assertEquals(401, forged.status(), forged.body());
        assertEquals(0, api.supervisor(site, "offline").size(), "nothing stored");
        assertTrue(host.services().contacts().findByField("email", "eve-offline@example.com").isEmpty());

        Http.Reply signed = api.widget("POST", site.key(), "/offline", "{\"fields\":" + fields
                + ",\"identity\":{\"userId\":\"user-off\",\"userHash\":\"" + hmacHex(SECRET, "user-off") + "\"}}",
                null);
        assertEquals(202, signed.status(), signed.body());
        List<Contact> linked = host.services().contacts().findByField("externalId", "user-off");
        assertEquals(1, linked.size(), "the verified user id links the contact");
        assertEquals(linked.get(0).id(), api.supervisor(site, "offline").get(0).get("contactId").asText());

        // after a verified chat, its token stands for the identity
        Http.Reply chat = open(site, "{\"userId\":\"user-off\",\"userHash\":\"" + hmacHex(SECRET, "user-off") + "\"}");
        assertEquals(201, chat.status(), chat.body());
        Http.Reply following = api.widget("POST", site.key(), "/offline", "{\"fields\":" + fields + ",\"sessionId\":\""
                + chat.json().get("sessionId").asText() + "\"}", chat.json().get("token").asText());
        assertEquals(202, following.status(), following.body());
        assertEquals(2, api.supervisor(site, "offline").size());
    }

    @Test
    void aRotatedSecretAcceptsThePreviousOneUntilItIsCleared() {
        Site site = api.createWebsite(website("Rotate", "required", SECRET, null));
        String oldHash = "{\"userId\":\"user-rot\",\"userHash\":\"" + hmacHex(SECRET, "user-rot") + "\"}";
        String newHash = "{\"userId\":\"user-rot\",\"userHash\":\"" + hmacHex(NEW_SECRET, "user-rot") + "\"}";
        assertEquals(201, open(site, oldHash).status());
        assertRefused(site, newHash, "signature");

        assertEquals(200, api.updateWebsite(site, website("Rotate", "required", NEW_SECRET, SECRET)).status());
        assertEquals(201, open(site, oldHash).status(), "the previous secret is still accepted");
        assertEquals(201, open(site, newHash).status());

        ObjectNode cleared = website("Rotate", "required", null, null);
        ((ObjectNode) cleared.get("identity")).put("previousSecret", "");
        Http.Reply saved = api.updateWebsite(site, cleared);
        assertEquals(200, saved.status(), saved.body());
        assertTrue(saved.json().get("identity").get("secretSet").asBoolean(), "a secret left out is kept");
        assertFalse(saved.json().get("identity").get("previousSecretSet").asBoolean());
        assertRefused(site, oldHash, "signature");
        assertEquals(201, open(site, newHash).status());
    }

    @Test
    void theSecretsNeverLeaveThroughTheAdminApi() {
        Site site = api.createWebsite(website("Masked", "optional", SECRET, NEW_SECRET));
        for (String path : List.of("/api/websites/" + site.id(), "/api/websites")) {
            Http.Reply r = api.http.get(ChatApi.PLUGIN + path, TestHost.ADMIN_TOKEN);
            assertEquals(200, r.status());
            assertFalse(r.body().contains(SECRET) || r.body().contains(NEW_SECRET), path);
        }
        JsonNode identity = api.http.get(ChatApi.PLUGIN + "/api/websites/" + site.id(), TestHost.ADMIN_TOKEN).json()
                .get("identity");
        assertEquals("optional", identity.get("mode").asText());
        assertTrue(identity.get("secretSet").asBoolean());
        assertTrue(identity.get("previousSecretSet").asBoolean());
        assertFalse(identity.has("secret"));
        Http.Reply snippet = api.http.get(ChatApi.PLUGIN + "/api/websites/" + site.id() + "/snippet",
                TestHost.ADMIN_TOKEN);
        assertTrue(snippet.body().contains("window.ChatWebsiteIdentity"));
        assertFalse(snippet.body().contains(SECRET));
    }

    @Test
    void aModeOtherThanOffNeedsALongEnoughSecret() {
        Http.Reply none = api.http.send("POST", ChatApi.PLUGIN + "/api/websites", TestHost.ADMIN_TOKEN,
                website("NoSecret", "required", null, null).toString());
        assertEquals(400, none.status());
        assertEquals("identity.secret", none.json().get("fields").get(0).get("field").asText());
        Http.Reply shortOne = api.http.send("POST", ChatApi.PLUGIN + "/api/websites", TestHost.ADMIN_TOKEN,
                website("Short", "required", "short", null).toString());
        assertEquals(400, shortOne.status());
        assertEquals("minLength", shortOne.json().get("fields").get(0).get("rule").asText());
    }

    private static void assertRefused(Site site, String identity, String rule) {
        int before = api.supervisor(site, null).size();
        Http.Reply r = open(site, identity);
        assertEquals(401, r.status(), r.body());
        assertEquals("identity", r.json().get("fields").get(0).get("field").asText(), r.body());
        assertEquals(rule, r.json().get("fields").get(0).get("rule").asText(), r.body());
        assertEquals(before, api.supervisor(site, null).size(), "nothing stored");
    }

    private static Http.Reply open(Site site, String identityJson) {
        return api.widget("POST", site.key(), "/sessions", "{\"fields\":" + FIELDS + ",\"page\":\"" + ChatApi.ORIGIN
                + "/cart\",\"identity\":" + identityJson + "}", null);
    }

    static ObjectNode website(String name, String mode, String secret, String previous) {
        ObjectNode w = ChatApi.website(name);
        ObjectNode identity = w.putObject("identity").put("mode", mode);
        if (secret != null) {
            identity.put("secret", secret);
        }
        if (previous != null) {
            identity.put("previousSecret", previous);
        }
        return w;
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    static long future() {
        return now() + 600;
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String jwt(String secret, String header, String payload) {
        String signed = b64(header) + "." + b64(payload);
        return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(secret, signed));
    }

    static String hmacHex(String secret, String data) {
        return HexFormat.of().formatHex(hmac(secret, data));
    }

    static byte[] hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
