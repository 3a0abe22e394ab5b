package dev.safepip.system;

import dev.safepip.process.CapturedCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds versions against PEP 440 specifiers the way pip itself would: through the packaging library vendored in the
 * pip of the interpreter at hand, in one short process for all of them. PEP 440 has enough corners (`~=`, `==2.*`,
 * local versions, pre-releases) that a second implementation would disagree with pip somewhere.
 */
final class SpecifierCheck {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * -I keeps PYTHONPATH and the current folder from shadowing pip, but also hides the user's site-packages,
     * where a `pip install --user pip` lives: that is tried second. Pre-releases count: the question is whether
     * the one version the distribution has lies in the range, not which release pip would pick. Old packaging
     * (before 22, vendored up to pip 23.0) takes any string as a LegacySpecifier; pip deprecated those and newer
     * pips refuse them, so here they are invalid.
     */
    static final String SCRIPT = String.join("\n",
            "import sys",
            "try:",
            "    from pip._vendor.packaging.specifiers import Specifier, SpecifierSet, InvalidSpecifier",
            "    from pip._vendor.packaging.version import Version, InvalidVersion",
            "except ImportError:",
            "    import site",
            "    sys.path.append(site.getusersitepackages())",
            "    from pip._vendor.packaging.specifiers import Specifier, SpecifierSet, InvalidSpecifier",
            "    from pip._vendor.packaging.version import Version, InvalidVersion",
            "a = sys.argv[1:]",
            "for i in range(0, len(a) - 1, 2):",
            "    try:",
            "        s = SpecifierSet(a[i + 1])",
            "    except InvalidSpecifier:",
            "        s = None",
            "    if s is None or any(not isinstance(x, Specifier) for x in s):",
            "        print('bad-specifier')",
            "        continue",
            "    try:",
            "        v = Version(a[i])",
            "    except InvalidVersion:",
            "        print('bad-version')",
            "        continue",
            "    print('yes' if s.contains(v, prereleases=True) else 'no')",
            "");

    enum Verdict {
        SATISFIED, NOT_SATISFIED, BAD_VERSION, BAD_SPECIFIER
    }

    /** A version and the specifier it must satisfy (`>=2,<3`). */
    record Question(String version, String specifier) {
    }

    private final CommandStarter helper;

    SpecifierCheck(CommandStarter helper) {
        this.helper = helper;
    }

    /**
     * One verdict per question, in order; no process at all for no questions.
     *
     * @throws IOException when the interpreter cannot be started, has no pip, or answers something else
     */
    List<Verdict> check(Path python, List<Question> questions) throws IOException {
        if (questions.isEmpty()) {
            return List.of();
        }
        List<String> argv = new ArrayList<>(List.of(python.toString(), "-I", "-c", SCRIPT));
        for (Question question : questions) {
            argv.add(question.version());
            argv.add(question.specifier());
        }
        CapturedCommand.Result result = helper.run(argv, TIMEOUT);
        if (!result.ok()) {
            String[] err = result.stderr().strip().split("\n");
            throw new IOException(result.timedOut() ? python + " did not answer within " + TIMEOUT.toSeconds()
                    + " seconds" : python + " could not compare versions: " + err[err.length - 1].strip());
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (String line : result.stdout().split("\n")) {
            switch (line.strip()) {
                case "yes" -> verdicts.add(Verdict.SATISFIED);
                case "no" -> verdicts.add(Verdict.NOT_SATISFIED);
                case "bad-version" -> verdicts.add(Verdict.BAD_VERSION);
                case "bad-specifier" -> verdicts.add(Verdict.BAD_SPECIFIER);
                default -> {
                    // Something printed by a sitecustomize module or the like: not ours.
                }
            }
        }
        if (verdicts.size() != questions.size()) {
            throw new IOException(python + " gave " + verdicts.size() + " answers to " + questions.size()
                    + " version questions");
        }
        return verdicts;
    }
}
