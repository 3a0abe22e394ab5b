package dev.safepip.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.safepip.harness.Prerequisites;
import dev.safepip.system.SpecifierCheck.Question;
import dev.safepip.system.SpecifierCheck.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecifierCheckTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @Test
    void pipsOwnPackagingAnswersAllQuestionsAtOnce() throws IOException {
        Prerequisites.pythonModule("pip", "python3-pip");
        Object[] cases = {
            "2.28.1", ">=2", Verdict.SATISFIED,
            "2.28.1", ">=99", Verdict.NOT_SATISFIED,
            "2.28.1", "==2.28.*", Verdict.SATISFIED,
            "2.28.1", "~=2.28", Verdict.SATISFIED,
            "2.28.1", "~=2.29", Verdict.NOT_SATISFIED,
            "2.28.1", "!=2.28.1", Verdict.NOT_SATISFIED,
            "2.28.1", ">= 2.0 , < 3", Verdict.SATISFIED,
            // The one version there is counts even when it is a pre-release.
            "3.0.0rc1", ">=2", Verdict.SATISFIED,
            "3.0.0rc1", ">=3", Verdict.NOT_SATISFIED,
            // PEP 440: <1 excludes 1's own pre-releases, so Debian's 1.0~git snapshot (1.0.dev0) is not <1.
            "1.0.dev0", "<1", Verdict.NOT_SATISFIED,
            "0.9", "<1", Verdict.SATISFIED,
            "1.0alpha1", "==1.0a1", Verdict.SATISFIED,
            "1.0.0", "==1", Verdict.SATISFIED,
            "2.28.1+dfsg", "==2.28.1", Verdict.SATISFIED,
            "1.0~git", ">=1", Verdict.BAD_VERSION,
            "1.0", "=>1", Verdict.BAD_SPECIFIER,
            // A LegacySpecifier to the packaging of pip 23.0: refused all the same.
            "1.0", ">=not-a-version", Verdict.BAD_SPECIFIER,
        };
        List<Question> questions = new ArrayList<>();
        List<Verdict> expected = new ArrayList<>();
        for (int i = 0; i < cases.length; i += 3) {
            questions.add(new Question((String) cases[i], (String) cases[i + 1]));
            expected.add((Verdict) cases[i + 2]);
        }
        CountingHelper helper = new CountingHelper();
        assertEquals(expected, new SpecifierCheck(helper).check(PYTHON, questions));
        assertEquals(1, helper.started.size());
    }

    @Test
    void noQuestionsNoProcess() throws IOException {
        CountingHelper helper = new CountingHelper();
        assertEquals(List.of(), new SpecifierCheck(helper).check(PYTHON, List.of()));
        assertEquals(0, helper.started.size());
    }

    @Test
    void anInterpreterWithoutPipIsAnError() {
        Prerequisites.pythonModule("pip", "python3-pip");
        // -S: no site-packages, so no pip; stands for an interpreter that has none.
        CommandStarter noSite = (argv, timeout) -> {
            List<String> changed = new ArrayList<>(argv);
            changed.add(1, "-S");
            return CommandStarter.captured(System.getenv()).run(changed, timeout);
        };
        IOException e = assertThrows(IOException.class,
                () -> new SpecifierCheck(noSite).check(PYTHON, List.of(new Question("1.0", ">=1"))));
        assertEquals(true, e.getMessage().contains("ModuleNotFoundError"), e.getMessage());
    }
}
