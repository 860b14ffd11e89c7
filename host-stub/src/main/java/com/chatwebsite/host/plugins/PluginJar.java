package com.chatwebsite.host.plugins;

import java.nio.file.Path;
import java.util.Optional;
import org.pf4j.PluginDescriptor;

/**
 * A file in the plugins folder as its descriptor describes it, and why the host will not load it,
 * if it will not.
 *
 * @param file the jar (or plugin folder)
 * @param descriptor its descriptor, if one could be read
 * @param modifiedMillis when the file was last modified, for telling equal versions apart
 * @param refusal why it cannot be loaded; empty if it can
 */
public record PluginJar(Path file, Optional<PluginDescriptor> descriptor, long modifiedMillis,
        Optional<Refusal> refusal) {

    /**
     * Why a jar is refused.
     *
     * @param rule what is wrong, for an upload's field error: {@code zip}, {@code descriptor},
     *     {@code id}, {@code version}, {@code requires}, {@code duplicate} or {@code failed}
     * @param reason the sentence an operator reads
     */
    public record Refusal(String rule, String reason) {
    }

    /** The plugin id, if the descriptor names one. */
    public Optional<String> id() {
        return descriptor.map(PluginDescriptor::getPluginId).filter(id -> !id.isBlank());
    }

    /** The plugin version, if the descriptor names one. */
    public Optional<String> version() {
        return descriptor.map(PluginDescriptor::getVersion).filter(v -> !v.isBlank());
    }

    /** The file's name in the plugins folder. */
    public String fileName() {
        return file.getFileName().toString();
    }

    /**
     * This jar, refused.
     *
     * @param rule what is wrong
     * @param reason why
     * @return the refused jar
     */
    public PluginJar refused(String rule, String reason) {
        return new PluginJar(file, descriptor, modifiedMillis, Optional.of(new Refusal(rule, reason)));
    }

    /** Whether the host may load it. */
    public boolean loadable() {
        return refusal.isEmpty();
    }
}
