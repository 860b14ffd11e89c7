package com.chatwebsite.plugin.schedule;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading and writing the weekdays and hours that an admin configures. */
class WorkingIntervalTest {

    private static Set<DayOfWeek> days(String weekdays) {
        return WorkingInterval.parse(weekdays, "09:00-18:00").days();
    }

    @Test
    void readsSingleDaysRangesAndLists() {
        assertEquals(EnumSet.of(SATURDAY), days("sat"));
        assertEquals(EnumSet.range(MONDAY, FRIDAY), days("mon-fri"));
        assertEquals(EnumSet.of(MONDAY, WEDNESDAY, FRIDAY), days("mon,wed,fri"));
        assertEquals(EnumSet.of(MONDAY, WEDNESDAY, THURSDAY, FRIDAY), days("mon,wed-fri"));
        assertEquals(EnumSet.of(TUESDAY), days("tue-tue"));
    }

    @Test
    void rangesWrapPastSunday() {
        assertEquals(EnumSet.of(FRIDAY, SATURDAY, SUNDAY, MONDAY), days("fri-mon"));
        assertEquals(EnumSet.of(SUNDAY, MONDAY), days("sun-mon"));
        assertEquals(EnumSet.complementOf(EnumSet.of(MONDAY)), days("tue-sun"));
        assertEquals(EnumSet.complementOf(EnumSet.of(TUESDAY)), days("wed-mon"));
    }

    @Test
    void daysIgnoreCaseSpacesAndRepeats() {
        assertEquals(EnumSet.of(MONDAY, WEDNESDAY, THURSDAY, FRIDAY), days("  MON , Wed - fRi "));
        assertEquals(EnumSet.range(MONDAY, FRIDAY), days("mon-fri,tue,wed-thu"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "monday", "mo", "xyz", "mon,", ",mon", "mon,,fri", "mon-", "-fri",
        "mon-wed-fri", "mon fri", "1-5", "lun-ven"})
    void refusesBadWeekdaysWithAMessage(String weekdays) {
        IllegalArgumentException refusal =
                assertThrows(IllegalArgumentException.class, () -> WorkingInterval.parse(weekdays, "09:00-18:00"));
        assertTrue(refusal.getMessage().contains("Weekdays must be like mon-fri, sat or mon,wed,fri."),
                refusal.getMessage());
    }

    @Test
    void refusalNamesTheUnknownDay() {
        IllegalArgumentException refusal =
                assertThrows(IllegalArgumentException.class, () -> WorkingInterval.parse("mon,fry", "09:00-18:00"));
        assertTrue(refusal.getMessage().startsWith("\"fry\" is not a day"), refusal.getMessage());
    }

    @Test
    void refusesNullWeekdaysWithAMessage() {
        IllegalArgumentException refusal =
                assertThrows(IllegalArgumentException.class, () -> WorkingInterval.parse(null, "09:00-18:00"));
        assertEquals("The weekdays are empty. Weekdays must be like mon-fri, sat or mon,wed,fri.",
                refusal.getMessage());
    }

    @Test
    void readsAnOrdinaryRange() {
        WorkingInterval interval = WorkingInterval.parse("mon-fri", "09:00-18:00");
        assertEquals(LocalTime.of(9, 0), interval.start());
        assertEquals(LocalTime.of(18, 0), interval.end());
        assertFalse(interval.crossesMidnight());
        assertFalse(interval.endsAtEndOfDay());
    }

    @Test
    void readsARangeThatCrossesMidnight() {
        WorkingInterval interval = WorkingInterval.parse("sat", "22:00-02:00");
        assertEquals(LocalTime.of(22, 0), interval.start());
        assertEquals(LocalTime.of(2, 0), interval.end());
        assertTrue(interval.crossesMidnight());
    }

    @Test
    void readsTwentyFourAsTheEndOfTheDay() {
        WorkingInterval wholeDay = WorkingInterval.parse("sun", "00:00-24:00");
        assertEquals(LocalTime.MIDNIGHT, wholeDay.start());
        assertTrue(wholeDay.endsAtEndOfDay());
        assertFalse(wholeDay.crossesMidnight());
        WorkingInterval evening = WorkingInterval.parse("sun", "18:00-24:00");
        assertTrue(evening.endsAtEndOfDay());
        assertFalse(evening.crossesMidnight());
    }

    @Test
    void anEndAtMidnightIsTheEndOfTheDay() {
        assertEquals(WorkingInterval.parse("fri", "22:00-24:00"), WorkingInterval.parse("fri", "22:00-00:00"));
        assertEquals("22:00-24:00", WorkingInterval.parse("fri", "22:00-00:00").timeText());
    }

    @Test
    void toleratesSpacesAroundTheTimes() {
        assertEquals(WorkingInterval.parse("mon", "09:00-18:00"), WorkingInterval.parse("mon", " 09:00 - 18:00 "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "9:00-18:00", "09:00-18", "09-18", "09:00–18:00", "09:00 18:00", "09.00-18.00",
        "09:00-18:00-20:00", "24:00-02:00", "25:00-26:00", "09:60-10:00", "09:00-24:01", "09:00-25:00",
        "09:00-09:00", "00:00-00:00", "9am-5pm", "٠٩:٠٠-١٨:٠٠"})
    void refusesBadTimesWithAMessage(String time) {
        IllegalArgumentException refusal =
                assertThrows(IllegalArgumentException.class, () -> WorkingInterval.parse("mon", time));
        String message = refusal.getMessage();
        assertTrue(message.contains("Hours must be like 09:00-18:00") || message.contains("is empty"), message);
        assertTrue(message.endsWith("."), message);
    }

    @Test
    void anEmptyRangeIsCalledEmpty() {
        IllegalArgumentException refusal =
                assertThrows(IllegalArgumentException.class, () -> WorkingInterval.parse("mon", "09:00-09:00"));
        assertTrue(refusal.getMessage().contains("is empty"), refusal.getMessage());
    }

    @Test
    void refusesNullTime() {
        IllegalArgumentException refusal =
                assertThrows(IllegalArgumentException.class, () -> WorkingInterval.parse("mon", null));
        assertTrue(refusal.getMessage().startsWith("The hours are empty."), refusal.getMessage());
    }

    @Test
    void writesCanonicalText() {
        assertEquals("mon-fri", WorkingInterval.parse("FRI, mon-thu", "09:00-18:00").weekdaysText());
        assertEquals("mon,wed,fri", WorkingInterval.parse("fri,wed,mon", "09:00-18:00").weekdaysText());
        assertEquals("fri-mon", WorkingInterval.parse("fri-mon", "09:00-18:00").weekdaysText());
        assertEquals("wed,fri-mon", WorkingInterval.parse("sat-mon,wed,fri", "09:00-18:00").weekdaysText());
        assertEquals("mon,sun", WorkingInterval.parse("sun-mon", "09:00-18:00").weekdaysText());
        assertEquals("mon,tue", WorkingInterval.parse("tue,mon", "09:00-18:00").weekdaysText());
        assertEquals("mon-sun", WorkingInterval.parse("wed-tue", "09:00-18:00").weekdaysText());
        assertEquals("09:05-18:30", WorkingInterval.parse("mon", " 09:05 -18:30").timeText());
        assertEquals("22:00-02:00", WorkingInterval.parse("sat", "22:00-02:00").timeText());
        assertEquals("00:00-24:00", WorkingInterval.parse("sat", "00:00-24:00").timeText());
    }

    @Test
    void everySetOfDaysAndSomeTimesSurviveARoundTrip() {
        List<String> times = List.of("09:00-18:00", "22:00-02:00", "00:00-24:00", "23:59-00:01", "12:00-24:00",
                "00:00-00:01", "13:00-12:59");
        for (int mask = 1; mask < 1 << 7; mask++) {
            Set<DayOfWeek> days = new HashSet<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                if ((mask & 1 << day.ordinal()) != 0) {
                    days.add(day);
                }
            }
            for (String time : times) {
                WorkingInterval interval = WorkingInterval.parse(Weekdays.format(days), time);
                assertEquals(days, interval.days());
                WorkingInterval again = WorkingInterval.parse(interval.weekdaysText(), interval.timeText());
                assertEquals(interval, again, interval.weekdaysText() + " " + interval.timeText());
                assertEquals(interval.weekdaysText(), again.weekdaysText());
                assertEquals(interval.timeText(), again.timeText());
            }
        }
    }

    @Test
    void theConstructorKeepsAnUnmodifiableCopyAndChecksItsParts() {
        Set<DayOfWeek> days = EnumSet.of(MONDAY);
        WorkingInterval interval = new WorkingInterval(days, LocalTime.of(9, 0), LocalTime.of(18, 0), false);
        days.add(TUESDAY);
        assertEquals(Set.of(MONDAY), interval.days());
        assertThrows(UnsupportedOperationException.class, () -> interval.days().add(SUNDAY));
        assertThrows(IllegalArgumentException.class,
                () -> new WorkingInterval(Set.of(), LocalTime.of(9, 0), LocalTime.of(18, 0), false));
        assertThrows(IllegalArgumentException.class,
                () -> new WorkingInterval(Set.of(MONDAY), LocalTime.of(22, 0), LocalTime.of(2, 0), false));
        assertThrows(IllegalArgumentException.class,
                () -> new WorkingInterval(Set.of(MONDAY), LocalTime.of(9, 0), LocalTime.of(18, 0), true));
        assertThrows(IllegalArgumentException.class,
                () -> new WorkingInterval(Set.of(MONDAY), LocalTime.of(22, 0), LocalTime.MIDNIGHT, true));
        assertThrows(IllegalArgumentException.class,
                () -> new WorkingInterval(Set.of(MONDAY), LocalTime.of(9, 0), LocalTime.of(9, 0), false));
        assertThrows(IllegalArgumentException.class,
                () -> new WorkingInterval(Set.of(MONDAY), LocalTime.of(9, 0, 30), LocalTime.of(18, 0), false));
    }
}
