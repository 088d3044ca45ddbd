package dev.vad.ingest.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NormalActivityTest {

    private static final int SIZE = 64;

    @Test
    void consecutiveNormalFramesDiffer() {
        SyntheticScene scene = new SyntheticScene(SceneSettings.defaults(SIZE, SIZE, 1));
        SyntheticScene still = new SyntheticScene(new SceneSettings(42, SIZE, SIZE, 1, 25, 0, 0, 0, 0));
        for (long frame = 0; frame < 300; frame++) {
            boolean[] motion = FrameMeasure.changed(scene.render(frame), scene.render(frame + 1), 1, 8);
            assertThat(FrameMeasure.blobSizes(motion, SIZE)).as("frame %d", frame).isNotEmpty();
            boolean[] stillMotion = FrameMeasure.changed(still.render(frame), still.render(frame + 1), 1, 8);
            assertThat(FrameMeasure.blobSizes(stillMotion, SIZE)).as("sensor noise alone, frame %d", frame).isEmpty();
        }
    }

    @Test
    void severalWalkersAreVisibleAndNoneIsAsLargeAsTheOddShape() {
        for (int channels : new int[] {1, 3}) {
            for (long seed = 1; seed <= 5; seed++) {
                SceneSettings settings = SceneSettings.defaults(SIZE, SIZE, channels).withSeed(seed);
                SyntheticScene scene = new SyntheticScene(settings);
                SyntheticScene empty = new SyntheticScene(new SceneSettings(seed, SIZE, SIZE, channels, 25, 0, 0, 0, 0));
                SceneGeometry geometry = SceneGeometry.of(settings);
                for (long frame = 0; frame < 750; frame += 5) {
                    boolean[] walkers = FrameMeasure.changed(scene.render(frame), empty.render(frame), channels, 0);
                    assertThat(FrameMeasure.blobSizes(walkers, SIZE)).as("seed %d frame %d", seed, frame)
                            .hasSizeGreaterThanOrEqualTo(2);
                    assertThat(FrameMeasure.largestBlob(walkers, SIZE)).as("seed %d frame %d", seed, frame)
                            .isLessThan((int) (0.5 * geometry.cartSide() * geometry.cartSide()));
                }
            }
        }
    }

    @Test
    void walkersStayOnTheirLanes() {
        SceneSettings settings = SceneSettings.defaults(SIZE, SIZE, 1);
        SyntheticScene scene = new SyntheticScene(settings);
        SyntheticScene empty = new SyntheticScene(new SceneSettings(42, SIZE, SIZE, 1, 25, 0, 0, 0, 0));
        SceneGeometry geometry = SceneGeometry.of(settings);
        double reach = 1.2 * geometry.bodyRadiusY() + 1;
        for (long frame = 0; frame < 750; frame += 3) {
            boolean[] rows = rows(FrameMeasure.changed(scene.render(frame), empty.render(frame), 1, 0));
            for (int y = 0; y < SIZE; y++) {
                double row = y + 0.5;
                boolean onALane = IntStream.range(0, SceneGeometry.LANES)
                        .anyMatch(lane -> Math.abs(row - geometry.laneY(lane)) <= reach);
                assertThat(!rows[y] || onALane).as("frame %d row %d", frame, y).isTrue();
            }
        }
    }

    private static boolean[] rows(boolean[] mask) {
        boolean[] rows = new boolean[SIZE];
        for (int i = 0; i < mask.length; i++) {
            rows[i / SIZE] |= mask[i];
        }
        return rows;
    }
}
