package com.chatwebsite.plugin.form.seed;

import com.chatwebsite.api.form.WidgetControl;
import org.pf4j.Extension;

/** One of a list of options, from a drop-down list. */
@Extension(ordinal = 2)
public final class SelectFieldType extends SingleChoiceFieldType {

    @Override
    public String name() {
        return "select";
    }

    @Override
    public String label() {
        return "Select";
    }

    @Override
    public WidgetControl control() {
        return WidgetControl.SELECT;
    }
}
