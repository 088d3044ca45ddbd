package dev.vad.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vad.common.wire.AnomalyEvent;
import dev.vad.common.wire.MaskPoint;
import dev.vad.common.wire.FrameWindow;
import dev.vad.common.wire.ModelArtifact;
import dev.vad.common.wire.ModelHeader;
import dev.vad.common.wire.PixelFormat;
import dev.vad.common.wire.ScoreState;
import dev.vad.common.wire.TimestampKind;
import dev.vad.core.calibration.CalibrationSettings;
import dev.vad.core.events.EpisodeSettings;
import dev.vad.model.ModelArtifacts;
import dev.vad.model.Preset;
import dev.vad.model.fit.FitSettings;
import dev.vad.model.fit.ModelFitter;
import dev.vad.model.fit.WindowModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scoring core with a real model fitted to a plain scene (a dark background with a faint bar): a bright
 * square is an anomaly, a frame-wide brightening a scene change, the scene itself normal.
 */
class WindowScorerTest {

    private static final double THRESHOLD = 4.0;
    private static final int SIDE = 16;
    private static final int T = 4;
    private static ActiveModel model;

    @BeforeAll
    static void fit() {
        List<FrameWindow> normal = new ArrayList<>();
        for (int n = 0; n < 60; n++) {
            normal.add(window("s", n, 0, null));
        }
        FitSettings fit = new FitSettings(Preset.COMPACT, 2, 8, 300, 1e-2, 3, 4);
        WindowModel fitted = ModelFitter.create(normal.get(0), fit);
        ModelFitter.Fitted result = ModelFitter.fit(fitted, normal.subList(0, 48), normal.subList(48, 60), fit,
                (step, loss) -> { });
        ModelHeader header = new ModelHeader("m", 1, "compact", 2, "h,w", new int[] {1, SIDE, SIDE}, T, SIDE, SIDE,
                PixelFormat.GRAY8, fitted.normalisation(), new TreeMap<>(Map.of("patch", "4")), 3, List.of(),
                result.calibration(), new TreeMap<>(), 0);
        ModelArtifact artifact = ModelArtifacts.pack(fitted.network(), header);
        model = ActiveModel.of(artifact);
    }

    /** Window {@code n} of a stream: noise on a dark background, a faint bar; optionally altered frames. */
    private static FrameWindow window(String stream, long n, int brighten, int[] square) {
        return window(stream, n, T, brighten, square, 0);
    }

    /** A window of {@code frames} frames, the square (if any) in the frames from {@code squareFrom} on. */
    private static FrameWindow window(String stream, long n, int frames, int brighten, int[] square,
                                      int squareFrom) {
        SplittableRandom random = new SplittableRandom(n * 31 + stream.hashCode());
        byte[] pixels = new byte[frames * SIDE * SIDE];
        for (int f = 0; f < frames; f++) {
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    int v = 40 + random.nextInt(6) + (x == 5 ? 30 : 0) + brighten;
                    if (square != null && f >= squareFrom && x >= square[0] && x < square[0] + 5 && y >= square[1] && y < square[1] + 5) {
                        v = 250;
                    }
                    pixels[(f * SIDE + y) * SIDE + x] = (byte) Math.min(255, v);
                }
            }
        }
        long[] indices = new long[frames];
        for (int f = 0; f < frames; f++) {
            indices[f] = n * frames + f;
        }
        return new FrameWindow(stream, n, indices, indices.clone(), TimestampKind.STREAM_TIME, 0, false, SIDE, SIDE,
                PixelFormat.GRAY8, pixels);
    }

    /** The live scorer's defaults. */
    private static ScoringSettings settings() {
        return ScoringSettings.DEFAULT;
    }

    private static ScoringSettings reconstructingEvery(int windows) {
        return settings(windows, 1, true, ScoringSettings.DEFAULT.maxStreams());
    }

    private static ScoringSettings smoothingOver(int frames) {
        return settings(ScoringSettings.DEFAULT.reconstructionEvery(), frames, true,
                ScoringSettings.DEFAULT.maxStreams());
    }

    private static ScoringSettings withoutSceneChangeGuard() {
        return settings(ScoringSettings.DEFAULT.reconstructionEvery(), 1, false, ScoringSettings.DEFAULT.maxStreams());
    }

    private static ScoringSettings trackingAtMost(int streams) {
        return settings(ScoringSettings.DEFAULT.reconstructionEvery(), 1, true, streams);
    }

    /**
     * The live scorer's defaults but these, and a threshold of {@value #THRESHOLD} (low mark half of it): this test's
     * small model, fitted in seconds, gives normal frames calibrated scores of up to about 3.3.
     */
    private static ScoringSettings settings(int reconstructionEvery, int smoothingFrames, boolean sceneChangeGuard,
                                            int maxStreams) {
        ScoringSettings live = ScoringSettings.DEFAULT;
        CalibrationSettings c = live.calibration();
        EpisodeSettings e = live.episodes();
        return new ScoringSettings(new CalibrationSettings(c.historyFrames(), c.minHistory(), c.refreshEvery(),
                THRESHOLD, smoothingFrames, c.scale()),
                new EpisodeSettings(THRESHOLD, e.enterFrames(), THRESHOLD / 2, e.exitFrames(), e.updateEvery()),
                sceneChangeGuard, live.sceneChangeShare(), reconstructionEvery, live.maxBatchWindows(), maxStreams,
                live.openingErrors());
    }

    @Test
    void normalWindowsStayBelowTheThresholdAndABrightSquareOpensAnAnomalyEpisode() {
        WindowScorer scorer = new WindowScorer(reconstructingEvery(2));
        List<ScoredWindow> normal = scorer.score(model, List.of(window("s", 100, 0, null), window("s", 101, 0, null)),
                5);
        assertThat(normal).allSatisfy(w -> {
            assertThat(w.score().state()).isEqualTo(ScoreState.NORMAL);
            assertThat(w.events()).isEmpty();
        });
        assertThat(normal.get(0).reconstruction()).as("every 2nd window's reconstruction").isNotNull();
        assertThat(normal.get(1).reconstruction()).isNull();

        ScoredWindow odd = scorer.score(model, List.of(window("s", 102, 0, new int[] {8, 8})), 6).get(0);

        assertThat(odd.score().state()).isEqualTo(ScoreState.ANOMALOUS);
        assertThat(odd.score().calibratedScore()).isGreaterThan(odd.score().threshold());
        assertThat(odd.score().frames()).allSatisfy(f -> assertThat(f.patchError()).isGreaterThan(f.meanError()));
        assertThat(odd.events()).singleElement().satisfies(e -> {
            assertThat(e.phase()).isEqualTo(AnomalyEvent.Phase.START);
            assertThat(e.kind()).isEqualTo(AnomalyEvent.Kind.ANOMALY);
            assertThat(e.firstFrameIndex()).isEqualTo(408);
            assertThat(e.modelVersion()).isEqualTo(1);
        });
        List<AnomalyEvent> after = new ArrayList<>();
        for (int n = 103; n < 115; n++) {
            after.addAll(scorer.score(model, List.of(window("s", n, 0, null)), 7).get(0).events());
        }
        assertThat(after).extracting(AnomalyEvent::phase).containsExactly(AnomalyEvent.Phase.END);
        assertThat(after.get(0).lastFrameIndex()).as("the episode ends at its last high frame, on or after the"
                + " square's").isBetween(411L, 430L);
    }

    /** A {@code future} model fitted to 6-frame windows of the plain scene. */
    private static ActiveModel futureModel(int frames) {
        List<FrameWindow> normal = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            normal.add(window("s", n, frames, 0, null, 0));
        }
        FitSettings fit = new FitSettings(Preset.FUTURE, 3, 2, 150, 3e-3, 3, 4);
        WindowModel fitted = ModelFitter.create(normal.get(0), fit);
        ModelFitter.Fitted result = ModelFitter.fit(fitted, normal.subList(0, 32), normal.subList(32, 40), fit,
                (step, loss) -> { });
        ModelHeader header = new ModelHeader("f", 1, "future", 3, "t,h,w", new int[] {1, frames, SIDE, SIDE},
                frames, SIDE, SIDE, PixelFormat.GRAY8, fitted.normalisation(), new TreeMap<>(Map.of("patch", "4")),
                3, List.of(), result.calibration(), new TreeMap<>(), 0);
        return ActiveModel.of(ModelArtifacts.pack(fitted.network(), header));
    }

    @Test
    void aPredictingModelScoresEveryFrameAfterAStreamsFirstContextUnderItsOwnIndex() {
        int frames = 6;
        ActiveModel future = futureModel(frames);
        WindowScorer scorer = new WindowScorer(reconstructingEvery(1));

        ScoredWindow plain = scorer.score(future, List.of(window("s", 100, frames, 0, null, 0)), 1).get(0);
        ScoredWindow odd = scorer.score(future, List.of(window("s", 101, frames, 0, new int[] {8, 8}, 5)), 2).get(0);

        assertThat(future.model().firstScoredFrame()).isEqualTo(4);
        assertThat(plain.score().frames()).as("the stream's first four frames are context")
                .extracting(f -> f.frameIndex()).containsExactly(604L, 605L);
        assertThat(plain.score().state()).isEqualTo(ScoreState.NORMAL);
        assertThat(odd.score().frames()).as("the next window is predicted whole, from the frames before it")
                .extracting(f -> f.frameIndex()).containsExactly(606L, 607L, 608L, 609L, 610L, 611L);
        assertThat(odd.score().frames().subList(0, 5))
                .allSatisfy(f -> assertThat(f.calibratedScore()).isLessThan(odd.score().threshold()));
        assertThat(odd.score().frames().get(5).calibratedScore()).isGreaterThan(odd.score().threshold());
        assertThat(odd.reconstruction().frameIndices()).as("the viewer shows the window itself")
                .containsExactly(606L, 607L, 608L, 609L, 610L, 611L);

        List<FrameWindow> many = new ArrayList<>();
        for (int n = 200; n < 211; n++) {
            many.add(window("b", n, frames, 0, null, 0));
        }
        List<ScoredWindow> together = new WindowScorer(settings()).score(future, many, 3);
        WindowScorer alone = new WindowScorer(settings());
        assertThat(future.model().maxWindowsPerCall()).as("16 predicted frames a call").isEqualTo(8);
        assertThat(together).hasSize(11);
        for (int i = 0; i < many.size(); i++) {
            ScoredWindow single = alone.score(future, List.of(many.get(i)), 3).get(0);
            assertThat(together.get(i).score().frames()).extracting(f -> f.frameIndex())
                    .containsExactlyElementsOf(single.score().frames().stream().map(f -> f.frameIndex()).toList())
                    .hasSize(i == 0 ? 2 : frames)
                    .last().isEqualTo((200L + i) * frames + 5);
            for (int f = 0; f < single.score().frames().size(); f++) {
                assertThat(together.get(i).score().frames().get(f).meanError())
                        .isCloseTo(single.score().frames().get(f).meanError(), within(1e-9));
            }
        }
    }

    /** The frames {@code first..first+length-1} of one stream whose bright square moves a pixel a frame. */
    private static FrameWindow movingSquare(long first, int length) {
        byte[] pixels = new byte[length * SIDE * SIDE];
        long[] indices = new long[length];
        for (int f = 0; f < length; f++) {
            long frame = first + f;
            indices[f] = frame;
            SplittableRandom random = new SplittableRandom(frame);
            int at = (int) (frame % (SIDE - 4));
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    boolean square = x >= at && x < at + 4 && y >= 6 && y < 10;
                    pixels[(f * SIDE + y) * SIDE + x] = (byte) (square ? 200 : 40 + random.nextInt(6));
                }
            }
        }
        return new FrameWindow("m", first, indices, indices.clone(), TimestampKind.STREAM_TIME, 0, false, SIDE, SIDE,
                PixelFormat.GRAY8, pixels);
    }

    /** Per-frame mean errors by frame index, of the windows of a stream of 60 frames every {@code stride}. */
    private static Map<Long, Double> meanErrors(ActiveModel model, int frames, int stride) {
        List<FrameWindow> windows = new ArrayList<>();
        for (long first = 0; first + frames <= 60; first += stride) {
            windows.add(movingSquare(first, frames));
        }
        Map<Long, Double> errors = new TreeMap<>();
        for (ScoredWindow scored : new WindowScorer(settings()).score(model, windows, 1)) {
            scored.score().frames().forEach(f -> assertThat(errors.put(f.frameIndex(), f.meanError()))
                    .as("frame %d scored once", f.frameIndex()).isNull());
        }
        return errors;
    }

    @Test
    void nonOverlappingWindowsScoreEveryFrameAsOverlappingOnesDo() {
        int frames = 6;
        ActiveModel future = futureModel(frames);

        Map<Long, Double> overlapping = meanErrors(future, frames, 2);
        Map<Long, Double> apart = meanErrors(future, frames, frames);
        Map<Long, Double> byThree = meanErrors(future, frames, 3);

        assertThat(apart.keySet()).as("every frame after the first four").containsExactlyElementsOf(
                java.util.stream.LongStream.range(4, 60).boxed().toList());
        assertThat(overlapping.keySet()).isEqualTo(apart.keySet());
        assertThat(byThree.keySet()).isEqualTo(apart.keySet());
        for (long frame : apart.keySet()) {
            double expected = overlapping.get(frame);
            assertThat(apart.get(frame)).as("frame %d", frame).isCloseTo(expected, within(1e-6 * expected + 1e-12));
            assertThat(byThree.get(frame)).as("frame %d", frame).isCloseTo(expected, within(1e-6 * expected + 1e-12));
        }
    }

    @Test
    void smoothingPublishesTheMeanOfTheStreamsLastCalibratedFrameScores() {
        WindowScorer plain = new WindowScorer(settings());
        WindowScorer smoothed = new WindowScorer(smoothingOver(3));
        List<Double> raw = new ArrayList<>();
        List<Double> published = new ArrayList<>();
        for (int n = 100; n < 104; n++) {
            FrameWindow w = window("s", n, 0, n == 102 ? new int[] {8, 8} : null);
            plain.score(model, List.of(w), n).get(0).score().frames().forEach(f -> raw.add(f.calibratedScore()));
            smoothed.score(model, List.of(w), n).get(0).score().frames()
                    .forEach(f -> published.add(f.calibratedScore()));
        }

        assertThat(published).hasSameSizeAs(raw).hasSize(4 * T);
        assertThat(published.get(0)).isEqualTo(raw.get(0));
        assertThat(published.get(1)).isCloseTo((raw.get(0) + raw.get(1)) / 2, withinRounding(published.get(1)));
        for (int i = 2; i < raw.size(); i++) {
            assertThat(published.get(i)).isCloseTo((raw.get(i - 2) + raw.get(i - 1) + raw.get(i)) / 3,
                    withinRounding(published.get(i)));
        }
    }

    /** 1e-12 of {@code value}: a mean summed in another order may differ in its last digits. */
    private static Offset<Double> withinRounding(double value) {
        return within(1e-12 * Math.max(1.0, Math.abs(value)));
    }

    @Test
    void aFrameWideChangeIsASceneChangeWithTheGuardAndAnAnomalyWithout() {
        ScoredWindow guarded = new WindowScorer(settings()).score(model, List.of(window("s", 100, 120, null)), 1)
                .get(0);
        assertThat(guarded.score().state()).isEqualTo(ScoreState.SCENE_CHANGE);
        assertThat(guarded.events()).singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo(AnomalyEvent.Kind.SCENE_CHANGE));

        ScoredWindow unguarded = new WindowScorer(withoutSceneChangeGuard())
                .score(model, List.of(window("s", 100, 120, null)), 1).get(0);
        assertThat(unguarded.score().state()).isEqualTo(ScoreState.ANOMALOUS);
        assertThat(unguarded.events()).singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo(AnomalyEvent.Kind.ANOMALY));
    }

    @Test
    void streamsAreCalibratedApartAndTheLeastRecentlySeenIsForgottenBeyondTheCap() {
        List<String> forgotten = new ArrayList<>();
        WindowScorer scorer = new WindowScorer(trackingAtMost(2), forgotten::add);
        scorer.score(model, List.of(window("a", 1, 0, null), window("b", 1, 0, null)), 1);
        scorer.score(model, List.of(window("a", 2, 0, null), window("c", 1, 0, null)), 2);
        assertThat(scorer.streams()).isEqualTo(2);
        assertThat(forgotten).as("b was seen least recently").containsExactly("b");
    }

    @Test
    void aCamerasMaskHidesAnAnomalyPaintedInsideItAndNotOneOutsideAndItsThresholdIsTheOneInForce() {
        List<List<MaskPoint>> leftHalf = List.of(List.of(new MaskPoint(0, 0), new MaskPoint(0.5, 0),
                new MaskPoint(0.5, 1), new MaskPoint(0, 1)));
        WindowScorer scorer = new WindowScorer(reconstructingEvery(1));
        scorer.rules(Map.of("masked", new StreamRule(null, leftHalf), "strict", new StreamRule(1000.0, List.of())));

        ScoredWindow inside = scorer.score(model, List.of(window("masked", 102, 0, new int[] {1, 8})), 6).get(0);
        ScoredWindow outside = scorer.score(model, List.of(window("masked", 103, 0, new int[] {10, 8})), 6).get(0);
        ScoredWindow plain = new WindowScorer(settings()).score(model, List.of(window("plain", 102, 0,
                new int[] {1, 8})), 6).get(0);

        assertThat(plain.score().state()).as("the same square without the mask").isEqualTo(ScoreState.ANOMALOUS);
        assertThat(inside.score().state()).isEqualTo(ScoreState.NORMAL);
        assertThat(inside.score().threshold()).isEqualTo(THRESHOLD);
        float[] shown = inside.reconstruction().errorMap();
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE / 2; x++) {
                assertThat(shown[y * SIDE + x]).as("masked pixels show no error").isZero();
            }
        }
        assertThat(outside.score().state()).isEqualTo(ScoreState.ANOMALOUS);

        ScoredWindow strict = scorer.score(model, List.of(window("strict", 102, 0, new int[] {8, 8})), 6).get(0);
        assertThat(strict.score().threshold()).isEqualTo(1000.0);
        assertThat(strict.score().calibratedScore()).as("anomalous by the scorer's threshold").isGreaterThan(THRESHOLD);
        assertThat(strict.score().state()).isEqualTo(ScoreState.NORMAL);
        assertThat(strict.events()).isEmpty();
        scorer.rules(Map.of());
        assertThat(scorer.score(model, List.of(window("strict", 103, 0, null)), 7).get(0).score().threshold())
                .isEqualTo(THRESHOLD);
    }

    @Test
    void aMaskCoversThePixelsWhoseCentresLieInsideAnyOfItsPolygons() {
        boolean[] pixels = IgnoreMask.pixels(List.of(List.of(new MaskPoint(0, 0), new MaskPoint(0.5, 0),
                new MaskPoint(0, 0.5)), List.of(new MaskPoint(0.75, 0.75), new MaskPoint(1, 0.75),
                new MaskPoint(1, 1), new MaskPoint(0.75, 1))), 4, 4);

        assertThat(pixels).containsExactly(
                true, false, false, false,
                false, false, false, false,
                false, false, false, false,
                false, false, false, true);
        assertThat(IgnoreMask.pixels(List.of(), 4, 4)).isNull();
    }
}
