package cn.vdp.storage.vehicle;

import static cn.vdp.storage.support.Api.as;
import static cn.vdp.storage.support.Api.register;
import static cn.vdp.storage.support.Api.transfer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

import cn.vdp.storage.support.StorageTest;
import cn.vdp.storage.support.TestVins;
import cn.vdp.storage.support.Tokens;

@StorageTest
class VehicleRegistryTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void operatorRegistersAndTransfersKeepingTheOwnershipHistory() {
        String vin = TestVins.next();
        as(Tokens.operator()).body(Map.of("vin", vin, "market", "CN", "model", "Model 3", "ownerSubject", "alice"))
                .post("/api/v1/vehicles").then().statusCode(201)
                .header("Location", endsWith("/api/v1/vehicles/" + vin))
                .body("ownership[0].ownerSubject", equalTo("alice"))
                .body("ownership[0].to", nullValue());
        transfer(vin, "bob");
        as(Tokens.operator()).get("/api/v1/vehicles/" + vin).then().statusCode(200)
                .body("ownership.ownerSubject", equalTo(java.util.List.of("alice", "bob")))
                .body("ownership[0].to", notNullValue())
                .body("ownership[1].to", nullValue());
        as(Tokens.owner("bob")).get("/api/v1/vehicles").then().statusCode(200).body("vin", hasItems(vin));
    }

    @Test
    void refusesInvalidRegistrationsWithPointers() {
        String vin = TestVins.next();
        String wrongCheckDigit = vin.substring(0, 8) + (vin.charAt(8) == '3' ? '4' : '3') + vin.substring(9);
        as(Tokens.operator()).body(Map.of("vin", wrongCheckDigit, "market", "CN", "model", "Y"))
                .post("/api/v1/vehicles").then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:vdp-cn:problem:validation-failed"))
                .body("errors[0].pointer", equalTo("/vin"));
        as(Tokens.operator()).body(Map.of("vin", vin, "model", "Y"))
                .post("/api/v1/vehicles").then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].pointer", equalTo("/market"));
        as(Tokens.operator()).body("{\"vin\": ").post("/api/v1/vehicles").then().statusCode(400).contentType(PROBLEM);
        as(Tokens.operator()).get("/api/v1/vehicles/" + vin).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void refusesSecondRegistrationAndPointlessTransfer() {
        String vin = TestVins.next();
        register(vin, "CN", "alice");
        as(Tokens.operator()).body(Map.of("vin", vin, "market", "CN", "model", "Y"))
                .post("/api/v1/vehicles").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:vdp-cn:problem:vehicle-already-registered"));
        as(Tokens.operator()).body(Map.of("newOwnerSubject", "alice"))
                .post("/api/v1/vehicles/" + vin + "/transfers").then().statusCode(409).contentType(PROBLEM);
        as(Tokens.operator()).body(Map.of()).post("/api/v1/vehicles/" + vin + "/transfers").then().statusCode(422);
        as(Tokens.operator()).body(Map.of("newOwnerSubject", "bob"))
                .post("/api/v1/vehicles/" + TestVins.next() + "/transfers").then().statusCode(404);
    }

    @Test
    void onlyOperatorsRegisterAndTokensAreReallyVerified() {
        Map<String, String> body = Map.of("vin", TestVins.next(), "market", "CN", "model", "Y");
        as(Tokens.owner("alice")).body(body).post("/api/v1/vehicles").then().statusCode(403).contentType(PROBLEM);
        as(Tokens.ingest()).body(body).post("/api/v1/vehicles").then().statusCode(403).contentType(PROBLEM);
        as(Tokens.regulator()).body(body).post("/api/v1/vehicles").then().statusCode(403).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/vehicles").then().statusCode(401)
                .contentType(PROBLEM).header("WWW-Authenticate", equalTo("Bearer"));
        for (String forged : new String[] { Tokens.expired("op", "operator"), Tokens.otherIssuer("op", "operator"),
                Tokens.unsigned("op", "operator"), Tokens.tampered(Tokens.operator()) }) {
            as(forged).body(body).post("/api/v1/vehicles").then().statusCode(401).contentType(PROBLEM);
        }
    }
}
