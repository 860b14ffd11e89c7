package com.chatwebsite.host.web;

import com.chatwebsite.api.web.WebRoute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The mounted routes, the host's own and each plugin's under {@code /plugins/{pluginId}}.
 * Matching prefers the route with more literal segments; mounting replaces the whole table, so a
 * lookup never sees half a plugin.
 */
public final class RouteTable {

    /**
     * A mounted route.
     *
     * @param owner {@code host} or the plugin id
     * @param prefix the mount point, such as {@code /plugins/chat-website}
     * @param route the route
     * @param segments the full path template, split
     */
    public record Entry(String owner, String prefix, WebRoute route, List<String> segments) {
        int literalCount() {
            return (int) segments.stream().filter(s -> !isParam(s)).count();
        }
    }

    /**
     * A lookup's answer.
     *
     * @param entry the route, if one matched path and method
     * @param pathParams the template parameters
     * @param allowedMethods when the path matched but not the method, the methods it has
     */
    public record Match(Optional<Entry> entry, Map<String, String> pathParams, Set<String> allowedMethods) {
    }

    private volatile List<Entry> entries = List.of();
    private volatile Set<String> owners = Set.of();

    /**
     * Mounts an owner's routes, replacing any it had.
     *
     * @param owner the owner
     * @param prefix the mount point ("" for the host's own)
     * @param routes the routes
     * @throws IllegalArgumentException if two routes share method and template
     */
    public synchronized void mount(String owner, String prefix, List<WebRoute> routes) {
        Set<String> seen = new HashSet<>();
        List<Entry> next = new ArrayList<>();
        for (Entry e : entries) {
            if (!e.owner().equals(owner)) {
                next.add(e);
            }
        }
        for (WebRoute r : routes) {
            String full = prefix + (r.pathTemplate().equals("/") ? "" : r.pathTemplate());
            if (!seen.add(r.method() + " " + full)) {
                throw new IllegalArgumentException(owner + " declares " + r.method() + " " + full + " twice");
            }
            next.add(new Entry(owner, prefix, r, split(full.isEmpty() ? "/" : full)));
        }
        entries = List.copyOf(next);
        Set<String> mounted = new HashSet<>(owners);
        mounted.add(owner);
        owners = Set.copyOf(mounted);
    }

    /**
     * Removes an owner's routes.
     *
     * @param owner the owner
     */
    public synchronized void unmount(String owner) {
        entries = entries.stream().filter(e -> !e.owner().equals(owner)).toList();
        Set<String> mounted = new HashSet<>(owners);
        mounted.remove(owner);
        owners = Set.copyOf(mounted);
    }

    /**
     * Whether an owner's routes are mounted (also when it has none).
     *
     * @param owner the owner
     * @return whether it is mounted
     */
    public boolean mounted(String owner) {
        return owners.contains(owner);
    }

    /**
     * The routes an owner has mounted.
     *
     * @param owner the owner
     * @return its entries
     */
    public List<Entry> routesOf(String owner) {
        return entries.stream().filter(e -> e.owner().equals(owner)).toList();
    }

    /**
     * Finds the route for a request.
     *
     * @param method the HTTP method
     * @param segments the decoded path segments
     * @return the match
     */
    public Match find(String method, List<String> segments) {
        Entry best = null;
        Map<String, String> bestParams = Map.of();
        Set<String> allowed = new HashSet<>();
        for (Entry e : entries) {
            Map<String, String> params = match(e.segments(), segments);
            if (params == null) {
                continue;
            }
            if (!e.route().method().equals(method)) {
                allowed.add(e.route().method());
                continue;
            }
            if (best == null || e.literalCount() > best.literalCount()) {
                best = e;
                bestParams = params;
            }
        }
        return new Match(Optional.ofNullable(best), bestParams, allowed);
    }

    private static Map<String, String> match(List<String> template, List<String> path) {
        if (template.size() != path.size()) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            if (isParam(t)) {
                if (path.get(i).isEmpty()) {
                    return null;
                }
                params.put(t.substring(1, t.length() - 1), path.get(i));
            } else if (!t.equals(path.get(i))) {
                return null;
            }
        }
        return params;
    }

    private static boolean isParam(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.substring(1).split("/", -1)) {
            out.add(s);
        }
        return out;
    }
}
