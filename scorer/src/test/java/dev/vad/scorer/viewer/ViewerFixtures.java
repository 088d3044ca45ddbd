package dev.vad.scorer.viewer;

import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.PixelFormat;
import dev.vad.common.wire.Reconstruction;
import dev.vad.common.wire.ScoreRecord;
import dev.vad.common.wire.ScoreState;
import dev.vad.common.wire.TimestampKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/** Windows of 2 frames of 4x3 grey pixels, their scores and reconstructions, and a clock the test moves. */
final class ViewerFixtures {

    static final int WIDTH = 4;
    static final int HEIGHT = 3;

    Instant now = Instant.parse("2026-11-30T08:00:00Z");

    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    /** Window {@code seq}: frame 0 all 10, frame 1 all 200. */
    static FrameWindow window(String stream, long seq) {
        byte[] pixels = new byte[2 * WIDTH * HEIGHT];
        Arrays.fill(pixels, 0, WIDTH * HEIGHT, (byte) 10);
        Arrays.fill(pixels, WIDTH * HEIGHT, pixels.length, (byte) 200);
        return new FrameWindow(stream, seq, new long[] {2 * seq, 2 * seq + 1}, new long[] {0, 1},
                TimestampKind.WALL_CLOCK, 0, false, WIDTH, HEIGHT, PixelFormat.GRAY8, pixels);
    }

    static ScoreRecord score(String stream, long seq, double calibrated, ScoreState state) {
        return new ScoreRecord(1, stream, seq, "conv3d", 2, TimestampKind.WALL_CLOCK, List.of(), 0.01, calibrated,
                4.0, state, 0);
    }

    /** The reconstruction of {@link #window}: frame 1 reconstructed as 190, its error 0.5 at pixel 0. */
    static Reconstruction reconstruction(String stream, long seq) {
        byte[] pixels = new byte[2 * WIDTH * HEIGHT];
        Arrays.fill(pixels, WIDTH * HEIGHT, pixels.length, (byte) 190);
        float[] error = new float[2 * WIDTH * HEIGHT];
        error[WIDTH * HEIGHT] = 0.5f;
        return new Reconstruction(stream, seq, new long[] {2 * seq, 2 * seq + 1}, "conv3d", 2, WIDTH, HEIGHT,
                PixelFormat.GRAY8, pixels, error);
    }
}
