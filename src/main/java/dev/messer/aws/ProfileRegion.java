package dev.messer.aws;

import dev.messer.config.AwsSettings;
import dev.messer.error.ConfigException;
import dev.messer.error.Hint;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.InstanceProfileRegionProvider;

/**
 * The region of a profile: the {@code region} setting, {@code AWS_REGION}, then
 * {@code AWS_DEFAULT_REGION} (as the AWS CLI reads them), the region of the AWS profile in use, then
 * (on EC2) the instance metadata.
 */
final class ProfileRegion {

    private ProfileRegion() {
    }

    static Region of(AwsSettings settings, AwsEnvironment env) {
        Optional<String> name = settings.region()
                .or(() -> env.get("AWS_REGION"))
                .or(() -> env.get("AWS_DEFAULT_REGION")) // the AWS CLI's variable, which the SDK does not read
                .or(() -> env.profileFile()
                        .profile(env.profileName(settings.awsProfile()))
                        .flatMap(profile -> profile.property("region")));
        if (name.isEmpty() && !env.metadataDisabled()) {
            name = instanceRegion();
        }
        return Region.of(name.orElseThrow(() -> new ConfigException("no AWS region is set", Hint.of("set region in "
                + "the profile ({}) or AWS_REGION", Hint.aws("configure", "-r", "REGION")))));
    }

    private static Optional<String> instanceRegion() {
        try {
            return Optional.of(new InstanceProfileRegionProvider().getRegion().id());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
