package com.chatwebsite.plugin.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whether a schedule is open at an instant, away from daylight saving changes. */
class WorkingScheduleTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    private static Instant rome(int year, int month, int day, int hour, int minute, int second) {
        return ZonedDateTime.of(year, month, day, hour, minute, second, 0, ROME).toInstant();
    }

    private static Instant rome(int year, int month, int day, int hour, int minute) {
        return rome(year, month, day, hour, minute, 0);
    }

    private static WorkingSchedule schedule(WorkingInterval interval, LocalDate... closed) {
        return new WorkingSchedule(ROME, List.of(interval), Set.of(closed));
    }

    @Test
    void weekdayOfficeHours() {
        // 2026-06-09 is a Tuesday, 2026-06-13 a Saturday.
        WorkingSchedule office = schedule(WorkingInterval.parse("mon-fri", "09:00-18:00"));
        assertTrue(office.isOpen(rome(2026, 6, 9, 9, 0)));
        assertTrue(office.isOpen(rome(2026, 6, 9, 17, 59, 59)));
        assertFalse(office.isOpen(rome(2026, 6, 9, 18, 0)));
        assertFalse(office.isOpen(rome(2026, 6, 9, 8, 59, 59)));
        assertFalse(office.isOpen(rome(2026, 6, 13, 12, 0)));
        assertFalse(office.isOpen(rome(2026, 6, 14, 12, 0)));
        assertTrue(office.isOpen(rome(2026, 6, 12, 12, 0)));
    }

    @Test
    void theLocalTimeDecidesNotUtc() {
        WorkingSchedule office = schedule(WorkingInterval.parse("mon-fri", "09:00-18:00"));
        // 07:30Z is 09:30 in Rome in summer: open, although 07:30 would be before opening.
        assertTrue(office.isOpen(Instant.parse("2026-06-09T07:30:00Z")));
        // 16:30Z is 18:30 in Rome: closed, although 16:30 would be within the hours.
        assertFalse(office.isOpen(Instant.parse("2026-06-09T16:30:00Z")));
    }

    @Test
    void aRangeThatCrossesMidnightRunsIntoTheNextDay() {
        // 2026-06-13 is a Saturday.
        WorkingSchedule night = schedule(WorkingInterval.parse("sat", "22:00-02:00"));
        assertFalse(night.isOpen(rome(2026, 6, 13, 21, 59)));
        assertTrue(night.isOpen(rome(2026, 6, 13, 22, 0)));
        assertTrue(night.isOpen(rome(2026, 6, 13, 23, 30)));
        assertTrue(night.isOpen(rome(2026, 6, 14, 0, 0)));
        assertTrue(night.isOpen(rome(2026, 6, 14, 1, 59)));
        assertTrue(night.isOpen(rome(2026, 6, 14, 1, 59, 59)));
        assertFalse(night.isOpen(rome(2026, 6, 14, 2, 0)));
        assertFalse(night.isOpen(rome(2026, 6, 14, 23, 30)));
        // Saturday morning is not the tail of a range that started on Friday.
        assertFalse(night.isOpen(rome(2026, 6, 13, 1, 0)));
    }

    @Test
    void aClosedDateCutsOffTheTailOfTheNightBefore() {
        WorkingInterval night = WorkingInterval.parse("sat", "22:00-02:00");
        WorkingSchedule sundayClosed = schedule(night, LocalDate.of(2026, 6, 14));
        assertTrue(sundayClosed.isOpen(rome(2026, 6, 13, 23, 30)));
        assertFalse(sundayClosed.isOpen(rome(2026, 6, 14, 0, 0)));
        assertFalse(sundayClosed.isOpen(rome(2026, 6, 14, 1, 0)));
    }

    @Test
    void aClosedDateAlsoClosesTheNightThatStartsOnIt() {
        WorkingInterval night = WorkingInterval.parse("sat", "22:00-02:00");
        WorkingSchedule saturdayClosed = schedule(night, LocalDate.of(2026, 6, 13));
        assertFalse(saturdayClosed.isOpen(rome(2026, 6, 13, 23, 30)));
        assertFalse(saturdayClosed.isOpen(rome(2026, 6, 14, 1, 0)));
        // The next Saturday night is open again.
        assertTrue(saturdayClosed.isOpen(rome(2026, 6, 21, 1, 0)));
    }

    @Test
    void aClosedDateIsAWholeLocalDay() {
        WorkingSchedule allDay = schedule(WorkingInterval.parse("mon-sun", "00:00-24:00"), LocalDate.of(2026, 12, 25));
        // 2026-12-25 23:30 in Rome is 22:30Z: closed.
        assertEquals(Instant.parse("2026-12-25T22:30:00Z"), rome(2026, 12, 25, 23, 30));
        assertFalse(allDay.isOpen(Instant.parse("2026-12-25T22:30:00Z")));
        // 2026-12-25 23:30Z is already 2026-12-26 00:30 in Rome: open.
        assertTrue(allDay.isOpen(Instant.parse("2026-12-25T23:30:00Z")));
        // 2026-12-24 23:30Z is already 2026-12-25 00:30 in Rome: closed.
        assertFalse(allDay.isOpen(Instant.parse("2026-12-24T23:30:00Z")));
        assertTrue(allDay.isOpen(Instant.parse("2026-12-24T22:59:59Z")));
    }

    @Test
    void noIntervalsMeansOpenExceptOnClosedDates() {
        WorkingSchedule holidays = new WorkingSchedule(ROME, List.of(), Set.of(LocalDate.of(2026, 12, 25)));
        assertTrue(holidays.isOpen(rome(2026, 12, 24, 23, 59)));
        assertFalse(holidays.isOpen(rome(2026, 12, 25, 0, 0)));
        assertFalse(holidays.isOpen(rome(2026, 12, 25, 12, 0)));
        assertTrue(holidays.isOpen(rome(2026, 12, 26, 0, 0)));
        WorkingSchedule always = WorkingSchedule.alwaysOpen(ROME);
        assertTrue(always.isOpen(rome(2026, 12, 25, 12, 0)));
        assertTrue(always.isOpen(Instant.parse("2026-03-29T01:00:00Z")));
        assertEquals(ROME, always.zone());
    }

    @Test
    void anyIntervalOpens() {
        WorkingSchedule split = new WorkingSchedule(ROME, List.of(
                WorkingInterval.parse("mon-fri", "09:00-13:00"),
                WorkingInterval.parse("mon-fri", "14:00-18:00"),
                WorkingInterval.parse("sat", "10:00-12:00")), Set.of());
        assertTrue(split.isOpen(rome(2026, 6, 9, 12, 59)));
        assertFalse(split.isOpen(rome(2026, 6, 9, 13, 30)));
        assertTrue(split.isOpen(rome(2026, 6, 9, 14, 0)));
        assertTrue(split.isOpen(rome(2026, 6, 13, 11, 0)));
        assertFalse(split.isOpen(rome(2026, 6, 13, 14, 0)));
    }

    @Test
    void keepsUnmodifiableCopies() {
        List<WorkingInterval> intervals = new ArrayList<>(List.of(WorkingInterval.parse("mon", "09:00-10:00")));
        Set<LocalDate> closed = new HashSet<>(Set.of(LocalDate.of(2026, 12, 25)));
        WorkingSchedule schedule = new WorkingSchedule(ROME, intervals, closed);
        intervals.clear();
        closed.clear();
        assertEquals(1, schedule.intervals().size());
        assertEquals(Set.of(LocalDate.of(2026, 12, 25)), schedule.closedDates());
        assertThrows(UnsupportedOperationException.class, () -> schedule.intervals().clear());
        assertThrows(UnsupportedOperationException.class, () -> schedule.closedDates().clear());
        assertThrows(NullPointerException.class, () -> new WorkingSchedule(null, List.of(), Set.of()));
    }
}
