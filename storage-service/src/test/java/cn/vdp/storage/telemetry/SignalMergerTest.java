package cn.vdp.storage.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class SignalMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static byte[] row(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode merged(SignalMerger merger) throws Exception {
        return JSON.readTree(merger.take());
    }

    @Test
    void rowsOfOneRecordBecomeOneObject() throws Exception {
        SignalMerger all = new SignalMerger(Set.of("vehicle.speed", "battery.soc", "vehicle.gear"), true);
        all.add(row("{\"vehicle.gear\": \"D\", \"vehicle.speed\": 40.5}"));
        all.add(row("{\"battery.soc\": 80}"));
        assertEquals(JSON.readTree("{\"vehicle.gear\":\"D\",\"vehicle.speed\":40.5,\"battery.soc\":80}"), merged(all));
        all.add(row("{}"));
        assertEquals(JSON.readTree("{}"), merged(all), "taking starts the next record afresh");
    }

    @Test
    void onlyTheRequestedSignalsAreKept() throws Exception {
        SignalMerger some = new SignalMerger(Set.of("battery.soc", "vehicle.ignition"), false);
        some.add(row("{\"vehicle.speed\": 40.5, \"vehicle.ignition\": true}"));
        some.add(row("{\"battery.soc\": 80, \"battery.voltage\": 390.1}"));
        assertEquals(JSON.readTree("{\"vehicle.ignition\":true,\"battery.soc\":80}"), merged(some));
    }

    @Test
    void escapesAndNestedValuesGoThroughTheParser() throws Exception {
        SignalMerger some = new SignalMerger(Set.of("diagnostics.dtc", "x.nested"), false);
        some.add(row("{\"diagnostics.dtc\": \"P\\\"0A80\", \"vehicle.speed\": 1}"));
        some.add(row("{\"x.nested\": {\"a\": [1, 2]}}"));
        JsonNode merged = merged(some);
        assertEquals("P\"0A80", merged.get("diagnostics.dtc").asText());
        assertEquals(2, merged.get("x.nested").get("a").get(1).asInt());
        assertEquals(2, merged.size());
    }

    @Test
    void flatJsonFindsMembersByName() {
        FlatJson flat = new FlatJson();
        byte[] json = row("{\"a\": 1, \"bb\": \"x,y\", \"c\": null}");
        assertEquals(true, flat.read(json, 0, json.length));
        assertEquals(3, flat.members());
        int bb = flat.find(row("bb"));
        assertEquals("x,y", new String(json, flat.valueFrom(bb), flat.valueTo(bb) - flat.valueFrom(bb),
                StandardCharsets.UTF_8));
        assertEquals(true, flat.text(bb));
        assertEquals(-1, flat.find(row("d")));
        assertEquals(false, flat.read(row("[1]"), 0, 3));
        assertEquals(false, flat.read(row("{\"a\": \"\\n\"}"), 0, 11));
    }
}
