package org.example.scripted;

import java.util.List;
import org.glamibench.adapter.ItemInput;

/**
 * What a test item's name tells the scripted adapters: {@code guess=<category>} is the category
 * they score highest, {@code break=<kind>} the way they break the output contract on that item.
 *
 * @param guess the category guessed
 * @param brk   the contract violation to commit, or "" for none
 */
record Script(int guess, String brk) {

    static Script of(ItemInput item) {
        int guess = -1;
        String brk = "";
        for (String word : item.name().split(" ")) {
            if (word.startsWith("guess=")) {
                guess = Integer.parseInt(word.substring("guess=".length()));
            } else if (word.startsWith("break=")) {
                brk = word.substring("break=".length());
            }
        }
        if (guess < 0) {
            throw new IllegalArgumentException("no guess= in '" + item.name() + "'");
        }
        return new Script(guess, brk);
    }

    static boolean anyBreaks(List<Script> batch, String kind) {
        return batch.stream().anyMatch(script -> script.brk().equals(kind));
    }
}
