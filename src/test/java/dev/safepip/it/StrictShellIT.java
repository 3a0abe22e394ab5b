package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.harness.Prerequisites;
import dev.safepip.harness.Proc;
import dev.safepip.harness.TestEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * `safepip init` in the strict shells people write scripts and profiles in: bash's `set -e`, `-u`, `-o pipefail`,
 * zsh's `err_exit`, `nounset`, `err_return`, `pipe_fail`, and fish; sourced from a file or eval'd, once or twice,
 * interactive or not, with `--path` or without. In each the code must load, `pip --version` must run through the
 * function, a failing pip must hand back its own exit code, and loading twice must double nothing.
 */
class StrictShellIT {
    /** The stand-in pip's exit code for anything but --version: distinct from every shell's own codes. */
    static final int PIP_FAILURE = 23;

    @TempDir
    Path tmp;
    TestEnv testEnv;
    Path bin;

    @BeforeEach
    void setUp() throws IOException {
        testEnv = TestEnv.in(tmp.resolve("env"));
        bin = Files.createDirectories(tmp.resolve("bin"));
        // The launcher's rule sends --version and show straight to this pip, no JVM: the shell code is what is
        // under test. Anything but --version fails, completion included, as a broken or absent pip would.
        for (String name : List.of("pip", "pip3")) {
            ShellInitIT.script(bin.resolve(name), "if [ \"$1\" = --version ]; then echo 'stand-in " + name
                    + " 1.0'; exit 0; fi\necho \"" + name + ": no $*\" >&2\nexit " + PIP_FAILURE);
        }
    }

    /** Each option set a script or profile may run under; the empty one is the baseline. */
    static List<String> optionSets(String shell) {
        return switch (shell) {
            case "bash" -> List.of("", "set -e", "set -u", "set -o pipefail", "set -euo pipefail");
            case "zsh" -> List.of("", "setopt err_exit", "setopt nounset", "setopt err_return", "setopt pipe_fail",
                    "setopt err_exit nounset pipe_fail", "setopt err_return nounset pipe_fail");
            default -> List.of("");
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void theInitCodeAndItsFunctionsSurviveEveryStrictOption(String shell) throws IOException {
        Path shellPath = Prerequisites.command(shell, shell);
        List<String> failures = new ArrayList<>();
        int runs = 0;
        for (boolean path : List.of(false, true)) {
            Path file = init(shell, path);
            for (String options : optionSets(shell)) {
                for (boolean eval : List.of(false, true)) {
                    for (int times = 1; times <= 2; times++) {
                        for (boolean interactive : List.of(false, true)) {
                            String what = shell + (interactive ? " interactive" : "") + " [" + options + "] "
                                    + (eval ? "eval" : "source") + " x" + times + (path ? " --path" : "");
                            // An interactive shell may have an alias pip of its own (of pip only: pip3 has none).
                            String script = (interactive ? "alias pip='echo aliased'\n" : "")
                                    + script(shell, options, file, eval, times);
                            String failure = check(shell, path, run(shellPath, interactive, script));
                            runs++;
                            if (failure != null) {
                                failures.add(what + ": " + failure);
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), failures, failures.size() + " of " + runs + " combinations failed");
    }

    Path init(String shell, boolean path) throws IOException {
        List<String> args = new ArrayList<>(List.of("init", shell));
        if (path) {
            args.add("--path");
        }
        Proc.Result init = Launcher.run(testEnv.map(), tmp, args);
        assertEquals(0, init.exit(), init.describe());
        Path file = tmp.resolve("init-" + shell + (path ? "-path" : ""));
        Files.writeString(file, init.stdout());
        return file;
    }

    /**
     * Loads the code, then says "ok" after the load, after `pip --version` and after a failing pip, with that pip's
     * exit code; then what must not be doubled: PATH, and the completion set up for pip.
     */
    static String script(String shell, String options, Path file, boolean eval, int times) {
        String quoted = "'" + file + "'";
        String load = shell.equals("fish")
                ? (eval ? "cat " + quoted + " | source" : "source " + quoted)
                : (eval ? "eval \"$(cat " + quoted + ")\"" : "source " + quoted);
        StringBuilder script = new StringBuilder(options).append('\n');
        for (int i = 0; i < times; i++) {
            script.append(load).append('\n');
        }
        script.append("echo ok-loaded\npip --version\npip3 --version\necho ok-version\n");
        if (shell.equals("fish")) {
            script.append("pip show nothing; echo rc=$status\n")
                    .append("complete -C 'pip ins' >/dev/null; complete -C 'safepip ins' >/dev/null\n")
                    .append("echo completions=(complete -c pip | count)\n")
                    .append("echo path=(string join : $PATH)\n");
        } else {
            script.append("rc=0; pip show nothing || rc=$?; echo rc=$rc\n");
            if (shell.equals("bash")) {
                // The completion functions as bash calls them, on words that match nothing and with a pip that
                // fails: under `set -e` an empty compgen or a failed $(...) must not end the shell.
                script.append("COMP_WORDS=(safepip init zz); COMP_CWORD=2; _safepip_completion\n")
                        .append("COMP_WORDS=(safepip zz); COMP_CWORD=1; _safepip_completion\n")
                        .append("COMP_WORDS=(pip zz); COMP_CWORD=1; _safepip_pip_completion\n")
                        .append("echo completions=$(complete -p pip | wc -l)\n");
            } else {
                script.append("echo completions=$(compctl -L pip | wc -l)\n");
            }
            script.append("echo path=$PATH\n");
        }
        return script.toString();
    }

    Proc.Result run(Path shell, boolean interactive, String script) {
        Map<String, String> env = testEnv.withPathFirst(bin);
        env.put("SAFEPIP_JAVA", tmp.resolve("no-jvm").toString());
        List<String> argv = new ArrayList<>(List.of(shell.toString()));
        // No profile of the machine's: only the code under test. -i for the shells people type in.
        argv.add(switch (shell.getFileName().toString()) {
            case "bash" -> "--norc";
            case "zsh" -> "-f";
            default -> "--no-config";
        });
        if (interactive) {
            argv.add("-i");
        }
        argv.addAll(List.of("-c", script));
        return Proc.run(argv, env, tmp, Duration.ofSeconds(60));
    }

    /** What is wrong with one run, or null. */
    String check(String shell, boolean path, Proc.Result result) {
        List<String> lines = result.stdout().lines().toList();
        List<String> expected = List.of("ok-loaded", "stand-in pip 1.0", "stand-in pip3 1.0", "ok-version",
                "rc=" + PIP_FAILURE, "completions=1");
        if (result.exit() != 0 || lines.size() != expected.size() + 1
                || !lines.subList(0, expected.size()).equals(expected)) {
            return "exit " + result.exit() + ", stdout " + lines + ", stderr " + result.stderr().strip();
        }
        String pathLine = lines.get(expected.size());
        String links = testEnv.xdgData().resolve("safepip/bin").toString();
        int want = path ? 1 : 0;
        for (String dir : List.of(links, testEnv.pipxBin().toString())) {
            int count = countEntries(pathLine.substring("path=".length()), dir);
            if (count != want) {
                return dir + " is on PATH " + count + " times, not " + want + ": " + pathLine;
            }
        }
        return null;
    }

    static int countEntries(String path, String dir) {
        int count = 0;
        for (String entry : path.split(":")) {
            if (entry.equals(dir)) {
                count++;
            }
        }
        return count;
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh"})
    void aFailingPipEndsASetEShellWithPipsCodeAndNothingElse(String shell) throws IOException {
        Path shellPath = Prerequisites.command(shell, shell);
        Path file = init(shell, false);
        String errexit = shell.equals("bash") ? "set -eu" : "setopt err_exit nounset";
        Proc.Result result = run(shellPath, false, errexit + "\nsource '" + file + "'\necho loaded\n"
                + "pip show nothing\necho never\n");
        assertEquals(PIP_FAILURE, result.exit(), result.describe());
        assertEquals("loaded\n", result.stdout(), result.describe());
        assertTrue(result.stderr().contains("pip: no show nothing"), result.describe());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh"})
    void thePathLineAddsItsFoldersToAnUnsetPathUnderNounset(String shell) throws IOException {
        Path shellPath = Prerequisites.command(shell, shell);
        Path file = init(shell, true);
        String nounset = shell.equals("bash") ? "set -eu" : "setopt err_exit nounset";
        Proc.Result result = run(shellPath, false, nounset + "\nunset PATH\nsource '" + file + "'\necho \"$PATH\"\n");
        assertEquals(0, result.exit(), result.describe());
        assertEquals(testEnv.pipxBin() + ":" + testEnv.xdgData().resolve("safepip/bin") + "\n", result.stdout(),
                result.describe());
    }
}
