package cn.vdp.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.i18n.Message;

/** Every text of the regulator pages exists in both languages: a missing Chinese text would silently show English. */
class AuditMsgTest {

    @Test
    void everyRegulatorTextHasAChineseTextAndNothingElse() throws IOException {
        List<String> keys = Arrays.stream(AuditMsg.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Message.class)).map(Method::getName).toList();
        Properties chinese = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("messages/amsg_zh.properties")) {
            chinese.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(chinese).as(key).containsKey(key));
        assertThat(chinese.keySet()).allSatisfy(key -> assertThat(keys).contains((String) key));
        assertThat(chinese.values()).allSatisfy(text -> assertThat((String) text).isNotBlank());
    }
}
