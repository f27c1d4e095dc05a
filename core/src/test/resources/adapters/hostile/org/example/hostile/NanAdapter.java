package org.example.hostile;

/** Scores a hostile item NaN. */
public final class NanAdapter extends HostileAdapter {
    public NanAdapter() {
        super("hostile-nan");
    }

    @Override
    float[] scores(Item item, int position) {
        float[] p = super.scores(item, position);
        if (item.hostile()) {
            p[0] = Float.NaN;
        }
        return p;
    }
}
