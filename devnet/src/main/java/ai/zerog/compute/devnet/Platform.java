package ai.zerog.compute.devnet;

import java.util.Locale;

/** The anvil npm platform package for an operating system and CPU, e.g. {@code linux-amd64}. */
record Platform(String os, String arch) {

    static Platform current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    static Platform of(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        String npmOs = os.startsWith("linux") ? "linux"
                : os.startsWith("mac") || os.startsWith("darwin") ? "darwin"
                : os.startsWith("windows") ? "win32" : "";
        String npmArch = switch (arch) {
            case "amd64", "x86_64", "x64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> "";
        };
        Platform platform = new Platform(npmOs, npmArch);
        if (npmOs.isEmpty() || npmArch.isEmpty() || platform.equals(new Platform("win32", "arm64"))) {
            throw new DevnetException("anvil is not published for " + osName + " on " + osArch
                    + "; supported: linux-amd64, linux-arm64, darwin-amd64, darwin-arm64, win32-amd64");
        }
        return platform;
    }

    /** The npm package holding the native binary, e.g. {@code @foundry-rs/anvil-linux-amd64}. */
    String anvilPackage() {
        return "@foundry-rs/anvil-" + os + "-" + arch;
    }

    String anvilFileName() {
        return os.equals("win32") ? "anvil.exe" : "anvil";
    }

    @Override
    public String toString() {
        return os + "-" + arch;
    }
}
