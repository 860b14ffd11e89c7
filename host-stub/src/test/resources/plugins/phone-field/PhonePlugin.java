package phonefield;

import org.pf4j.Plugin;

/** A plugin that only contributes the phone field type; it starts nothing. */
public class PhonePlugin extends Plugin {

    public PhonePlugin() {
    }
}
