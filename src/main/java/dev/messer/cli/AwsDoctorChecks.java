package dev.messer.cli;

import dev.messer.config.Settings;
import dev.messer.doctor.Checklist;

/** The aws checks of {@code messer doctor}: need the AWS provider. */
final class AwsDoctorChecks {

    private AwsDoctorChecks() {
    }

    static void check(Checklist list, Settings settings, CommandContext context) {
        list.check("aws provider", () -> {
            throw new Checklist.Failure("the aws checks are not available in this build",
                    "use a build with the aws provider");
        }, "config");
    }
}
