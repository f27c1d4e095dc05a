package org.example.none;

/** A jar with a class but no adapter service. */
public final class NotAnAdapter {
}
