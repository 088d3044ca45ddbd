package dev.vad.ingest.synthetic;

/**
 * Straight, constant-speed motion of an anomaly's object over the frames of its anomaly, t = 0 at its first frame.
 * Positions are taken modulo the frame size; {@link #fitStart} chooses starts so that a path short enough to fit
 * stays wholly inside the frame, and a longer one wraps round (drawn on both edges while it crosses one).
 */
record ActorPath(double startX, double startY, double velocityX, double velocityY) {

    double x(long t, int width) {
        return wrap(startX + velocityX * t, width);
    }

    double y(long t, int height) {
        return wrap(startY + velocityY * t, height);
    }

    private static double wrap(double value, int extent) {
        return value - extent * Math.floor(value / extent);
    }

    /**
     * Where to start along one axis of {@code extent} pixels, for an object of half-size {@code half} moving at
     * {@code velocity} pixels per frame for {@code frames} frames, {@code unit} in [0, 1) picking among the starts
     * that keep it inside; when no start does, any start on the (wrapping) axis.
     */
    static double fitStart(int extent, double half, double velocity, long frames, double unit) {
        double travel = Math.abs(velocity) * (frames - 1);
        double room = extent - 2 * half - travel;
        if (room < 0) {
            return unit * extent;
        }
        double start = half + unit * room;
        return velocity < 0 ? start + travel : start;
    }
}
