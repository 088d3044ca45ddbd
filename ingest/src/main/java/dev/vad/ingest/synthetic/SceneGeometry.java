package dev.vad.ingest.synthetic;

/**
 * Sizes and speeds derived from the frame size and rate: four horizontal walkways ("lanes") at 20, 40, 60 and 80 %
 * of the height, walked left to right on lanes 0 and 2 and right to left on lanes 1 and 3; walkers are upright
 * ellipses of about 1/14 x 1/7 of the frame; they cross the frame width in about four seconds.
 *
 * @param bodyRadiusX  horizontal half-axis of a walker, pixels
 * @param bodyRadiusY  vertical half-axis of a walker, pixels
 * @param walkSpeed    nominal walking speed, pixels per frame
 * @param cartSide     side of the odd-shape cart, pixels
 */
record SceneGeometry(int width, int height, double bodyRadiusX, double bodyRadiusY, double walkSpeed,
                     double cartSide) {

    static final int LANES = 4;
    static final double CROSSING_SECONDS = 4.0;
    static final double FAST_FACTOR = 5.0;

    static SceneGeometry of(SceneSettings settings) {
        int width = settings.width();
        int height = settings.height();
        return new SceneGeometry(width, height,
                Math.max(2.0, width / 28.0),
                Math.max(3.0, height / 14.0),
                width / (CROSSING_SECONDS * settings.fps()),
                Math.max(8.0, 0.3 * Math.min(width, height)));
    }

    double laneY(int lane) {
        return height * (lane + 1) / (LANES + 1.0);
    }

    /** +1 for left to right, -1 for right to left. */
    int laneDirection(int lane) {
        return lane % 2 == 0 ? 1 : -1;
    }

    /** Half the height of a walkway stripe, kerbs excluded. */
    double walkwayHalfHeight() {
        return bodyRadiusY + 1.0;
    }

    /** Area of one walker, square pixels. */
    double bodyArea() {
        return Math.PI * bodyRadiusX * bodyRadiusY;
    }
}
