package ai.zerog.compute.cli.serve;

import java.io.PrintStream;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Where the proxy reports start-up, each request (target, status, verification verdict) and
 * warnings. Never receives bearer tokens, API keys or request bodies.
 */
public interface ProxyLog {

    void info(String line);

    void warn(String line);

    /** Lines prefixed with the UTC time, e.g. {@code 2026-01-02T03:04:05Z INFO  POST /v1/chat/completions …}. */
    static ProxyLog to(PrintStream out, Clock clock) {
        return new ProxyLog() {
            @Override
            public void info(String line) {
                print("INFO ", line);
            }

            @Override
            public void warn(String line) {
                print("WARN ", line);
            }

            private void print(String level, String line) {
                String time = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
                synchronized (out) {
                    out.println(time + " " + level + " " + line);
                    out.flush();
                }
            }
        };
    }

    static ProxyLog silent() {
        return new ProxyLog() {
            @Override
            public void info(String line) {
            }

            @Override
            public void warn(String line) {
            }
        };
    }
}
