package cn.vdp.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A file of its own on a disk, overwritten one 8 KiB page at a time and flushed to the device (fdatasync) after each,
 * as PostgreSQL flushes its WAL at a commit. Its pages are written and flushed once when it is created, so that every
 * later flush overwrites allocated blocks, as a reused WAL segment does, with no file system metadata to commit.
 * Deleted when closed.
 */
final class FlushedFile implements AutoCloseable {

    private static final int PAGE = 8192;
    /** 16 MB, a WAL segment. */
    private static final int PAGES = 2048;

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer page = ByteBuffer.allocate(PAGE);
    private long written;

    private FlushedFile(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
        Arrays.fill(page.array(), (byte) 'x');
    }

    static FlushedFile create(Path directory, String prefix) throws IOException {
        Path file = Files.createTempFile(directory, prefix, ".bin");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        try {
            ByteBuffer zeros = ByteBuffer.allocate(PAGE);
            for (int i = 0; i < PAGES; i++) {
                channel.write(zeros.clear(), (long) i * PAGE);
            }
            channel.force(true);
        } catch (IOException e) {
            channel.close();
            Files.deleteIfExists(file);
            throw e;
        }
        return new FlushedFile(file, channel);
    }

    /** Overwrites the next page and flushes it; how long that took, in nanoseconds. */
    long flushNextPage() throws IOException {
        long start = System.nanoTime();
        channel.write(page.clear(), (written++ % PAGES) * PAGE);
        channel.force(false);
        return System.nanoTime() - start;
    }

    @Override
    public void close() throws IOException {
        channel.close();
        Files.deleteIfExists(file);
    }
}
