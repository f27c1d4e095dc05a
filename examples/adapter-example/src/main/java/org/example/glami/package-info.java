/**
 * An example model adapter for glami-bench, built against the adapter API alone:
 * {@link org.example.glami.CharNgramAdapter}, naive Bayes over the hashed character n-grams of an
 * item's text, trained on the train split when it opens.
 *
 * <p>May import: org.glamibench.adapter, org.glamibench.dataset.
 */
package org.example.glami;
