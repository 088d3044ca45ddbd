package dev.vad.notifier;

import dev.vad.common.kafka.ConsumerLoop;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The notifier's part of the consumer loop: hands each record of the events topic, as read, to the
 * {@link Dispatcher}, one at a time so a stream's events arrive in order, and sends the dead letters it asks for,
 * waiting until they are acknowledged before the next record. A record a stop interrupted stays unread, with the
 * rest of its poll. Each poll is committed once its records are done with.
 */
final class Dispatching implements ConsumerLoop.Mode<byte[]> {

    private static final Duration POLL = Duration.ofMillis(200);

    private final Dispatcher dispatcher;
    private final ConsumerLoop<byte[]> loop;
    private final NotifierMetrics metrics;
    private final BooleanSupplier stop;
    private long records;

    Dispatching(Dispatcher dispatcher, ConsumerLoop<byte[]> loop, NotifierMetrics metrics, BooleanSupplier stop) {
        this.dispatcher = dispatcher;
        this.loop = loop;
        this.metrics = metrics;
        this.stop = stop;
    }

    @Override
    public Duration beforePoll() {
        return POLL;
    }

    @Override
    public boolean wantsMore() {
        return !stop.getAsBoolean();
    }

    @Override
    public boolean take(ConsumerRecord<?, byte[]> record, byte[] value) throws InterruptedException {
        metrics.consumed();
        String deliveryId = record.topic() + "-" + record.partition() + "-" + record.offset();
        Dispatcher.Verdict verdict = dispatcher.dispatch(value, deliveryId);
        if (!verdict.done()) {
            return false;
        }
        for (Dispatcher.DeadLetterReason letter : verdict.letters()) {
            loop.reject(record, letter.reason(), letter.detail());
        }
        loop.awaitSends();
        records++;
        return true;
    }

    /** Records done with: delivered, or their dead letters acknowledged. */
    long records() {
        return records;
    }
}
