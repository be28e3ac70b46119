package com.rolloutcontrolroom.services.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The build carries exactly one platform's PostgreSQL binaries, the build machine's own (the pom's os-*
 * profiles pick them; zonky's own dependency would bring four). Reads every jar on the class path, so a
 * second bundle or another platform's fails here.
 */
class EmbeddedPostgresBinariesTest {

    @Test
    void theClassPathCarriesOnlyThisPlatformsPostgresBinaries() throws IOException {
        assertThat(postgresBundlesOnTheClassPath()).containsExactly(expectedBundle(
                System.getProperty("os.name"), System.getProperty("os.arch")));
    }

    @Test
    void eachSupportedPlatformMapsToZonkysBundleName() {
        assertThat(expectedBundle("Linux", "amd64")).isEqualTo("postgres-linux-x86_64.txz");
        assertThat(expectedBundle("Linux", "aarch64")).isEqualTo("postgres-linux-arm_64.txz");
        assertThat(expectedBundle("Mac OS X", "x86_64")).isEqualTo("postgres-darwin-x86_64.txz");
        assertThat(expectedBundle("Mac OS X", "aarch64")).isEqualTo("postgres-darwin-arm_64.txz");
        assertThat(expectedBundle("Windows 11", "amd64")).isEqualTo("postgres-windows-x86_64.txz");
    }

    /** The name zonky's resolver looks for on this OS and architecture. */
    static String expectedBundle(String osName, String osArch) {
        String name = osName.toLowerCase(Locale.ROOT);
        String os = name.startsWith("mac") ? "darwin" : name.startsWith("windows") ? "windows" : "linux";
        String arch = switch (osArch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> osArch;
        };
        return "postgres-" + os + "-" + arch + ".txz";
    }

    /** Every postgres-*.txz at the root of a jar on the class path, once per jar that holds it. */
    private static List<String> postgresBundlesOnTheClassPath() throws IOException {
        List<String> bundles = new ArrayList<>();
        for (URL manifest : Collections.list(getClassLoader().getResources("META-INF/MANIFEST.MF"))) {
            if (!"jar".equals(manifest.getProtocol())) {
                continue;
            }
            JarURLConnection connection = (JarURLConnection) manifest.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                jar.stream().map(entry -> entry.getName())
                        .filter(entry -> entry.startsWith("postgres-") && entry.endsWith(".txz") && !entry.contains("/"))
                        .forEach(bundles::add);
            }
        }
        return bundles;
    }

    private static ClassLoader getClassLoader() {
        return EmbeddedPostgresBinariesTest.class.getClassLoader();
    }
}
