package dev.vad.ingest.synthetic;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A seeded, deterministic synthetic camera: walkers on a park's walkways, with labelled anomalies injected on a
 * schedule (see {@code ingest/SYNTHETIC.md}). The pixels of frame N are a pure function of (settings, N), so frames
 * can be drawn in any order, any number of times. Immutable and safe to share between threads.
 */
public final class SyntheticScene {

    private static final Logger LOG = LoggerFactory.getLogger(SyntheticScene.class);

    private final SceneSettings settings;
    private final byte[] background;
    private final NormalTraffic traffic;
    private final AnomalySchedule schedule;
    private final AnomalyPainter painter;
    private final SensorNoise sensor;

    public SyntheticScene(SceneSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("scene settings are required, found null");
        }
        SceneGeometry geometry = SceneGeometry.of(settings);
        this.settings = settings;
        this.background = BackgroundTexture.draw(settings, geometry);
        this.traffic = new NormalTraffic(settings, geometry);
        this.schedule = new AnomalySchedule(settings);
        this.painter = new AnomalyPainter(settings, geometry);
        this.sensor = new SensorNoise(settings);
        LOG.debug("synthetic scene {}", settings);
    }

    public SceneSettings settings() {
        return settings;
    }

    /**
     * Draws frame {@code frameIndex} into {@code out}: width * height * channels bytes, row-major, channels
     * interleaved in R, G, B order.
     */
    public void render(long frameIndex, byte[] out) {
        AnomalySchedule.requireFrame(frameIndex);
        if (out == null || out.length != settings.frameBytes()) {
            throw new IllegalArgumentException("frame buffer must hold " + settings.width() + "x" + settings.height()
                    + "x" + settings.channels() + " = " + settings.frameBytes() + " bytes, found "
                    + (out == null ? "null" : out.length + " bytes"));
        }
        System.arraycopy(background, 0, out, 0, out.length);
        Canvas canvas = new Canvas(out, settings.width(), settings.height(), settings.channels());
        traffic.draw(canvas, frameIndex);
        Optional<InjectedAnomaly> anomaly = schedule.at(frameIndex);
        anomaly.ifPresent(a -> painter.draw(canvas, a, frameIndex));
        sensor.apply(out, frameIndex, anomaly.map(painter::exposure).orElse(Exposure.NEUTRAL));
    }

    /** Draws frame {@code frameIndex} into a new buffer. */
    public byte[] render(long frameIndex) {
        byte[] out = new byte[settings.frameBytes()];
        render(frameIndex, out);
        return out;
    }

    /** The anomaly drawn on frame {@code frameIndex}, if any: the ground truth label. */
    public Optional<InjectedAnomaly> anomalyAt(long frameIndex) {
        return schedule.at(frameIndex);
    }

    /** The anomalies that cover at least one frame in [fromInclusive, toExclusive), in order. */
    public List<InjectedAnomaly> anomaliesBetween(long fromInclusive, long toExclusive) {
        return schedule.between(fromInclusive, toExclusive);
    }

    public boolean isAnomalous(long frameIndex) {
        return schedule.at(frameIndex).isPresent();
    }
}
