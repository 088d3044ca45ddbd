package dev.vad.ingest.synthetic;

/** A colour with 0-255 components; grey frames draw its luma (ITU-R BT.601). */
record Rgb(int red, int green, int blue) {

    static final Rgb GRASS = new Rgb(118, 150, 104);
    static final Rgb WALKWAY = new Rgb(204, 194, 172);
    static final Rgb KERB = new Rgb(150, 146, 140);
    static final Rgb BENCH = new Rgb(96, 72, 52);
    static final Rgb PLANTER = new Rgb(62, 98, 58);
    static final Rgb CART = new Rgb(255, 250, 232);
    static final Rgb CART_CROSS = new Rgb(30, 30, 36);
    /** Walker coats: medium to dark, so that they stand out on both the grass and the walkways. */
    static final Rgb[] COATS = {
        new Rgb(172, 52, 44), new Rgb(44, 78, 160), new Rgb(52, 104, 60), new Rgb(120, 88, 40),
        new Rgb(104, 60, 130), new Rgb(56, 56, 66), new Rgb(30, 110, 120), new Rgb(150, 64, 100)
    };

    static int luma(double red, double green, double blue) {
        return (int) Math.round(0.299 * red + 0.587 * green + 0.114 * blue);
    }

    /** The values drawn in a frame of {@code channels} channels: the luma, or R, G and B. */
    int[] components(int channels) {
        return channels == 1 ? new int[] {luma(red, green, blue)} : new int[] {red, green, blue};
    }
}
