package dev.safepip.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.safepip.harness.Prerequisites;
import dev.safepip.harness.Proc;
import dev.safepip.harness.TestEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The launcher's path and the PATH folders are written into the shell code: each shell must read them back as the
 * same bytes, whatever they hold (fish reads \\ and \' inside single quotes, POSIX shells do not).
 */
class ShellInitQuotingTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void anOddLauncherPathAndPathFolderReachTheShellUnchanged(String shell) throws IOException {
        Path shellPath = Prerequisites.command(shell, shell);
        Path odd = Files.createDirectories(tmp.resolve("it's a \\dir\\ $HOME \\'"));
        Path launcher = odd.resolve("safepip");
        Files.writeString(launcher, "#!/bin/sh\necho \"launched as $SAFEPIP_CALLED_AS: $*\"\n");
        launcher.toFile().setExecutable(true);
        Path code = tmp.resolve("init." + shell);
        Files.writeString(code, ShellInit.render(shell, launcher.toString(),
                new ShellInit.Completion(List.of("--yes"), List.of("where"), List.of("--via"), List.of("--yes")),
                List.of(odd.toString())));
        String show = shell.equals("fish") ? "echo $PATH[1]" : "echo \"${PATH%%:*}\"";
        Proc.Result result = Proc.run(List.of(shellPath.toString(), "-c",
                "source '" + code + "'; pip3 --version; " + show),
                Map.of("PATH", TestEnv.BASE_PATH, "HOME", tmp.toString(), "LANG", "C.UTF-8"), tmp,
                Duration.ofSeconds(60));
        assertEquals(0, result.exit(), result.describe());
        assertEquals("launched as pip3: --version\n" + odd + "\n", result.stdout(), result.describe());
    }
}
