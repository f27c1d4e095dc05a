package org.glamibench.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.glamibench.dataset.Geo;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.stats.SeedMix;

/** Which items of a split a run scores: all, the first N, or a subset stratified by geo. */
public final class ItemSelection {
    private ItemSelection() {
    }

    /** The first {@code limit} rows in file order (all when the split is smaller). */
    public static List<GlamiRow> first(List<GlamiRow> rows, int limit) {
        return List.copyOf(rows.subList(0, Math.min(limit, rows.size())));
    }

    /**
     * A sample of {@code size} rows stratified by geo: each geo gets its share of {@code size} in
     * proportion to its rows (largest remainders, ties to the geo listed first in {@link Geo}),
     * drawn without replacement by a shuffle seeded with {@code seed} over the geo's rows sorted by
     * item_id. The same split, size and seed give the same items whatever the file order. The
     * result keeps file order.
     *
     * @throws IllegalArgumentException when size is not positive
     */
    public static List<GlamiRow> stratified(List<GlamiRow> rows, int size, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException("--subset must be at least 1, got " + size);
        }
        if (size >= rows.size()) {
            return List.copyOf(rows);
        }
        Map<Geo, List<GlamiRow>> byGeo = new EnumMap<>(Geo.class);
        for (GlamiRow row : rows) {
            byGeo.computeIfAbsent(row.geo(), g -> new ArrayList<>()).add(row);
        }
        Map<Geo, Integer> quota = quotas(byGeo, rows.size(), size);
        List<GlamiRow> chosen = new ArrayList<>(size);
        for (Map.Entry<Geo, List<GlamiRow>> entry : byGeo.entrySet()) {
            List<GlamiRow> geoRows = entry.getValue();
            geoRows.sort(Comparator.comparingLong(GlamiRow::itemId));
            SplittableRandom random = new SplittableRandom(SeedMix.of(seed, entry.getKey().ordinal()));
            int take = quota.get(entry.getKey());
            for (int i = 0; i < take; i++) {
                int j = i + random.nextInt(geoRows.size() - i);
                GlamiRow swap = geoRows.get(i);
                geoRows.set(i, geoRows.get(j));
                geoRows.set(j, swap);
            }
            chosen.addAll(geoRows.subList(0, take));
        }
        Set<GlamiRow> picked = new HashSet<>(chosen);
        return rows.stream().filter(picked::contains).toList();
    }

    /**
     * Each geo's share of {@code size}: {@code size * rows / total} rounded down, then one more for
     * the geos with the largest remainders. Remainders are compared exactly, as integers, so equal
     * shares tie and go to the geo listed first.
     */
    private static Map<Geo, Integer> quotas(Map<Geo, List<GlamiRow>> byGeo, int total, int size) {
        Map<Geo, Integer> quota = new EnumMap<>(Geo.class);
        Map<Geo, Long> remainder = new EnumMap<>(Geo.class);
        int given = 0;
        for (Map.Entry<Geo, List<GlamiRow>> entry : byGeo.entrySet()) {
            long share = (long) size * entry.getValue().size();
            quota.put(entry.getKey(), (int) (share / total));
            remainder.put(entry.getKey(), share % total);
            given += (int) (share / total);
        }
        List<Geo> byRemainder = new ArrayList<>(remainder.keySet());
        byRemainder.sort(Comparator.comparingLong((Geo g) -> -remainder.get(g)).thenComparing(Geo::ordinal));
        for (int i = 0; given < size; i++, given++) {
            quota.merge(byRemainder.get(i % byRemainder.size()), 1, Integer::sum);
        }
        return quota;
    }
}
