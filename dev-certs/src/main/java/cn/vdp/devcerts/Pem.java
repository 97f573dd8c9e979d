package cn.vdp.devcerts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * Reads and writes PEM files with the JDK only: certificates, and private keys as unencrypted PKCS#8
 * ("PRIVATE KEY"), the form Vert.x, curl and the Quarkus TLS registry all read.
 */
public final class Pem {

    private static final String KEY_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String KEY_END = "-----END PRIVATE KEY-----";

    private Pem() {
    }

    public static void writeCertificate(Path file, X509Certificate certificate) throws IOException {
        try {
            write(file, "CERTIFICATE", certificate.getEncoded(), false);
        } catch (CertificateException e) {
            throw new IOException("certificate cannot be encoded", e);
        }
    }

    /** Written readable by the owner only: even a development key is a key. */
    public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        write(file, "PRIVATE KEY", key.getEncoded(), true);
    }

    public static X509Certificate readCertificate(Path file) throws IOException {
        List<X509Certificate> all = readCertificates(file);
        if (all.isEmpty()) {
            throw new IOException("no certificate in " + file);
        }
        return all.get(0);
    }

    @SuppressWarnings("unchecked")
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return (List<X509Certificate>) CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (CertificateException e) {
            throw new IOException("not a PEM certificate: " + file, e);
        }
    }

    /** An EC or RSA key in PKCS#8 PEM. */
    public static PrivateKey readPrivateKey(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        int begin = text.indexOf(KEY_BEGIN);
        int end = text.indexOf(KEY_END);
        if (begin < 0 || end < begin) {
            throw new IOException("not a PKCS#8 PEM private key: " + file);
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + KEY_BEGIN.length(), end));
        for (String algorithm : List.of("EC", "RSA")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (InvalidKeySpecException e) {
                // try the next algorithm
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
        }
        throw new IOException("neither an EC nor an RSA key: " + file);
    }

    private static void write(Path file, String type, byte[] der, boolean secret) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        String text = "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.US_ASCII);
        if (secret) {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system; nothing more can be done here
            }
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
