package ai.zerog.compute.provider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Rotating log files of a running broker, next to its stderr output: settlement and chain-event
 * lines go to {@code <dataDir>/logs/event}, everything else to {@code <dataDir>/logs/broker}.
 * Folders are owner-only. Close to detach the handlers again.
 */
public final class BrokerLogFiles implements AutoCloseable {
    static final int LIMIT_BYTES = 10 * 1024 * 1024;
    static final int GENERATIONS = 5;
    // the loggers of settlement (worker, batches, landed results) and of the chain-event follower
    private static final List<String> EVENT_LOGGERS = List.of(
            SettlementWorker.class.getName(), SettlementRound.class.getName(), BatchResolver.class.getName(),
            BatchSubmitter.class.getName(), ChainEventFollower.class.getName(), LandedResultFinder.class.getName());

    private final BrokerLogs logs;
    private final List<Handler> handlers;

    private BrokerLogFiles(BrokerLogs logs, List<Handler> handlers) {
        this.logs = logs;
        this.handlers = handlers;
    }

    /** Starts writing {@code <dataDir>/logs/{broker,event}/<component>.<generation>.log}. */
    public static BrokerLogFiles install(Path dataDir) {
        Path root = dataDir.resolve("logs");
        BrokerLogs logs = BrokerLogs.in(root);
        Handler broker = handler(root.resolve("broker"), "broker");
        broker.setFilter(record -> !isEvent(record));
        Handler event = handler(root.resolve("event"), "event");
        event.setFilter(BrokerLogFiles::isEvent);
        Logger top = Logger.getLogger("");
        top.addHandler(broker);
        top.addHandler(event);
        return new BrokerLogFiles(logs, List.of(broker, event));
    }

    public BrokerLogs logs() {
        return logs;
    }

    static boolean isEvent(LogRecord record) {
        String name = record.getLoggerName();
        return name != null && EVENT_LOGGERS.contains(name);
    }

    private static Handler handler(Path dir, String component) {
        try {
            FileHandler handler = new FileHandler(dir.resolve(component + ".%g.log").toString(), LIMIT_BYTES,
                    GENERATIONS, true);
            handler.setFormatter(new SimpleFormatter());
            handler.setEncoding("UTF-8");
            BrokerLogs.makePrivate(dir.resolve(component + BrokerLogs.CURRENT_SUFFIX));
            BrokerLogs.makePrivate(dir.resolve(component + ".0.log.lck"));
            return handler;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the " + component + " log in " + dir, e);
        }
    }

    @Override
    public void close() {
        Logger top = Logger.getLogger("");
        for (Handler handler : handlers) {
            top.removeHandler(handler);
            handler.close();
        }
    }
}
