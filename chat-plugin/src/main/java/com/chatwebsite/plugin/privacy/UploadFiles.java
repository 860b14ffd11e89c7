package com.chatwebsite.plugin.privacy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Deletes uploads' files from the plugin's upload folder, where each is named by its upload id. A
 * file already gone is fine.
 *
 * @param dir the upload folder
 */
public record UploadFiles(Path dir) implements ContactDataRepository.FileEraser {

    @Override
    public void erase(List<String> uploadIds) throws IOException {
        Path folder = dir.toAbsolutePath().normalize();
        for (String id : uploadIds) {
            Path file = folder.resolve(id).normalize();
            if (folder.equals(file.getParent())) {
                Files.deleteIfExists(file);
            }
        }
    }
}
