package cn.vdp.storage.support;

import java.security.SecureRandom;

import cn.vdp.common.vin.Vin;

/** Fresh valid VINs, so that tests sharing one database never see each other's vehicles. */
public final class TestVins {

    private static final String ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestVins() {
    }

    public static String next() {
        StringBuilder candidate = new StringBuilder("LRW");
        while (candidate.length() < Vin.LENGTH) {
            candidate.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return Vin.withCheckDigit(candidate.toString());
    }
}
