package dev.vad.scorer;

import dev.vad.core.score.ScoredWindow;
import dev.vad.common.config.TopicNames;
import dev.vad.common.wire.AnomalyEvent;
import dev.vad.common.wire.Reconstruction;
import dev.vad.common.wire.ScoreRecord;
import dev.vad.common.wire.WireSerdes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;

/** Where a scored window's records go: the scores, reconstructions and events topics, keyed by stream. */
final class ScoreOutputs {

    private final Producer<String, byte[]> producer;
    private final TopicNames topics;
    private final Serializer<ScoreRecord> scores;
    private final Serializer<AnomalyEvent> events;
    private final Serializer<Reconstruction> reconstructions;

    /** @param topics the output topics (suffixed when re-scoring) */
    ScoreOutputs(Producer<String, byte[]> producer, TopicNames topics, WireSerdes serdes) {
        this.producer = producer;
        this.topics = topics;
        this.scores = serdes.scoreSerializer();
        this.events = serdes.eventSerializer();
        this.reconstructions = serdes.reconstructionSerializer();
    }

    /** Sends the window's score, its reconstruction when it has one and its episode records. */
    List<Future<RecordMetadata>> publish(ScoredWindow result) {
        String key = result.window().streamId();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        sent.add(producer.send(new ProducerRecord<>(topics.scores(), key,
                scores.serialize(topics.scores(), result.score()))));
        if (result.reconstruction() != null) {
            String topic = topics.reconstructions();
            sent.add(producer.send(new ProducerRecord<>(topic, key,
                    reconstructions.serialize(topic, result.reconstruction()))));
        }
        for (AnomalyEvent event : result.events()) {
            String topic = topics.events();
            sent.add(producer.send(new ProducerRecord<>(topic, key, events.serialize(topic, event))));
        }
        return sent;
    }
}
