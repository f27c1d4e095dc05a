package org.example.hostile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glamibench.adapter.AdapterContext;

/**
 * Fails once, on the first batch with a hostile item, then never again: option {@code marker}
 * names a file that it creates when it fails (it does not fail while the file exists), option
 * {@code fault} says how: {@code exit} ends its JVM ({@code System.exit(7)}; run it in a child
 * JVM), {@code interrupt} interrupts the calling thread and returns the batch's scores (the run or
 * task that called it stops, as if killed).
 */
public final class OnceAdapter extends HostileAdapter {
    private Path marker;
    private String fault;

    public OnceAdapter() {
        super("hostile-once");
    }

    @Override
    public void open(AdapterContext context) throws Exception {
        super.open(context);
        marker = Path.of(context.options().get("marker"));
        fault = context.options().getOrDefault("fault", "exit");
    }

    @Override
    void misbehave(List<Item> batch) throws Exception {
        if (Files.exists(marker)) {
            return;
        }
        Files.createFile(marker);
        if (fault.equals("exit")) {
            System.exit(7);
        }
        Thread.currentThread().interrupt();
    }
}
