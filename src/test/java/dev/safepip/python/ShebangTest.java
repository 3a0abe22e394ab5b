package dev.safepip.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.process.SearchPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShebangTest {
    @TempDir
    Path tmp;

    private Path bin;
    private SearchPath path;
    private int count;

    @BeforeEach
    void setUp() throws IOException {
        bin = Files.createDirectories(tmp.resolve("bin"));
        Path python3 = Files.createFile(bin.resolve("python3"));
        Files.setPosixFilePermissions(python3, PosixFilePermissions.fromString("rwxr-xr-x"));
        path = new SearchPath(bin.toString());
    }

    private Path script(String text) throws IOException {
        return script(text.getBytes(StandardCharsets.UTF_8));
    }

    private Path script(byte[] bytes) throws IOException {
        Path file = tmp.resolve("pip" + (count++));
        Files.write(file, bytes);
        return file;
    }

    @Test
    void aPlainShebang() throws IOException {
        assertEquals(Path.of("/usr/bin/python3"),
                Shebang.interpreterOf(script("#!/usr/bin/python3\nimport sys\n"), path));
        assertEquals(Path.of("/usr/bin/python3.11"),
                Shebang.interpreterOf(script("#! /usr/bin/python3.11 -E\r\nimport sys\n"), path));
        assertEquals(Path.of("/opt/venv/bin/python"), Shebang.interpreterOf(script("#!/opt/venv/bin/python"), path));
    }

    @Test
    void envIsResolvedThroughTheSearchPath() throws IOException {
        assertEquals(bin.resolve("python3"),
                Shebang.interpreterOf(script("#!/usr/bin/env python3\nimport sys\n"), path));
        assertEquals(bin.resolve("python3"),
                Shebang.interpreterOf(script("#!/usr/bin/env -S python3 -E\nimport sys\n"), path));
        assertNull(Shebang.interpreterOf(script("#!/usr/bin/env python3.12\n"), path), "not on this PATH");
        assertNull(Shebang.interpreterOf(script("#!/usr/bin/env python3\n"), new SearchPath(null)));
        assertNull(Shebang.interpreterOf(script("#!/usr/bin/env bash\n"), path));
        assertNull(Shebang.interpreterOf(script("#!/usr/bin/env\n"), path));
    }

    @Test
    void pipsLongForm() throws IOException {
        String python = "/very/long/" + "deeply-nested-folder/".repeat(8) + "bin/python3";
        assertEquals(Path.of(python), Shebang.interpreterOf(script("#!/bin/sh\n'''exec' \"" + python
                + "\" \"$0\" \"$@\"\n' '''\n# -*- coding: utf-8 -*-\nimport re\n"), path));
        assertEquals(Path.of(python), Shebang.interpreterOf(script("#!/bin/sh\n'''exec' " + python
                + " \"$0\" \"$@\"\n' '''\nimport re\n"), path), "distlib quotes only paths with spaces");
        String spaced = "/home/u/My Projects/venv/bin/python3.11";
        assertEquals(Path.of(spaced), Shebang.interpreterOf(script("#!/bin/sh\n'''exec' \"" + spaced
                + "\" \"$0\" \"$@\"\n' '''\nimport re\n"), path));
    }

    @Test
    void shellScriptsAndBinariesAreNotPython() throws IOException {
        assertNull(Shebang.interpreterOf(script("#!/bin/bash\nexec python3 -m pip \"$@\"\n"), path));
        assertNull(Shebang.interpreterOf(script("#!/bin/sh\nexec python3 -m pip \"$@\"\n"), path));
        assertNull(Shebang.interpreterOf(script("#!/bin/sh\n'''exec' /usr/bin/ruby \"$0\" \"$@\"\n"), path));
        assertNull(Shebang.interpreterOf(script(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, '#', '!'}), path));
        assertNull(Shebang.interpreterOf(script(""), path));
        assertNull(Shebang.interpreterOf(script("#!"), path));
        assertNull(Shebang.interpreterOf(script("import sys\n"), path));
        assertNull(Shebang.interpreterOf(tmp.resolve("absent"), path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"python", "python3", "python3.11", "python3.13"})
    void pythonNames(String name) {
        assertTrue(Shebang.isPythonName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"python3-config", "pythonw", "ipython", "pypy3", "python3.11-dbg", "bash", ""})
    void otherNames(String name) {
        assertFalse(Shebang.isPythonName(name));
    }
}
