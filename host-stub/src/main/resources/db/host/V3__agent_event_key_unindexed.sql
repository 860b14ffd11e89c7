-- Nothing looks agent events up by key (streams read by agent and sequence), so the index only cost
-- a random B-tree write per event.
DROP INDEX host_agent_event_key;
