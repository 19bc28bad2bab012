package dev.messer.spring;

import java.util.Objects;
import org.springframework.boot.context.config.ConfigDataResource;

/** One item to import, with the client settings it is read with. */
final class MesserConfigDataResource extends ConfigDataResource {

    private final MesserImportLocation location;
    private final MesserImports.Key client;
    private final MesserImports imports;
    private final boolean optional;

    MesserConfigDataResource(MesserImportLocation location, MesserImports.Key client, MesserImports imports,
                             boolean optional) {
        super(optional);
        this.location = location;
        this.client = client;
        this.imports = imports;
        this.optional = optional;
    }

    /** Whether the import was written {@code optional:messer:...}. */
    boolean optional() {
        return optional;
    }

    MesserImportLocation location() {
        return location;
    }

    MesserImports.Key client() {
        return client;
    }

    MesserImports imports() {
        return imports;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MesserConfigDataResource other && location.equals(other.location)
                && client.equals(other.client);
    }

    @Override
    public int hashCode() {
        return Objects.hash(location, client);
    }

    @Override
    public String toString() {
        return MesserImportLocation.PREFIX + location.item() + " (profile " + client.profileName() + ")";
    }
}
