package com.chatwebsite.plugin.form;

import com.chatwebsite.api.form.FormFieldType;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A form field type that threw: its field counts as unavailable for the call. */
public final class FieldTypeFailure extends RuntimeException {

    private static final Logger LOG = LoggerFactory.getLogger(FieldTypeFailure.class);
    private static final long serialVersionUID = 1L;

    private final String typeName;

    private FieldTypeFailure(String typeName, Throwable cause) {
        super("the form field type " + typeName + " failed", cause, false, false);
        this.typeName = typeName;
    }

    /**
     * Calls a type, turning anything it throws into a logged {@link FieldTypeFailure}.
     *
     * @param type the type
     * @param typeName its name
     * @param call the call
     * @param <T> the answer's type
     * @return the answer
     */
    public static <T> T call(FormFieldType type, String typeName, Supplier<T> call) {
        try {
            return call.get();
        } catch (Throwable e) {
            LOG.warn("the form field type {} ({}) failed", typeName, type.getClass().getName(), e);
            throw new FieldTypeFailure(typeName, e);
        }
    }

    /**
     * A type that answered something it must not.
     *
     * @param type the type
     * @param typeName its name
     * @param what what it did
     * @return the failure, logged
     */
    public static FieldTypeFailure broken(FormFieldType type, String typeName, String what) {
        IllegalStateException e = new IllegalStateException(what);
        LOG.warn("the form field type {} ({}) failed", typeName, type.getClass().getName(), e);
        return new FieldTypeFailure(typeName, e);
    }

    public String typeName() {
        return typeName;
    }
}
