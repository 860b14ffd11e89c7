package com.chatwebsite.plugin.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Checks {@link WorkingSchedule#nextChange} against a scan of every minute around daylight saving changes. In the
 * zones used, offsets and all interval boundaries are whole minutes, so every change falls on a whole UTC minute and
 * the scan sees them all.
 */
class WorkingScheduleMinuteByMinuteTest {

    private static final Duration WINDOW = Duration.ofDays(4);

    /** For every minute and half-minute in the window, nextChange is the first later minute whose state differs. */
    private static void assertAgreesWithScan(WorkingSchedule schedule, Instant windowStart) {
        int minutes = (int) WINDOW.toMinutes();
        boolean[] open = new boolean[minutes];
        for (int i = 0; i < minutes; i++) {
            open[i] = schedule.isOpen(windowStart.plus(Duration.ofMinutes(i)));
        }
        int nextDifferent = -1;
        for (int i = minutes - 1; i >= 0; i--) {
            if (i + 1 < minutes && open[i + 1] != open[i]) {
                nextDifferent = i + 1;
            }
            if (nextDifferent < 0) {
                continue;
            }
            Instant from = windowStart.plus(Duration.ofMinutes(i));
            Optional<Instant> expected = Optional.of(windowStart.plus(Duration.ofMinutes(nextDifferent)));
            assertEquals(expected, schedule.nextChange(from), "from " + from);
            assertEquals(expected, schedule.nextChange(from.plusSeconds(30)), "from " + from.plusSeconds(30));
        }
    }

    @Test
    void romeAroundBothChanges() {
        WorkingSchedule rome = new WorkingSchedule(ZoneId.of("Europe/Rome"), List.of(
                WorkingInterval.parse("mon-fri", "09:00-18:00"),
                WorkingInterval.parse("sat", "22:00-02:00"),
                WorkingInterval.parse("sun", "01:00-01:45"),
                WorkingInterval.parse("sun", "02:30-03:30"),
                WorkingInterval.parse("sun", "02:10-02:20"),
                WorkingInterval.parse("sun", "03:00-04:00")), Set.of(LocalDate.of(2026, 3, 30)));
        assertAgreesWithScan(rome, Instant.parse("2026-03-27T00:00:00Z"));
        assertAgreesWithScan(rome, Instant.parse("2026-10-23T00:00:00Z"));
    }

    @Test
    void newYorkAroundBothChanges() {
        WorkingSchedule newYork = new WorkingSchedule(ZoneId.of("America/New_York"), List.of(
                WorkingInterval.parse("mon-sun", "09:00-17:00"),
                WorkingInterval.parse("sat", "23:00-01:30"),
                WorkingInterval.parse("sun", "01:45-02:15")), Set.of());
        assertAgreesWithScan(newYork, Instant.parse("2026-03-06T00:00:00Z"));
        assertAgreesWithScan(newYork, Instant.parse("2026-10-30T00:00:00Z"));
    }

    @Test
    void santiagoWhereTheChangesAreAtMidnight() {
        // Santiago falls back on 2026-04-05 from Sunday 00:00 to Saturday 23:00, and springs forward on
        // 2026-09-06 from Sunday 00:00 to 01:00: the local date itself goes back, or skips a midnight.
        WorkingSchedule santiago = new WorkingSchedule(ZoneId.of("America/Santiago"), List.of(
                WorkingInterval.parse("sat", "22:00-02:00"),
                WorkingInterval.parse("sat", "23:30-24:00"),
                WorkingInterval.parse("sun", "00:00-00:30"),
                WorkingInterval.parse("mon-fri", "09:00-18:00")),
                Set.of(LocalDate.of(2026, 4, 6), LocalDate.of(2026, 9, 5)));
        assertAgreesWithScan(santiago, Instant.parse("2026-04-03T00:00:00Z"));
        assertAgreesWithScan(santiago, Instant.parse("2026-09-04T00:00:00Z"));
    }

    @Test
    void holidaysOnlyAroundAChange() {
        WorkingSchedule holidays = new WorkingSchedule(ZoneId.of("America/Santiago"), List.of(),
                Set.of(LocalDate.of(2026, 4, 4), LocalDate.of(2026, 9, 6)));
        assertAgreesWithScan(holidays, Instant.parse("2026-04-02T00:00:00Z"));
        assertAgreesWithScan(holidays, Instant.parse("2026-09-04T00:00:00Z"));
    }
}
