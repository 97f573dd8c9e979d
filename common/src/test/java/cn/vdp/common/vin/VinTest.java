package cn.vdp.common.vin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VinTest {

    @Test
    void acceptsVinWhoseCheckDigitMatches() {
        assertTrue(Vin.isValid("1M8GDM9AXKP042788"), "ISO 3779 example with check digit X");
        assertTrue(Vin.isValid("11111111111111111"));
    }

    @Test
    void refusesVinWithWrongCheckDigit() {
        assertEquals("VIN check digit (position 9) is '1' but the other characters require 'X'",
                Vin.problemWith("1M8GDM9A1KP042788").orElseThrow());
    }

    @Test
    void refusesLettersIOQAndWrongLengths() {
        assertTrue(Vin.problemWith("1M8GDM9AXKP04278O").orElseThrow().contains("'O' at position 17"));
        assertTrue(Vin.problemWith("1M8GDM9AXKP04278").orElseThrow().contains("17 characters, not 16"));
        assertTrue(Vin.problemWith("lm8gdm9axkp042788").isPresent(), "lower case is not a VIN");
        assertFalse(Vin.isValid(null));
    }

    @Test
    void computesCheckDigitThatValidates() {
        String vin = Vin.withCheckDigit("LRW3E7FS0PC123456");
        assertTrue(Vin.isValid(vin), vin);
        assertEquals("LRW3E7FS", vin.substring(0, 8));
    }

    @Test
    void masksAllButMakerAndSerialTail() {
        assertEquals("1M8**********2788", Vin.masked("1M8GDM9AXKP042788"));
    }
}
