package com.chatwebsite.bench;

import com.chatwebsite.bench.Load.Result;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One configuration of the host the bench measures (a database and a number of nodes) and what it
 * measured there: the starts, the fixed rates and the sustained-rate search, for the host and, in
 * the first configuration of a run, for the baseline.
 */
final class Scenario {

    final String db;
    final int nodes;
    final List<BenchMain.Start> starts = new ArrayList<>();
    final List<Result> fixed = new ArrayList<>();
    final Map<String, List<Result>> search = new LinkedHashMap<>();
    final Map<String, Integer> sustained = new LinkedHashMap<>();
    final Map<String, Boolean> searchExhausted = new LinkedHashMap<>();
    /** What the database was, for the report; set when it starts. */
    String database = "";
    /** Why it stopped early, if it did. */
    String failure;

    Scenario(String db, int nodes) {
        this.db = db;
        this.nodes = nodes;
    }

    boolean postgres() {
        return db.equals("postgres");
    }

    /** "H2, one node", "PostgreSQL, two nodes". */
    String label() {
        return (postgres() ? "PostgreSQL" : "H2") + ", " + (nodes == 1 ? "one node" : nodes == 2 ? "two nodes"
                : nodes + " nodes");
    }

    /** The host's name in the tables: "ours (H2)", "ours (PostgreSQL, 2 nodes)". */
    String target() {
        return "ours (" + (postgres() ? "PostgreSQL" : "H2") + (nodes > 1 ? ", " + nodes + " nodes" : "") + ")";
    }

    Optional<Result> fixed(String target, int rate) {
        return fixed.stream().filter(r -> r.target().equals(target) && r.rate() == rate).findFirst();
    }

    Optional<Result> fixed(int rate) {
        return fixed(target(), rate);
    }

    boolean searched() {
        return search.containsKey(target());
    }

    Integer best() {
        return sustained.get(target());
    }
}
