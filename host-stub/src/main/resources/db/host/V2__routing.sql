-- Routing state and the agents' event streams, shared by every node on the same database.

-- One row per agent of HOST_AGENTS; its lock serialises the agent's capacity checks and event sequence.
CREATE TABLE host_agent (
    name           VARCHAR(100) NOT NULL PRIMARY KEY,
    available      BOOLEAN      NOT NULL,
    capacity       INTEGER      NOT NULL,
    last_event_seq BIGINT       NOT NULL
);

-- An interaction while it is offered, being accepted, or held by an agent.
CREATE TABLE host_routing (
    interaction_id VARCHAR(200)     NOT NULL PRIMARY KEY,
    channel_id     VARCHAR(200)     NOT NULL,
    offer_json     VARCHAR(1000000) NOT NULL,
    status         VARCHAR(16)      NOT NULL,
    agent          VARCHAR(100),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT host_routing_status_value CHECK (status IN ('offered', 'accepting', 'held'))
);
CREATE INDEX host_routing_agent ON host_routing (agent);
CREATE INDEX host_routing_by_status ON host_routing (status, created_at);

-- The agents whose stream got an interaction's offer, and so must hear when it goes.
CREATE TABLE host_routing_notified (
    interaction_id VARCHAR(200) NOT NULL,
    agent          VARCHAR(100) NOT NULL,
    PRIMARY KEY (interaction_id, agent)
);

-- Each agent's event stream, numbered per agent; event_key identifies a message or close for de-duplication.
CREATE TABLE host_agent_event (
    agent      VARCHAR(100)     NOT NULL,
    seq        BIGINT           NOT NULL,
    event_type VARCHAR(32)      NOT NULL,
    event_key  VARCHAR(300),
    payload    VARCHAR(1000000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (agent, seq)
);
CREATE INDEX host_agent_event_key ON host_agent_event (agent, event_key);
CREATE INDEX host_agent_event_created ON host_agent_event (created_at);
