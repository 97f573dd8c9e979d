package cn.vdp.storage.erasure;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Erasure requests: their legal deadline and how the job executes them. */
@ConfigMapping(prefix = "storage.erasure")
public interface ErasureConfig {

    /** How often the job looks for requests to execute (it also starts right after a request is accepted). */
    @WithDefault("30s")
    String every();

    /** The deadline: this many working days after the day of the request. */
    @WithDefault("10")
    int deadlineWorkingDays();

    /** Where the days of the deadline are counted. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Public holidays (ISO dates) that are not working days even on a weekday. */
    Optional<Set<LocalDate>> holidays();

    /** Weekend days that are working days (China moves working days onto weekends around its holidays). */
    Optional<Set<LocalDate>> workingWeekendDays();

    /** After this many failed attempts a request is FAILED and waits for an operator. */
    @WithDefault("5")
    int maxAttempts();

    /** Wait before a failed request is tried again, times the attempts so far. */
    @WithDefault("1m")
    Duration retryBackoff();

    /** Longest one execution may take (its transaction's timeout). */
    @WithDefault("30m")
    Duration maxDuration();

    /** Most VINs one request may name. */
    @WithDefault("100")
    int maxVins();
}
