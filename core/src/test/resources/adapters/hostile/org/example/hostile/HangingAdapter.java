package org.example.hostile;

import java.util.List;

/** Never returns from predict on a batch with a hostile item, and ignores interrupts. */
public final class HangingAdapter extends HostileAdapter {
    public HangingAdapter() {
        super("hostile-hang");
    }

    @Override
    void misbehave(List<Item> batch) {
        System.err.println("hostile-hang: hanging");
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException ignored) {
                // keep hanging
            }
        }
    }
}
