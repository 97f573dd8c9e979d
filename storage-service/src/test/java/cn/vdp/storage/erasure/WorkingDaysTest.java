package cn.vdp.storage.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    private static final WorkingDays WEEKDAYS = new WorkingDays(Set.of(), Set.of());

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void tenWorkingDaysSkipBothWeekendsAndTheRequestDayItself() {
        assertEquals(day("2026-11-30"), WEEKDAYS.after(day("2026-11-16"), 10), "Monday: the Monday two weeks on");
        assertEquals(day("2026-12-04"), WEEKDAYS.after(day("2026-11-20"), 10), "Friday: the Friday two weeks on");
        assertEquals(day("2026-12-04"), WEEKDAYS.after(day("2026-11-21"), 10), "Saturday counts from Monday");
        assertEquals(day("2026-12-04"), WEEKDAYS.after(day("2026-11-22"), 10), "and so does Sunday");
        assertEquals(day("2026-11-23"), WEEKDAYS.after(day("2026-11-20"), 1));
    }

    @Test
    void publicHolidaysDoNotCountAndMadeUpWorkingWeekendsDo() {
        // National Day week 2026 as China's calendar has it: 1-7 October off, Sunday 27 September and Saturday
        // 10 October worked instead.
        List<LocalDate> holidays = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            holidays.add(LocalDate.of(2026, 10, d));
        }
        WorkingDays china = new WorkingDays(holidays, List.of(day("2026-09-27"), day("2026-10-10")));
        assertTrue(china.isWorkingDay(day("2026-09-27")), "a Sunday made a working day");
        assertTrue(china.isWorkingDay(day("2026-10-10")), "a Saturday made a working day");
        assertFalse(china.isWorkingDay(day("2026-10-01")), "a Thursday that is a holiday");
        assertFalse(china.isWorkingDay(day("2026-10-11")), "an ordinary Sunday");
        // Friday 25 September: 27, 28, 29, 30 Sep, 8, 9, 10, 12, 13, 14 Oct.
        assertEquals(day("2026-10-14"), china.after(day("2026-09-25"), 10));
        assertEquals(day("2026-10-09"), WEEKDAYS.after(day("2026-09-25"), 10), "the same request without holidays");
    }

    @Test
    void aDeadlineNeedsAtLeastOneDay() {
        assertThrows(IllegalArgumentException.class, () -> WEEKDAYS.after(day("2026-11-16"), 0));
    }
}
