package dev.messer.aws.policy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One IAM policy for a profile with {@code regions}: the policy of each region ({@link IamPolicy}),
 * merged statement by statement. Statements of the same {@code Sid} and condition become one with
 * the resources of every region; a statement whose condition names its region
 * ({@code kms:ViaService}) stays apart, its {@code Sid} suffixed with the region.
 */
public final class RegionalPolicies {

    private RegionalPolicies() {
    }

    /**
     * @param role    who the policy is for; an admin also gets {@code kms:Encrypt} on every region's key,
     *                with which a data key is wrapped for each region
     * @param targets one per region, the home region first
     */
    public static JsonObject of(PolicyRole role, List<PolicyTarget> targets) {
        Map<String, JsonObject> merged = new LinkedHashMap<>();
        for (PolicyTarget target : targets) {
            for (JsonElement element : IamPolicy.of(role, target).getAsJsonArray("Statement")) {
                JsonObject statement = element.getAsJsonObject();
                String sid = statement.get("Sid").getAsString();
                if (role == PolicyRole.ADMIN && targets.size() > 1 && sid.equals("MasterKey")) {
                    statement.getAsJsonArray("Action").add("kms:Encrypt");
                }
                JsonObject same = merged.get(sid);
                if (same == null) {
                    merged.put(sid, statement);
                } else if (String.valueOf(same.get("Condition")).equals(String.valueOf(statement.get("Condition")))) {
                    JsonArray resources = same.getAsJsonArray("Resource");
                    statement.getAsJsonArray("Resource").forEach(r -> {
                        if (!resources.contains(r)) {
                            resources.add(r);
                        }
                    });
                } else {
                    String regional = sid + target.region().replace("-", "");
                    statement.addProperty("Sid", regional);
                    merged.put(regional, statement);
                }
            }
        }
        JsonArray statements = new JsonArray();
        merged.values().forEach(statements::add);
        JsonObject policy = new JsonObject();
        policy.addProperty("Version", "2012-10-17");
        policy.add("Statement", statements);
        return policy;
    }
}
