package cn.vdp.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.i18n.Message;

import cn.vdp.common.signal.Category;
import cn.vdp.common.signal.SignalCatalogue;

/** Every text exists in both languages: a missing Chinese text would silently show English. */
class MessageBundleTest {

    @Test
    void everyMessageHasAChineseText() throws IOException {
        Properties chinese = load("messages/msg_zh.properties");
        assertThat(keys()).allSatisfy(key -> assertThat(chinese).as(key).containsKey(key));
        assertThat(chinese.keySet()).allSatisfy(key -> assertThat(keys()).contains((String) key));
    }

    @Test
    void everyCategoryTextHasAnEnglishText() throws IOException {
        Properties english = load("messages/msg_en.properties");
        keys().stream().filter(k -> k.contains("_$"))
                .forEach(key -> assertThat(english).as(key).containsKey(key));
    }

    @Test
    void everySignalOfTheCatalogueHasAName() {
        List<String> keys = keys();
        SignalCatalogue.all().forEach(signal -> assertThat(keys).contains(Formats.labelKey(signal.name())));
    }

    /** The bundle's keys: a method's name, or name_$CONSTANT for a method taking a category. */
    private static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Method method : Msg.class.getDeclaredMethods()) {
            if (!method.isAnnotationPresent(Message.class)) {
                continue;
            }
            if (method.getParameterCount() == 1 && method.getParameterTypes()[0] == Category.class) {
                for (Category category : Category.values()) {
                    keys.add(method.getName() + "_$" + category.name());
                }
            } else {
                keys.add(method.getName());
            }
        }
        return keys;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundleTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
