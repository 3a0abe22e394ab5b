package dev.safepip.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExactBytesTest {
    @Test
    void everyByteStringSurvivesTheRoundTrip() {
        byte[][] samples = {
            "plain".getBytes(StandardCharsets.UTF_8), "dé/ü 𝄞".getBytes(StandardCharsets.UTF_8),
            {'/', 'd', (byte) 0xe9, '/'}, {(byte) 0xc3}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {'\\', '0', '1'},
        };
        for (byte[] sample : samples) {
            assertArrayEquals(sample, ExactBytes.encode(ExactBytes.decode(sample)), HexFormat.of().formatHex(sample));
        }
        assertEquals("dé", ExactBytes.decode("dé".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void validUtf8StartsTheChildDirectly() {
        List<String> argv = List.of("/bin/echo", "dé");
        assertSame(argv, ExactBytes.argv(argv));
    }

    @Test
    void rawBytesReachTheChildThroughTheFixedScript() throws Exception {
        byte[] raw = {'/', 'd', (byte) 0xe9, '\\', 'n', '%', 's', '$', '(', 'x', ')', '\n', 'z'};
        CapturedCommand.Result result = CapturedCommand.run(List.of("/bin/sh", "-c",
                "printf %s \"$1\" | /usr/bin/od -An -tx1 -v", "sh", ExactBytes.decode(raw)),
                Map.of("PATH", "/usr/bin:/bin"), Path.of("/"), Duration.ofSeconds(10));
        assertEquals(0, result.exit(), result.stderr());
        assertEquals(HexFormat.of().formatHex(raw), result.stdout().replace(" ", "").replace("\n", ""));
    }
}
