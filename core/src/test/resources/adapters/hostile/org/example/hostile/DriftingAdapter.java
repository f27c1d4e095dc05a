package org.example.hostile;

import java.util.List;

/** Gives other scores on every call: the guess's probability drifts down by 0.01 a call. */
public final class DriftingAdapter extends HostileAdapter {
    private int calls;

    public DriftingAdapter() {
        super("hostile-drift");
    }

    @Override
    public float[][] predict(List<Item> batch) throws Exception {
        calls++;
        return super.predict(batch);
    }

    @Override
    float[] scores(Item item, int position) {
        float[] p = super.scores(item, position);
        int guess = classes.indexOf(item.guess());
        float moved = 0.01f * calls;
        p[guess] -= moved;
        p[(guess + 1) % p.length] += moved;
        return p;
    }
}
