package dev.vad.ingest;

import dev.vad.ingest.source.DecodedFrame;
import dev.vad.ingest.source.FrameSource;
import dev.vad.ingest.source.SourceException;
import dev.vad.ingest.window.Windower;
import java.time.Clock;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one stream: decodes frames, cuts windows, publishes them. A file ends with its tail window; a live source
 * that drops is reconnected with backoff (growing until a frame arrives), its frame indices continue past the gap, and the gap is counted and
 * carried by the next window. A frame that fails to decode is counted and skipped.
 */
public final class StreamIngestor {

    private static final Logger LOG = LoggerFactory.getLogger(StreamIngestor.class);

    private final StreamPlan plan;
    private final FrameSource source;
    private final Windower windower;
    private final WindowSink sink;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Pacer pacer;
    private volatile boolean stopping;
    private long nextFrameIndex;
    private long positionBase;
    private long timestampOffset;
    private long lastTimestamp;
    private long lastFrameWallMillis;
    private int decodeErrorsInRow;
    private int reconnectAttempts;
    private long fpsWindowStart;
    private int fpsFrames;

    public StreamIngestor(StreamPlan plan, FrameSource source, Windower windower, WindowSink sink,
                          IngestMetrics metrics, Clock clock, Sleeper sleeper, RandomGenerator random) {
        this.plan = plan;
        this.source = source;
        this.windower = windower;
        this.sink = sink;
        this.metrics = metrics;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.pacer = new Pacer(clock, sleeper);
    }

    /**
     * Ingests until a finite source ends or {@link #stop()} is called.
     *
     * @throws SourceException when the source cannot be opened, or a live source cannot be reconnected
     */
    public void run() throws SourceException, InterruptedException {
        connect();
        lastFrameWallMillis = clock.millis();
        LOG.info("stream {}: reading {} at {} fps", plan.streamId(), plan.source().shown(),
                String.format("%.2f", source.frameRate()));
        try {
            while (!stopping) {
                DecodedFrame frame = nextFrame();
                if (frame == null && !handleEnd()) {
                    break;
                }
                if (frame != null) {
                    accept(frame);
                }
            }
            if (!plan.source().kind().live()) {
                windower.finish().ifPresent(this::publish);
                metrics.droppedAtEnd(windower.droppedAtEnd());
            }
            sink.flush();
        } finally {
            source.close();
        }
    }

    /** Opens the source; a live one gets {@code connectAttempts} tries with backoff (a camera still starting up). */
    private void connect() throws SourceException, InterruptedException {
        int attempts = plan.source().kind().live() ? plan.connectAttempts() : 1;
        for (int attempt = 0; ; attempt++) {
            try {
                source.open();
                return;
            } catch (SourceException e) {
                if (attempt + 1 >= attempts || stopping) {
                    throw e;
                }
                LOG.debug("stream {}: {}; trying again", plan.streamId(), e.getMessage());
                sleeper.sleep(plan.backoff().delay(attempt, random));
            }
        }
    }

    /** Asks the loop to stop after the current frame; safe from any thread. */
    public void stop() {
        stopping = true;
    }

    private DecodedFrame nextFrame() throws SourceException, InterruptedException {
        DecodedFrame frame;
        try {
            frame = source.next();
        } catch (SourceException e) {
            return afterReadFailure(e);
        }
        decodeErrorsInRow = 0;
        if (frame == null && plan.source().kind().live() && !stopping) {
            LOG.warn("stream {}: the live source ended; reconnecting", plan.streamId());
            reconnect();
        }
        return frame;
    }

    /** A live source that fails is reconnected; a file's undecodable frame is counted and skipped. */
    private DecodedFrame afterReadFailure(SourceException e) throws SourceException, InterruptedException {
        if (plan.source().kind().live()) {
            LOG.warn("stream {}: {}; reconnecting", plan.streamId(), e.getMessage());
            reconnect();
            return null;
        }
        metrics.decodeError();
        if (++decodeErrorsInRow > plan.maxDecodeErrors()) {
            throw new SourceException(plan.source().shown() + ": " + decodeErrorsInRow
                    + " frames in a row failed to decode; giving up (last error: " + e.getMessage() + ")", e);
        }
        if (decodeErrorsInRow == 1) {
            LOG.warn("stream {}: skipping a frame that failed to decode: {}", plan.streamId(), e.getMessage());
        }
        return null;
    }

    /** At the end of the source: true to go on (loop, reconnect, or a skipped frame), false to finish. */
    private boolean handleEnd() throws SourceException, InterruptedException {
        if (stopping) {
            return false;
        }
        if (decodeErrorsInRow > 0) {
            return true;
        }
        if (plan.source().kind().live()) {
            return true;
        }
        if (plan.loop()) {
            source.close();
            source.open();
            positionBase = nextFrameIndex;
            timestampOffset = lastTimestamp + Math.round(1_000_000 / source.frameRate());
            return true;
        }
        return false;
    }

    private void accept(DecodedFrame frame) throws InterruptedException {
        long timestamp = plan.source().kind().live() ? frame.timestampMicros() : frame.timestampMicros()
                + timestampOffset;
        long stamped = timestamp;
        if (plan.realtime() && !plan.source().kind().live()) {
            pacer.await(timestamp);
            stamped = clock.millis() * 1000L;
        }
        if (frame.position() >= 0 && positionBase + frame.position() > nextFrameIndex) {
            long skipped = positionBase + frame.position() - nextFrameIndex;
            LOG.warn("stream {}: {} frame(s) before frame {} could not be decoded and were skipped", plan.streamId(),
                    skipped, positionBase + frame.position());
            for (long i = 0; i < skipped; i++) {
                metrics.decodeError();
            }
            nextFrameIndex += skipped;
        }
        lastTimestamp = timestamp;
        lastFrameWallMillis = clock.millis();
        reconnectAttempts = 0;
        metrics.frameDecoded();
        measureFps();
        windower.add(nextFrameIndex++, stamped, frame.pixels()).ifPresent(this::publish);
    }

    private void publish(dev.vad.common.wire.FrameWindow window) {
        try {
            sink.publish(window, metrics);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    private void reconnect() throws SourceException, InterruptedException {
        source.close();
        metrics.gap();
        while (!stopping) {
            int attempt = reconnectAttempts++;
            if (plan.maxReconnects() >= 0 && attempt >= plan.maxReconnects()) {
                throw new SourceException(plan.source().shown() + ": gave up after " + attempt
                        + " reconnection attempts without a frame");
            }
            sleeper.sleep(plan.backoff().delay(attempt, random));
            try {
                source.open();
                metrics.reconnected();
                long lost = Math.max(0, Math.round((clock.millis() - lastFrameWallMillis) / 1000.0
                        * source.frameRate()) - 1);
                nextFrameIndex += lost;
                metrics.droppedInGap(windower.gap(lost));
                LOG.info("stream {}: reconnected after attempt {}, about {} frames lost", plan.streamId(),
                        attempt + 1, lost);
                return;
            } catch (SourceException e) {
                LOG.debug("stream {}: reconnection attempt {} failed: {}", plan.streamId(), attempt + 1,
                        e.getMessage());
            }
        }
    }

    private void measureFps() {
        long now = clock.millis();
        fpsFrames++;
        if (now - fpsWindowStart >= 1000) {
            metrics.sourceFps(fpsFrames * 1000.0 / Math.max(1, now - fpsWindowStart));
            fpsWindowStart = now;
            fpsFrames = 0;
        }
    }
}
