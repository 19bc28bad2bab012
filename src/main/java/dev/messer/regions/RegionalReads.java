package dev.messer.regions;

import dev.messer.error.NotFoundException;
import dev.messer.error.UnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads that fail over: the nearest region first, then the home region, then the others. Only an
 * outage turns a read to the next region (a connection or first byte that did not come in time,
 * server errors and throttling past the retries, KMS unavailable: {@link UnavailableException}, throttling
 * included). A refusal, an integrity failure or a disabled key is an answer and
 * ends the read. Only the home region's "not found" is final: a secondary region may lag behind it.
 * A region found out is marked down, so the next commands try it last.
 */
public final class RegionalReads {

    private final List<String> regions;
    private final String home;
    private final DownMarks marks;
    private final Consumer<String> notices;
    private final Set<String> announced = ConcurrentHashMap.newKeySet();

    /**
     * @param regions the profile's regions, the home region first
     * @param nearest where reads start
     * @param forced  whether only {@code nearest} is read ({@code --region})
     * @param notices hears one line when a region other than the nearest served a read
     */
    public RegionalReads(List<String> regions, String nearest, boolean forced, DownMarks marks,
                         Consumer<String> notices) {
        this.home = regions.get(0);
        List<String> order = new ArrayList<>(List.of(nearest));
        if (!forced) {
            if (!nearest.equals(home)) {
                order.add(home);
            }
            regions.stream().filter(r -> !order.contains(r)).forEach(order::add);
        }
        this.regions = List.copyOf(order);
        this.marks = marks;
        this.notices = notices;
    }

    public String home() {
        return home;
    }

    /** The regions in the order a read tries them now: those marked down last. */
    public List<String> order() {
        List<String> up = new ArrayList<>();
        List<String> down = new ArrayList<>();
        for (String region : regions) {
            (regions.size() > 1 && marks.isDown(region) ? down : up).add(region);
        }
        up.addAll(down);
        return up;
    }

    /**
     * Runs {@code call} on the source of each region in turn until one answers.
     *
     * @param absent whether an answer is "not there", final only from the home region
     */
    public <S, T> T read(Map<String, S> sources, Function<S, T> call, Predicate<T> absent) {
        List<String> order = order();
        RuntimeException outage = null;
        String outRegion = null;
        NotFoundException notFound = null;
        T missed = null;
        boolean wasMissed = false;
        for (String region : order) {
            T answer;
            try {
                answer = call.apply(sources.get(region));
            } catch (UnavailableException e) {
                if (order.size() > 1) {
                    marks.markDown(region);
                }
                outage = outage == null ? e : outage;
                outRegion = outRegion == null ? region : outRegion;
                continue;
            } catch (NotFoundException e) {
                if (region.equals(home)) {
                    throw e;
                }
                notFound = notFound == null ? e : notFound;
                continue;
            }
            if (!region.equals(home) && absent.test(answer)) {
                missed = wasMissed ? missed : answer;
                wasMissed = true;
                continue;
            }
            if (outRegion != null && announced.add(region)) {
                notices.accept("read from region " + region + ": " + outRegion + " did not answer (" + oneLine(outage)
                        + ")");
            }
            return answer;
        }
        if (notFound != null) {
            throw notFound;
        }
        if (wasMissed) {
            return missed;
        }
        throw outage;
    }

    private static String oneLine(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 160 ? message.substring(0, 160) + "..." : message;
    }
}
