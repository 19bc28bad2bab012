import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that the security provider named first offers no algorithm that one of the others offers
 * too, under its name or an alias, so that moving it ahead of them changes which provider serves
 * no algorithm. bin/bundle runs it with the bundle's runtime before it moves SunJCE ahead of
 * SunRsaSign, SunEC and SunJSSE (docs/performance.md).
 * Usage: java -cp DIR ProviderOrder MOVED PASSED...; prints each overlap and exits 1 when there is one.
 */
public final class ProviderOrder {

    private ProviderOrder() {
    }

    public static void main(String[] args) {
        Provider moved = provider(args[0]);
        List<String> overlaps = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            Provider passed = provider(args[i]);
            overlaps.addAll(overlaps(moved, passed));
            overlaps.addAll(overlaps(passed, moved));
        }
        overlaps.forEach(System.out::println);
        System.exit(overlaps.isEmpty() ? 0 : 1);
    }

    /** The services of {@code one} that {@code other} serves too, asked by type and algorithm (which finds its aliases). */
    private static List<String> overlaps(Provider one, Provider other) {
        List<String> found = new ArrayList<>();
        for (Provider.Service service : one.getServices()) {
            if (other.getService(service.getType(), service.getAlgorithm()) != null) {
                found.add(service.getType() + "." + service.getAlgorithm() + ": " + one.getName() + " and " + other.getName());
            }
        }
        return found;
    }

    private static Provider provider(String name) {
        Provider provider = Security.getProvider(name);
        if (provider == null) {
            System.out.println("no provider " + name);
            System.exit(1);
        }
        return provider;
    }
}
