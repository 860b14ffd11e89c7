package com.chatwebsite.host;

import com.chatwebsite.host.plugins.PluginStatus;
import com.chatwebsite.host.routing.Agent;
import java.time.Clock;

/** Runs the host-stub from the environment variables of the contract and prints where to go. */
public final class HostMain {

    private HostMain() {
    }

    public static void main(String[] args) {
        HostConfig config;
        try {
            config = HostConfig.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("host-stub: " + e.getMessage());
            System.exit(2);
            return;
        }
        HostStub host = HostStub.start(config, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(host::close, "host-shutdown"));
        System.out.println(banner(host));
    }

    static String banner(HostStub host) {
        HostConfig c = host.config();
        String url = host.baseUrl().toString();
        StringBuilder out = new StringBuilder();
        out.append("\nHost stub running at ").append(url).append('\n');
        out.append("  demo site      ").append(url).append("/demo/\n");
        out.append("  admin page     ").append(url).append("/admin/\n");
        out.append("  agent console  ").append(url).append("/agent/\n");
        out.append("  health         ").append(url).append("/health\n");
        out.append("  admin token    ").append(c.adminTokenGenerated() ? c.adminToken() : "(from HOST_ADMIN_TOKEN)")
                .append('\n');
        for (Agent a : c.agents()) {
            out.append("  agent          ").append(a.name()).append("  token ")
                    .append(c.agentsGenerated() ? a.token() : "(from HOST_AGENTS)")
                    .append("  capacity ").append(a.capacity()).append('\n');
        }
        out.append("  node           ").append(c.nodeId()).append('\n');
        out.append("  database       ").append(host.databaseDescription()).append('\n');
        out.append("  mail           ").append(c.smtp().map(s -> "SMTP " + s.host() + ":" + s.port())
                .orElse(".eml files in " + c.dataDir().resolve("mail"))).append('\n');
        out.append("  plugins folder ").append(c.pluginsDir()).append('\n');
        for (PluginStatus p : host.plugins().list()) {
            out.append("  plugin         ").append(p.id().orElse("?")).append(' ').append(p.version().orElse("?"))
                    .append(' ').append(p.state()).append("  ").append(p.jar().fileName());
            p.error().ifPresent(e -> out.append("\n                 ").append(e));
            out.append('\n');
        }
        if (host.plugins().list().isEmpty()) {
            out.append("  (no plugin in the plugins folder: copy chat-plugin/target/chat-website-plugin.jar there)\n");
        }
        return out.toString();
    }
}
