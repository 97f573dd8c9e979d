package cn.vdp.common.vin;

import java.util.Optional;

/**
 * The one VIN rule of the platform: 17 characters of the ISO 3779 alphabet (no I, O or Q) with the
 * check digit in position 9, as GB 16735 requires for vehicles sold in China.
 */
public final class Vin {

    public static final int LENGTH = 17;
    private static final int CHECK_DIGIT_INDEX = 8;
    private static final int[] WEIGHTS = { 8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2 };

    private Vin() {
    }

    public static boolean isValid(String vin) {
        return problemWith(vin).isEmpty();
    }

    /** Why a VIN is not valid, in words a car maker's engineer understands; empty when it is valid. */
    public static Optional<String> problemWith(String vin) {
        if (vin == null) {
            return Optional.of("VIN is missing");
        }
        if (vin.length() != LENGTH) {
            return Optional.of("VIN must have 17 characters, not " + vin.length());
        }
        int sum = 0;
        for (int i = 0; i < LENGTH; i++) {
            int value = transliterate(vin.charAt(i));
            if (value < 0) {
                return Optional.of("VIN character '" + vin.charAt(i) + "' at position " + (i + 1)
                        + " is not allowed (only 0-9 and A-Z without I, O, Q)");
            }
            sum += value * WEIGHTS[i];
        }
        char expected = checkDigitFor(sum);
        if (vin.charAt(CHECK_DIGIT_INDEX) != expected) {
            return Optional.of("VIN check digit (position 9) is '" + vin.charAt(CHECK_DIGIT_INDEX)
                    + "' but the other characters require '" + expected + "'");
        }
        return Optional.empty();
    }

    /**
     * Puts the right check digit into position 9 of a 17-character VIN candidate; used by the fleet simulator
     * and tests to make valid VINs.
     */
    public static String withCheckDigit(String candidate) {
        if (candidate == null || candidate.length() != LENGTH) {
            throw new IllegalArgumentException("VIN candidate must have 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < LENGTH; i++) {
            if (i == CHECK_DIGIT_INDEX) {
                continue;
            }
            int value = transliterate(candidate.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("character not allowed in a VIN: " + candidate.charAt(i));
            }
            sum += value * WEIGHTS[i];
        }
        StringBuilder vin = new StringBuilder(candidate);
        vin.setCharAt(CHECK_DIGIT_INDEX, checkDigitFor(sum));
        return vin.toString();
    }

    /** Shows the first 3 (maker) and last 4 characters only, for pages and logs. */
    public static String masked(String vin) {
        if (vin == null || vin.length() != LENGTH) {
            return "*****************";
        }
        return vin.substring(0, 3) + "**********" + vin.substring(13);
    }

    private static char checkDigitFor(int sum) {
        int remainder = sum % 11;
        return remainder == 10 ? 'X' : (char) ('0' + remainder);
    }

    private static int transliterate(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return switch (c) {
            case 'A', 'J' -> 1;
            case 'B', 'K', 'S' -> 2;
            case 'C', 'L', 'T' -> 3;
            case 'D', 'M', 'U' -> 4;
            case 'E', 'N', 'V' -> 5;
            case 'F', 'W' -> 6;
            case 'G', 'P', 'X' -> 7;
            case 'H', 'Y' -> 8;
            case 'R', 'Z' -> 9;
            default -> -1;
        };
    }
}
