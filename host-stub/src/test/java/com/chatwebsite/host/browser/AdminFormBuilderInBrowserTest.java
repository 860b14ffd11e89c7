package com.chatwebsite.host.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatwebsite.host.ChatApi;
import com.chatwebsite.host.ChatApi.Site;
import com.chatwebsite.host.FieldTypePlugins;
import com.chatwebsite.host.HostConfig;
import com.chatwebsite.host.HostStub;
import com.chatwebsite.host.Poll;
import com.chatwebsite.host.TestHost;
import com.chatwebsite.host.TestPlugins;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin page's form builder in Chromium is rendered from the host's catalogue of field types:
 * the Type select lists the catalogue, each type's properties are its descriptors, and a section
 * whose type is not installed is flagged with the server's problem, read-only and deletable. The
 * plugins {@code phone-types} and {@code more-types} contribute types beside the chat plugin's own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminFormBuilderInBrowserTest {

    private static final String EDITOR_FIELDS = "#field-editor-fields .sf-field[data-key]";

    @TempDir
    static Path dir;
    static HostStub host;
    static ChatApi api;
    static String base;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        HostConfig config = TestHost.config(dir, Optional.empty(), Optional.empty());
        TestPlugins.compile(FieldTypePlugins.phoneTypes(), dir, config.pluginsDir().resolve("phone-types.jar"));
        TestPlugins.compile(FieldTypePlugins.moreTypes(), dir, config.pluginsDir().resolve("more-types.jar"));
        host = HostStub.start(config, Clock.systemUTC());
        api = new ChatApi(host);
        base = host.baseUrl().toString();
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    @Order(1)
    void theTypeSelectListsTheCatalogueAndEachTypeShowsItsOwnProperties() {
        JsonNode catalog = api.http.get("/api/form-field-types", TestHost.ADMIN_TOKEN).json().get("types");
        List<String> names = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        catalog.forEach(t -> {
            names.add(t.get("name").asText());
            labels.add(t.get("label").asText());
        });
        assertTrue(names.containsAll(List.of("phone", "note", "rating")), names.toString());
        Site site = api.createWebsite(ChatApi.website("Catalogue shop"));
        try (Browser admin = builder(site)) {
            admin.click("#add-field");
            Select type = new Select(admin.visible("#field-type"));
            assertEquals(names, type.getOptions().stream().map(o -> o.getAttribute("value")).toList());
            assertEquals(labels, type.getOptions().stream().map(o -> o.getAttribute("textContent")).toList());

            type.selectByValue("phone");
            admin.until(d -> editorKeys(d).equals(List.of("name", "label", "required", "mapTo.contact",
                    "mapTo.variable", "pattern", "maxlength")));
            assertEquals("20", admin.visible("#field-editor [name='maxlength']").getAttribute("value"),
                    "the descriptor's default");
            assertEquals("number", admin.visible("#field-editor [name='maxlength']").getAttribute("type"),
                    "an integer descriptor is a number input");
            admin.type("#field-editor [name='name']", "mobile");
            admin.type("#field-editor [name='pattern']", "[0-9 ]+");

            new Select(admin.visible("#field-type")).selectByValue("rating");
            admin.until(d -> editorKeys(d).equals(List.of("name", "label", "required", "mapTo.variable", "options")));
            assertEquals("textarea", admin.visible("#field-editor [name='options']").getTagName(),
                    "a string_list descriptor is edited one value a line");
            assertEquals("mobile", admin.visible("#field-editor [name='name']").getAttribute("value"),
                    "a common property keeps its value across types");

            new Select(admin.visible("#field-type")).selectByValue("note");
            admin.until(d -> editorKeys(d).equals(List.of("label")));
            assertEquals("textarea", admin.visible("#field-editor [name='label']").getTagName(), "a note's text");
        }
    }

    @Test
    @Order(2)
    void aSelectsOptionsAndAnInputsInputTypeAreEditedThroughTheirDescriptors() {
        Site site = api.createWebsite(ChatApi.website("Descriptor shop"));
        assertEquals(200, api.putForm(site, "online", "[]").status());
        try (Browser admin = builder(site)) {
            admin.click("#add-field");
            new Select(admin.visible("#field-type")).selectByValue("select");
            admin.type("#field-editor [name='name']", "colour");
            admin.type("#field-editor [name='label']", "Colour");
            admin.click("#apply-field");
            admin.until(d -> !d.findElement(By.cssSelector("#field-editor-fields .sf-field[data-key='options'] "
                    + ".sf-error")).getText().isBlank());
            assertTrue(admin.visible("#field-editor").isDisplayed(), "the editor stays open on an error");

            admin.type("#field-editor [name='options']", "Red\nGreen");
            admin.type("#field-editor [name='default']", "Green");
            admin.click("#apply-field");
            admin.until(d -> preview(d).contains("Green") && preview(d).contains("Colour"));
            String selectLabel = label("select");
            assertEquals(selectLabel, admin.visible(".section[data-index='0'] .section-type").getText(),
                    "the list shows the catalogue's label");

            admin.click("#add-field");
            new Select(admin.visible("#field-type")).selectByValue("input");
            admin.type("#field-editor [name='name']", "mail");
            admin.type("#field-editor [name='label']", "E-mail");
            new Select(admin.visible("#field-editor [name='inputType']")).selectByValue("email");
            admin.click("#apply-field");
            admin.until(d -> preview(d).contains("type=\"email\""));
            admin.click("#save-form");
            Poll.until(Browser.WAIT, "the form is saved", () -> form(site).toString().contains("mail"));

            JsonNode sections = form(site).get("sections");
            assertEquals(2, sections.size(), sections.toString());
            assertEquals("select", sections.get(0).get("type").asText());
            assertEquals("[\"Red\",\"Green\"]", sections.get(0).get("options").toString());
            assertEquals("Green", sections.get(0).get("default").asText());
            assertFalse(sections.get(0).path("required").asBoolean(false), "not required: the box was left unchecked");
            assertEquals("input", sections.get(1).get("type").asText());
            assertEquals("email", sections.get(1).get("inputType").asText());

            admin.click(".section[data-index='1'] .edit");
            assertEquals("email", new Select(admin.visible("#field-editor [name='inputType']"))
                    .getFirstSelectedOption().getAttribute("value"), "the editor shows the saved property");
        }
    }

    @Test
    @Order(3)
    void aSectionWhoseTypeIsNotInstalledIsFlaggedReadOnlyAndCanBeDeleted() {
        Site site = api.createWebsite(ChatApi.website("Missing type shop"));
        assertEquals(200, api.putForm(site, "online", "[{\"type\":\"phone\",\"name\":\"mobile\",\"label\":\"Mobile\"},"
                + "{\"type\":\"input\",\"name\":\"who\",\"label\":\"Name\"}]").status());
        host.plugins().stop("phone-types");
        String phone = ".section[data-type='phone']";
        try (Browser admin = builder(site)) {
            admin.until(d -> text(d, phone + " .section-problem").contains("phone is not installed: no started "
                    + "plugin contributes it"));
            assertFalse(admin.visible(phone + " .edit").isEnabled(), "not editable");
            admin.click(phone + " .section-stored summary");
            assertTrue(admin.visible(phone + " .section-stored pre").getText().contains("\"mobile\""));

            admin.click("button[data-plugin='phone-types'][data-action='start']");
            admin.until(d -> text(d, phone + " .section-type").equals("Phone number")
                    && d.findElements(By.cssSelector(phone + " .section-problem")).isEmpty()
                    && d.findElement(By.cssSelector(phone + " .edit")).isEnabled());

            admin.click("button[data-plugin='phone-types'][data-action='stop']");
            admin.until(d -> text(d, phone + " .section-problem").contains("phone"));
            admin.click(phone + " .delete");
            admin.until(d -> d.findElements(By.cssSelector(phone)).isEmpty());
            admin.click("#save-form");
            Poll.until(Browser.WAIT, "the form is saved without the phone field",
                    () -> form(site).get("sections").size() == 1);
            assertEquals("who", form(site).get("sections").get(0).get("name").asText());
        } finally {
            host.plugins().start("phone-types");
        }
    }

    /** The admin page signed in, on the website's online form, once its preview is shown. */
    private static Browser builder(Site site) {
        Browser admin = Browser.start();
        admin.driver.get(base + "/admin/");
        admin.type("#token", TestHost.ADMIN_TOKEN);
        admin.click("#login");
        admin.click(".website[data-id='" + site.id() + "']");
        new Select(admin.visible("#form-kind")).selectByValue("online");
        admin.visible("#builder");
        admin.until(d -> !d.findElements(By.cssSelector("#builder > li")).isEmpty());
        return admin;
    }

    private static List<String> editorKeys(WebDriver d) {
        return d.findElements(By.cssSelector(EDITOR_FIELDS)).stream().map(e -> e.getAttribute("data-key")).toList();
    }

    private static String preview(WebDriver d) {
        return String.valueOf(d.findElement(By.id("preview")).getAttribute("srcdoc"));
    }

    private static String text(WebDriver d, String css) {
        List<WebElement> found = d.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    private static String label(String type) {
        for (JsonNode t : api.http.get("/api/form-field-types", TestHost.ADMIN_TOKEN).json().get("types")) {
            if (t.get("name").asText().equals(type)) {
                return t.get("label").asText();
            }
        }
        throw new AssertionError("no type " + type + " in the catalogue");
    }

    private static JsonNode form(Site site) {
        return api.http.get(ChatApi.PLUGIN + "/api/websites/" + site.id() + "/forms/online", TestHost.ADMIN_TOKEN)
                .json();
    }
}
