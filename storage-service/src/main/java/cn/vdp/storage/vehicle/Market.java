package cn.vdp.storage.vehicle;

/** Sales markets; the platform accepts data of mainland-China vehicles only (DESIGN.md, residency). */
public final class Market {

    /** ISO 3166-1 code of the Chinese mainland; Hong Kong (HK) and Macao (MO) are separate markets. */
    public static final String CHINA_MAINLAND = "CN";

    private Market() {
    }

    public static boolean isChinaMainland(String market) {
        return CHINA_MAINLAND.equals(market);
    }
}
