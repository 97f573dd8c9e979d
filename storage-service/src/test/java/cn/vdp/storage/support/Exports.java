package cn.vdp.storage.support;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.restassured.response.ValidatableResponse;

/** Downloads and verifies exports through storage-service's API. */
public final class Exports {

    public static final String ZIP = "application/zip";

    private Exports() {
    }

    public static byte[] download(String owner) {
        return download(owner, null);
    }

    public static byte[] download(String owner, String vin) {
        var request = given().auth().oauth2(Tokens.owner(owner));
        if (vin != null) {
            request.queryParam("vin", vin);
        }
        return request.get("/api/v1/exports/mine").then().statusCode(200).contentType(ZIP)
                .extract().asByteArray();
    }

    public static ValidatableResponse verify(byte[] zip) {
        return given().auth().oauth2(Tokens.operator()).contentType(ZIP).body(zip)
                .post("/api/v1/exports/verifications").then();
    }

    public static String text(Map<String, byte[]> files, String name) {
        return new String(files.get(name), StandardCharsets.UTF_8);
    }
}
