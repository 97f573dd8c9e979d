package cn.vdp.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A lower bound of what any audit of reads that is durable before the read answers costs on this machine: a read
 * of the service without audit, with the bench's own bare durable commit (one small row inserted into an unindexed
 * table and committed, fsync and synchronous_commit on) run on another thread beside it, and the read counted done
 * only when both are. No hashing, no chain lock, no JSON: what is left is the commit's round trip, its WAL flush and
 * the CPU both take from the read on the same cores. It is loose: the commit starts with the client's request, so
 * it overlaps all of it, while an audit in the service can start only once the request has arrived. Each client
 * thread has a connection of its own, so concurrent commits share flushes as PostgreSQL's group commit lets them.
 */
final class CommitBeside implements AutoCloseable {

    /** In the benchmark's own database only; never part of the services' schema. */
    static final String TABLE = "bench_commit_beside";

    private final ExecutorService committers;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final ThreadLocal<PreparedStatement> insert;

    /** A timed step, in nanoseconds (a read of the service). */
    interface Timed {
        long run() throws Exception;
    }

    private CommitBeside(String jdbc, String user, String password, int threads) {
        committers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "bench-commit-beside");
            thread.setDaemon(true);
            return thread;
        });
        insert = ThreadLocal.withInitial(() -> {
            try {
                Connection connection = DriverManager.getConnection(jdbc, user, password);
                connections.add(connection);
                return connection.prepareStatement("INSERT INTO " + TABLE + " (at) VALUES (now())");
            } catch (SQLException e) {
                throw new IllegalStateException("no connection for the bare commit", e);
            }
        });
    }

    /** Creates the table (as the given role, which may create tables) and the committers for that many clients. */
    static CommitBeside open(String jdbc, String user, String password, int threads) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbc, user, password);
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (at timestamptz NOT NULL)");
        }
        return new CommitBeside(jdbc, user, password, threads);
    }

    /** Runs the step while a bare commit runs beside it; nanoseconds until both are done. */
    long around(Timed step) throws Exception {
        long start = System.nanoTime();
        Future<Integer> committed = committers.submit(() -> insert.get().executeUpdate());
        step.run();
        try {
            if (committed.get() != 1) {
                throw new IllegalStateException("the bare commit inserted no row");
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("the bare commit failed", e.getCause());
        }
        return System.nanoTime() - start;
    }

    @Override
    public void close() throws SQLException {
        committers.shutdownNow();
        for (Connection connection : connections) {
            connection.close();
        }
    }
}
