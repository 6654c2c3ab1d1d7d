package ai.zerog.compute.cli.serve;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A proxy log that keeps its lines for assertions. */
final class RecordingLog implements ProxyLog {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void info(String line) {
        lines.add("INFO " + line);
    }

    @Override
    public void warn(String line) {
        lines.add("WARN " + line);
    }

    String text() {
        return String.join("\n", lines);
    }
}
