package com.chatwebsite.plugin.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A daily range of wall-clock time on some days of the week, such as {@code mon-fri 09:00-18:00}.
 *
 * <p>The range starts on each of {@code days} at {@code start}. If it does not cross midnight it ends the same day
 * at {@code end}, where an {@code end} of {@link LocalTime#MIDNIGHT} means the end of the day (written
 * {@code 24:00}). If it crosses midnight ({@code end} before {@code start}, such as {@code 22:00-02:00}), it goes on
 * into the next calendar day until {@code end}, which is then never midnight.
 *
 * @param days the days on which the range starts, not empty; kept as an unmodifiable copy
 * @param start the start, inclusive, on a whole minute
 * @param end the end, exclusive, on a whole minute
 * @param crossesMidnight whether the range goes on past midnight into the next day; must be true exactly when
 *     {@code end} is after midnight and before {@code start}
 */
public record WorkingInterval(Set<DayOfWeek> days, LocalTime start, LocalTime end, boolean crossesMidnight) {

    private static final Pattern TIME_RANGE =
            Pattern.compile("\\s*([0-9]{2}):([0-9]{2})\\s*-\\s*([0-9]{2}):([0-9]{2})\\s*");
    private static final String TIME_HINT =
            "Hours must be like 09:00-18:00 or 22:00-02:00, in 24-hour HH:mm-HH:mm; 24:00 may end a range.";
    private static final int END_OF_DAY_HOUR = 24;
    private static final int MINUTES_IN_HOUR = 60;

    /**
     * Checks that the parts agree and copies {@code days}.
     *
     * @throws IllegalArgumentException if {@code days} is empty, {@code start} or {@code end} is not a whole minute,
     *     the range is empty, or {@code crossesMidnight} disagrees with {@code start} and {@code end}
     */
    public WorkingInterval {
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("A working interval needs at least one day.");
        }
        days = Weekdays.copyOf(days);
        if (!isWholeMinute(start) || !isWholeMinute(end)) {
            throw new IllegalArgumentException("A working interval starts and ends on whole minutes, not at "
                    + start + "-" + end + ".");
        }
        boolean endsBeforeStart = !end.equals(LocalTime.MIDNIGHT) && end.isBefore(start);
        if (crossesMidnight != endsBeforeStart) {
            throw new IllegalArgumentException("crossesMidnight must be " + endsBeforeStart + " for " + start + "-"
                    + end + ".");
        }
        if (start.equals(end) && !end.equals(LocalTime.MIDNIGHT)) {
            throw new IllegalArgumentException("The range " + start + "-" + end + " is empty.");
        }
    }

    /**
     * Reads an interval as an admin writes it.
     *
     * @param weekdays days such as {@code mon-fri}, {@code sat}, {@code fri-mon} or {@code mon,wed-fri};
     *     case-insensitive, spaces around items allowed
     * @param time a range {@code HH:mm-HH:mm}, such as {@code 09:00-18:00}, {@code 00:00-24:00} (all day) or
     *     {@code 22:00-02:00} (crossing midnight)
     * @return the interval
     * @throws IllegalArgumentException with a message that an admin can read if either text is not valid
     */
    public static WorkingInterval parse(String weekdays, String time) {
        Set<DayOfWeek> days = Weekdays.parse(weekdays);
        LocalTime[] range = timeRange(time);
        LocalTime start = range[0];
        LocalTime end = range[1];
        boolean crossesMidnight = !end.equals(LocalTime.MIDNIGHT) && end.isBefore(start);
        return new WorkingInterval(days, start, end, crossesMidnight);
    }

    /**
     * Checks a daily time range as {@link #parse} reads it, for settings that take hours without days.
     *
     * @param time a range {@code HH:mm-HH:mm}: a start from 00:00 to 23:59, an end from 00:00 to 24:00, not empty
     * @throws IllegalArgumentException with a message that an admin can read if the text is not valid
     */
    public static void checkTimeRange(String time) {
        timeRange(time);
    }

    private static LocalTime[] timeRange(String time) {
        Matcher range = TIME_RANGE.matcher(time == null ? "" : time);
        if (!range.matches()) {
            String shown = time == null || time.isBlank() ? "The hours are empty." : "\"" + time.trim()
                    + "\" is not a time range.";
            throw new IllegalArgumentException(shown + " " + TIME_HINT);
        }
        LocalTime start = timeOfDay(range.group(1), range.group(2), false);
        LocalTime end = timeOfDay(range.group(3), range.group(4), true);
        boolean endWrittenAs24 = Integer.parseInt(range.group(3)) == END_OF_DAY_HOUR;
        if (start.equals(end) && !endWrittenAs24) {
            throw new IllegalArgumentException("The range " + time.trim() + " is empty: it starts and ends at "
                    + start + ". Use 00:00-24:00 for the whole day.");
        }
        return new LocalTime[] {start, end};
    }

    /**
     * The days as text that {@link #parse} reads back, such as {@code mon-fri} or {@code mon,wed,fri}.
     *
     * @return the days, Monday first
     */
    public String weekdaysText() {
        return Weekdays.format(days);
    }

    /**
     * The range as text that {@link #parse} reads back, such as {@code 09:00-18:00}; an end of day is
     * {@code 24:00}.
     *
     * @return the range
     */
    public String timeText() {
        String endText = endsAtEndOfDay() ? END_OF_DAY_HOUR + ":00" : end.toString();
        return start + "-" + endText;
    }

    /**
     * Whether the range runs to the end of the day it starts.
     *
     * @return true for an end written {@code 24:00} (or {@code 00:00})
     */
    public boolean endsAtEndOfDay() {
        return end.equals(LocalTime.MIDNIGHT);
    }

    /**
     * Whether this interval covers a wall-clock moment.
     *
     * @param day the weekday of the local date
     * @param time the local time
     * @param dayBeforeOpen whether the day before the local date may be open; false if it is a closed date, which
     *     cuts off the after-midnight part of a range that started then
     */
    boolean covers(DayOfWeek day, LocalTime time, boolean dayBeforeOpen) {
        boolean startedToday = days.contains(day) && !time.isBefore(start)
                && (crossesMidnight || endsAtEndOfDay() || time.isBefore(end));
        boolean startedYesterday = crossesMidnight && dayBeforeOpen && days.contains(day.minus(1))
                && time.isBefore(end);
        return startedToday || startedYesterday;
    }

    private static boolean isWholeMinute(LocalTime time) {
        return time.getSecond() == 0 && time.getNano() == 0;
    }

    private static LocalTime timeOfDay(String hourText, String minuteText, boolean isEnd) {
        int hour = Integer.parseInt(hourText);
        int minute = Integer.parseInt(minuteText);
        if (isEnd && hour == END_OF_DAY_HOUR && minute == 0) {
            return LocalTime.MIDNIGHT;
        }
        if (hour >= END_OF_DAY_HOUR || minute >= MINUTES_IN_HOUR) {
            String which = isEnd ? "end: use a time from 00:00 to 24:00." : "start: use a time from 00:00 to 23:59.";
            throw new IllegalArgumentException(hourText + ":" + minuteText + " is not a valid " + which + " "
                    + TIME_HINT);
        }
        return LocalTime.of(hour, minute);
    }
}
