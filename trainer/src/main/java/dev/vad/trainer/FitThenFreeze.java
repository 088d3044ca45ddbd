package dev.vad.trainer;

import dev.vad.common.kafka.ConsumerLoop;
import dev.vad.common.wire.FrameWindow;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fit-then-freeze mode: collects windows until the count, the time or the stream's silence ends it, fits them,
 * publishes the best validated state and commits what it read. Windows after the count stay unread, for whoever
 * reads the partition next.
 */
final class FitThenFreeze implements ConsumerLoop.Mode<FrameWindow> {

    private static final Logger LOG = LoggerFactory.getLogger(FitThenFreeze.class);

    private final TrainerRun run;
    private final TrainerSettings settings;
    private final SessionFeed feed;
    private long counted;
    private long firstNanos;
    private long lastWindowNanos;
    private boolean ended;

    FitThenFreeze(TrainerRun run) {
        this.run = run;
        this.settings = run.settings();
        this.feed = run.feed();
    }

    /** Collects, fits and publishes one version; ends without one when stopped first or given too few windows. */
    TrainerOutcome train() throws InterruptedException {
        try (Consumer<byte[], byte[]> consumer = run.subscribe()) {
            LOG.info("collecting {} windows from {} (group {}) for {}", settings.trainWindows(),
                    settings.topics().frames(), settings.groupId(), settings.modelName());
            run.loop().run(consumer, () -> run.stopping() || ended || feed.accepted() >= settings.trainWindows(),
                    this);
            if (run.stopping()) {
                return run.outcome("stopped while collecting; no model published");
            }
            if (!feed.ready()) {
                return run.tooFew();
            }
            TrainerOutcome result = run.fitAndPublish();
            if (!result.versions().isEmpty()) {
                run.loop().commit(consumer);
            }
            return result;
        }
    }

    @Override
    public boolean wantsMore() {
        return feed.accepted() < settings.trainWindows();
    }

    @Override
    public boolean take(ConsumerRecord<?, byte[]> record, FrameWindow window) {
        return feed.take(record, window);
    }

    /** Ends the collection when the stream fell silent or the time to collect is up; never commits. */
    @Override
    public boolean polled(boolean hadRecords) {
        long now = System.nanoTime();
        if (feed.accepted() > counted) {
            counted = feed.accepted();
            firstNanos = firstNanos == 0 ? now : firstNanos;
            lastWindowNanos = now;
        }
        if (counted > 0 && now - lastWindowNanos >= settings.idleTimeout().toNanos()) {
            LOG.info("no window for {}; the stream counts as ended after {} windows", settings.idleTimeout(),
                    counted);
            ended = true;
        } else if (counted > 0 && !settings.trainFor().isZero() && now - firstNanos >= settings.trainFor().toNanos()) {
            ended = true;
        }
        return false;
    }
}
