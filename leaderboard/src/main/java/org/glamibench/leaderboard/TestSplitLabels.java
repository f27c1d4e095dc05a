package org.glamibench.leaderboard;

import java.util.HashMap;
import java.util.Map;
import org.glamibench.dataset.ClassIndex;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.Geo;
import org.glamibench.dataset.GlamiCsvReader;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.dataset.Split;
import org.glamibench.dataset.SplitReader;
import org.glamibench.dataset.TestManifest;
import org.glamibench.dataset.ClassIndexCollector;
import org.glamibench.dataset.DatasetException;

/**
 * The geo and category of every item of a dataset's test split, with the split's manifest hash:
 * what the stored labels of a run on that split are checked against. Immutable.
 */
public final class TestSplitLabels {
    private final String manifestSha256;
    private final Map<Long, GlamiRow> rows;

    private TestSplitLabels(String manifestSha256, Map<Long, GlamiRow> rows) {
        this.manifestSha256 = manifestSha256;
        this.rows = rows;
    }

    /**
     * Reads the test split of a dataset, strictly.
     *
     * @throws org.glamibench.dataset.DatasetException when the split is missing or has a bad row
     */
    public static TestSplitLabels read(DatasetLayout layout) {
        ClassIndex classIndex = ClassIndexCollector.read(layout, GlamiCsvReader.Mode.STRICT);
        TestManifest.Builder manifest = new TestManifest.Builder(false);
        Map<Long, GlamiRow> rows = new HashMap<>();
        try (SplitReader reader = SplitReader.open(layout, Split.TEST, classIndex, GlamiCsvReader.Mode.STRICT)) {
            for (GlamiRow row = reader.next(); row != null; row = reader.next()) {
                manifest.add(row);
                rows.put(row.itemId(), row);
            }
        }
        return new TestSplitLabels(manifest.build().sha256(), Map.copyOf(rows));
    }

    /** The manifest hash of the test split. */
    public String manifestSha256() {
        return manifestSha256;
    }

    /**
     * Why a stored item disagrees with the split, or null when it agrees.
     *
     * @param itemId   the stored item id
     * @param geo      the stored geo
     * @param category the stored true category
     */
    public String disagreement(long itemId, Geo geo, int category) {
        GlamiRow row = rows.get(itemId);
        if (row == null) {
            return "item " + itemId + " is not in the dataset's test split";
        }
        if (row.category() != category) {
            return "item " + itemId + " is stored with category " + category + ", but the dataset's label is "
                    + row.category();
        }
        if (row.geo() != geo) {
            return "item " + itemId + " is stored with geo " + geo.code() + ", but the dataset says " + row.geo().code();
        }
        return null;
    }
}
