package cn.vdp.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LanguagesTest {

    @Test
    void theSwitchsChoiceWinsOverTheBrowser() {
        assertThat(Languages.choose("en", List.of(Locale.forLanguageTag("zh-CN")))).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.choose("zh", List.of(Locale.ENGLISH))).isEqualTo(Languages.CHINESE);
    }

    @Test
    void takesTheFirstBrowserLanguageThePortalSpeaks() {
        assertThat(Languages.choose(null, List.of(Locale.forLanguageTag("fr-FR"), Locale.forLanguageTag("zh-Hans-CN"),
                Locale.ENGLISH))).isEqualTo(Languages.CHINESE);
        assertThat(Languages.choose("xx", List.of(Locale.forLanguageTag("de")))).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.htmlLang(Languages.CHINESE)).isEqualTo("zh-CN");
    }

    @ParameterizedTest
    @ValueSource(strings = { "//example.org/x", "https://example.org", "/\\example.org", "javascript:alert(1)", "",
            "/a b" })
    void theSwitchNeverLeavesThePortal(String next) {
        assertThat(LanguageResource.localPath(next)).isEqualTo("/");
    }

    @Test
    void theSwitchReturnsToThePageItWasOn() {
        assertThat(LanguageResource.localPath("/vehicles/LRW1/history?signal=battery.soc&from=2026-11-21T08:00"))
                .isEqualTo("/vehicles/LRW1/history?signal=battery.soc&from=2026-11-21T08:00");
    }
}
