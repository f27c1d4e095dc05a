package org.example.hostile;

import java.util.List;

/** Throws from predict on a batch with a hostile item. */
public final class ThrowingAdapter extends HostileAdapter {
    public ThrowingAdapter() {
        super("hostile-throw");
    }

    @Override
    void misbehave(List<Item> batch) {
        throw new IllegalStateException("refusing " + batch.size() + " items");
    }
}
