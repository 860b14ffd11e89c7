package com.chatwebsite.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ApiVersionTest {

    @Test
    void versionConstantIsTheMavenProjectVersion() throws IOException {
        Properties build = new Properties();
        try (InputStream in = ApiVersionTest.class.getResourceAsStream("/build.properties")) {
            build.load(in);
        }
        assertEquals(build.getProperty("project.version"), ApiVersion.VERSION);
    }
}
