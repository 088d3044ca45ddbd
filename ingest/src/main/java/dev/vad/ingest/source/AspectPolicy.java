package dev.vad.ingest.source;

/** How a source frame of another aspect ratio is fitted to the configured size. */
public enum AspectPolicy {
    /** Scale each axis independently (fastest; distorts shapes when the ratios differ). */
    STRETCH,
    /** Scale to fit inside and pad with black bars. */
    LETTERBOX,
    /** Scale to cover and cut the overflow, centred. */
    CROP
}
