package com.chatwebsite.host.openapi;

import com.chatwebsite.host.web.RouteTable;
import java.util.List;

/**
 * One owner's mounted routes and the OpenAPI documents that describe them.
 *
 * @param owner {@code host} or a plugin id
 * @param routes its entries in the route table
 * @param documents OpenAPI documents (JSON text) of those routes, paths relative to the mount point
 */
public record MountedRoutes(String owner, List<RouteTable.Entry> routes, List<String> documents) {

    public MountedRoutes {
        routes = List.copyOf(routes);
        documents = List.copyOf(documents);
    }
}
