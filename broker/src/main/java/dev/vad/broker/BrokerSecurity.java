package dev.vad.broker;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The secured mode of the embedded broker: clients connect over TLS and authenticate with SCRAM-SHA-512, the
 * standard KRaft authorizer denies whatever no ACL allows, and one super user, the admin, runs the broker itself.
 *
 * <p>Every password lives only in memory and in the files the caller gave; {@link #toString()} shows none.
 *
 * @param admin              the super user the broker authenticates as (also the one to create ACLs with)
 * @param users              SCRAM-SHA-512 users, name to password, created when the log directory is formatted;
 *                           must include the admin
 * @param keystore           PKCS#12 keystore holding the broker's key and certificate (valid for the broker's host)
 * @param keystorePassword   the keystore's store and key password
 * @param truststore         PKCS#12 truststore holding the certificate authority the broker's own clients trust
 * @param truststorePassword the truststore's password
 */
public record BrokerSecurity(String admin, Map<String, String> users, Path keystore, String keystorePassword,
                             Path truststore, String truststorePassword) {

    /** The SASL mechanism of the client listener. */
    public static final String MECHANISM = "SCRAM-SHA-512";
    /** Names and passwords go into JAAS lines and format-time SCRAM arguments: no quotes, commas or brackets. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._@+~!#$%^&*()-]{1,128}");

    public BrokerSecurity {
        users = Map.copyOf(users);
        if (!users.containsKey(admin)) {
            throw new IllegalArgumentException("the users must include the admin '" + admin + "', found only "
                    + users.keySet());
        }
        users.forEach((name, password) -> {
            if (!SAFE.matcher(name).matches() || !SAFE.matcher(password).matches()) {
                throw new IllegalArgumentException("SCRAM user '" + name + "': names and passwords must be 1 to 128"
                        + " of A-Z a-z 0-9 . _ @ + ~ ! # $ % ^ & * ( ) -");
            }
        });
        if (keystore == null || truststore == null || keystorePassword == null || truststorePassword == null) {
            throw new IllegalArgumentException("a secured broker needs a keystore and a truststore, each with its"
                    + " password");
        }
    }

    /** The Kafka client settings for {@code user}: SASL_SSL, SCRAM-SHA-512, the truststore. */
    public Map<String, String> clientProperties(String user) {
        String password = users.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no SCRAM user '" + user + "'; the users are " + users.keySet());
        }
        Map<String, String> out = new TreeMap<>();
        out.put("security.protocol", "SASL_SSL");
        out.put("sasl.mechanism", MECHANISM);
        out.put("sasl.jaas.config", jaas("org.apache.kafka.common.security.scram.ScramLoginModule", user, password,
                ""));
        out.put("ssl.truststore.type", "PKCS12");
        out.put("ssl.truststore.location", truststore.toString());
        out.put("ssl.truststore.password", truststorePassword);
        return out;
    }

    /** The Formatter's SCRAM arguments: every user's credential, written into the metadata log at format time. */
    List<String> scramArguments() {
        return users.entrySet().stream()
                .map(u -> MECHANISM + "=[name=" + u.getKey() + ",password=" + u.getValue() + "]").toList();
    }

    /**
     * The broker settings of this mode, for a client listener {@code SASL_SSL} on {@code host:port} and the
     * controller listener on {@code host:controllerPort}.
     */
    Map<String, String> brokerProperties(String controllerListener, String host, int port, int controllerPort) {
        String controller = controllerListener.toLowerCase(Locale.ROOT);
        String adminPassword = users.get(admin);
        Map<String, String> p = new HashMap<>();
        p.put("listeners", "SASL_SSL://" + host + ":" + port + "," + controllerListener + "://" + host + ":"
                + controllerPort);
        p.put("advertised.listeners", "SASL_SSL://" + host + ":" + port);
        p.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL," + controllerListener + ":SASL_PLAINTEXT");
        p.put("inter.broker.listener.name", "SASL_SSL");
        p.put("sasl.enabled.mechanisms", MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        p.put("listener.name.sasl_ssl.sasl.enabled.mechanisms", MECHANISM);
        p.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                jaas("org.apache.kafka.common.security.scram.ScramLoginModule", admin, adminPassword, ""));
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name." + controller + ".sasl.enabled.mechanisms", "PLAIN");
        p.put("listener.name." + controller + ".plain.sasl.jaas.config",
                jaas("org.apache.kafka.common.security.plain.PlainLoginModule", admin, adminPassword,
                        " user_" + admin + "=\"" + adminPassword + "\""));
        p.put("ssl.keystore.type", "PKCS12");
        p.put("ssl.keystore.location", keystore.toString());
        p.put("ssl.keystore.password", keystorePassword);
        p.put("ssl.key.password", keystorePassword);
        p.put("ssl.truststore.type", "PKCS12");
        p.put("ssl.truststore.location", truststore.toString());
        p.put("ssl.truststore.password", truststorePassword);
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("super.users", "User:" + admin);
        return p;
    }

    private static String jaas(String module, String user, String password, String more) {
        return module + " required username=\"" + user + "\" password=\"" + password + "\"" + more + ";";
    }

    @Override
    public String toString() {
        return "BrokerSecurity[admin=" + admin + ", users=" + new TreeMap<>(users).keySet() + ", keystore=" + keystore
                + ", truststore=" + truststore + "]";
    }
}
