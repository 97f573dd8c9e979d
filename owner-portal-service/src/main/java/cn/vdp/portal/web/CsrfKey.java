package cn.vdp.portal.web;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The key of the form tokens. Replicas of the portal must share it (a form served by one may be posted to
 * another): {@code portal.csrf.key} from a Secret. Without it each process makes its own, which is right for a
 * single instance and for local runs.
 */
@Singleton
public class CsrfKey {

    private static final Logger LOG = Logger.getLogger(CsrfKey.class);
    private static final int MIN_LENGTH = 32;

    private final byte[] bytes;

    CsrfKey(@ConfigProperty(name = "portal.csrf.key") Optional<String> configured) {
        if (configured.isPresent()) {
            if (configured.get().length() < MIN_LENGTH) {
                throw new IllegalStateException("portal.csrf.key must have at least " + MIN_LENGTH + " characters");
            }
            bytes = configured.get().getBytes(StandardCharsets.UTF_8);
        } else {
            LOG.info("portal.csrf.key is not set: form tokens are valid for this process only");
            bytes = new byte[MIN_LENGTH];
            new SecureRandom().nextBytes(bytes);
        }
    }

    byte[] bytes() {
        return bytes.clone();
    }
}
