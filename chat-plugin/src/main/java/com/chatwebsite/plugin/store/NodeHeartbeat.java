package com.chatwebsite.plugin.store;

import java.sql.PreparedStatement;
import java.time.Instant;

/** This node's row in {@code cw_node}: written every housekeeping pass, removed when the plugin stops. */
public final class NodeHeartbeat {

    private final Db db;
    private final String node;

    public NodeHeartbeat(Db db, String node) {
        this.db = db;
        this.node = node;
    }

    /**
     * Says this node is alive now.
     *
     * @param now the time
     */
    public void beat(Instant now) {
        db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE cw_node SET seen_at = ? WHERE node_id = ?")) {
                ps.setObject(1, Db.utc(now));
                ps.setString(2, node);
                if (ps.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cw_node (node_id, seen_at) VALUES (?, ?)")) {
                ps.setString(1, node);
                ps.setObject(2, Db.utc(now));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Leaves the cluster: what this node claimed is free for the others at once. */
    public void leave() {
        db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM cw_node WHERE node_id = ?")) {
                ps.setString(1, node);
                return ps.executeUpdate();
            }
        });
    }
}
