package com.chatwebsite.host.plugins;

import com.chatwebsite.api.host.HostServices;
import java.lang.reflect.Constructor;
import java.util.function.Supplier;
import org.pf4j.Plugin;
import org.pf4j.PluginFactory;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;

/**
 * Creates a plugin through its one public constructor, which takes the {@link HostServices} (or
 * nothing). Anything else fails the plugin loudly.
 */
final class ServicesPluginFactory implements PluginFactory {

    private final Supplier<HostServices> services;

    ServicesPluginFactory(Supplier<HostServices> services) {
        this.services = services;
    }

    @Override
    public Plugin create(PluginWrapper wrapper) {
        String className = wrapper.getDescriptor().getPluginClass();
        Class<?> type;
        try {
            type = wrapper.getPluginClassLoader().loadClass(className);
        } catch (ClassNotFoundException e) {
            throw new PluginRuntimeException(e, "plugin class {} of {} not found", className, wrapper.getPluginId());
        }
        if (!Plugin.class.isAssignableFrom(type)) {
            throw new PluginRuntimeException("{} of {} does not extend org.pf4j.Plugin", className, wrapper.getPluginId());
        }
        Constructor<?> constructor = Injection.onlyConstructor(type);
        Object[] args = new Object[constructor.getParameterCount()];
        Class<?>[] params = constructor.getParameterTypes();
        for (int i = 0; i < params.length; i++) {
            if (params[i] != HostServices.class) {
                throw new PluginRuntimeException("the constructor of {} may take only HostServices, not {}",
                        className, params[i].getName());
            }
            args[i] = services.get();
        }
        return (Plugin) Injection.newInstance(constructor, args);
    }
}
