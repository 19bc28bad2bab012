package dev.messer.aws.policy;

import dev.messer.names.Names;
import java.util.List;

/**
 * The Allow statements that no messer policy, key or bucket, should hold, whatever the service:
 * <ul>
 *   <li>{@code NotPrincipal}: allowed to everyone but the principals listed, in every account;</li>
 *   <li>{@code NotAction}: every action but those listed, also those the service adds later;</li>
 *   <li>{@code Principal: "*"} (or {@code {"AWS": "*"}}) without a condition that pins the caller
 *       ({@link CallerPin}).</li>
 * </ul>
 */
public final class BroadGrants {

    private BroadGrants() {
    }

    /** What the statement grants too broadly, as "statement SID allows ...", or null. */
    public static String of(PolicyStatement statement) {
        if (!statement.isAllow()) {
            return null;
        }
        if (statement.hasNotPrincipal()) {
            return statement.name() + " allows " + actions(statement) + " to every principal but "
                    + list(statement.principals()) + " (NotPrincipal)";
        }
        if (statement.hasNotAction()) {
            return statement.name() + " allows " + actions(statement) + " to " + list(statement.principals());
        }
        if (statement.anyone() && !CallerPin.pins(statement)) {
            return statement.name() + " allows " + actions(statement) + " to Principal \"*\" without a condition "
                    + "that pins the caller's account, organisation or ARN";
        }
        return null;
    }

    private static String actions(PolicyStatement statement) {
        String listed = list(statement.actions());
        return statement.hasNotAction() ? "every action but " + listed + " (NotAction)" : listed;
    }

    private static String list(List<String> values) {
        return Names.escaped(String.join(", ", values));
    }
}
