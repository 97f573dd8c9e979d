package cn.vdp.storage.vehicle;

import java.time.Instant;
import java.util.Optional;

/** A half-open interval [from, to) of recording times; a null end means "still open". */
public record TimeWindow(Instant from, Instant to) {

    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && (to == null || instant.isBefore(to));
    }

    /** The part of this window inside [from, to), if any; the result always has an end. */
    public Optional<TimeWindow> intersect(Instant otherFrom, Instant otherTo) {
        Instant start = from.isAfter(otherFrom) ? from : otherFrom;
        Instant end = to == null || otherTo.isBefore(to) ? otherTo : to;
        return start.isBefore(end) ? Optional.of(new TimeWindow(start, end)) : Optional.empty();
    }
}
