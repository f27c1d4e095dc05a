/**
 * A pure-Java SentencePiece unigram tokenizer: {@link org.glamibench.sentencepiece.SentencePieceModel} reads a
 * {@code spiece.model} file (sentencepiece's {@code ModelProto}, such as google/mt5-small's) and encodes text to
 * exactly the ids of Python's sentencepiece 0.1.97 {@code encode(text)}, normalizer included. Model files that
 * cannot be used raise {@link org.glamibench.sentencepiece.SentencePieceException}.
 *
 * <p>May import only the JDK: it has no dependency on the rest of the harness, nor on native code.
 *
 * <p>May import: no other package of the harness.
 */
package org.glamibench.sentencepiece;
