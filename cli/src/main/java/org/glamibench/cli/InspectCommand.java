package org.glamibench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.glamibench.dataset.DatasetException;
import org.glamibench.inspect.DatasetInspector;
import org.glamibench.dataset.DatasetLayout;
import org.glamibench.dataset.Geo;
import org.glamibench.dataset.GlamiCsvReader;
import org.glamibench.dataset.GlamiRow;
import org.glamibench.inspect.Inspection;
import org.glamibench.dataset.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code glami-bench inspect}: what a split holds, its hashes and its problems; exits with
 * {@link GlamiBench#EXIT_PROBLEMS} when it found any (skipped rows, bad images, a category named
 * differently in the two splits).
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Reads one split and prints rows per geo, label_source and class, the manifest and class index hashes, and the problems found.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done, no problems", "1:the work failed", "2:bad usage or bad input",
            "3:done, problems found (skipped rows, bad images, a category named differently in the two splits)"})
final class InspectCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOptions dataOptions;

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "test",
            description = "test or train (default: ${DEFAULT-VALUE}).")
    private String split;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    private boolean json;

    @Option(names = "--verify-images",
            description = "Decode every image (missing, unreadable, truncated, unexpected size) and include image bytes in the manifest hash.")
    private boolean verifyImages;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for image checks (default: the number of cores).")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--item", paramLabel = "ITEM_ID", description = "Print only this item's row, as parsed, as a JSON object.")
    private Long item;

    @Override
    public Integer call() throws JsonProcessingException {
        DatasetLayout layout = dataOptions.layout();
        Split chosen = Options.split(split);
        GlamiCsvReader.Mode mode = dataOptions.mode();
        PrintWriter out = spec.commandLine().getOut();
        if (item != null) {
            out.println(Json.MAPPER.writeValueAsString(columns(find(layout, chosen, mode, item))));
            out.flush();
            return 0;
        }
        Inspection inspection = new DatasetInspector(mode, verifyImages, Options.positive("--threads", threads))
                .inspect(layout, chosen);
        if (json) {
            out.println(Json.MAPPER.writeValueAsString(inspection));
        } else {
            printText(inspection, out);
        }
        out.flush();
        return inspection.problems().isEmpty() ? 0 : GlamiBench.EXIT_PROBLEMS;
    }

    private static GlamiRow find(DatasetLayout layout, Split split, GlamiCsvReader.Mode mode, long itemId) {
        try (GlamiCsvReader reader = GlamiCsvReader.open(layout.csv(split), mode)) {
            for (GlamiRow row = reader.next(); row != null; row = reader.next()) {
                if (row.itemId() == itemId) {
                    return row;
                }
            }
        }
        throw new DatasetException(layout.csv(split) + ": no item_id " + itemId);
    }

    private static Map<String, Object> columns(GlamiRow row) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("item_id", row.itemId());
        columns.put("image_id", row.imageId());
        columns.put("geo", row.geo().code());
        columns.put("name", row.name());
        columns.put("description", row.description());
        columns.put("category", row.category());
        columns.put("category_name", row.categoryName());
        columns.put("label_source", row.labelSource());
        return columns;
    }

    private static void printText(Inspection in, PrintWriter out) {
        out.printf(Locale.ROOT, "GLAMI-1M %s split in %s%n", in.split(), in.dataset());
        out.printf(Locale.ROOT, "  rows                %,d%n", in.rows());
        out.printf(Locale.ROOT, "  classes             %d in this split; class index: %d classes from the %s split%n",
                in.classes(), in.classIndexSize(), in.classIndexSource());
        out.printf(Locale.ROOT, "  manifest sha256     %s%s%n", in.manifestSha256(),
                in.manifestIncludesImages() ? " (rows and image bytes)" : " (rows)");
        out.printf(Locale.ROOT, "  class index sha256  %s%n", in.classIndexSha256());
        out.println("rows per geo:");
        in.perGeo().forEach((code, count) -> out.printf(Locale.ROOT, "  %s  %-10s %,9d  %5.1f%%%n", code,
                Geo.fromCode(code).orElseThrow().country(), count, percent(count, in.rows())));
        out.println("rows per label_source:");
        in.perLabelSource().forEach((source, count) -> out.printf(Locale.ROOT, "  %-14s %,9d  %5.1f%%%n",
                source.isEmpty() ? "(empty)" : source, count, percent(count, in.rows())));
        printClasses("largest classes:", in.largestClasses(), out);
        printClasses("smallest classes:", in.smallestClasses(), out);
        if (in.images() != null) {
            out.printf(Locale.ROOT, "images: %,d items checked (%,d files), %,d ok%n", in.images().items(),
                    in.images().files(), in.images().ok());
            in.images().problems().forEach((kind, count) -> out.printf(Locale.ROOT, "  %-16s %,d%n", kind, count));
        }
        if (in.problems().isEmpty()) {
            out.println("problems: none");
        } else {
            out.printf(Locale.ROOT, "problems: %,d (%,d rows skipped)%n", in.problems().size(), in.skippedRows());
            in.problems().forEach(problem -> out.println("  " + problem));
        }
    }

    private static void printClasses(String title, List<Inspection.ClassCount> classes, PrintWriter out) {
        out.println(title);
        for (Inspection.ClassCount c : classes) {
            out.printf(Locale.ROOT, "  %6d  %-40s %,9d%n", c.category(), c.name(), c.rows());
        }
    }

    private static double percent(int count, int total) {
        return total == 0 ? 0 : 100.0 * count / total;
    }
}
