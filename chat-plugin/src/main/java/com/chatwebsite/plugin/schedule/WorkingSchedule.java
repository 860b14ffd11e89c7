package com.chatwebsite.plugin.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a website's chat is open: working intervals in wall-clock time of a zone, less whole closed dates.
 *
 * <p>An instant is judged by its local date and time in {@code zone}, so the hours follow daylight saving time:
 * a wall time skipped by a spring-forward gap never occurs, and one repeated by a fall-back overlap is judged the
 * same both times.
 *
 * @param zone the zone of the intervals and dates
 * @param intervals the working intervals; none means always open except on closed dates; kept as a copy
 * @param closedDates local dates on which the chat is closed all day; kept as a copy
 */
public record WorkingSchedule(ZoneId zone, List<WorkingInterval> intervals, Set<LocalDate> closedDates) {

    /** How far {@link #nextChange} looks ahead. */
    public static final Duration LOOK_AHEAD = Duration.ofDays(14);

    /**
     * Copies the lists.
     *
     * @throws NullPointerException if an argument or an element is null
     */
    public WorkingSchedule {
        Objects.requireNonNull(zone, "zone");
        intervals = List.copyOf(intervals);
        closedDates = Set.copyOf(closedDates);
    }

    /**
     * A schedule that is open at every instant.
     *
     * @param zone the zone
     * @return the schedule, with no intervals and no closed dates
     */
    public static WorkingSchedule alwaysOpen(ZoneId zone) {
        return new WorkingSchedule(zone, List.of(), Set.of());
    }

    /**
     * Whether the chat is open at an instant: its local date is not closed and, if there are intervals, one covers
     * its local time, counting the after-midnight part of a range that started the day before unless that day was
     * closed.
     *
     * @param instant the instant
     * @return true if open
     */
    public boolean isOpen(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        LocalDate date = local.toLocalDate();
        if (closedDates.contains(date)) {
            return false;
        }
        if (intervals.isEmpty()) {
            return true;
        }
        boolean dayBeforeOpen = !closedDates.contains(date.minusDays(1));
        LocalTime time = local.toLocalTime();
        return intervals.stream().anyMatch(interval -> interval.covers(date.getDayOfWeek(), time, dayBeforeOpen));
    }

    /**
     * The first instant after {@code from} at which {@link #isOpen} differs from {@code isOpen(from)}.
     *
     * @param from the instant to look from, excluded
     * @return the instant of the change, empty if there is none within {@link #LOOK_AHEAD}
     */
    public Optional<Instant> nextChange(Instant from) {
        boolean openAtFrom = isOpen(from);
        Instant horizon = from.plus(LOOK_AHEAD);
        return candidateChanges(from, horizon).stream()
                .filter(candidate -> candidate.isAfter(from) && !candidate.isAfter(horizon))
                .filter(candidate -> isOpen(candidate) != openAtFrom)
                .findFirst();
    }

    /**
     * Every instant in {@code (from, horizon]} at which {@link #isOpen} could change, and some more: each local
     * midnight, interval start and interval end (at both offsets where the wall time occurs twice), and each offset
     * transition of the zone, where the wall time jumps.
     */
    private NavigableSet<Instant> candidateChanges(Instant from, Instant horizon) {
        NavigableSet<Instant> candidates = new TreeSet<>();
        LocalDate firstDate = LocalDate.ofInstant(from, zone);
        LocalDate lastDate = LocalDate.ofInstant(horizon, zone).plusDays(1);
        for (LocalDate date = firstDate; !date.isAfter(lastDate); date = date.plusDays(1)) {
            addWallTime(candidates, date.atStartOfDay());
            for (WorkingInterval interval : intervals) {
                addWallTime(candidates, date.atTime(interval.start()));
                addWallTime(candidates, date.atTime(interval.end()));
            }
        }
        ZoneRules rules = zone.getRules();
        for (ZoneOffsetTransition transition = rules.nextTransition(from);
                transition != null && !transition.getInstant().isAfter(horizon);
                transition = rules.nextTransition(transition.getInstant())) {
            candidates.add(transition.getInstant());
        }
        return candidates;
    }

    private void addWallTime(Set<Instant> candidates, LocalDateTime wallTime) {
        ZonedDateTime zoned = wallTime.atZone(zone);
        candidates.add(zoned.withEarlierOffsetAtOverlap().toInstant());
        candidates.add(zoned.withLaterOffsetAtOverlap().toInstant());
    }
}
