package com.chatwebsite.plugin.schedule;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads and writes the weekdays of a working interval, such as {@code mon-fri}, {@code sat} or {@code mon,wed-fri}. */
final class Weekdays {

    private static final String HINT = "Weekdays must be like mon-fri, sat or mon,wed,fri.";
    private static final List<String> NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    /** A run of at least this many consecutive days is written as a range. */
    private static final int SHORTEST_WRITTEN_RANGE = 3;
    private static final int DAYS_IN_WEEK = 7;

    private Weekdays() {
    }

    /**
     * Reads a comma list of days and day ranges; a range such as {@code fri-mon} wraps past Sunday.
     *
     * @param text the weekdays text
     * @return the days, never empty
     * @throws IllegalArgumentException with a message for an admin if the text is not valid
     */
    static Set<DayOfWeek> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The weekdays are empty. " + HINT);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String item : text.split(",", -1)) {
            if (item.isBlank()) {
                throw new IllegalArgumentException("The weekdays \"" + text.trim()
                        + "\" have an empty item between commas. " + HINT);
            }
            String[] ends = item.split("-", -1);
            if (ends.length > 2) {
                throw new IllegalArgumentException("\"" + item.trim() + "\" is neither a day nor a range of two days. "
                        + HINT);
            }
            if (ends.length == 2 && (ends[0].isBlank() || ends[1].isBlank())) {
                throw new IllegalArgumentException("The range \"" + item.trim() + "\" is missing a day. " + HINT);
            }
            DayOfWeek first = day(ends[0]);
            DayOfWeek last = ends.length == 2 ? day(ends[1]) : first;
            for (DayOfWeek day = first; ; day = day.plus(1)) {
                days.add(day);
                if (day == last) {
                    break;
                }
            }
        }
        return days;
    }

    /**
     * Writes days Monday first, runs of three or more days as ranges and other days as a comma list;
     * such a run through Sunday into Monday is one wrapping range, such as {@code fri-mon}, written last.
     *
     * @param days the days, not empty
     * @return text that {@link #parse} reads back to the same days
     */
    static String format(Set<DayOfWeek> days) {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("There are no days to write.");
        }
        if (days.size() == DAYS_IN_WEEK) {
            return name(DayOfWeek.MONDAY) + "-" + name(DayOfWeek.SUNDAY);
        }
        DayOfWeek first = firstWrittenDay(days);
        List<String> items = new ArrayList<>();
        DayOfWeek runStart = first;
        int runLength = 0;
        for (int i = 0; i < DAYS_IN_WEEK; i++) {
            DayOfWeek day = first.plus(i);
            if (days.contains(day)) {
                runStart = runLength == 0 ? day : runStart;
                runLength++;
            } else if (runLength > 0) {
                items.addAll(run(runStart, runLength));
                runLength = 0;
            }
        }
        if (runLength > 0) {
            items.addAll(run(runStart, runLength));
        }
        return String.join(",", items);
    }

    /**
     * Monday, unless a run long enough to be a range goes through Sunday into Monday: then the day after that run,
     * so the run is written last and whole.
     */
    private static DayOfWeek firstWrittenDay(Set<DayOfWeek> days) {
        int throughSunday = 0;
        while (days.contains(DayOfWeek.SUNDAY.minus(throughSunday))) {
            throughSunday++;
        }
        int fromMonday = 0;
        while (days.contains(DayOfWeek.MONDAY.plus(fromMonday))) {
            fromMonday++;
        }
        if (throughSunday == 0 || fromMonday == 0 || throughSunday + fromMonday < SHORTEST_WRITTEN_RANGE) {
            return DayOfWeek.MONDAY;
        }
        return DayOfWeek.MONDAY.plus(fromMonday);
    }

    private static List<String> run(DayOfWeek start, int length) {
        if (length >= SHORTEST_WRITTEN_RANGE) {
            return List.of(name(start) + "-" + name(start.plus(length - 1L)));
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            names.add(name(start.plus(i)));
        }
        return names;
    }

    private static DayOfWeek day(String name) {
        int index = NAMES.indexOf(name.trim().toLowerCase(Locale.ROOT));
        if (index < 0) {
            throw new IllegalArgumentException("\"" + name.trim()
                    + "\" is not a day; the days are mon, tue, wed, thu, fri, sat and sun. " + HINT);
        }
        return DayOfWeek.of(index + 1);
    }

    private static String name(DayOfWeek day) {
        return NAMES.get(day.getValue() - 1);
    }

    /**
     * An unmodifiable copy that iterates Monday first.
     *
     * @param days the days, not empty
     * @return the copy
     */
    static Set<DayOfWeek> copyOf(Set<DayOfWeek> days) {
        return Collections.unmodifiableSet(EnumSet.copyOf(days));
    }
}
