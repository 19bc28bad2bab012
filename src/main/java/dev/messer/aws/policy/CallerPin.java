package dev.messer.aws.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whether a statement's condition pins its caller to known accounts, an organisation or known
 * principals, so that a grant to {@code Principal: "*"} is not a grant to anyone. Counted are these
 * condition keys, each under a positive operator that fails when the key is missing from the
 * request (a plain {@code StringEquals}, {@code StringLike}, {@code ArnEquals} or {@code ArnLike},
 * also with the {@code ForAnyValue:} prefix; not the {@code IfExists} forms, not
 * {@code ForAllValues:}, not the negated operators), and only with values that name something:
 * <ul>
 *   <li>{@code aws:PrincipalAccount}, {@code kms:CallerAccount}, {@code aws:SourceAccount}: twelve-digit account ids;</li>
 *   <li>{@code aws:PrincipalOrgID}: an organisation id {@code o-...};</li>
 *   <li>{@code aws:PrincipalOrgPaths}: a path that starts with an organisation id;</li>
 *   <li>{@code aws:PrincipalArn}: ARNs whose account field is a twelve-digit id.</li>
 * </ul>
 * Network keys ({@code aws:SourceVpce}, {@code aws:SourceIp}) and {@code kms:ViaService} do not
 * count: they say where a request comes from, not who makes it. The value patterns leave no room
 * for a wildcard in the account or organisation part ({@code o-*}, {@code arn:aws:iam::*:role/x}).
 */
final class CallerPin {

    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern ORGANISATION = Pattern.compile("o-[a-z0-9]{10,32}");
    private static final Pattern ORGANISATION_PATH = Pattern.compile("o-[a-z0-9]{10,32}/.*");
    private static final Pattern PRINCIPAL_ARN = Pattern.compile("arn:[a-z-]+:(iam|sts)::[0-9]{12}:.+");
    private static final List<String> OPERATORS = List.of("stringequals", "stringlike", "arnequals", "arnlike");
    private static final Map<String, Pattern> KEYS = Map.of(
            "aws:principalaccount", ACCOUNT,
            "kms:calleraccount", ACCOUNT,
            "aws:sourceaccount", ACCOUNT,
            "aws:principalorgid", ORGANISATION,
            "aws:principalorgpaths", ORGANISATION_PATH,
            "aws:principalarn", PRINCIPAL_ARN);

    private CallerPin() {
    }

    static boolean pins(PolicyStatement statement) {
        for (var operator : statement.conditions().entrySet()) {
            String name = operator.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith("foranyvalue:")) {
                name = name.substring("foranyvalue:".length());
            }
            if (!OPERATORS.contains(name)) {
                continue;
            }
            for (var test : operator.getValue().entrySet()) {
                Pattern valid = KEYS.get(test.getKey());
                if (valid != null && !test.getValue().isEmpty()
                        && test.getValue().stream().allMatch(v -> valid.matcher(v).matches())) {
                    return true;
                }
            }
        }
        return false;
    }
}
