package dev.vad.cli;

import dev.vad.common.config.KafkaSettings;
import dev.vad.common.config.TopicNames;
import dev.vad.common.kafka.KafkaClients;
import dev.vad.common.wire.AnomalyEvent;
import dev.vad.common.wire.ScoreRecord;
import dev.vad.common.wire.WireLimits;
import dev.vad.common.wire.WireSerdes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the demo shows while it runs: it follows the scores and events topics (outside any group, from their
 * current end) and prints one compact line per stream every second: frames per second scored, the model version,
 * the latest calibrated score against the threshold, and ANOMALY or SCENE CHANGE while an episode is open.
 */
final class DemoWatch implements AutoCloseable {

    private final Consumer<String, byte[]> consumer;
    private final KafkaClients clients;
    private final TopicNames topics;
    private final PrintWriter out;
    private final WireSerdes serdes = new WireSerdes(WireLimits.DEFAULT);
    private final Map<String, StreamView> streams = new TreeMap<>();
    private final List<AnomalyEvent> events = new ArrayList<>();
    private long windows;
    private long lastPrint = System.nanoTime();

    DemoWatch(KafkaSettings kafka, TopicNames topics, PrintWriter out) {
        this.clients = new KafkaClients(kafka, new SimpleMeterRegistry(), 64 << 20);
        this.topics = topics;
        this.out = out;
        this.consumer = clients.consumer(null, "vad-demo-watch", new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(topics.scores(), topics.events())) {
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Reads what arrived and prints the stream lines once a second. */
    void poll(Duration timeout) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            if (record.topic().equals(topics.scores())) {
                ScoreRecord score = serdes.scoreDeserializer().deserialize(record.topic(), record.value());
                streams.computeIfAbsent(score.streamId(), id -> new StreamView()).scored(score);
                windows++;
            } else {
                AnomalyEvent event = serdes.eventDeserializer().deserialize(record.topic(), record.value());
                events.add(event);
                streams.computeIfAbsent(event.streamId(), id -> new StreamView()).event(event);
            }
        }
        long now = System.nanoTime();
        if (now - lastPrint >= 1_000_000_000L) {
            double seconds = (now - lastPrint) / 1e9;
            lastPrint = now;
            streams.forEach((id, view) -> out.println(view.line(id, seconds)));
            out.flush();
        }
    }

    long windowsScored() {
        return windows;
    }

    List<AnomalyEvent> events() {
        return List.copyOf(events);
    }

    /** The last frame scored on any stream. */
    long lastFrame() {
        return streams.values().stream().mapToLong(v -> v.lastFrame).max().orElse(-1);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
        clients.close();
    }

    /** One stream as the watch sees it. */
    private static final class StreamView {
        long lastFrame = -1;
        long framesSinceLine;
        String model = "-";
        double calibrated = Double.NaN;
        double threshold = Double.NaN;
        String open = "";

        void scored(ScoreRecord s) {
            lastFrame = Math.max(lastFrame, s.frames().isEmpty() ? lastFrame
                    : s.frames().get(s.frames().size() - 1).frameIndex());
            framesSinceLine += s.frames().size();
            model = s.modelName() + "@" + s.modelVersion();
            calibrated = s.calibratedScore();
            threshold = s.threshold();
        }

        void event(AnomalyEvent e) {
            String label = e.kind() == AnomalyEvent.Kind.ANOMALY ? "ANOMALY" : "SCENE CHANGE";
            open = e.phase() == AnomalyEvent.Phase.END ? "" : label + " since frame " + e.firstFrameIndex();
        }

        String line(String id, double seconds) {
            String text = String.format(Locale.ROOT, "%-12s frame %6d  %5.1f fps  %-12s score %6.2f / %.1f  %s", id,
                    lastFrame, framesSinceLine / seconds, model, calibrated, threshold, open);
            framesSinceLine = 0;
            return text.stripTrailing();
        }
    }
}
