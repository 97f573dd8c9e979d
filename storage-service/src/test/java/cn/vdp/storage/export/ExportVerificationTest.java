package cn.vdp.storage.export;

import static cn.vdp.storage.support.Api.record;
import static cn.vdp.storage.support.Api.register;
import static cn.vdp.storage.support.Api.send;
import static cn.vdp.storage.support.Exports.download;
import static cn.vdp.storage.support.Exports.verify;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.vdp.common.export.Ed25519Keys;
import cn.vdp.common.export.ExportManifest;
import cn.vdp.storage.support.StorageTest;
import cn.vdp.storage.support.TestVins;
import cn.vdp.storage.support.Tokens;
import cn.vdp.storage.support.Zips;

@StorageTest
class ExportVerificationTest {

    private static final List<String> LISTED = List.of("vehicles.json", "consents.json", "telemetry.jsonl",
            "telemetry.csv", "trips.gpx");

    private byte[] zip;
    private Map<String, byte[]> files;

    @BeforeEach
    void export() {
        String vin = TestVins.next();
        register(vin, "CN", "ver-alice");
        send(List.of(record(vin, 1, Instant.now().plusSeconds(1), Map.of("location.latitude", 31.0,
                "location.longitude", 121.0, "vehicle.speed", 12.0)))).then().statusCode(200);
        zip = download("ver-alice");
        files = Zips.unzip(zip);
    }

    @Test
    void anUntouchedExportIsValid() {
        verify(zip).statusCode(200).body("verdict", equalTo("VALID")).body("signatureValid", equalTo(true))
                .body("exportId", equalTo(manifest().exportId())).body("createdAt", notNullValue())
                .body("files.name", equalTo(LISTED)).body("files.ok", everyItem(equalTo(true)))
                .body("extraFiles", empty()).body("missingFiles", empty());
    }

    @Test
    void changingOneByteOfAnyFileMakesItAlteredNamingThatFile() {
        for (String name : LISTED) {
            verify(Zips.withOneByteChanged(files, name, files.get(name).length / 2)).statusCode(200)
                    .body("verdict", equalTo("ALTERED")).body("signatureValid", equalTo(true))
                    .body("files.findAll { !it.ok }.name", contains(name))
                    .body("files.find { it.name == '" + name + "' }.actualSha256", notNullValue());
        }
    }

    @Test
    void aByteChangedInsideTheZipItselfIsCaughtToo() {
        // The last listed file's compressed data lies just before manifest.json's local header (and its 16-byte
        // data descriptor).
        byte[] damaged = zip.clone();
        int manifestHeader = indexOf(damaged, "manifest.json".getBytes(StandardCharsets.US_ASCII)) - 30;
        damaged[manifestHeader - 40] ^= 0x5A;
        verify(damaged).statusCode(200).body("verdict", equalTo("ALTERED"))
                .body("files.findAll { !it.ok }.name", contains("trips.gpx"));
    }

    @Test
    void addedRemovedAndReorderedFiles() {
        Map<String, byte[]> fewer = new LinkedHashMap<>(files);
        fewer.remove("telemetry.csv");
        verify(Zips.zip(fewer)).statusCode(200).body("verdict", equalTo("ALTERED"))
                .body("missingFiles", contains("telemetry.csv"));

        Map<String, byte[]> more = new LinkedHashMap<>(files);
        more.put("notes.txt", "added later".getBytes(StandardCharsets.UTF_8));
        verify(Zips.zip(more)).statusCode(200).body("verdict", equalTo("ALTERED"))
                .body("extraFiles", contains("notes.txt")).body("files.ok", everyItem(equalTo(true)));

        Map<String, byte[]> reordered = new LinkedHashMap<>();
        List.of("manifest.sig", "trips.gpx", "manifest.json", "vehicles.json", "telemetry.csv", "consents.json",
                "telemetry.jsonl").forEach(name -> reordered.put(name, files.get(name)));
        verify(Zips.zip(reordered)).statusCode(200).body("verdict", equalTo("VALID"));
    }

    @Test
    void aChangedManifestNoLongerMatchesItsSignature() {
        String manifest = new String(files.get("manifest.json"), StandardCharsets.UTF_8);
        Map<String, byte[]> forged = new LinkedHashMap<>(files);
        forged.put("manifest.json", manifest.replace("ver-alice", "ver-mallory").getBytes(StandardCharsets.UTF_8));
        verify(Zips.zip(forged)).statusCode(200).body("verdict", equalTo("ALTERED"))
                .body("signatureValid", equalTo(false)).body("files.ok", everyItem(equalTo(true)));
    }

    @Test
    void withoutSignatureItIsUnsigned() {
        Map<String, byte[]> unsigned = new LinkedHashMap<>(files);
        unsigned.remove("manifest.sig");
        verify(Zips.zip(unsigned)).statusCode(200).body("verdict", equalTo("UNSIGNED"))
                .body("signatureValid", equalTo(false));
    }

    @Test
    void aManifestSignedByAnotherKeyIsNotAccepted() throws Exception {
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        // Signed by another key that names itself: a key this platform does not know.
        ExportManifest original = manifest();
        ExportManifest resigned = ExportManifest.of(original.exportId(), original.subject(), original.createdAt(),
                original.vins(), original.files(), Ed25519Keys.keyId(other.getPublic()));
        verify(Zips.zip(signedWith(other, resigned.toJson()))).statusCode(200)
                .body("verdict", equalTo("UNKNOWN_KEY")).body("signatureValid", equalTo(false))
                .body("keyId", equalTo(Ed25519Keys.keyId(other.getPublic())));
        // Signed by another key that claims to be the platform's.
        verify(Zips.zip(signedWith(other, files.get("manifest.json")))).statusCode(200)
                .body("verdict", equalTo("ALTERED")).body("signatureValid", equalTo(false))
                .body("keyId", equalTo(original.keyId()));
    }

    @Test
    void somethingThatIsNotAnExportIsRefusedWithProblem() {
        verify("not a zip at all".getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("urn:vdp-cn:problem:malformed-export"));
        verify(new byte[0]).statusCode(422).contentType("application/problem+json");
        Map<String, byte[]> noManifest = new LinkedHashMap<>(files);
        noManifest.remove("manifest.json");
        verify(Zips.zip(noManifest)).statusCode(422).contentType("application/problem+json");
        Map<String, byte[]> notOurs = new LinkedHashMap<>(files);
        notOurs.put("manifest.json", "{\"format\":\"something-else/1\"}".getBytes(StandardCharsets.UTF_8));
        verify(Zips.zip(notOurs)).statusCode(422);

        given().auth().oauth2(Tokens.owner("ver-alice")).contentType("text/plain").body("hello")
                .post("/api/v1/exports/verifications").then().statusCode(415).contentType("application/problem+json");
        given().contentType("application/zip").body(zip).post("/api/v1/exports/verifications").then().statusCode(401);
    }

    @Test
    void anUploadOverTheLimitIsRefusedBeforeItIsRead() {
        byte[] huge = new byte[3 * 1024 * 1024]; // the test limit is 2 MiB
        verify(huge).statusCode(413).contentType("application/problem+json").body("type", equalTo("urn:vdp-cn:problem:payload-too-large"));
    }

    private ExportManifest manifest() {
        return ExportManifest.parse(files.get("manifest.json"));
    }

    private Map<String, byte[]> signedWith(KeyPair keys, byte[] manifestJson) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(manifestJson);
        Map<String, byte[]> resigned = new LinkedHashMap<>(files);
        resigned.put("manifest.json", manifestJson);
        resigned.put("manifest.sig", Base64.getEncoder().encode(signer.sign()));
        return resigned;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("not found");
    }
}
