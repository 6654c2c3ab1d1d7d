package ai.zerog.compute.provider;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * One long-lived connection whose prepared statements stay open for reuse. SQLite compiles a
 * statement on every prepare, which costs more than running the request path's small writes;
 * the store's writer keeps its connection and these statements across transactions. The tables
 * get {@link #view()}: its {@code prepareStatement(sql)} hands out the cached statement, whose
 * {@code close()} only clears the parameters; closing the view does nothing. One thread at a time.
 */
final class StatementCache implements AutoCloseable {
    /** Statements built from varying SQL would pile up: past this many, new ones are not kept. */
    private static final int MAX_STATEMENTS = 64;

    /** How long a cache keeps its connection before handing it back to the pool, which may retire it. */
    private static final long KEEP_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(5);

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final Connection view;
    private final long openedAt = System.nanoTime();
    /** SQLite's transactions are begun and ended by statement (see {@link #begin()}); known at the first. */
    private Boolean sqlite;
    private final Map<String, PreparedStatement> control = new HashMap<>();

    StatementCache(Connection connection) {
        this.connection = connection;
        this.view = proxy(Connection.class, this::onConnection);
    }

    /** Whether this cache has kept its connection long enough: close it and open another. */
    boolean expired() {
        return System.nanoTime() - openedAt > KEEP_NANOS;
    }

    /** The connection to hand to the works. */
    Connection view() {
        return view;
    }

    /**
     * Begins a write transaction, ended by {@link #commit()} or {@link #rollback()}. On SQLite it
     * is {@code BEGIN IMMEDIATE} by a kept statement: the driver's own transaction calls would run
     * four statements per transaction, compiled anew each time (its {@code commit()} at once begins
     * another transaction, taking the write lock, which switching auto-commit back on then ends).
     */
    void begin() throws SQLException {
        if (sqlite == null) {
            sqlite = connection.getMetaData().getURL().startsWith("jdbc:sqlite:");
        }
        if (sqlite) {
            control("BEGIN IMMEDIATE").execute();
        } else {
            connection.setAutoCommit(false);
        }
    }

    /** Commits the transaction {@link #begin()} began. */
    void commit() throws SQLException {
        if (sqlite) {
            control("COMMIT").execute();
        } else {
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    /** Rolls back the transaction {@link #begin()} began, if it is still open. */
    void rollback() throws SQLException {
        if (sqlite) {
            try {
                control("ROLLBACK").execute();
            } catch (SQLException e) {
                // SQLite ends a transaction by itself on some failures: then there is nothing to roll back
                if (e.getMessage() == null || !e.getMessage().contains("no transaction is active")) {
                    throw e;
                }
            }
        } else {
            try {
                connection.rollback();
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Closes the statements and the connection (back to its pool), quietly: it may be broken already. */
    @Override
    public void close() {
        if (Boolean.TRUE.equals(sqlite)) {
            try {
                rollback(); // a transaction left open by a failure must not go back to the pool with the connection
            } catch (SQLException e) {
                // broken: the pool checks the connection
            }
        }
        for (PreparedStatement statement : control.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                // closing the connection releases it too
            }
        }
        control.clear();
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.unwrap(PreparedStatement.class).close();
            } catch (SQLException e) {
                // closing the connection releases it too
            }
        }
        statements.clear();
        try {
            connection.close();
        } catch (SQLException e) {
            // the pool notices a broken connection by itself
        }
    }

    private Object onConnection(Method method, Object[] args) throws Throwable {
        if (method.getName().equals("prepareStatement") && args.length == 1 && args[0] instanceof String sql) {
            return statement(sql);
        }
        if (method.getName().equals("close")) {
            return null; // the owner of the cache closes the connection
        }
        return invoke(connection, method, args);
    }

    private PreparedStatement control(String sql) throws SQLException {
        PreparedStatement statement = control.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            control.put(sql, statement);
        }
        return statement;
    }

    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement cached = statements.get(sql);
        if (cached != null) {
            return cached;
        }
        PreparedStatement real = connection.prepareStatement(sql);
        if (statements.size() >= MAX_STATEMENTS) {
            return real;
        }
        PreparedStatement reusable = proxy(PreparedStatement.class, (method, args) -> switch (method.getName()) {
            case "close" -> {
                real.clearParameters();
                yield null;
            }
            case "isClosed" -> false;
            case "unwrap" -> args[0] == PreparedStatement.class ? real : invoke(real, method, args);
            default -> invoke(real, method, args);
        });
        statements.put(sql, reusable);
        return reusable;
    }

    private interface Handler {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(StatementCache.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> type.getSimpleName() + "[cached]";
                    default -> handler.handle(method, args == null ? new Object[0] : args);
                }));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
