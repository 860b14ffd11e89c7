package phonefield;

import com.chatwebsite.api.form.DefinitionCheck;
import com.chatwebsite.api.form.FieldValue;
import com.chatwebsite.api.form.FormFieldDefinition;
import com.chatwebsite.api.form.FormFieldType;
import com.chatwebsite.api.form.WidgetControl;
import com.chatwebsite.api.settings.FieldError;
import com.chatwebsite.api.settings.SettingDescriptor;
import com.chatwebsite.api.settings.SettingType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * A phone number field: a tel input whose value is kept in E.164 form, a {@code +} and 7 to 15
 * digits. A number typed without its country code gets the field's {@code defaultCountryCode}.
 */
@Extension
public class PhoneFieldType implements FormFieldType {

    static final String DEFAULT_COUNTRY_CODE = "defaultCountryCode";
    private static final Pattern COUNTRY_CODE = Pattern.compile("\\+[0-9]{1,3}");
    private static final Pattern E164 = Pattern.compile("\\+[0-9]{7,15}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.()-]");

    public PhoneFieldType() {
    }

    @Override
    public String name() {
        return "phone";
    }

    @Override
    public String label() {
        return "Phone number";
    }

    @Override
    public WidgetControl control() {
        return WidgetControl.TEXT;
    }

    @Override
    public List<SettingDescriptor> properties() {
        return List.of(SettingDescriptor.builder(DEFAULT_COUNTRY_CODE, SettingType.STRING)
                .label("Default country code")
                .help("Given to numbers typed without one: + and 1 to 3 digits, such as +39.")
                .group("Phone", 10).build());
    }

    @Override
    public DefinitionCheck checkDefinition(Map<String, Object> properties, FormFieldDefinition common) {
        Object code = properties.get(DEFAULT_COUNTRY_CODE);
        if (code == null || code instanceof String s && s.isBlank()) {
            return DefinitionCheck.valid(Map.of());
        }
        if (!(code instanceof String s) || !COUNTRY_CODE.matcher(s.strip()).matches()) {
            return DefinitionCheck.invalid(List.of(new FieldError(DEFAULT_COUNTRY_CODE, "countryCode",
                    "The default country code must be + and 1 to 3 digits, such as +39.")));
        }
        return DefinitionCheck.valid(Map.of(DEFAULT_COUNTRY_CODE, s.strip()));
    }

    @Override
    public FieldValue checkValue(FormFieldDefinition field, Object value) {
        if (!(value instanceof String text)) {
            return refused(field);
        }
        String number = SEPARATORS.matcher(text).replaceAll("");
        if (number.startsWith("00")) {
            number = "+" + number.substring(2);
        }
        if (!number.startsWith("+")) {
            Optional<String> code = field.string(DEFAULT_COUNTRY_CODE);
            if (code.isEmpty()) {
                return refused(field);
            }
            number = code.get() + number;
        }
        return E164.matcher(number).matches() ? FieldValue.accepted(number) : refused(field);
    }

    @Override
    public Map<String, String> widgetAttributes(FormFieldDefinition field) {
        return Map.of("inputType", "tel", "autocomplete", "tel");
    }

    private static FieldValue refused(FormFieldDefinition field) {
        return FieldValue.refused("phone", field.label() + ": enter a phone number with its country code, "
                + "such as +39 333 123 4567.");
    }
}
