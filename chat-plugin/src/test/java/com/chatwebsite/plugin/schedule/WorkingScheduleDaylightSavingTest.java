package com.chatwebsite.plugin.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Working intervals are wall-clock times, so they follow daylight saving changes. In 2026 Europe/Rome springs
 * forward on 03-29 (02:00 becomes 03:00, at 01:00Z) and falls back on 10-25 (03:00 becomes 02:00, at 01:00Z);
 * America/New_York springs forward on 03-08 (at 07:00Z) and falls back on 11-01 (02:00 becomes 01:00, at 06:00Z).
 */
class WorkingScheduleDaylightSavingTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static WorkingSchedule schedule(ZoneId zone, String weekdays, String time) {
        return new WorkingSchedule(zone, List.of(WorkingInterval.parse(weekdays, time)), Set.of());
    }

    private static Instant at(String utc) {
        return Instant.parse(utc);
    }

    @Test
    void springForwardShortensARangeAcrossTheGap() {
        WorkingSchedule schedule = schedule(ROME, "sun", "01:00-04:00");
        Instant opening = ZonedDateTime.of(2026, 3, 29, 1, 0, 0, 0, ROME).toInstant();
        assertEquals(at("2026-03-29T00:00:00Z"), opening);
        assertTrue(schedule.isOpen(opening));
        assertFalse(schedule.isOpen(opening.minusNanos(1)));
        Instant closing = schedule.nextChange(opening).orElseThrow();
        assertEquals(at("2026-03-29T02:00:00Z"), closing);
        assertEquals(ZonedDateTime.of(2026, 3, 29, 4, 0, 0, 0, ROME).toInstant(), closing);
        assertEquals(Duration.ofHours(2), Duration.between(opening, closing));
    }

    @Test
    void fallBackLengthensARangeAcrossTheOverlap() {
        WorkingSchedule schedule = schedule(ROME, "sun", "01:00-04:00");
        Instant opening = ZonedDateTime.of(2026, 10, 25, 1, 0, 0, 0, ROME).toInstant();
        assertEquals(at("2026-10-24T23:00:00Z"), opening);
        assertEquals(Optional.of(opening), schedule.nextChange(opening.minusSeconds(3600)));
        Instant closing = schedule.nextChange(opening).orElseThrow();
        assertEquals(at("2026-10-25T03:00:00Z"), closing);
        assertEquals(Duration.ofHours(4), Duration.between(opening, closing));
    }

    @Test
    void aRangeStartingInTheGapOpensWhenTheClocksJump() {
        // 02:30 does not exist on 2026-03-29: the wall clock goes from 01:59:59 (+01:00) to 03:00 (+02:00).
        // Wall times from 03:00 to 03:30 are inside 02:30-03:30, so the chat opens at the jump, 01:00Z.
        // Note that LocalDateTime.atZone moves 02:30 by the length of the gap, to 03:30 (+02:00), not to 03:00.
        assertEquals(at("2026-03-29T01:30:00Z"), LocalDateTime.of(2026, 3, 29, 2, 30).atZone(ROME).toInstant());
        WorkingSchedule schedule = schedule(ROME, "sun", "02:30-03:30");
        Instant jump = at("2026-03-29T01:00:00Z");
        assertFalse(schedule.isOpen(jump.minusNanos(1)));
        assertTrue(schedule.isOpen(jump));
        assertTrue(schedule.isOpen(ZonedDateTime.of(2026, 3, 29, 3, 15, 0, 0, ROME).toInstant()));
        assertFalse(schedule.isOpen(ZonedDateTime.of(2026, 3, 29, 3, 30, 0, 0, ROME).toInstant()));
        Instant midnight = ZonedDateTime.of(2026, 3, 29, 0, 0, 0, 0, ROME).toInstant();
        assertEquals(Optional.of(jump), schedule.nextChange(midnight));
        assertEquals(Optional.of(at("2026-03-29T01:30:00Z")), schedule.nextChange(jump));
    }

    @Test
    void aRangeWhollyInTheGapDoesNotOpenThatDay() {
        WorkingSchedule schedule = schedule(ROME, "sun", "02:00-03:00");
        Instant saturdayNoon = ZonedDateTime.of(2026, 3, 28, 12, 0, 0, 0, ROME).toInstant();
        assertFalse(schedule.isOpen(at("2026-03-29T01:00:00Z")));
        // The next opening is 02:00 (+02:00) on Sunday 2026-04-05.
        assertEquals(Optional.of(at("2026-04-05T00:00:00Z")), schedule.nextChange(saturdayNoon));
    }

    @Test
    void aRepeatedWallTimeIsOpenBothTimes() {
        WorkingSchedule schedule = schedule(ROME, "sun", "02:00-03:00");
        ZonedDateTime firstHalfPastTwo = ZonedDateTime.of(2026, 10, 25, 2, 30, 0, 0, ROME);
        assertEquals(at("2026-10-25T00:30:00Z"), firstHalfPastTwo.withEarlierOffsetAtOverlap().toInstant());
        assertEquals(at("2026-10-25T01:30:00Z"), firstHalfPastTwo.withLaterOffsetAtOverlap().toInstant());
        assertTrue(schedule.isOpen(at("2026-10-25T00:30:00Z")));
        assertTrue(schedule.isOpen(at("2026-10-25T01:30:00Z")));
        assertFalse(schedule.isOpen(at("2026-10-24T23:59:59Z")));
        // Open from 02:00 (+02:00) through both 02:xx hours until 03:00 (+01:00): two real hours.
        assertEquals(Optional.of(at("2026-10-25T00:00:00Z")), schedule.nextChange(at("2026-10-24T23:00:00Z")));
        assertEquals(Optional.of(at("2026-10-25T02:00:00Z")), schedule.nextChange(at("2026-10-25T00:00:00Z")));
    }

    @Test
    void newYorkHoursStayAtNineLocalAcrossSpringForward() {
        WorkingSchedule daily = schedule(NEW_YORK, "mon-sun", "09:00-17:00");
        // Saturday 2026-03-07 09:00 EST is 14:00Z; Sunday 2026-03-08 09:00 EDT is 13:00Z.
        assertFalse(daily.isOpen(at("2026-03-07T13:59:59Z")));
        assertTrue(daily.isOpen(at("2026-03-07T14:00:00Z")));
        assertFalse(daily.isOpen(at("2026-03-08T12:59:59Z")));
        assertTrue(daily.isOpen(at("2026-03-08T13:00:00Z")));
        assertEquals(Optional.of(at("2026-03-07T22:00:00Z")), daily.nextChange(at("2026-03-07T14:00:00Z")));
        assertEquals(Optional.of(at("2026-03-08T13:00:00Z")), daily.nextChange(at("2026-03-07T22:00:00Z")));
        assertEquals(Optional.of(at("2026-03-08T21:00:00Z")), daily.nextChange(at("2026-03-08T13:00:00Z")));
    }

    @Test
    void newYorkHoursStayAtNineLocalAcrossFallBack() {
        WorkingSchedule daily = schedule(NEW_YORK, "mon-sun", "09:00-17:00");
        // Saturday 2026-10-31 09:00 EDT is 13:00Z; Sunday 2026-11-01 09:00 EST is 14:00Z.
        assertTrue(daily.isOpen(at("2026-10-31T13:00:00Z")));
        assertFalse(daily.isOpen(at("2026-11-01T13:00:00Z")));
        assertTrue(daily.isOpen(at("2026-11-01T14:00:00Z")));
        assertEquals(Optional.of(at("2026-11-01T14:00:00Z")), daily.nextChange(at("2026-10-31T21:00:00Z")));
    }

    @Test
    void newYorkNightRangeAcrossFallBackOpensTheRepeatedHalfHourTwice() {
        WorkingSchedule night = schedule(NEW_YORK, "sat", "23:00-01:30");
        Instant elevenPm = at("2026-11-01T03:00:00Z");
        assertEquals(ZonedDateTime.of(2026, 10, 31, 23, 0, 0, 0, NEW_YORK).toInstant(), elevenPm);
        assertTrue(night.isOpen(elevenPm));
        assertTrue(night.isOpen(at("2026-11-01T05:15:00Z")));   // 01:15 EDT
        assertFalse(night.isOpen(at("2026-11-01T05:30:00Z")));  // 01:30 EDT
        assertTrue(night.isOpen(at("2026-11-01T06:00:00Z")));   // 01:00 EST
        assertTrue(night.isOpen(at("2026-11-01T06:15:00Z")));   // 01:15 EST
        assertFalse(night.isOpen(at("2026-11-01T06:30:00Z")));  // 01:30 EST
        assertEquals(Optional.of(at("2026-11-01T05:30:00Z")), night.nextChange(elevenPm));
        assertEquals(Optional.of(at("2026-11-01T06:00:00Z")), night.nextChange(at("2026-11-01T05:30:00Z")));
        assertEquals(Optional.of(at("2026-11-01T06:30:00Z")), night.nextChange(at("2026-11-01T06:00:00Z")));
    }
}
