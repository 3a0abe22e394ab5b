package dev.safepip.system;

import dev.safepip.pip.Requirement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian, Ubuntu and their derivatives. The one manager safepip can question where it is developed and tested:
 * names come from Debian's own table, versions from apt-cache, and specifiers are judged by pip's packaging.
 */
public final class Apt implements PackageManager {
    private final Path aptCache;
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
        this(aptCache, CommandStarter.captured(env), null, cacheDir == null ? null : ownCacheFile(cacheDir));
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
        this(aptCache, helper, map, null);
    }

    Apt(Path aptCache, CommandStarter helper, DebianPackageMap map, Path ownCache) {
        this.aptCache = aptCache;
        this.helper = helper;
        this.map = map;
        this.ownCache = ownCache;
    }

    @Override
    public String name() {
        return "apt";
    }

    @Override
    public List<String> installCommand(List<String> packages, boolean root) {
        return Argv.of(!root, List.of("apt-get", "install"), packages);
    }

    @Override
    public List<String> removeCommand(List<String> packages, boolean root) {
        return Argv.of(!root, List.of("apt-get", "remove"), packages);
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
