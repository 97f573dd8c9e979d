package cn.vdp.portal.history;

import java.util.List;

import cn.vdp.portal.vehicle.VehicleApi.OwnedVehicle;

/**
 * Everything the history page shows: the chosen range and signals, a chart per numeric signal, the trip track
 * (null without location points), and a table of the newest records.
 *
 * @param from the range's start as the form shows it (datetime-local, China Standard Time); likewise to
 * @param empty chosen signals without a single value in the range
 * @param truncated more records lay in the range than the page draws; the newest were drawn
 */
public record HistoryView(OwnedVehicle vehicle, String from, String to, List<SignalChoice> choices,
        List<SvgChart> charts, List<String> empty, TripTrack track, List<String> columns, List<Row> rows, int records,
        boolean truncated) {

    /** A signal the owner can pick, and whether it is picked. */
    public record SignalChoice(String name, String unit, boolean selected) {
    }

    /** One table row: the record's time and a cell per chosen signal ("" where the record has none). */
    public record Row(String at, List<String> cells) {
    }
}
