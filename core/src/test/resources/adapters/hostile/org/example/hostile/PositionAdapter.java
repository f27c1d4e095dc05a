package org.example.hostile;

/** Scores by the item's position in its batch, whatever the item: answers looked up by position. */
public final class PositionAdapter extends HostileAdapter {
    public PositionAdapter() {
        super("hostile-by-position");
    }

    @Override
    float[] scores(Item item, int position) {
        return guessing(classes.category(position % classes.size()));
    }
}
