package cn.vdp.storage.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import cn.vdp.common.export.DigestingOutputStream;
import cn.vdp.common.export.ExportManifest.FileEntry;

/**
 * The export's zip, written straight to the response. Each listed file is hashed (SHA-256 of its uncompressed
 * bytes) as it is written, so the manifest is ready when the last file closes. A file can also come from a
 * {@link Spool}, already deflated, which java.util.zip cannot take; hence this small writer of the zip format
 * (PKWARE APPNOTE 6.3): deflated entries with data descriptors, UTF-8 names, ZIP64 records where sizes or
 * offsets pass 4 GiB.
 */
final class ExportZip {

    private static final long ZIP64_LIMIT = 0xFFFFFFFFL;
    private static final int FLAG_DESCRIPTOR = 0x0008;
    private static final int FLAG_UTF8 = 0x0800;
    private static final int DEFLATED = 8;

    private record Entry(byte[] name, int flags, long crc, long compressedSize, long size, long offset) {
    }

    private final Counting out;
    private final int level;
    private final int dosTime;
    private final int dosDate;
    private final long zip64Limit;
    private final List<Entry> entries = new ArrayList<>();
    private final List<FileEntry> files = new ArrayList<>();

    ExportZip(OutputStream response, int level, Instant createdAt) {
        this(response, level, createdAt, ZIP64_LIMIT);
    }

    /** @param zip64Limit from which size or offset ZIP64 records are written (lower only to test them) */
    ExportZip(OutputStream response, int level, Instant createdAt, long zip64Limit) {
        this.out = new Counting(new BufferedOutputStream(response, 64 * 1024));
        this.level = level;
        this.zip64Limit = zip64Limit;
        LocalDateTime time = LocalDateTime.ofInstant(createdAt, ZoneOffset.UTC);
        this.dosTime = time.getHour() << 11 | time.getMinute() << 5 | time.getSecond() / 2;
        this.dosDate = (time.getYear() - 1980) << 9 | time.getMonthValue() << 5 | time.getDayOfMonth();
    }

    /** A listed file, deflated as it is written; closing the stream ends the entry and lists the file. */
    OutputStream file(String name) throws IOException {
        byte[] encoded = name.getBytes(StandardCharsets.UTF_8);
        long offset = out.count;
        localHeader(encoded, FLAG_UTF8 | FLAG_DESCRIPTOR, 0, 0, 0);
        DeflatingStream deflated = new DeflatingStream(out, level);
        return new DigestingOutputStream(deflated) {
            private boolean closed;

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                deflated.finish();
                Entry entry = new Entry(encoded, FLAG_UTF8 | FLAG_DESCRIPTOR, deflated.crc(), deflated.compressedSize(),
                        deflated.size(), offset);
                descriptor(entry);
                entries.add(entry);
                files.add(new FileEntry(name, bytes(), sha256Hex()));
            }
        };
    }

    /** A listed file written to a spool meanwhile: its deflated bytes are copied as they are. */
    void file(String name, Spool spool) throws IOException {
        spool.finish();
        DeflatingStream deflated = spool.deflated();
        byte[] encoded = name.getBytes(StandardCharsets.UTF_8);
        Entry entry = new Entry(encoded, FLAG_UTF8 | FLAG_DESCRIPTOR, deflated.crc(), deflated.compressedSize(),
                deflated.size(), out.count);
        localHeader(encoded, entry.flags(), 0, 0, 0);
        try (InputStream in = spool.compressed()) {
            in.transferTo(out);
        }
        descriptor(entry);
        entries.add(entry);
        files.add(new FileEntry(name, spool.digest().bytes(), spool.digest().sha256Hex()));
    }

    /** A file the manifest does not list: the manifest itself and its signature. */
    void unlisted(String name, byte[] content) throws IOException {
        try (OutputStream file = file(name)) {
            file.write(content);
        }
        files.remove(files.size() - 1);
    }

    List<FileEntry> files() {
        return List.copyOf(files);
    }

    /** Writes the central directory; the zip is complete. */
    void finish() throws IOException {
        long directoryOffset = out.count;
        for (Entry entry : entries) {
            centralHeader(entry);
        }
        long directorySize = out.count - directoryOffset;
        boolean zip64 = directoryOffset >= zip64Limit || entries.size() >= 0xFFFF
                || entries.stream().anyMatch(e -> big(e.offset()) || big(e.size()) || big(e.compressedSize()));
        if (zip64) {
            long recordOffset = out.count;
            int32(0x06064b50);
            int64(44);
            int16(45);
            int16(45);
            int32(0);
            int32(0);
            int64(entries.size());
            int64(entries.size());
            int64(directorySize);
            int64(directoryOffset);
            int32(0x07064b50);
            int32(0);
            int64(recordOffset);
            int32(1);
        }
        int32(0x06054b50);
        int16(0);
        int16(0);
        int16(zip64 ? 0xFFFF : entries.size());
        int16(zip64 ? 0xFFFF : entries.size());
        int32(zip64 ? ZIP64_LIMIT : directorySize);
        int32(zip64 ? ZIP64_LIMIT : directoryOffset);
        int16(0);
        out.flush();
    }

    private void localHeader(byte[] name, int flags, long crc, long compressedSize, long size) throws IOException {
        int32(0x04034b50);
        int16(20);
        int16(flags);
        int16(DEFLATED);
        int16(dosTime);
        int16(dosDate);
        int32(crc);
        int32(compressedSize);
        int32(size);
        int16(name.length);
        int16(0);
        out.write(name);
    }

    /** As java.util.zip writes it: 8-byte sizes once either passes 4 GiB. */
    private void descriptor(Entry entry) throws IOException {
        int32(0x08074b50);
        int32(entry.crc());
        if (big(entry.size()) || big(entry.compressedSize())) {
            int64(entry.compressedSize());
            int64(entry.size());
        } else {
            int32(entry.compressedSize());
            int32(entry.size());
        }
    }

    private void centralHeader(Entry entry) throws IOException {
        boolean bigSize = big(entry.size());
        boolean bigCompressed = big(entry.compressedSize());
        boolean bigOffset = big(entry.offset());
        int extra = (bigSize ? 8 : 0) + (bigCompressed ? 8 : 0) + (bigOffset ? 8 : 0);
        int version = extra > 0 ? 45 : 20;
        int32(0x02014b50);
        int16(version);
        int16(version);
        int16(entry.flags());
        int16(DEFLATED);
        int16(dosTime);
        int16(dosDate);
        int32(entry.crc());
        int32(bigCompressed ? ZIP64_LIMIT : entry.compressedSize());
        int32(bigSize ? ZIP64_LIMIT : entry.size());
        int16(entry.name().length);
        int16(extra > 0 ? extra + 4 : 0);
        int16(0);
        int16(0);
        int16(0);
        int32(0);
        int32(bigOffset ? ZIP64_LIMIT : entry.offset());
        out.write(entry.name());
        if (extra > 0) {
            // ZIP64 extended information: only the fields that overflowed, in this order.
            int16(0x0001);
            int16(extra);
            if (bigSize) {
                int64(entry.size());
            }
            if (bigCompressed) {
                int64(entry.compressedSize());
            }
            if (bigOffset) {
                int64(entry.offset());
            }
        }
    }

    private boolean big(long value) {
        return value >= zip64Limit;
    }

    private void int16(int value) throws IOException {
        out.write(value & 0xFF);
        out.write(value >>> 8 & 0xFF);
    }

    private void int32(long value) throws IOException {
        int16((int) (value & 0xFFFF));
        int16((int) (value >>> 16 & 0xFFFF));
    }

    private void int64(long value) throws IOException {
        int32(value & 0xFFFFFFFFL);
        int32(value >>> 32);
    }

    /** Counts the bytes written: the offsets the central directory points to. */
    private static final class Counting extends OutputStream {
        private final OutputStream target;
        private long count;

        Counting(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
            count++;
        }

        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
            target.write(data, offset, length);
            count += length;
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }
    }
}
