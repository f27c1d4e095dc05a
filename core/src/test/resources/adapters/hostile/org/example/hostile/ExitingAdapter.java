package org.example.hostile;

import java.util.List;

/** Ends its JVM with {@code System.exit(7)} on a batch with a hostile item. */
public final class ExitingAdapter extends HostileAdapter {
    public ExitingAdapter() {
        super("hostile-exit");
    }

    @Override
    void misbehave(List<Item> batch) {
        System.exit(7);
    }
}
