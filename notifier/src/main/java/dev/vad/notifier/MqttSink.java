package dev.vad.notifier;

import java.util.Optional;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each event's JSON to the MQTT broker at QoS 1 on {@code <prefix>/<stream id>/events}
 * ({@link MqttTopics}); delivered when Paho's delivery token completes, that is when the broker's PUBACK arrives.
 * Connects on first use and again on the next attempt after any failure, with a fresh client each time (a client
 * left behind by a time-out may still be half-connected or hold the message in flight). A clean session, no
 * retained messages: a subscriber gets the events published while it is subscribed.
 */
public final class MqttSink implements Sink {

    public static final String NAME = "mqtt";
    private static final Logger LOG = LoggerFactory.getLogger(MqttSink.class);
    private static final int QOS = 1;

    private final MqttSettings settings;
    private final long timeoutMillis;
    private MqttAsyncClient client;
    private boolean everConnected;

    public MqttSink(MqttSettings settings) {
        this.settings = settings;
        this.timeoutMillis = settings.timeout().toMillis();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AttemptResult attempt(Notification notification) {
        String topic = MqttTopics.events(settings.topicPrefix(), notification.event().streamId());
        try {
            IMqttDeliveryToken token = connected().publish(topic, notification.body(), QOS, false);
            token.waitForCompletion(timeoutMillis);
            return AttemptResult.delivered("acknowledged by " + settings.serverUri() + " on " + topic);
        } catch (MqttException e) {
            drop();
            return AttemptResult.failed(describe(e));
        } catch (IllegalArgumentException e) {
            // Paho refuses a topic MQTT does not allow (longer than 65535 bytes): no retry changes that.
            return AttemptResult.rejected("the topic of stream " + notification.event().streamId() + " is not a valid"
                    + " MQTT topic: " + e.getMessage());
        }
    }

    /** Connects now, so that a broker that is away or refuses the user is found at start, not at the first event. */
    @Override
    public Optional<String> connect() {
        try {
            connected();
            return Optional.empty();
        } catch (MqttException e) {
            drop();
            return Optional.of(cause(e));
        }
    }

    private MqttAsyncClient connected() throws MqttException {
        if (client != null && client.isConnected()) {
            return client;
        }
        drop();
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, settings.timeout().toSeconds())));
        options.setKeepAliveInterval(30);
        if (settings.user() != null) {
            options.setUserName(settings.user());
        }
        if (!settings.password().isEmpty()) {
            options.setPassword(settings.password().toCharArray());
        }
        client = new MqttAsyncClient(settings.serverUri(), settings.clientId(), new MemoryPersistence());
        client.connect(options).waitForCompletion(timeoutMillis);
        LOG.info("{} to MQTT broker {} as {}", everConnected ? "reconnected" : "connected", settings.serverUri(),
                settings.clientId());
        everConnected = true;
        return client;
    }

    /** Forgets the client, closing whatever it still holds. */
    private void drop() {
        if (client == null) {
            return;
        }
        try {
            client.disconnectForcibly(0, 1000, false);
        } catch (MqttException e) {
            LOG.debug("disconnecting from {}: {}", settings.serverUri(), e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("closing the MQTT client of {}: {}", settings.serverUri(), e.getMessage());
        }
        client = null;
    }

    private String describe(MqttException e) {
        return settings.serverUri() + ": " + cause(e);
    }

    private static String cause(MqttException e) {
        Throwable cause = e.getCause();
        return e.getMessage() + " (reason " + e.getReasonCode() + ")"
                + (cause == null ? "" : ": " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " " + cause.getMessage()));
    }

    @Override
    public void close() {
        if (client != null && client.isConnected()) {
            try {
                client.disconnect(timeoutMillis).waitForCompletion(timeoutMillis);
            } catch (MqttException e) {
                LOG.debug("disconnecting from {}: {}", settings.serverUri(), e.getMessage());
            }
        }
        drop();
    }

    @Override
    public String toString() {
        return "MQTT " + settings.serverUri() + " under " + settings.topicPrefix() + "/";
    }
}
