package dev.messer.aws;

import java.util.Optional;
import java.util.OptionalInt;

/** A role to assume with STS, and the optional parts of the request. */
record AssumedRole(String arn, String sessionName, Optional<String> externalId, OptionalInt durationSeconds,
                   Optional<String> mfaSerial) {

    static final String DEFAULT_SESSION_NAME = "messer";
}
