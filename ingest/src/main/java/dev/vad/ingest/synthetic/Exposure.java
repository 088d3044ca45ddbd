package dev.vad.ingest.synthetic;

/**
 * Global lighting applied to a whole frame: value * gain + offset per channel. Normal frames are {@link #NEUTRAL};
 * a {@link InjectedAnomaly.Kind#GLOBAL_CHANGE} switches to {@link #FLOODLIT} or {@link #DUSK} for its frames.
 */
record Exposure(double redGain, double greenGain, double blueGain, double offset) {

    static final Exposure NEUTRAL = new Exposure(1, 1, 1, 0);
    /** Much brighter and warm. */
    static final Exposure FLOODLIT = new Exposure(1.55, 1.45, 1.2, 40);
    /** Much darker and cold. */
    static final Exposure DUSK = new Exposure(0.35, 0.4, 0.55, 0);

    /** The gain of channel {@code channel} in a frame of {@code channels}: the luma-weighted gain for grey. */
    double gain(int channel, int channels) {
        if (channels == 1) {
            return 0.299 * redGain + 0.587 * greenGain + 0.114 * blueGain;
        }
        return channel == 0 ? redGain : channel == 1 ? greenGain : blueGain;
    }
}
