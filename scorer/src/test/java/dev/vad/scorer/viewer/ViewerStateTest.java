package dev.vad.scorer.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.wire.MaskPoint;
import dev.vad.common.wire.ScoreState;
import dev.vad.core.score.StreamRule;
import dev.vad.scorer.images.FrameImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ViewerStateTest {

    private final ViewerFixtures fixtures = new ViewerFixtures();

    @Test
    void theSnapshotIsTheLastFrameOfTheNewestReconstructedWindow() {
        ViewerState state = new ViewerState(Duration.ofMinutes(5), 100, 8, fixtures.clock);
        state.scored(ViewerFixtures.window("yard", 0), ViewerFixtures.score("yard", 0, 1, ScoreState.NORMAL),
                ViewerFixtures.reconstruction("yard", 0));
        state.scored(ViewerFixtures.window("yard", 1), ViewerFixtures.score("yard", 1, 5, ScoreState.ANOMALOUS),
                null);

        ViewerState.Snapshot snapshot = state.snapshot("yard").orElseThrow();
        assertThat(snapshot.seq()).as("window 1 had no reconstruction").isZero();
        assertThat(snapshot.frameIndex()).isEqualTo(1);
        assertThat(snapshot.frame()).hasSize(12).containsOnly((byte) 200);
        assertThat(snapshot.reconstruction()).containsOnly((byte) 190);
        assertThat(snapshot.error()).hasSize(12).startsWith(0.5f);
        assertThat(state.streams().get(0).points()).extracting(ViewerState.Point::state)
                .containsExactly("normal", "anomalous");
        assertThat(state.pointsAfter("yard", 0)).extracting(ViewerState.Point::seq).containsExactly(1L);
    }

    @Test
    void pointsOlderThanTheHistoryOrBeyondTheCapAreDropped() {
        ViewerState state = new ViewerState(Duration.ofSeconds(10), 5, 8, fixtures.clock);
        for (int seq = 0; seq < 20; seq++) {
            state.scored(ViewerFixtures.window("yard", seq), ViewerFixtures.score("yard", seq, 1, ScoreState.NORMAL),
                    null);
            fixtures.now = fixtures.now.plusSeconds(1);
        }
        assertThat(state.pointsAfter("yard", -1)).extracting(ViewerState.Point::seq)
                .containsExactly(15L, 16L, 17L, 18L, 19L);

        fixtures.now = fixtures.now.plusSeconds(30);
        state.scored(ViewerFixtures.window("yard", 20), ViewerFixtures.score("yard", 20, 1, ScoreState.NORMAL), null);
        assertThat(state.pointsAfter("yard", -1)).extracting(ViewerState.Point::seq).containsExactly(20L);
    }

    @Test
    void beyondTheStreamCapTheStreamSeenLeastRecentlyIsForgotten() {
        ViewerState state = new ViewerState(Duration.ofMinutes(5), 100, 2, fixtures.clock);
        for (String stream : new String[] {"a", "b", "a", "c"}) {
            state.scored(ViewerFixtures.window(stream, 0), ViewerFixtures.score(stream, 0, 1, ScoreState.NORMAL),
                    null);
        }
        assertThat(state.streams()).extracting(ViewerState.StreamView::stream).containsExactly("a", "c");
        assertThat(state.snapshot("b")).isEmpty();
    }

    @Test
    void aCamerasIgnoreMasksAreKeptWithItsSnapshotsAndDimmedInItsImages() throws Exception {
        ViewerState state = new ViewerState(Duration.ofMinutes(5), 100, 8, fixtures.clock);
        List<List<MaskPoint>> leftHalf = List.of(List.of(new MaskPoint(0, 0), new MaskPoint(0.5, 0),
                new MaskPoint(0.5, 1), new MaskPoint(0, 1)));
        state.cameras(Map.of("yard", new StreamRule(null, leftHalf)));
        state.scored(ViewerFixtures.window("yard", 0), ViewerFixtures.score("yard", 0, 1, ScoreState.NORMAL),
                ViewerFixtures.reconstruction("yard", 0));
        state.scored(ViewerFixtures.window("gate", 0), ViewerFixtures.score("gate", 0, 1, ScoreState.NORMAL),
                ViewerFixtures.reconstruction("gate", 0));

        ViewerState.Snapshot yard = state.snapshot("yard").orElseThrow();
        assertThat(yard.ignored()).containsExactly(true, true, false, false, true, true, false, false, true, true,
                false, false);
        assertThat(state.snapshot("gate").orElseThrow().ignored()).as("a stream without masks").isNull();
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(FrameImages.framePng(yard.frame(),
                yard.width(), yard.height(), yard.format(), yard.ignored())));
        assertThat(shown.getRGB(0, 0) & 0xff).as("dimmed").isEqualTo((int) Math.round(200 * FrameImages.DIMMED));
        assertThat(shown.getRGB(3, 2) & 0xff).as("as the camera sees it").isEqualTo(200);
    }
}
