package cn.vdp.portal.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The portal's two languages and how one is chosen: the language switch's cookie first, then the browser's
 * Accept-Language, then English. Every page is rendered with exactly one of these locales, so the message bundles
 * ({@code msg.properties}, {@code msg_zh.properties}) always match one.
 */
public final class Languages {

    public static final String COOKIE = "vdp-lang";
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.forLanguageTag("zh");
    private static final List<Locale> SUPPORTED = List.of(ENGLISH, CHINESE);

    private Languages() {
    }

    /** The language named by a switch link or cookie ("en", "zh"), if it is one of ours. */
    public static Optional<Locale> byCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(code.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The first of the browser's preferred languages that we speak (zh-CN, zh-Hans, zh all mean Chinese). */
    public static Locale choose(String cookie, List<Locale> acceptable) {
        Optional<Locale> chosen = byCode(cookie);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        for (Locale wanted : acceptable) {
            Optional<Locale> ours = byCode(wanted.getLanguage());
            if (ours.isPresent()) {
                return ours.get();
            }
        }
        return ENGLISH;
    }

    /** The value of the html lang attribute: Simplified Chinese as written in mainland China. */
    public static String htmlLang(Locale locale) {
        return CHINESE.equals(locale) ? "zh-CN" : "en";
    }
}
