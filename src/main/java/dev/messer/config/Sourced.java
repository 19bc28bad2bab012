package dev.messer.config;

import dev.messer.error.ConfigException;
import dev.messer.error.Hint;
import java.util.Optional;
import java.util.function.Function;

/**
 * The value of one setting of one profile, with where it came from, for messages that name both
 * ("master_key 'x' (from [profile dev]) is not ..."). Text that is empty counts as not set.
 *
 * @param profile the profile in use (null for the legacy sections and defaults), named when a
 *                required value is missing
 */
public record Sourced<T>(Setting setting, T value, Source source, String profile) {

    /** The setting's name in the ini file: {@code master_key}. */
    public String name() {
        return setting.iniName();
    }

    /** Where the value came from, as messages name it: {@code [profile dev]}, {@code MESSER_TIER}, ... */
    public String from() {
        return source.describe(setting, profile);
    }

    public boolean isSet() {
        return value != null && !(value instanceof String text && text.isBlank());
    }

    public Optional<T> optional() {
        return isSet() ? Optional.of(value) : Optional.empty();
    }

    /** @throws ConfigException naming the setting, the profile and {@code hint} when it is not set */
    public T require(Hint hint) {
        if (!isSet()) {
            throw new ConfigException(name() + " is not set" + (profile == null ? "" : " in profile " + profile), hint);
        }
        return value;
    }

    /** The same setting and source with another value: what it parses to. */
    <U> Sourced<U> map(Function<Sourced<T>, U> parse) {
        return new Sourced<>(setting, parse.apply(this), source, profile);
    }
}
