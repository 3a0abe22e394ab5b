package dev.safepip.system;

import dev.safepip.pip.Requirement;
import dev.safepip.process.CapturedCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian, Ubuntu and their derivatives. The one manager safepip can question where it is developed and tested:
 * names come from Debian's own table, versions from apt-cache, and specifiers are judged by pip's packaging.
 */
public final class Apt implements PackageManager {
    private final Path aptCache;
    private final Path aptGet;
    private final CommandStarter helper;
    private final Path ownCache;
    private DebianPackageMap map;

    /**
     * @param aptCache the apt-cache to ask, or null when there is none (then nothing can be resolved)
     * @param env      the environment for apt-cache and the interpreter
     */
    public Apt(Path aptCache, Map<String, String> env) {
        this(aptCache, env, null);
    }

    /** @param cacheDir safepip's cache folder, where apt may keep a package cache when the system keeps none */
    public Apt(Path aptCache, Map<String, String> env, Path cacheDir) {
        this(aptCache, null, env, cacheDir);
    }

    /** @param aptGet the apt-get found on PATH (safe entries only), asked to simulate; null when there is none */
    public Apt(Path aptCache, Path aptGet, Map<String, String> env, Path cacheDir) {
        this(aptCache, aptGet, CommandStarter.captured(env), null,
                cacheDir == null ? null : ownCacheFile(cacheDir));
    }

    /** Where apt keeps its package cache for safepip, in safepip's cache folder, when the system keeps none. */
    public static Path ownCacheFile(Path cacheDir) {
        return cacheDir.resolve("apt").resolve("pkgcache.bin");
    }

    /** The system's own apt package cache; where it exists, safepip makes none. */
    public static Path systemCacheFile() {
        return AptCache.SYSTEM_CACHE;
    }

    Apt(Path aptCache, CommandStarter helper, DebianPackageMap map) {
        this(aptCache, null, helper, map, null);
    }

    Apt(Path aptCache, CommandStarter helper, DebianPackageMap map, Path ownCache) {
        this(aptCache, null, helper, map, ownCache);
    }

    Apt(Path aptCache, Path aptGet, CommandStarter helper, DebianPackageMap map, Path ownCache) {
        this.aptCache = aptCache;
        this.aptGet = aptGet;
        this.helper = helper;
        this.map = map;
        this.ownCache = ownCache;
    }

    @Override
    public String name() {
        return "apt";
    }

    /**
     * `-y`: safepip asks the one question itself (the menu, --via=apt, --yes, or its own question about what apt
     * would also remove, from {@link #simulate}); apt asking again would read no answer without a terminal and
     * abort, or ask twice on one.
     */
    @Override
    public List<String> installCommand(List<String> packages, boolean root) {
        return Argv.of(!root, List.of("apt-get", "install", "-y"), packages);
    }

    @Override
    public List<String> removeCommand(List<String> packages, boolean root) {
        return Argv.of(!root, List.of("apt-get", "remove", "-y"), packages);
    }

    /** The simulation as the plan shows it (apt-get by name; {@link #simulate} runs the one found on PATH). */
    public List<String> simulateCommand(String verb, List<String> packages) {
        List<String> argv = new ArrayList<>(List.of("apt-get", "-s", verb, "--"));
        argv.addAll(packages);
        return argv;
    }

    /**
     * What apt would do: `apt-get -s VERB -- PACKAGES`, which needs no root and changes nothing.
     *
     * @param verb install or remove
     * @throws IOException when apt-get is missing, cannot start, or refuses (an unknown package)
     */
    public AptSimulation simulate(String verb, List<String> packages) throws IOException {
        if (aptGet == null) {
            throw new IOException("apt-get is not on PATH");
        }
        for (String name : packages) {
            if (!AptSimulation.isPackageName(name)) {
                throw new IOException(name + " is not a Debian package name");
            }
        }
        List<String> argv = new ArrayList<>(simulateCommand(verb, packages));
        argv.set(0, aptGet.toString());
        CapturedCommand.Result result = helper.run(argv, Duration.ofSeconds(120));
        if (!result.ok()) {
            String said = result.stderr().strip();
            int last = said.lastIndexOf('\n');
            throw new IOException("apt-get -s " + verb + " failed" + (result.timedOut() ? " (no answer)"
                    : said.isEmpty() ? " (exit code " + result.exit() + ")" : ": " + said.substring(last + 1)));
        }
        return AptSimulation.parse(result.stdout());
    }

    @Override
    public String packageFor(String pypiName) {
        return resolver().packageFor(pypiName);
    }

    @Override
    public boolean canCheckVersions() {
        return aptCache != null;
    }

    /** One apt-cache process for all requirements, and one interpreter process when some carry a specifier. */
    @Override
    public List<SystemPackage> resolve(List<Requirement> requirements, Path python) {
        if (aptCache == null) {
            List<SystemPackage> results = new ArrayList<>();
            for (Requirement requirement : requirements) {
                results.add(new SystemPackage(requirement.text(), requirement.name(), null, null,
                        "apt-cache is not on PATH"));
            }
            return results;
        }
        return resolver().resolve(requirements, python);
    }

    /** The table is read on first use only: most runs of safepip never get to the system route. */
    private DebianResolver resolver() {
        if (map == null) {
            map = DebianPackageMap.load();
        }
        return new DebianResolver(map, new AptCache(aptCache, helper, ownCache), new SpecifierCheck(helper));
    }
}
