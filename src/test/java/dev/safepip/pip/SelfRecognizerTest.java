package dev.safepip.pip;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfRecognizerTest {
    @TempDir
    Path tmp;

    private Path launcher;

    @BeforeEach
    void makeLauncher() throws IOException {
        // Content that alone would never pass for safepip: only its path can make it so.
        launcher = write("opt/safepip/bin/safepip", "exec java -jar safepip.jar\n").toRealPath();
    }

    private Path write(String relative, String content) throws IOException {
        Path file = tmp.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void aSymlinkToTheLauncherIsSafepip() throws IOException {
        Path pip = tmp.resolve("bin/pip");
        Files.createDirectories(pip.getParent());
        Files.createSymbolicLink(pip, launcher);
        assertTrue(new SelfRecognizer(launcher).isSafepip(pip));
        assertFalse(new SelfRecognizer(null).isSafepip(pip), "without the launcher's path only content counts");
    }

    @Test
    void aCopyOfTheLauncherIsSafepip() throws IOException {
        Path copy = tmp.resolve("bin/pip3");
        Files.createDirectories(copy.getParent());
        Files.copy(Path.of("scripts/safepip"), copy);
        assertTrue(new SelfRecognizer(launcher).isSafepip(copy));
        Path small = write("bin2/pip", "#!/bin/sh\n# safepip-launcher v0\nexec java -jar x.jar \"$@\"\n");
        assertTrue(new SelfRecognizer(null).isSafepip(small));
    }

    @Test
    void aShellWrapperThatCallsSafepipIsSafepip() throws IOException {
        assertTrue(new SelfRecognizer(launcher).isSafepip(write("a/pip", "#!/bin/sh\nexec safepip \"$@\"\n")));
        assertTrue(new SelfRecognizer(launcher).isSafepip(
                write("b/pip", "#!/usr/bin/env bash\nset -e\nexec /opt/bin/safepip --via=venv \"$@\"\n")));
        assertTrue(new SelfRecognizer(launcher).isSafepip(write("c/pip", "#!/bin/sh\nSAFEPIP_VIA=venv safepip \"$@\"\n")));
    }

    @Test
    void aWrapperThatOnlyMentionsSafepipInACommentIsNot() throws IOException {
        Path pip = write("bin/pip", "#!/bin/sh\n# not safepip: the real one\nexec /usr/bin/pip3 \"$@\"\n");
        assertFalse(new SelfRecognizer(launcher).isSafepip(pip));
    }

    @Test
    void aPythonScriptInSafepipsOwnVenvIsNot() throws IOException {
        Path pip = write("home/u/.local/share/safepip/venv/bin/pip",
                "#!/home/u/.local/share/safepip/venv/bin/python3\n"
                        + "# -*- coding: utf-8 -*-\nimport re\nimport sys\n"
                        + "from pip._internal.cli.main import main\n"
                        + "if __name__ == '__main__':\n"
                        + "    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])\n"
                        + "    sys.exit(main())\n");
        assertFalse(new SelfRecognizer(launcher).isSafepip(pip));
    }

    @Test
    void pipsLongShebangFormInASafepipVenvIsNot() throws IOException {
        String python = "/home/u/" + "very-long-folder-name/".repeat(6) + ".local/share/safepip/venv/bin/python3";
        Path pip = write("long/pip", "#!/bin/sh\n'''exec' \"" + python + "\" \"$0\" \"$@\"\n' '''\n"
                + "import sys\nfrom pip._internal.cli.main import main\nsys.exit(main())\n");
        assertFalse(new SelfRecognizer(launcher).isSafepip(pip));
    }

    @Test
    void aPyenvShimIsNot() throws IOException {
        Path shim = write("pyenv/shims/pip", """
                #!/usr/bin/env bash
                set -e
                [ -n "$PYENV_DEBUG" ] && set -x

                program="${0##*/}"

                export PYENV_ROOT="/home/u/.pyenv"
                exec "/home/u/.pyenv/libexec/pyenv" exec "$program" "$@"
                """);
        assertFalse(new SelfRecognizer(launcher).isSafepip(shim));
    }

    @Test
    void aBinaryOrAMissingFileIsNot() throws IOException {
        Path binary = tmp.resolve("bin/pip-binary");
        Files.createDirectories(binary.getParent());
        Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 's', 'a', 'f', 'e', 'p', 'i', 'p'});
        assertFalse(new SelfRecognizer(launcher).isSafepip(binary));
        assertFalse(new SelfRecognizer(launcher).isSafepip(tmp.resolve("bin/nothing")));
    }
}
