package com.chatwebsite.host.plugins;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.runtime.ObjectMethods;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets go of the last plugin record the JDK's record methods were made for.
 *
 * <p>A record's {@code equals}, {@code hashCode} and {@code toString} are made once per record
 * class by {@link ObjectMethods#bootstrap}, from a few method handles held in static fields of the
 * JDK. On JDK 17 each of those handles remembers its last adaptation ({@code MethodHandle.asType}'s
 * one-entry cache, JDK-8078641, fixed in JDK 18), and that adaptation names the record class: if it
 * is a plugin's record, the unloaded plugin's class loader and every class it loaded stay reachable
 * from the JDK. After unloading a plugin the host makes those three methods once for a record of its
 * own, which replaces what the caches hold.
 */
final class RecordMethodCaches {

    private static final Logger LOG = LoggerFactory.getLogger(RecordMethodCaches.class);

    /** A record of the host's; its one component is not an {@code Object}, so every cache is replaced. */
    private record Rinse(String value) {
    }

    private RecordMethodCaches() {
    }

    /** Replaces what the JDK's record-method handles remember by the host's own record. */
    static void forgetPluginRecords() {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodHandle getter = lookup.findGetter(Rinse.class, "value", String.class);
            ObjectMethods.bootstrap(lookup, "equals", MethodType.methodType(boolean.class, Rinse.class, Object.class),
                    Rinse.class, "value", getter);
            ObjectMethods.bootstrap(lookup, "hashCode", MethodType.methodType(int.class, Rinse.class), Rinse.class,
                    "value", getter);
            ObjectMethods.bootstrap(lookup, "toString", MethodType.methodType(String.class, Rinse.class), Rinse.class,
                    "value", getter);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            LOG.warn("could not replace the JDK's record-method caches; an unloaded plugin may stay in memory", e);
        }
    }
}
