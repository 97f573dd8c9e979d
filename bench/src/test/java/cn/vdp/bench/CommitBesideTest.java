package cn.vdp.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import cn.vdp.devpg.EmbeddedServer;

/** The floor variant of the audit-read benchmark commits a row per step, beside it, and waits for both. */
class CommitBesideTest {

    private static EmbeddedPostgres postgres;
    private static String jdbc;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedServer.start(null, 0);
        jdbc = postgres.getJdbcUrl("postgres", "postgres");
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void eachStepHasItsRowCommittedBeforeItCountsAsDone() throws Exception {
        try (CommitBeside commits = CommitBeside.open(jdbc, "postgres", "", 2)) {
            long before = rows();
            for (int i = 0; i < 5; i++) {
                int committedBeforeStep = (int) rows();
                long nanos = commits.around(() -> {
                    TimeUnit.MILLISECONDS.sleep(2);
                    return 0;
                });
                assertTrue(nanos >= TimeUnit.MILLISECONDS.toNanos(2), "the step's own time is counted");
                // committed, and seen by another connection, as soon as around() returns
                assertEquals(committedBeforeStep + 1, rows());
            }
            assertEquals(before + 5, rows());
        }
    }

    @Test
    void theStepIsDoneOnlyWhenItsCommitIs() throws Exception {
        ExecutorService client = Executors.newSingleThreadExecutor();
        try (CommitBeside commits = CommitBeside.open(jdbc, "postgres", "", 1);
                Connection blocker = DriverManager.getConnection(jdbc, "postgres", "")) {
            long before = rows();
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE " + CommitBeside.TABLE + " IN ACCESS EXCLUSIVE MODE");
            Future<Long> step = client.submit(() -> commits.around(() -> 0));
            assertThrows(TimeoutException.class, () -> step.get(300, TimeUnit.MILLISECONDS),
                    "the step returned while its insert was still waiting for the table");
            blocker.commit();
            assertTrue(step.get(10, TimeUnit.SECONDS) >= TimeUnit.MILLISECONDS.toNanos(300));
            assertEquals(before + 1, rows());
        } finally {
            client.shutdownNow();
        }
    }

    @Test
    void aCommitThatFailsFailsTheStep() throws Exception {
        try (CommitBeside commits = CommitBeside.open(jdbc, "postgres", "", 1)) {
            commits.around(() -> 0); // the committer's connection and statement exist now
            try (Connection connection = DriverManager.getConnection(jdbc, "postgres", "");
                    Statement sql = connection.createStatement()) {
                sql.execute("ALTER TABLE " + CommitBeside.TABLE
                        + " ADD CONSTRAINT none_allowed CHECK (false) NOT VALID");
                try {
                    assertThrows(IllegalStateException.class, () -> commits.around(() -> 0));
                } finally {
                    sql.execute("ALTER TABLE " + CommitBeside.TABLE + " DROP CONSTRAINT none_allowed");
                }
            }
        }
    }

    private static long rows() throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbc, "postgres", "");
                ResultSet count = connection.createStatement()
                        .executeQuery("SELECT count(*) FROM " + CommitBeside.TABLE)) {
            count.next();
            return count.getLong(1);
        }
    }
}
