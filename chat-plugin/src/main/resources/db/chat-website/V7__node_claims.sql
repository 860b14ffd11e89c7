-- Nodes of the cluster, each writing its heartbeat every second: a node silent for 15 seconds is
-- dead, and the outbox deliveries it had claimed are free again at once.
CREATE TABLE cw_node (
    node_id VARCHAR(100) NOT NULL PRIMARY KEY,
    seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);
ALTER TABLE cw_outbox ADD COLUMN claimed_by VARCHAR(100);
