package dev.vad.model;

/** A training-branch placeholder that carries one step's inverted-dropout mask ({@code 0} or {@code 1/keep}). */
record DropoutMask(String placeholder, double rate, long valuesPerExample) {
}
