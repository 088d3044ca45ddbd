package dev.vad.trainer;

import dev.vad.common.kafka.ConsumerLoop;
import dev.vad.common.wire.FrameWindow;
import dev.vad.core.train.TrainingSession;
import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The continual mode: learns while the stream flows, from the newest published version when it has this run's
 * design. Between polls it takes one training step; every N steps or T seconds it validates, and publishes a new
 * version when validation improved enough. It commits what it read after each publication and when it stops.
 */
final class ContinualTraining implements ConsumerLoop.Mode<FrameWindow> {

    private final TrainerRun run;
    private final TrainerSettings settings;
    private final SessionFeed feed;
    private double publishedLoss = Double.POSITIVE_INFINITY;
    private int sinceValidation;
    private long validatedNanos;

    ContinualTraining(TrainerRun run) {
        this.run = run;
        this.settings = run.settings();
        this.feed = run.feed();
    }

    /** Trains until the service is asked to stop. */
    TrainerOutcome train() throws InterruptedException {
        try (Consumer<byte[], byte[]> consumer = run.subscribe()) {
            run.parent().ifPresent(parent -> feed.continueFrom(parent, run.nextVersion()));
            validatedNanos = System.nanoTime();
            run.loop().run(consumer, run::stopping, this);
            run.loop().commit(consumer);
        }
        return run.outcome(null);
    }

    /** No wait for records while there is training to do. */
    @Override
    public Duration beforePoll() {
        return feed.ready() ? Duration.ZERO : ConsumerLoop.POLL;
    }

    @Override
    public boolean take(ConsumerRecord<?, byte[]> record, FrameWindow window) {
        return feed.take(record, window);
    }

    /** One step; a validation when due; true (commit) after a publication. */
    @Override
    public boolean polled(boolean hadRecords) throws InterruptedException {
        if (!feed.ready()) {
            return false;
        }
        run.step();
        sinceValidation++;
        boolean due = sinceValidation >= settings.publishEverySteps()
                || System.nanoTime() - validatedNanos >= settings.publishEvery().toNanos();
        if (!due || run.stopping()) {
            return false;
        }
        TrainingSession session = feed.session();
        TrainingSession.Evaluation evaluation = session.evaluate();
        run.validated(evaluation);
        double loss = evaluation.fitted().validationLoss();
        boolean publish = loss < publishedLoss * (1 - settings.minImprovement());
        if (publish) {
            run.publish(session.model().network(), evaluation.fitted());
            publishedLoss = loss;
        }
        sinceValidation = 0;
        validatedNanos = System.nanoTime();
        return publish;
    }
}
