package io.downtime.features;

import org.eclipse.microprofile.config.spi.Converter;

import java.time.Duration;

/**
 * Reads a configuration property in Prometheus notation ({@code 30s}, {@code 1h30m}, {@code 2d}) as a
 * {@link Duration}: {@code @WithConverter(PrometheusDurationConverter.class) Duration step();}. A bad value stops the
 * start with the property's name and {@link PrometheusDuration#parse}'s reason.
 */
public final class PrometheusDurationConverter implements Converter<Duration> {

    @Override
    public Duration convert(String value) {
        return PrometheusDuration.parse(value.strip());
    }
}
