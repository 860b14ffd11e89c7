package com.chatwebsite.host.api;

import com.chatwebsite.api.web.RouteAccess;
import com.chatwebsite.api.web.WebRoute;
import com.chatwebsite.host.web.HostJson;
import java.util.List;
import java.util.Map;

/** The admin's catalogue of form field types, which the admin page's form builder is rendered from. */
public final class FieldTypeEndpoints {

    private final FieldTypeCatalog catalog;

    public FieldTypeEndpoints(FieldTypeCatalog catalog) {
        this.catalog = catalog;
    }

    public List<WebRoute> routes() {
        return List.of(WebRoute.of("GET", "/api/form-field-types", RouteAccess.ADMIN,
                r -> HostJson.response(200, Map.of("types", catalog.describe()))));
    }
}
