package io.downtime.features;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An enum whose constants are served, configured and stored by their id: the name in lower case with dashes for
 * underscores ({@code FALSE_ALARM} is {@code false-alarm}). One rule for every such enum, so no enum spells its ids
 * out again.
 */
public interface ServedId {

    /** The constant's name; every enum has it. */
    String name();

    /** The id: {@code false-alarm} for {@code FALSE_ALARM}. */
    @JsonValue
    default String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant of {@code type} whose id is {@code id}, if there is one. */
    static <E extends Enum<E> & ServedId> Optional<E> parse(Class<E> type, String id) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.id().equals(id)).findFirst();
    }

    /** The ids of every constant of {@code type}, in declaration order, for messages: {@code csv or json}. */
    static <E extends Enum<E> & ServedId> String ids(Class<E> type) {
        return String.join(" or ", Arrays.stream(type.getEnumConstants()).map(ServedId::id).toList());
    }
}
