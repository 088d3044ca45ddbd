package dev.vad.cli;

import dev.vad.common.kafka.KafkaAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Least-privilege ACLs: what each part of vad does on Kafka ({@link KafkaAccess}) allowed to the principal it runs
 * as, from any host. The same plan as Admin API bindings, as {@code kafka-acls.sh} command lines and as the table of
 * docs/security.md.
 */
final class AclPlan {

    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9._:/@=,+%-]+");

    private final List<Part> parts;

    AclPlan(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** One part of vad and the principal it authenticates as, e.g. {@code User:ingest}. */
    record Part(KafkaAccess access, String principal) {
    }

    /** One ALLOW binding per principal, resource and operation. */
    List<AclBinding> bindings() {
        List<AclBinding> out = new ArrayList<>();
        for (Part part : parts) {
            for (KafkaAccess.Grant grant : part.access().grants()) {
                ResourcePattern resource = new ResourcePattern(grant.resourceType(), grant.name(), grant.patternType());
                for (AclOperation operation : grant.operations()) {
                    out.add(new AclBinding(resource, new AccessControlEntry(part.principal(), "*", operation,
                            AclPermissionType.ALLOW)));
                }
            }
        }
        return out;
    }

    /** {@code kafka-acls.sh --add} lines, one per principal and resource, each part under a comment line. */
    List<String> commandLines(String bootstrapServers, String commandConfig) {
        List<String> out = new ArrayList<>();
        for (Part part : parts) {
            out.add("# " + part.access().role() + " as " + part.principal());
            for (KafkaAccess.Grant grant : part.access().grants()) {
                List<String> words = new ArrayList<>(List.of("kafka-acls.sh", "--bootstrap-server", bootstrapServers,
                        "--command-config", commandConfig, "--add", "--allow-principal", part.principal()));
                grant.operations().forEach(op -> words.addAll(List.of("--operation", name(op))));
                words.addAll(List.of(grant.resourceType() == ResourceType.GROUP ? "--group" : "--topic",
                        grant.name()));
                if (grant.patternType() == PatternType.PREFIXED) {
                    words.addAll(List.of("--resource-pattern-type", "prefixed"));
                }
                out.add(words.stream().map(AclPlan::quoted).collect(Collectors.joining(" ")));
            }
        }
        return out;
    }

    /** A Markdown table: part, resource, operations, one row per resource. */
    List<String> markdownTable() {
        List<String> out = new ArrayList<>(List.of("| part | resource | operations |", "|---|---|---|"));
        for (Part part : parts) {
            for (KafkaAccess.Grant grant : part.access().grants()) {
                String resource = (grant.resourceType() == ResourceType.GROUP ? "group" : "topic") + " `"
                        + grant.name() + "`" + (grant.patternType() == PatternType.PREFIXED ? " (prefix)" : "");
                out.add("| " + part.access().role() + " | " + resource + " | " + grant.operations().stream()
                        .map(AclPlan::name).collect(Collectors.joining(", ")) + " |");
            }
        }
        return out;
    }

    /** What {@code --apply} did, one line per binding. */
    static String describe(AclBinding binding) {
        return "allowed " + binding.entry().principal() + " to " + name(binding.entry().operation()) + " "
                + binding.pattern().resourceType().name().toLowerCase(Locale.ROOT) + " " + binding.pattern().name()
                + (binding.pattern().patternType() == PatternType.PREFIXED ? "*" : "");
    }

    /** Kafka's own spelling: {@code Read}, {@code Write}, {@code Create}. */
    private static String name(AclOperation operation) {
        String lower = operation.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static String quoted(String word) {
        return SHELL_SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
