package dev.messer.cli;

import dev.messer.aws.AwsIdentity;

/** Classes in the command line's root package that break its rules on purpose, for {@code ProviderRulesTest}. */
public final class ArchitectureSamples {

    private ArchitectureSamples() {
    }

    /** Names an aws type outside cli.aws. */
    public static final class ReachesIntoAws {
        public String caller(AwsIdentity identity) {
            return identity.callerArn();
        }
    }
}
