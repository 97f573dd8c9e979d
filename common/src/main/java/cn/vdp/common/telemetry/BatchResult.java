package cn.vdp.common.telemetry;

import java.util.List;

/** Per-record answer to a batch, in the order the records were sent, with totals. */
public record BatchResult(int stored, int duplicates, int refused, List<RecordOutcome> records) {

    public static BatchResult of(List<RecordOutcome> outcomes) {
        int stored = 0;
        int duplicates = 0;
        int refused = 0;
        for (RecordOutcome outcome : outcomes) {
            switch (outcome.status()) {
                case STORED -> stored++;
                case DUPLICATE -> duplicates++;
                case REFUSED -> refused++;
            }
        }
        return new BatchResult(stored, duplicates, refused, List.copyOf(outcomes));
    }
}
