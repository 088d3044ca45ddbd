package dev.vad.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.config.KafkaSettings;
import dev.vad.common.metrics.MeterRegistries;
import dev.vad.common.wire.DeadLetter;
import dev.vad.common.wire.WireFormatException;
import dev.vad.common.wire.WireLimits;
import dev.vad.common.wire.WireSerdes;
import dev.vad.testkit.KafkaBackend;
import dev.vad.testkit.RealKafka;
import dev.vad.testkit.TopicContents;
import dev.vad.testkit.UniqueNames;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealKafka.class)
class ConsumerLoopIT {

    /** Values {@code ok:<text>} decode to their text; anything else does not decode. */
    private static final ConsumerLoop.Decoder<String> DECODER = value -> {
        String text = new String(value, StandardCharsets.UTF_8);
        if (!text.startsWith("ok:")) {
            throw new WireFormatException("expected ok:, found " + text);
        }
        return text.substring(3);
    };

    @Test
    void aRecordThatDoesNotDecodeIsOneDeadLetterAndTheRestReachTheModeAndAreCommitted(KafkaBackend kafka)
            throws Exception {
        Topics topics = new Topics();
        try (KafkaClients clients = clients(kafka)) {
            topics.create(clients);
            send(clients, topics.in, "ok:a", "garbage", "ok:b", null, "ok:c");
            List<String> taken = new ArrayList<>();
            AtomicLong lag = new AtomicLong(-1);
            try (Producer<String, DeadLetter> letters = deadLetterProducer(clients);
                 Consumer<String, byte[]> consumer = subscribed(clients, topics.in, "g")) {
                ConsumerLoop<String> loop = loop(letters, topics, registry(), lag::set);
                loop.run(consumer, () -> taken.size() == 3, (record, value) -> taken.add(value));

                assertThat(taken).containsExactly("a", "b", "c");
                assertThat(loop.deadLettered()).isEqualTo(2);
                assertThat(committed(consumer, topics.in)).isEqualTo(5);
                assertThat(lag.get()).isZero();
            }
            List<ConsumerRecord<byte[], byte[]>> dlq = TopicContents.read(kafka.bootstrapServers(), topics.dlq);
            List<DeadLetter> deadLetters = dlq.stream().map(r -> serdes().deadLetterDeserializer()
                    .deserialize(topics.dlq, r.value())).toList();
            assertThat(deadLetters).extracting(DeadLetter::sourceOffset).containsExactly(1L, 3L);
            assertThat(deadLetters).extracting(DeadLetter::reason).containsOnly("decode");
            assertThat(deadLetters.get(0).detail()).isEqualTo("expected ok:, found garbage");
            assertThat(new String(deadLetters.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("stream");
            assertThat(new String(dlq.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("stream");
        }
    }

    @Test
    void recordsTheModeLeavesStayUncommittedForTheNextReader(KafkaBackend kafka) throws Exception {
        Topics topics = new Topics();
        try (KafkaClients clients = clients(kafka)) {
            topics.create(clients);
            send(clients, topics.in, "ok:a", "ok:b", "ok:c", "ok:d");
            List<String> taken = new ArrayList<>();
            try (Producer<String, DeadLetter> letters = deadLetterProducer(clients);
                 Consumer<String, byte[]> consumer = subscribed(clients, topics.in, "g")) {
                ConsumerLoop<String> loop = loop(letters, topics, registry(), null);
                ConsumerLoop.Mode<String> mode = new ConsumerLoop.Mode<>() {
                    @Override
                    public boolean wantsMore() {
                        return taken.size() < 2;
                    }

                    @Override
                    public boolean take(ConsumerRecord<?, byte[]> record, String value) {
                        taken.add(value);
                        return true;
                    }
                };
                loop.run(consumer, () -> taken.size() == 2, mode);
                assertThat(committed(consumer, topics.in)).isEqualTo(2);
            }
            List<String> next = new ArrayList<>();
            try (Producer<String, DeadLetter> letters = deadLetterProducer(clients);
                 Consumer<String, byte[]> consumer = subscribed(clients, topics.in, "g")) {
                loop(letters, topics, registry(), null).run(consumer, () -> next.size() == 2,
                        (record, value) -> next.add(value));
            }
            assertThat(next).as("the group's next reader starts after the committed offset").containsExactly("c", "d");
        }
    }

    @Test
    void aPollTheModePassesOverIsCommittedWithoutDecodingOrDeadLetters(KafkaBackend kafka) throws Exception {
        Topics topics = new Topics();
        try (KafkaClients clients = clients(kafka)) {
            topics.create(clients);
            send(clients, topics.in, "garbage", "ok:a");
            long[] passedOver = {0};
            try (Producer<String, DeadLetter> letters = deadLetterProducer(clients);
                 Consumer<String, byte[]> consumer = subscribed(clients, topics.in, "g")) {
                ConsumerLoop<String> loop = loop(letters, topics, registry(), null);
                loop.run(consumer, () -> passedOver[0] == 2, new ConsumerLoop.Mode<>() {
                    @Override
                    public boolean takes(int records) {
                        passedOver[0] += records;
                        return false;
                    }

                    @Override
                    public boolean take(ConsumerRecord<?, byte[]> record, String value) {
                        throw new AssertionError("a passed-over record reached the mode");
                    }
                });
                assertThat(loop.deadLettered()).isZero();
                assertThat(committed(consumer, topics.in)).isEqualTo(2);
            }
        }
    }

    @Test
    void aRangeIsReadToItsEndOutsideAnyGroup(KafkaBackend kafka) throws Exception {
        Topics topics = new Topics();
        try (KafkaClients clients = clients(kafka)) {
            topics.create(clients);
            send(clients, topics.in, "ok:a", "ok:b", "garbage", "ok:c", "ok:d");
            List<String> taken = new ArrayList<>();
            try (Producer<String, DeadLetter> letters = deadLetterProducer(clients);
                 Consumer<String, byte[]> consumer = clients.consumer(null, "it-range", new StringDeserializer(),
                         new ByteArrayDeserializer())) {
                ConsumerLoop<String> loop = loop(letters, topics, registry(), null);
                boolean complete = loop.readRange(consumer, topics.in, List.of(new TopicRange.PartitionRange(0, 1, 4)),
                        () -> false, (record, value) -> taken.add(value));

                assertThat(complete).isTrue();
                assertThat(taken).containsExactly("b", "c");
                assertThat(loop.deadLettered()).isEqualTo(1);
            }
            assertThat(TopicContents.read(kafka.bootstrapServers(), topics.dlq)).hasSize(1);
        }
    }

    private static ConsumerLoop<String> loop(Producer<String, DeadLetter> letters, Topics topics,
                                             PrometheusMeterRegistry registry, LongConsumer lag) {
        return new ConsumerLoop<>(DECODER, new DeadLetters(letters, topics.dlq, "test", 1 << 20, registry,
                Clock.systemUTC()), "test", "the records are read again", lag);
    }

    private static Consumer<String, byte[]> subscribed(KafkaClients clients, String topic, String group) {
        Consumer<String, byte[]> consumer = clients.consumer(topic + "-" + group, "it", new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static long committed(Consumer<?, ?> consumer, String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        OffsetAndMetadata offset = consumer.committed(Set.of(partition), Duration.ofSeconds(30))
                .get(partition);
        return offset == null ? 0 : offset.offset();
    }

    private static void send(KafkaClients clients, String topic, String... values) throws Exception {
        try (Producer<String, byte[]> producer = clients.producer("it", new StringSerializer(),
                new ByteArraySerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, 0, "stream",
                        value == null ? null : value.getBytes(StandardCharsets.UTF_8))).get();
            }
        }
    }

    private static Producer<String, DeadLetter> deadLetterProducer(KafkaClients clients) {
        return clients.producer("it-dlq", new StringSerializer(), serdes().deadLetterSerializer());
    }

    private static WireSerdes serdes() {
        return new WireSerdes(WireLimits.DEFAULT);
    }

    private static PrometheusMeterRegistry registry() {
        return MeterRegistries.prometheus("test");
    }

    private static KafkaClients clients(KafkaBackend kafka) {
        return new KafkaClients(new KafkaSettings(kafka.bootstrapServers(), Map.of()),
                MeterRegistries.prometheus("test"), 1 << 20);
    }

    /** A fresh input topic and dead-letter topic, one partition each. */
    private static final class Topics {
        final String in = UniqueNames.of("loop-in");
        final String dlq = UniqueNames.of("loop-dlq");

        void create(KafkaClients clients) throws Exception {
            try (Admin admin = clients.admin("it-admin")) {
                admin.createTopics(List.of(new NewTopic(in, 1, (short) 1), new NewTopic(dlq, 1, (short) 1))).all()
                        .get();
            }
        }
    }
}
