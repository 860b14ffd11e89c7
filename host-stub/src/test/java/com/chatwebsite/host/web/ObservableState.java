package com.chatwebsite.host.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Everything a refused request could have changed: every row of every table of the host's and the
 * plugin's database (websites and their settings, forms, sessions and their events, routing, agents'
 * availability and streams, contacts, uploads, offline messages and their outbox, host settings, mail
 * interactions), and the files in the host's data folder (mail drop, uploads).
 *
 * <p>Left out: what changes by itself while nothing happens, the cluster's lease and node heartbeats,
 * and the migrations' history.
 *
 * @param tables each table's rows, each row as text, sorted
 * @param files the data folder's files with their sizes
 */
record ObservableState(Map<String, List<String>> tables, Set<String> files) {

    private static final Set<String> SELF_CHANGING = Set.of("cw_lease", "cw_node");

    static ObservableState capture(DataSource db, Path dataDir) {
        return new ObservableState(tables(db), files(dataDir));
    }

    private static Map<String, List<String>> tables(DataSource db) {
        Map<String, List<String>> out = new TreeMap<>();
        try (Connection c = db.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> names = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema != null && (schema.equalsIgnoreCase("INFORMATION_SCHEMA")
                            || schema.equalsIgnoreCase("pg_catalog"))) {
                        continue;
                    }
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String name : names) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (SELF_CHANGING.contains(lower) || lower.contains("schema_history")) {
                    continue;
                }
                out.put(lower, rows(c, name));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the database for the state snapshot failed", e);
        }
        return out;
    }

    private static List<String> rows(Connection c, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    if (i > 1) {
                        row.append(" | ");
                    }
                    row.append(md.getColumnLabel(i).toLowerCase(Locale.ROOT)).append('=')
                            .append(Objects.toString(rs.getObject(i)));
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }

    private static Set<String> files(Path dataDir) {
        Set<String> out = new TreeSet<>();
        if (!Files.isDirectory(dataDir)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(dataDir)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                String rel = dataDir.relativize(p).toString().replace('\\', '/');
                if (rel.startsWith("host.") || rel.startsWith("tmp/")) {
                    return; // the database's own files; multipart parts in flight
                }
                try {
                    out.add(rel + " (" + Files.size(p) + " bytes)");
                } catch (IOException e) {
                    // deleted while walking: not there
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** What differs from an earlier snapshot, readably; empty when nothing does. */
    String differencesFrom(ObservableState before) {
        StringBuilder out = new StringBuilder();
        Set<String> names = new TreeSet<>(before.tables.keySet());
        names.addAll(tables.keySet());
        for (String name : names) {
            List<String> was = before.tables.getOrDefault(name, List.of());
            List<String> now = tables.getOrDefault(name, List.of());
            if (was.equals(now)) {
                continue;
            }
            List<String> added = new ArrayList<>(now);
            was.forEach(added::remove);
            List<String> removed = new ArrayList<>(was);
            now.forEach(removed::remove);
            out.append("\n  table ").append(name).append(": ").append(was.size()).append(" → ").append(now.size())
                    .append(" rows");
            added.stream().limit(5).forEach(r -> out.append("\n    + ").append(abbreviate(r)));
            removed.stream().limit(5).forEach(r -> out.append("\n    - ").append(abbreviate(r)));
        }
        if (!files.equals(before.files)) {
            Set<String> added = new TreeSet<>(files);
            added.removeAll(before.files);
            Set<String> removed = new TreeSet<>(before.files);
            removed.removeAll(files);
            out.append("\n  data folder:");
            added.stream().limit(5).forEach(f -> out.append("\n    + ").append(f));
            removed.stream().limit(5).forEach(f -> out.append("\n    - ").append(f));
        }
        return out.toString();
    }

    private static String abbreviate(String row) {
        return row.length() > 400 ? row.substring(0, 400) + "…" : row;
    }
}
