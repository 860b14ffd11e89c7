package com.chatwebsite.host.plugins;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import org.pf4j.PluginRuntimeException;

/** Constructor injection rules shared by the plugin and extension factories. */
final class Injection {

    private Injection() {
    }

    static Constructor<?> onlyConstructor(Class<?> type) {
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
            throw new PluginRuntimeException("{} must be a public concrete class", type.getName());
        }
        Constructor<?>[] constructors = type.getConstructors();
        if (constructors.length != 1) {
            throw new PluginRuntimeException("{} must have exactly one public constructor, it has {}",
                    type.getName(), constructors.length);
        }
        return constructors[0];
    }

    static Object newInstance(Constructor<?> constructor, Object[] args) {
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new PluginRuntimeException(e.getCause(), "constructing {} failed",
                    constructor.getDeclaringClass().getName());
        } catch (ReflectiveOperationException e) {
            throw new PluginRuntimeException(e, "cannot construct {}", constructor.getDeclaringClass().getName());
        }
    }
}
