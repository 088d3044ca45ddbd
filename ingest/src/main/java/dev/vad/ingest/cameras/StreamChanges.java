package dev.vad.ingest.cameras;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What to do to go from the camera streams running to those wanted: a camera no longer wanted stops, a new one
 * starts, and one whose stream changed stops and starts again. Ids in order.
 *
 * @param stop  ids of the streams to stop
 * @param start the streams to start, after those stopped have ended
 */
public record StreamChanges(List<String> stop, List<CameraStream> start) {

    public StreamChanges {
        stop = List.copyOf(stop);
        start = List.copyOf(start);
    }

    public static StreamChanges between(Map<String, CameraStream> running, Map<String, CameraStream> wanted) {
        TreeSet<String> ids = new TreeSet<>(running.keySet());
        ids.addAll(wanted.keySet());
        List<String> stop = ids.stream().filter(id -> running.containsKey(id)
                && !Objects.equals(running.get(id), wanted.get(id))).toList();
        List<CameraStream> start = ids.stream().filter(id -> wanted.containsKey(id)
                && !Objects.equals(running.get(id), wanted.get(id))).map(wanted::get).toList();
        return new StreamChanges(stop, start);
    }

    /** True when nothing changes. */
    public boolean none() {
        return stop.isEmpty() && start.isEmpty();
    }
}
