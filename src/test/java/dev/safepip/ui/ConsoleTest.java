package dev.safepip.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * safepip's sentences carry text it did not write (console-script names from wheels, requirements from argv,
 * ledger fields): whichever way Console prints, no escape sequence or control character gets through, and with
 * colour on, only Console's own colour codes are there.
 */
class ConsoleTest {
    private static final String HOSTILE = "black\u001b]0;PWNED\u0007\u001b[2J\u001b[1;1H\u0008\u009b31m\r";

    private static String print(boolean colour, java.util.function.Consumer<Console> speak) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        speak.accept(new Console(err, colour, colour ? Map.of("FORCE_COLOR", "1") : Map.of("NO_COLOR", "1")));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyWayOfSpeakingSanitizesWhatItIsGiven() {
        for (boolean colour : new boolean[] {false, true}) {
            String printed = print(colour, console -> {
                console.say("say " + HOSTILE);
                console.headline("headline " + HOSTILE);
                console.command("command " + HOSTILE);
                console.dim("dim " + HOSTILE);
                console.danger("danger " + HOSTILE);
                console.prompt("prompt " + HOSTILE);
                console.quote("quote " + HOSTILE);
                console.error("error " + HOSTILE, "hint " + HOSTILE);
            });
            assertFalse(printed.contains("PWNED"), printed);
            assertFalse(printed.contains("\u0007") || printed.contains("\u0008") || printed.contains("\r")
                    || printed.contains("\u009b"), printed);
            String withoutOwnColours = printed.replaceAll("\u001b\\[[0-9;]*m", "");
            assertFalse(withoutOwnColours.contains("\u001b"), printed);
            assertTrue(printed.contains("say black"), printed);
        }
    }

    @Test
    void plainTextIsUnchanged() {
        assertEquals("safepip: installed into ~/.venv (nearest .venv).\n",
                print(false, console -> console.say("safepip: installed into ~/.venv (nearest .venv).")));
    }
}
