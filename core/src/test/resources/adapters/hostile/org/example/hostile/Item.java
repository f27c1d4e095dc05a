package org.example.hostile;

import org.glamibench.adapter.ItemInput;

/**
 * A test item as the hostile adapters see it: the category its name says to guess
 * ({@code guess=<category>}), whether it holds {@code break=hostile}, and the name itself.
 */
record Item(int guess, boolean hostile, String name) {

    static Item of(ItemInput input) {
        int guess = -1;
        boolean hostile = false;
        for (String word : input.name().split(" ")) {
            if (word.startsWith("guess=")) {
                guess = Integer.parseInt(word.substring("guess=".length()));
            }
            hostile |= word.equals("break=hostile");
        }
        return new Item(guess, hostile, input.name());
    }
}
