package org.example.hostile;

import java.util.ArrayList;
import java.util.List;

/** Allocates without bound on a batch with a hostile item. */
public final class HoardingAdapter extends HostileAdapter {
    private final List<long[]> hoard = new ArrayList<>();

    public HoardingAdapter() {
        super("hostile-oom");
    }

    @Override
    void misbehave(List<Item> batch) {
        while (true) {
            hoard.add(new long[1 << 20]);
        }
    }
}
