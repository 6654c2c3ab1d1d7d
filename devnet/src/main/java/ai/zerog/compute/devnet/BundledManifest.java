package ai.zerog.compute.devnet;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The pinned node tool manifest (package.json, package-lock.json, .npmrc) bundled on the classpath. */
record BundledManifest(Map<String, byte[]> files, String lockSha256) {

    private static final String RESOURCE_DIR = "/ai/zerog/compute/devnet/node-tools/";
    private static final List<String> FILE_NAMES = List.of("package.json", "package-lock.json", ".npmrc");
    private static final BundledManifest BUNDLED = load();

    static BundledManifest bundled() {
        return BUNDLED;
    }

    /** The first 12 hex digits of the lock hash: names the default install folder. */
    String shortHash() {
        return lockSha256.substring(0, 12);
    }

    private static BundledManifest load() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : FILE_NAMES) {
            try (InputStream in = BundledManifest.class.getResourceAsStream(RESOURCE_DIR + name)) {
                if (in == null) {
                    throw new DevnetException("the devnet jar lacks its bundled " + RESOURCE_DIR + name
                            + "; rebuild the devnet module");
                }
                files.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new DevnetException("could not read bundled " + RESOURCE_DIR + name, e);
            }
        }
        return new BundledManifest(Map.copyOf(files), sha256(files.get("package-lock.json")));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
