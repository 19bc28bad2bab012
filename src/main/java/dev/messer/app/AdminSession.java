package dev.messer.app;

import dev.messer.aws.AwsClientFactory;
import dev.messer.aws.AwsIdentity;
import dev.messer.config.Settings;

/**
 * What the aws administration commands (setup, policy, login, logout) work with: the profile's
 * settings and its AWS clients, without the stores and key ring of a {@link Session}. Only
 * {@link Sessions#admin} makes one; closing it closes the clients.
 */
public final class AdminSession implements AutoCloseable {

    private final Settings settings;
    private final AwsClientFactory clients;

    AdminSession(Settings settings, AwsClientFactory clients) {
        this.settings = settings;
        this.clients = clients;
    }

    public Settings settings() {
        return settings;
    }

    /** The profile's AWS clients (S3, KMS, STS), each made on first use. */
    public AwsClientFactory clients() {
        return clients;
    }

    /** Who the profile's credentials are, and its cached role session. */
    public AwsIdentity identity() {
        return clients.identity();
    }

    @Override
    public void close() {
        clients.close();
    }
}
