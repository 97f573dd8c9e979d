package cn.vdp.portal.notice;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import cn.vdp.common.signal.Category;
import cn.vdp.common.signal.Signal;
import cn.vdp.common.signal.SignalCatalogue;
import cn.vdp.portal.notice.NoticeApi.CategoryNotice;
import cn.vdp.portal.notice.NoticeApi.PrivacyNotice;
import cn.vdp.portal.web.Msg;

/** The privacy notice, per category, from the signal catalogue, the retention settings and the message bundle. */
@ApplicationScoped
public class NoticeService {

    /** Where every byte is stored (DESIGN.md, residency). */
    static final String STORED_IN = "CN";

    /** One category on the page; its texts come from the bundle in the template. */
    public record Section(Category category, List<String> signals, long days) {
    }

    @Inject
    NoticeConfig config;

    public List<Section> sections() {
        return Arrays.stream(Category.values())
                .map(c -> new Section(c, SignalCatalogue.inCategory(c).stream().map(Signal::name).toList(),
                        config.retention().of(c).toDays()))
                .toList();
    }

    public String contact() {
        return config.contact();
    }

    /** The same notice with its texts in one language, for apps. */
    public PrivacyNotice inLanguage(Locale locale) {
        Msg msg = MessageBundles.get(Msg.class, Localized.Literal.of(locale.toLanguageTag()));
        List<CategoryNotice> categories = sections().stream().map(s -> new CategoryNotice(
                s.category().code(), msg.category(s.category()), s.category().consentRequired(), s.signals(),
                msg.category_when(s.category()), msg.category_why(s.category()), STORED_IN, s.days(),
                s.category().consentRequired() ? msg.notice_stop_consent() : msg.notice_stop_always(),
                msg.notice_delete_text())).toList();
        return new PrivacyNotice(locale.getLanguage(), config.contact(), categories);
    }
}
