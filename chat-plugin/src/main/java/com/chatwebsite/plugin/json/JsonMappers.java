package com.chatwebsite.plugin.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where the plugin's Jackson factories come from; every mapper the plugin makes starts here.
 *
 * <p>Jackson's default buffer pool keeps a buffer set per thread in a {@code ThreadLocal}. The
 * plugin runs on the host's threads (Jetty's request threads outlive the plugin), and each such
 * buffer set is an instance of the plugin's own Jackson class, so it would keep the unloaded
 * plugin's class loader, and all its classes, alive for as long as the host's thread lives. These
 * factories use a shared pool instead: buffers are taken and given back per use, and nothing stays
 * on a thread.
 */
public final class JsonMappers {

    private JsonMappers() {
    }

    /**
     * A factory builder with the plugin's buffer pool; add limits or features, then build.
     *
     * @return the builder
     */
    public static JsonFactoryBuilder factory() {
        return new JsonFactoryBuilder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool());
    }

    /**
     * A mapper with Jackson's default settings and the plugin's buffer pool.
     *
     * @return a new mapper
     */
    public static ObjectMapper plain() {
        return mapper(factory().build());
    }

    /**
     * A mapper over a factory made from {@link #factory()}.
     *
     * @param factory the factory
     * @return a new mapper
     */
    public static ObjectMapper mapper(JsonFactory factory) {
        return new ObjectMapper(factory);
    }
}
