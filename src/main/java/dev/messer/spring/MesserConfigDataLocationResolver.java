package dev.messer.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.commons.logging.Log;
import org.springframework.boot.context.config.ConfigDataLocation;
import org.springframework.boot.context.config.ConfigDataLocationResolver;
import org.springframework.boot.context.config.ConfigDataLocationResolverContext;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;

/**
 * Resolves {@code messer:BAG/ITEM[?profile=&config=&prefix=]}. The profile and file come from the
 * location, else the {@code messer.profile} and {@code messer.config} properties, else the command
 * line's defaults; {@code messer.last-known-good.file} and {@code .max-age} name the copy to start
 * from when S3 is unavailable. Registered in {@code META-INF/spring.factories}.
 */
public final class MesserConfigDataLocationResolver implements ConfigDataLocationResolver<MesserConfigDataResource> {

    /** The default maximum age of the last-known-good copy's entries. */
    static final Duration DEFAULT_MAX_AGE = Duration.ofDays(7);

    private final MesserImports imports;

    public MesserConfigDataLocationResolver(DeferredLogFactory logs) {
        Log log = logs.getLog(MesserConfigDataLocationResolver.class);
        this.imports = new MesserImports(log::warn);
    }

    @Override
    public boolean isResolvable(ConfigDataLocationResolverContext context, ConfigDataLocation location) {
        return location.hasPrefix(MesserImportLocation.PREFIX);
    }

    @Override
    public List<MesserConfigDataResource> resolve(ConfigDataLocationResolverContext context,
                                                  ConfigDataLocation location) {
        MesserImportLocation item = MesserImportLocation.parse(location.getNonPrefixedValue(MesserImportLocation.PREFIX));
        Binder binder = context.getBinder();
        String profile = item.options().getOrDefault("profile",
                binder.bind("messer.profile", String.class).orElse(null));
        String config = item.options().getOrDefault("config", binder.bind("messer.config", String.class).orElse(null));
        Path copy = binder.bind("messer.last-known-good.file", String.class).map(Path::of).orElse(null);
        Duration maxAge = binder.bind("messer.last-known-good.max-age", Duration.class).orElse(DEFAULT_MAX_AGE);
        MesserImports.Key key = new MesserImports.Key(blankToNull(profile),
                blankToNull(config) == null ? null : Path.of(config), copy, maxAge);
        return List.of(new MesserConfigDataResource(item, key, imports, location.isOptional()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
