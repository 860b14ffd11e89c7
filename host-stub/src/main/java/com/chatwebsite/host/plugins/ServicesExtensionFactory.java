package com.chatwebsite.host.plugins;

import com.chatwebsite.api.host.HostServices;
import java.lang.reflect.Constructor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.pf4j.ExtensionFactory;
import org.pf4j.Plugin;
import org.pf4j.PluginRuntimeException;

/**
 * Creates each extension once, through its one public constructor, whose parameters may be the
 * {@link HostServices} and the extension's own plugin instance. Forgets a plugin's extensions when
 * it is stopped, so a reload gets fresh ones.
 */
final class ServicesExtensionFactory implements ExtensionFactory {

    private final Supplier<HostServices> services;
    private final Function<Class<?>, Plugin> pluginOf;
    private final Map<Class<?>, Object> instances = new ConcurrentHashMap<>();

    ServicesExtensionFactory(Supplier<HostServices> services, Function<Class<?>, Plugin> pluginOf) {
        this.services = services;
        this.pluginOf = pluginOf;
    }

    @Override
    public <T> T create(Class<T> extensionClass) {
        return extensionClass.cast(instances.computeIfAbsent(extensionClass, this::construct));
    }

    private Object construct(Class<?> type) {
        Constructor<?> constructor = Injection.onlyConstructor(type);
        Class<?>[] params = constructor.getParameterTypes();
        Object[] args = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            if (params[i] == HostServices.class) {
                args[i] = services.get();
                continue;
            }
            Plugin plugin = pluginOf.apply(type);
            if (plugin == null || !params[i].isInstance(plugin)) {
                throw new PluginRuntimeException("the constructor of extension {} may take only HostServices "
                        + "and its own plugin, not {}", type.getName(), params[i].getName());
            }
            args[i] = plugin;
        }
        return Injection.newInstance(constructor, args);
    }

    /**
     * Forgets the extensions loaded by a class loader.
     *
     * @param loader a plugin's class loader
     */
    void forget(ClassLoader loader) {
        instances.keySet().removeIf(type -> type.getClassLoader() == loader);
    }
}
