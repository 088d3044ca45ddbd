package dev.vad.notifier;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A sink that answers from a script, for testing what is built around sinks; it records what it was given. */
final class ScriptedSink implements Sink {

    private final String name;
    private final Deque<AttemptResult> script = new ArrayDeque<>();
    final List<Notification> attempts = new ArrayList<>();

    ScriptedSink(String name, AttemptResult... answers) {
        this.name = name;
        script.addAll(List.of(answers));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public AttemptResult attempt(Notification notification) {
        attempts.add(notification);
        if (script.isEmpty()) {
            throw new IllegalStateException(name + " was tried more often than scripted");
        }
        return script.poll();
    }

    @Override
    public void close() {
    }
}
