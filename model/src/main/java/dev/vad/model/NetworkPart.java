package dev.vad.model;

/** The half of an autoencoder a parameter belongs to. */
public enum NetworkPart {
    ENCODER,
    DECODER
}
