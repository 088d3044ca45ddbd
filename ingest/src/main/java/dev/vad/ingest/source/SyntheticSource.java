package dev.vad.ingest.source;

import dev.vad.ingest.synthetic.SceneSettings;
import dev.vad.ingest.synthetic.SyntheticScene;
import java.util.Map;
import java.util.Set;

/**
 * The built-in synthetic scene as a source: {@code synthetic:} or, with parameters,
 * {@code synthetic:?seed=7&fps=25&objects=6&first-anomaly=750&anomaly-every=500&anomaly-length=50&frames=3000}.
 * {@code frames=0} (the default) never ends. Timestamps are stream time at the scene's frame rate.
 */
public final class SyntheticSource implements FrameSource {

    private static final Set<String> PARAMETERS = Set.of("seed", "fps", "objects", "first-anomaly", "anomaly-every",
            "anomaly-length", "frames");

    private final SyntheticScene scene;
    private final SceneSettings settings;
    private final long frames;
    private final byte[] pixels;
    private long next;

    private SyntheticSource(SceneSettings settings, long frames) {
        this.settings = settings;
        this.scene = new SyntheticScene(settings);
        this.frames = frames;
        this.pixels = new byte[settings.frameBytes()];
    }

    /** The source a {@code synthetic:} URI describes, rendered at the configured size and colour. */
    public static SyntheticSource of(SourceUri uri, FrameGeometry geometry) {
        return new SyntheticSource(settings(uri, geometry), longParameter(uri.parameters(), "frames", 0));
    }

    /**
     * The scene settings of a {@code synthetic:} URI.
     *
     * @throws IllegalArgumentException for an unknown or malformed parameter, naming it
     */
    public static SceneSettings settings(SourceUri uri, FrameGeometry geometry) {
        Map<String, String> p = uri.parameters();
        for (String key : p.keySet()) {
            if (!PARAMETERS.contains(key)) {
                throw new IllegalArgumentException("unknown synthetic parameter '" + key + "', expected one of "
                        + new java.util.TreeSet<>(PARAMETERS));
            }
        }
        SceneSettings d = SceneSettings.defaults(geometry.width(), geometry.height(), geometry.pixelFormat().channels());
        return new SceneSettings(longParameter(p, "seed", d.seed()), d.width(), d.height(), d.channels(),
                doubleParameter(p, "fps", d.fps()), (int) longParameter(p, "objects", d.objects()),
                longParameter(p, "first-anomaly", d.firstAnomalyFrame()),
                longParameter(p, "anomaly-every", d.anomalyEveryFrames()),
                (int) longParameter(p, "anomaly-length", d.anomalyLengthFrames()));
    }

    /** The scene, for its ground truth. */
    public SyntheticScene scene() {
        return scene;
    }

    @Override
    public void open() {
        next = 0;
    }

    @Override
    public DecodedFrame next() {
        if (frames > 0 && next >= frames) {
            return null;
        }
        long index = next++;
        scene.render(index, pixels);
        return new DecodedFrame(pixels, Math.round(index * 1_000_000.0 / settings.fps()));
    }

    @Override
    public double frameRate() {
        return settings.fps();
    }

    @Override
    public void close() {
        // nothing to release
    }

    private static long longParameter(Map<String, String> p, String key, long defaultValue) {
        String value = p.get(key);
        try {
            return value == null ? defaultValue : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("synthetic parameter " + key + "=" + value + " is not an integer");
        }
    }

    private static double doubleParameter(Map<String, String> p, String key, double defaultValue) {
        String value = p.get(key);
        try {
            return value == null ? defaultValue : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("synthetic parameter " + key + "=" + value + " is not a number");
        }
    }
}
