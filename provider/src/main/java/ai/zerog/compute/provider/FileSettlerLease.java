package ai.zerog.compute.provider;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The settler lease of a SQLite store: an OS lock on a file beside the database, so a second
 * process (or a second store on the same file in this JVM) cannot settle at the same time.
 */
final class FileSettlerLease implements SettlerLease {
    private final FileChannel channel;
    private final FileLock lock;

    private FileSettlerLease(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static Optional<SettlerLease> tryAcquire(Path lockFile) {
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new ProviderException("cannot open the settler lock file " + lockFile + ": " + e.getMessage(), e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new FileSettlerLease(channel, lock));
            }
        } catch (OverlappingFileLockException held) {
            // held by another store on the same file in this JVM
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ProviderException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
        closeQuietly(channel);
        return Optional.empty();
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            throw new ProviderException("cannot release the settler lock: " + e.getMessage(), e);
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing releases the lock anyway
        }
    }
}
