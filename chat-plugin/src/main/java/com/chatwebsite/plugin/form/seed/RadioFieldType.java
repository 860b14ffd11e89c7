package com.chatwebsite.plugin.form.seed;

import com.chatwebsite.api.form.WidgetControl;
import org.pf4j.Extension;

/** One of a list of options, as radio buttons. */
@Extension(ordinal = 5)
public final class RadioFieldType extends SingleChoiceFieldType {

    @Override
    public String name() {
        return "radio";
    }

    @Override
    public String label() {
        return "Radio buttons";
    }

    @Override
    public WidgetControl control() {
        return WidgetControl.RADIO;
    }
}
