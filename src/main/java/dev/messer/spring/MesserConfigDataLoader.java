package dev.messer.spring;

import dev.messer.error.MesserException;
import dev.messer.error.NotFoundException;
import dev.messer.library.MesserClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.config.ConfigData;
import org.springframework.boot.context.config.ConfigDataLoader;
import org.springframework.boot.context.config.ConfigDataLoaderContext;

/**
 * Loads an imported item's fields as properties, by field path under the location's prefix. A
 * missing item or bag is {@link MesserItemNotFoundException} (skipped by {@code optional:}); any
 * other failure is {@link MesserImportException}, which stops start-up, and closes the run's
 * clients first. Registered in {@code META-INF/spring.factories}.
 */
public final class MesserConfigDataLoader implements ConfigDataLoader<MesserConfigDataResource> {

    @Override
    public ConfigData load(ConfigDataLoaderContext context, MesserConfigDataResource resource) {
        MesserImportLocation location = resource.location();
        MesserImports.Key key = resource.client();
        String where = MesserImportLocation.PREFIX + location.item() + " (profile " + key.profileName() + ", config "
                + key.configName() + ")";
        MesserClient client = null;
        try {
            client = resource.imports().client(key);
            Map<String, Object> properties = new LinkedHashMap<>();
            client.fields(location.bag(), location.id()).forEach((path, value) ->
                    properties.put(location.prefix() + path, value));
            return new ConfigData(List.of(new MesserPropertySource(MesserImportLocation.PREFIX + location.item(),
                    properties, resource.imports())));
        } catch (NotFoundException e) {
            String fix = resource.optional() ? "" : ", or make the import optional:" + MesserImportLocation.PREFIX
                    + location.item();
            // Spring Boot re-creates a not-found exception with the location, keeping only its cause: the
            // line travels in the cause, where MesserFailureAnalyzer finds it
            String line = "cannot import " + where + ": " + client.message(e) + fix;
            throw new MesserItemNotFoundException(resource, line, new MesserImportException(line, e));
        } catch (MesserException e) {
            resource.imports().close();
            throw new MesserImportException("cannot import " + where + ": "
                    + (client == null ? e.getMessage() : client.message(e)), e);
        }
    }
}
