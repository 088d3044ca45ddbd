package dev.vad.common.wire;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One fixed sample of every wire message, the values behind the reference-byte fixtures. */
public final class WireSamples {

    private WireSamples() {
    }

    public static FrameWindow frameWindow() {
        byte[] pixels = new byte[2 * 3 * 4];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 11);
        }
        return new FrameWindow("cam-1", 7, new long[] {14, 15}, new long[] {1_700_000_000_000_000L,
                1_700_000_000_040_000L}, TimestampKind.WALL_CLOCK, 3, false, 4, 3, PixelFormat.GRAY8, pixels);
    }

    public static Reconstruction reconstruction() {
        byte[] pixels = new byte[2 * 2 * 3];
        float[] errors = new float[2 * 2];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (255 - i);
        }
        for (int i = 0; i < errors.length; i++) {
            errors[i] = i / 8f;
        }
        return new Reconstruction("cam-1", 7, new long[] {14}, "street", 3, 2, 2, PixelFormat.RGB24, pixels, errors);
    }

    public static ModelArtifact modelArtifact() {
        Map<String, String> hyper = new TreeMap<>(Map.of("learning_rate", "0.001", "batch_size", "32"));
        ScoreStatistics stats = new ScoreStatistics(500, 0.01, 0.002, 0.0095, 0.001,
                List.of(new ScoreStatistics.Quantile(0.5, 0.0095), new ScoreStatistics.Quantile(0.99, 0.016)));
        ModelHeader header = new ModelHeader("street", 3, "compact", 3, "t,h,w", new int[] {1, 8, 64, 64}, 8, 64, 64,
                PixelFormat.GRAY8, Normalisation.unitRange(), new TreeMap<>(hyper), 42,
                List.of(new OffsetRange("vad.frames", 0, 0, 1200), new OffsetRange("vad.frames", 1, 10, 900)),
                new TreeMap<>(Map.of("frame_mean", stats)), new TreeMap<>(Map.of("loss", 0.004, "steps", 2000.0)),
                1_700_000_123_000_000L);
        return new ModelArtifact(header, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    }

    /** The sample artifact renamed and renumbered. */
    public static ModelArtifact modelArtifact(String name, long version) {
        ModelArtifact sample = modelArtifact();
        ModelHeader h = sample.header();
        return new ModelArtifact(new ModelHeader(name, version, h.architecture(), h.dimensions(), h.view(),
                h.inputShape(), h.windowFrames(), h.frameWidth(), h.frameHeight(), h.pixelFormat(), h.normalisation(),
                h.hyperParameters(), h.seed(), h.trainedOn(), h.calibration(), h.trainingMetrics(),
                h.createdAtMicros()), sample.network());
    }

    public static Camera camera() {
        return new Camera(Camera.SCHEMA_VERSION, "front-door", "rtsp://viewer:secret@10.0.0.5/stream1", 64, 48,
                CameraColour.RGB, 10.0, 8, "compact", 3.5,
                List.of(List.of(new MaskPoint(0, 0), new MaskPoint(0.25, 0), new MaskPoint(0.25, 0.5))), true);
    }

    public static ScoreRecord scoreRecord() {
        return new ScoreRecord(ScoreRecord.SCHEMA_VERSION, "cam-1", 7, "street", 3, TimestampKind.WALL_CLOCK,
                List.of(new FrameScore(14, 1_700_000_000_000_000L, 0.01, 0.03, 0.03, 1.5),
                        new FrameScore(15, 1_700_000_000_040_000L, 0.02, 0.05, 0.05, 4.25)),
                0.05, 4.25, 3.0, ScoreState.ANOMALOUS, 1_700_000_000_050_000L);
    }

    public static AnomalyEvent anomalyEvent() {
        return new AnomalyEvent(AnomalyEvent.PLAIN_VERSION, "cam-1:14", AnomalyEvent.Phase.START,
                AnomalyEvent.Kind.ANOMALY, "cam-1", 14, 15, 1_700_000_000_000_000L, 1_700_000_000_040_000L, 4.25, 15,
                "street", 3, 1_700_000_000_050_000L);
    }

    /** An episode's end with its evidence: schema version 2. */
    public static AnomalyEvent anomalyEventWithEvidence() {
        return new AnomalyEvent(AnomalyEvent.PLAIN_VERSION, "cam-1:14", AnomalyEvent.Phase.END,
                AnomalyEvent.Kind.ANOMALY, "cam-1", 14, 40, 1_700_000_000_000_000L, 1_700_000_001_040_000L, 6.5, 22,
                "street", 3, 1_700_000_001_500_000L)
                .withEvidence(new AnomalyEvent.Evidence("cam-1/14/snapshot.jpg", "cam-1/14/clip.mp4"));
    }

    public static DeadLetter deadLetter() {
        return new DeadLetter("vad.frames", 2, 1234, 1_700_000_000_000L, "cam-1".getBytes(),
                new byte[] {'V', 'A', 'D', 'W', 9}, 5, "decode", "unknown frame window version 9, this build reads up to 1",
                "scorer", 1_700_000_000_060_000L);
    }
}
