package cn.vdp.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.vdp.fleet.FleetStats;

class AnswerTimesTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    @Test
    void splitsIntoWindowsByWhenRequestsWereSentAndFindsTheSecondsOfTheSlowest() {
        long since = 1_000 * SECOND;
        // 200 answers, 2 windows of 2 s: every answer 5 ms, except 3 of 20 ms sent in second 2 and one of 30 ms in
        // second 0, so the p99 (the 198th of 200) is 20 ms and only the 30-ms answer lies above it.
        long[] sentAt = new long[200];
        long[] nanos = new long[200];
        for (int i = 0; i < 200; i++) {
            sentAt[i] = since + (i / 50) * SECOND + i;
            nanos[i] = 5 * MS;
        }
        nanos[0] = 30 * MS;
        nanos[100] = nanos[101] = nanos[102] = 20 * MS;
        AnswerTimes answers = new AnswerTimes(new FleetStats.Latencies(since, sentAt, nanos), Duration.ofSeconds(2),
                2);

        assertEquals(200, answers.count());
        assertEquals(5.0, answers.millis(50), 1e-9);
        assertEquals(20.0, answers.millis(99), 1e-9);
        assertEquals("5.0 / 5.0, 5.0 / 20.0 ms", answers.perWindow());
        assertEquals("s0: 1 (1 in 1 seconds)", answers.slowestBySecond(99, 5));
        assertEquals("s2: 3, s0: 1 (4 in 2 seconds)", answers.slowestBySecond(98, 5));
    }

    @Test
    void countsTheSlowAnswersThatWereInFlightDuringAStallOfTheDisk() {
        long since = 1_000 * SECOND;
        // 100 answers of 5 ms sent 10 ms apart, except three of 50 ms: sent at 100 ms (in flight 100-150 ms), at
        // 500 ms (500-550) and at 900 ms (900-950). The p98 is 50 ms, so the three are slower than p97 only.
        long[] sentAt = new long[100];
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            sentAt[i] = since + i * 10 * MS;
            nanos[i] = i == 10 || i == 50 || i == 90 ? 50 * MS : 5 * MS;
        }
        AnswerTimes answers = new AnswerTimes(new FleetStats.Latencies(since, sentAt, nanos), Duration.ofSeconds(1),
                1);
        // One stall overlaps the first slow answer's end, one lies between answers, one overlaps the last's start.
        List<DiskStallProbe.Flush> stalls = List.of(new DiskStallProbe.Flush(since + 140 * MS, 30 * MS),
                new DiskStallProbe.Flush(since + 600 * MS, 30 * MS),
                new DiskStallProbe.Flush(since + 880 * MS, 21 * MS));

        assertEquals(3, answers.slowerThan(97));
        assertEquals(2, answers.slowerInFlightDuring(97, stalls));
        assertEquals(0, answers.slowerThan(99));
        assertEquals(0, answers.slowerInFlightDuring(97, List.of()));
    }

    @Test
    void countsTheRequestsSentInEachSlotOfTheTimedPart() {
        long since = 1_000 * SECOND;
        // 1 s in 100 slots of 10 ms: one request in each of 98 slots, none in one, 20 at once in the last; and one
        // sent after the timed part, which does not count.
        long[] sentAt = new long[119];
        for (int i = 0; i < 98; i++) {
            sentAt[i] = since + i * 10 * MS + MS;
        }
        for (int i = 98; i < 118; i++) {
            sentAt[i] = since + 995 * MS;
        }
        sentAt[118] = since + SECOND + MS;
        AnswerTimes answers = new AnswerTimes(new FleetStats.Latencies(since, sentAt, new long[119]),
                Duration.ofMillis(500), 2);

        assertEquals("p50 1, p99 1, max 20 per 10 ms", answers.sendsPerSlot(Duration.ofMillis(10)));
    }
}
