package dev.messer.aws.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Whether a statement already in a policy gives what a wanted statement gives, judged by content,
 * never by {@code Sid}: the same effect; every wanted principal named (a wanted {@code *} only by
 * another {@code *}); every wanted action and resource matched by its patterns (actions without
 * regard to case); and the same condition. A statement with {@code NotPrincipal}, {@code NotAction}
 * or {@code NotResource} never counts, nor does one whose condition differs in any way: a missing
 * condition is broader, an extra one may keep the statement from applying.
 */
final class StatementCoverage {

    private StatementCoverage() {
    }

    static boolean gives(PolicyStatement present, PolicyStatement wanted) {
        if (present.hasNotPrincipal() || present.hasNotAction() || present.hasNotResource()
                || present.isAllow() != wanted.isAllow() || present.isDeny() != wanted.isDeny()) {
            return false;
        }
        boolean principals = wanted.anyone() ? present.anyone() : present.principals().containsAll(wanted.principals());
        boolean actions = wanted.actions().stream().allMatch(a -> matchedBy(present.actions(), a, true));
        boolean resources = wanted.resources().stream().allMatch(r -> matchedBy(present.resources(), r, false));
        return principals && actions && resources && normalized(present).equals(normalized(wanted));
    }

    private static boolean matchedBy(List<String> patterns, String value, boolean ignoreCase) {
        return patterns.stream().anyMatch(p -> IamGlob.matches(p, value, ignoreCase));
    }

    /** The condition with operator names lower-cased and each key's values as a set. */
    private static Map<String, Map<String, Set<String>>> normalized(PolicyStatement statement) {
        Map<String, Map<String, Set<String>>> normalized = new TreeMap<>();
        statement.conditions().forEach((operator, tests) -> {
            Map<String, Set<String>> keys = new TreeMap<>();
            tests.forEach((key, values) -> keys.put(key, Set.copyOf(values)));
            normalized.put(operator.toLowerCase(Locale.ROOT), keys);
        });
        return normalized.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }
}
