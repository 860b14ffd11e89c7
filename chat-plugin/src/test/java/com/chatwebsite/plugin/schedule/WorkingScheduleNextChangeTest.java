package com.chatwebsite.plugin.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The next instant at which a schedule opens or closes. */
class WorkingScheduleNextChangeTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final WorkingInterval OFFICE_HOURS = WorkingInterval.parse("mon-fri", "09:00-18:00");

    private static Instant rome(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, ROME).toInstant();
    }

    private static WorkingSchedule office(LocalDate... closed) {
        return new WorkingSchedule(ROME, List.of(OFFICE_HOURS), Set.of(closed));
    }

    /** Asserts that the next change after {@code from} is {@code expected} and that the state flips exactly there. */
    private static void assertNextChange(WorkingSchedule schedule, Instant from, Instant expected) {
        Optional<Instant> change = schedule.nextChange(from);
        assertEquals(Optional.of(expected), change);
        boolean before = schedule.isOpen(from);
        assertEquals(before, schedule.isOpen(expected.minusNanos(1)), "unchanged just before the change");
        assertNotEquals(before, schedule.isOpen(expected), "changed at the change");
    }

    @Test
    void fromClosedItIsTheNextOpening() {
        // Saturday noon to Monday 09:00.
        assertNextChange(office(), rome(2026, 6, 13, 12, 0), rome(2026, 6, 15, 9, 0));
        // Tuesday 08:59:59.999999999 to Tuesday 09:00.
        assertNextChange(office(), rome(2026, 6, 9, 9, 0).minusNanos(1), rome(2026, 6, 9, 9, 0));
    }

    @Test
    void fromOpenItIsTheNextClosing() {
        assertNextChange(office(), rome(2026, 6, 9, 10, 0), rome(2026, 6, 9, 18, 0));
        // A change at from itself does not count.
        assertNextChange(office(), rome(2026, 6, 9, 9, 0), rome(2026, 6, 9, 18, 0));
    }

    @Test
    void fromClosingTimeItIsTheNextMorning() {
        assertNextChange(office(), rome(2026, 6, 9, 18, 0), rome(2026, 6, 10, 9, 0));
        assertNextChange(office(), rome(2026, 6, 12, 18, 0), rome(2026, 6, 15, 9, 0));
    }

    @Test
    void alwaysOpenNeverChanges() {
        assertEquals(Optional.empty(), WorkingSchedule.alwaysOpen(ROME).nextChange(rome(2026, 3, 28, 12, 0)));
        WorkingSchedule wholeWeek = new WorkingSchedule(ROME,
                List.of(WorkingInterval.parse("mon-sun", "00:00-24:00")), Set.of());
        assertEquals(Optional.empty(), wholeWeek.nextChange(rome(2026, 10, 20, 12, 0)));
    }

    @Test
    void withoutIntervalsItChangesAtClosedDateMidnights() {
        WorkingSchedule holidays = new WorkingSchedule(ROME, List.of(), Set.of(LocalDate.of(2026, 12, 25)));
        assertNextChange(holidays, rome(2026, 12, 20, 12, 0), rome(2026, 12, 25, 0, 0));
        assertNextChange(holidays, rome(2026, 12, 25, 0, 0), rome(2026, 12, 26, 0, 0));
    }

    @Test
    void itJumpsOverClosedDates() {
        // 2026-12-25 is a Friday and 2026-12-28 a Monday.
        Instant thursdayEvening = rome(2026, 12, 24, 18, 0);
        assertNextChange(office(LocalDate.of(2026, 12, 25)), thursdayEvening, rome(2026, 12, 28, 9, 0));
        assertNextChange(office(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28)), thursdayEvening,
                rome(2026, 12, 29, 9, 0));
    }

    @Test
    void aClosedDateEndsAnOpenNightAtMidnight() {
        WorkingSchedule night = new WorkingSchedule(ROME, List.of(WorkingInterval.parse("sat", "22:00-02:00")),
                Set.of(LocalDate.of(2026, 6, 14)));
        assertNextChange(night, rome(2026, 6, 13, 22, 0), rome(2026, 6, 14, 0, 0));
    }

    @Test
    void itLooksAheadFourteenDaysAndNoFurther() {
        // Mondays 2026-01-05, -12, -19 and -26; no daylight saving change in January.
        WorkingInterval mondayMorning = WorkingInterval.parse("mon", "09:00-10:00");
        Instant from = rome(2026, 1, 5, 9, 0);
        WorkingSchedule twoClosed = new WorkingSchedule(ROME, List.of(mondayMorning),
                Set.of(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 12)));
        Instant fourteenDaysLater = rome(2026, 1, 19, 9, 0);
        assertEquals(Duration.ofDays(14), Duration.between(from, fourteenDaysLater));
        assertNextChange(twoClosed, from, fourteenDaysLater);
        assertEquals(Optional.empty(), twoClosed.nextChange(from.minusNanos(1)));
        WorkingSchedule threeClosed = new WorkingSchedule(ROME, List.of(mondayMorning),
                Set.of(LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 19)));
        assertEquals(Optional.empty(), threeClosed.nextChange(rome(2026, 1, 5, 10, 0)));
    }

    @Test
    void itIsExactAtNanoseconds() {
        Instant justBeforeClosing = rome(2026, 6, 9, 18, 0).minusNanos(1);
        assertTrue(office().isOpen(justBeforeClosing));
        assertNextChange(office(), justBeforeClosing, rome(2026, 6, 9, 18, 0));
        assertFalse(office().isOpen(rome(2026, 6, 9, 18, 0)));
    }
}
