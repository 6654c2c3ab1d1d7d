package ai.zerog.compute.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeToolsTest {

    private static final BundledManifest MANIFEST = BundledManifest.bundled();

    @Test
    void shouldInstallOnceWhenSeveralThreadsAskAtOnceAndNotAgainAfterwards(@TempDir Path temp) throws Exception {
        Path dir = temp.resolve("node-tools");
        CountDownLatch gate = new CountDownLatch(1);
        Callable<Boolean> install = () -> {
            gate.await();
            return NodeToolsInstaller.ensureInstalled(dir, MANIFEST);
        };
        List<Boolean> installed;
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            List<Future<Boolean>> results = List.of(pool.submit(install), pool.submit(install), pool.submit(install));
            gate.countDown();
            installed = results.stream().map(NodeToolsTest::join).toList();
        }

        assertThat(installed).containsOnlyOnce(true);
        assertThat(NodeToolsInstaller.ensureInstalled(dir, MANIFEST)).isFalse();
        NodeTools tools = NodeTools.installedIn(dir);
        assertThat(tools.nodeModules()).isEqualTo(dir.resolve("node_modules"));
        assertThat(tools.anvilBinary()).isExecutable();
        assertThat(tools.nodeModules().resolve("solc/package.json")).exists();
        assertThat(dir.resolve("package-lock.json")).hasBinaryContent(MANIFEST.files().get("package-lock.json"));
    }

    @Test
    void shouldRunNodeWithNodePathPointingAtTheTools(@TempDir Path temp) throws Exception {
        NodeTools tools = NodeTools.installed();
        Path script = Files.writeString(temp.resolve("version.js"), """
                console.log(require('@openzeppelin/contracts/package.json').version + ' ' + process.argv[2]);
                console.error('to stderr');
                process.exit(3);
                """);

        ProcessResult result = tools.runNode(script, List.of("hello"), Duration.ofSeconds(30));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout().strip()).isEqualTo("4.8.3 hello");
        assertThat(result.stderr().strip()).isEqualTo("to stderr");
        assertThatThrownBy(() -> result.requireSuccess("version.js"))
                .hasMessageContaining("version.js failed with exit code 3").hasMessageContaining("to stderr");
    }

    @Test
    void shouldUseAFolderNamedAfterTheLockHashByDefault() {
        if (System.getenv(NodeTools.DIR_ENV) == null) {
            assertThat(NodeTools.defaultDirectory()).isEqualTo(Path.of(System.getProperty("user.home"),
                    ".0g-compute-java", "node-tools", MANIFEST.shortHash()));
        }
        assertThat(MANIFEST.shortHash()).matches("[0-9a-f]{12}");
    }

    @Test
    void shouldReinstallWhenTheRecordedLockHashDiffers(@TempDir Path dir) throws Exception {
        Path marker = Files.createDirectories(dir.resolve("node_modules")).resolve(NodeToolsInstaller.MARKER);
        Files.writeString(marker, "0123abcd\n");
        assertThat(NodeToolsInstaller.isCurrent(dir, MANIFEST)).isFalse();

        Files.writeString(marker, MANIFEST.lockSha256() + "\n");
        assertThat(NodeToolsInstaller.isCurrent(dir, MANIFEST)).isTrue();
    }

    @Test
    void shouldGiveOneClearErrorWhenNodeAndNpmAreMissing(@TempDir Path emptyPath) {
        assertThatThrownBy(() -> Executables.requireNodeAndNpm(emptyPath.toString()))
                .isInstanceOf(DevnetException.class)
                .hasMessageStartingWith("node and npm are not on PATH.")
                .hasMessageContaining("Node.js 20 or newer")
                .hasMessageContaining("apt-get install nodejs npm");
    }

    @Test
    void shouldNameNpmWhenOnlyNpmIsMissing(@TempDir Path path) throws Exception {
        Path node = Files.createFile(path.resolve("node"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

        assertThat(Executables.find("node", path.toString())).hasValue(node);
        assertThatThrownBy(() -> Executables.requireNodeAndNpm(path.toString()))
                .hasMessageStartingWith("npm is not on PATH.");
    }

    private static boolean join(Future<Boolean> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
