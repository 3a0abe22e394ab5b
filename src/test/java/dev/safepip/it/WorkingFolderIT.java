package dev.safepip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safepip.harness.LocalIndex;
import dev.safepip.harness.ManagedPython;
import dev.safepip.harness.Proc;
import dev.safepip.harness.WheelBuilder;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing in the working folder runs because safepip runs there: no Python file shadowing a module its helpers
 * import (pip.py, json.py, venv.py, runpy.py, sitecustomize.py…), and no program reached through an empty, "." or
 * relative PATH entry (dpkg, apt-get, apt-cache, sudo, pipx, nice). Each planted file writes a marker when it runs;
 * no marker may appear. Plain pip (a bin/pip script) imports none of them either.
 */
class WorkingFolderIT {
    /** Modules a helper imports, or Python itself may look for, from the working folder first. */
    static final List<String> MODULES = List.of("pip", "json", "venv", "runpy", "sitecustomize", "usercustomize",
            "site", "ensurepip", "subprocess", "encodings");
    /** Programs safepip starts by name. */
    static final List<String> PROGRAMS = List.of("dpkg", "apt-get", "apt-cache", "sudo", "pipx", "nice", "python3");

    @TempDir
    static Path shared;
    static ManagedPython managed;
    @AutoClose
    static LocalIndex index;

    @TempDir
    Path tmp;
    Sandbox sandbox;
    Path markers;
    Path work;

    @BeforeAll
    static void setUpShared() {
        managed = ManagedPython.create(shared.resolve("managed"));
        index = Sandbox.serve(shared.resolve("wheels"), WheelBuilder.of("pkgA", "1.0"),
                WheelBuilder.of("plain-lib", "1.0").module("plain_lib", "VALUE = 1\n"));
    }

    @BeforeEach
    void setUp() throws IOException {
        sandbox = Sandbox.in(tmp, managed);
        markers = Files.createDirectories(tmp.resolve("markers"));
        work = Files.createDirectories(tmp.resolve("work"));
    }

    /** Python files in the working folder that leave a marker when imported. */
    private void plantPython() throws IOException {
        plantPython(MODULES);
    }

    private void plantPython(List<String> modules) throws IOException {
        for (String module : modules) {
            Files.writeString(work.resolve(module + ".py"),
                    "open(" + pyString(markers.resolve(module + ".py").toString()) + ", 'w').close()\n");
        }
    }

    private static String pyString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Executables in the working folder and in its subfolder rel that leave a marker when run, and succeed. */
    private void plantPrograms() throws IOException {
        for (Path dir : List.of(work, Files.createDirectories(work.resolve("rel")))) {
            for (String program : PROGRAMS) {
                Path file = dir.resolve(program);
                Files.writeString(file, "#!/bin/sh\n: > '" + markers.resolve(program) + "'\nexit 0\n");
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private List<String> markersLeft() throws IOException {
        List<String> left = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(markers)) {
            for (Path entry : entries) {
                left.add(entry.getFileName().toString());
            }
        }
        left.sort(null);
        return left;
    }

    /** Notes what ran during one command (and clears the markers): every command is judged on its own. */
    private void judge(List<String> ran, String what, Proc.Result result) throws IOException {
        List<String> left = markersLeft();
        if (!left.isEmpty()) {
            ran.add(what + " ran " + left + "\n" + result.describe());
            for (String name : left) {
                Files.delete(markers.resolve(name));
            }
        }
    }

    @Test
    void aPlannedInstallImportsNothingFromTheWorkingFolder() throws IOException {
        plantPython();
        Proc.Result plan = Launcher.run(sandbox.env(index), work, "--plan", "install", "pkgA");
        assertEquals(List.of(), markersLeft(), plan.describe());
        assertEquals(0, plan.exit(), plan.describe());
        assertTrue(plan.stderr().contains("pkgA") || plan.stderr().contains("pkga"), plan.describe());
    }

    @Test
    void aVenvRouteAndItsUninstallImportNothingFromTheWorkingFolder() throws IOException {
        plantPython();
        Path venv = tmp.resolve("venv");
        Proc.Result install = Launcher.run(sandbox.env(index), work, "--via=venv", "--venv", venv.toString(),
                "install", "pkgA");
        assertEquals(List.of(), markersLeft(), install.describe());
        assertEquals(0, install.exit(), install.describe());
        assertTrue(Files.isExecutable(venv.resolve("bin/python")), install.describe());

        Proc.Result uninstall = Launcher.run(sandbox.env(index), work, "uninstall", "-y", "pkgA");
        assertEquals(List.of(), markersLeft(), uninstall.describe());
        assertEquals(0, uninstall.exit(), uninstall.describe());
    }

    @Test
    void aRescueImportsNothingFromTheWorkingFolder() throws IOException {
        // A private Python: the rescue moves a package out of it.
        ManagedPython own = ManagedPython.create(tmp.resolve("own"));
        Sandbox mine = Sandbox.in(tmp.resolve("mine"), own);
        Map<String, String> env = mine.env(index);
        Proc.Result broken = Proc.run(List.of(own.python().toString(), "-m", "pip", "install",
                "--break-system-packages", "plain-lib==1.0"), env, tmp, Duration.ofSeconds(120));
        assertEquals(0, broken.exit(), broken.describe());
        // json.py alone first: with it, the rescue's first question to Python (json) would fail and hide the rest.
        plantPython(List.of("json"));
        List<String> ran = new ArrayList<>();
        Proc.Result list = Launcher.run(env, work, "rescue");
        judge(ran, "rescue", list);
        Files.delete(work.resolve("json.py"));
        plantPython(List.of("pip", "venv", "runpy", "sitecustomize", "usercustomize", "site", "ensurepip"));
        Proc.Result moved = Launcher.run(env, work, "rescue", "--yes", "plain-lib");
        judge(ran, "rescue --yes", moved);
        Proc.Result undo = Launcher.run(env, work, "rescue", "--yes", "--undo", "plain-lib");
        judge(ran, "rescue --undo", undo);
        assertEquals(List.of(), ran);
        assertTrue(list.stdout().contains("plain-lib 1.0"), list.describe());
        assertEquals(0, moved.exit(), moved.describe());
        assertEquals(0, undo.exit(), undo.describe());
    }

    /**
     * PATH=":$PATH", ".:$PATH" and "rel:$PATH" with dpkg, apt-get, sudo… in the working folder. Recording sudo and
     * apt-get (which refuse) come next on PATH: they stand for the real ones, so that a root run changes no system
     * package.
     */
    @Test
    void programsPlantedOnPathNeverRun() throws IOException {
        plantPrograms();
        Path fake = Files.createDirectories(tmp.resolve("fake-bin"));
        for (String program : List.of("sudo", "apt-get")) {
            Path file = fake.resolve(program);
            Files.writeString(file, "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + tmp.resolve("fake.log") + "'\nexit 1\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        List<String> ran = new ArrayList<>();
        for (String first : List.of("", ".", "rel")) {
            Map<String, String> env = sandbox.env(index);
            env.put("PATH", first + ":" + fake + ":" + env.get("PATH"));
            for (List<String> args : List.of(List.of("uninstall", "-y", "six"), List.of("--plan", "install", "six"),
                    List.of("--via=apt", "--yes", "install", "six"), List.of("--plan", "rescue"))) {
                Proc.Result result = Launcher.run(env, work, args);
                judge(ran, "PATH=" + first + ":… " + args, result);
                if (args.contains("--via=apt") && result.exit() == 0) {
                    ran.add("PATH=" + first + ":… " + args + " succeeded, yet only a refusing apt-get was there: "
                            + result.describe());
                }
            }
        }
        assertEquals(List.of(), ran);
        if (Files.exists(sandbox.ledger())) {
            String ledger = Files.readString(sandbox.ledger());
            assertFalse(ledger.contains("\"exit\":0"), "nothing is recorded as done: " + ledger);
        }
    }
}
