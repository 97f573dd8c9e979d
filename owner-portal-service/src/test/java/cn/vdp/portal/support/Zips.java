package cn.vdp.portal.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Reads a downloaded export and makes altered copies of it. */
public final class Zips {

    private Zips() {
    }

    /** Each file of the ZIP by name, in order. */
    public static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** The same ZIP with one byte of one file changed (its last digit or letter moved by one). */
    public static byte[] withOneByteChanged(byte[] zip, String file) {
        Map<String, byte[]> entries = entries(zip);
        byte[] content = entries.get(file).clone();
        for (int i = content.length - 1; i >= 0; i--) {
            if (Character.isLetterOrDigit(content[i])) {
                content[i] = (byte) (content[i] == '9' || content[i] == 'z' || content[i] == 'Z' ? content[i] - 1
                        : content[i] + 1);
                entries.put(file, content);
                return zip(entries);
            }
        }
        throw new IllegalArgumentException(file + " has no letter or digit to change");
    }

    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
