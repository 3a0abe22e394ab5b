package dev.safepip.system;

import dev.safepip.pip.Requirement;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the Debian package for each requirement and checks its version, with one apt-cache process for all of
 * them and at most one interpreter process for all the specifiers. The order is the one that works best in
 * practice: Debian's table (exact where it knows the name), then python3-&lt;name&gt; unless the table gives
 * that package to another project, then the Python package built from a source package named after the project.
 */
final class DebianResolver {
    /** A package found, or why none was: exactly one of the two is set. */
    private record Choice(AptCache.Entry entry, String problem) {
    }

    private final DebianPackageMap map;
    private final AptCache aptCache;
    private final SpecifierCheck specifiers;

    DebianResolver(DebianPackageMap map, AptCache aptCache, SpecifierCheck specifiers) {
        this.map = map;
        this.aptCache = aptCache;
        this.specifiers = specifiers;
    }

    /** The mapping alone, without asking apt: Debian's table, else python3-&lt;name&gt; unless that is taken. */
    String packageFor(String pypiName) {
        String name = PypiName.normalize(pypiName);
        String listed = map.packageFor(name);
        if (listed != null) {
            return listed;
        }
        String guess = "python3-" + name;
        return PypiName.plain(name) && !map.belongsToOthers(guess, name) ? guess : null;
    }

    /**
     * @param python the interpreter whose pip's packaging judges the specifiers; only started when some
     *               requirement has one and a package was found for it
     */
    List<SystemPackage> resolve(List<Requirement> requirements, Path python) {
        Set<String> packages = new LinkedHashSet<>();
        Set<String> sources = new LinkedHashSet<>();
        for (Requirement requirement : requirements) {
            String name = usableName(requirement);
            if (name == null) {
                continue;
            }
            String listed = map.packageFor(name);
            // The table's package may be missing from this release (the copy is bookworm's): python3-<name> is
            // asked too, being nearly free. The source pattern is not: apt matches it against every package,
            // about a second for fifty names, so it is kept for the names the table does not know.
            if (listed != null) {
                packages.add(listed);
            } else {
                sources.add(name);
            }
            packages.add("python3-" + name);
        }
        Map<String, AptCache.Entry> known;
        String aptProblem = null;
        try {
            known = aptCache.show(packages, sources);
        } catch (IOException e) {
            known = Map.of();
            aptProblem = e.getMessage();
        }

        List<SystemPackage> results = new ArrayList<>();
        List<SpecifierCheck.Question> questions = new ArrayList<>();
        List<Integer> asking = new ArrayList<>();
        for (Requirement requirement : requirements) {
            String name = usableName(requirement);
            if (name == null) {
                String problem = requirement.named() ? requirement.name() + " cannot be a Debian package name"
                        : requirement.text().strip() + " is not a package name; apt installs packages by name";
                results.add(new SystemPackage(requirement.text(), requirement.name(), null, null, problem));
                continue;
            }
            if (aptProblem != null) {
                results.add(new SystemPackage(requirement.text(), requirement.name(), null, null, aptProblem));
                continue;
            }
            Choice choice = choose(name, requirement.name(), known);
            if (choice.problem() != null) {
                results.add(new SystemPackage(requirement.text(), requirement.name(), null, null,
                        choice.problem()));
                continue;
            }
            AptCache.Entry entry = choice.entry();
            String version = DebianVersion.pypi(entry.version(), name, requirement.specifier());
            if (version == null) {
                // Never a wrong yes or no: a version on another scheme is said so.
                results.add(new SystemPackage(requirement.text(), requirement.name(), entry.packageName(),
                        DebianVersion.upstream(entry.version()), "cannot tell which " + requirement.name()
                        + " version Debian's " + entry.version() + " is"));
                continue;
            }
            results.add(new SystemPackage(requirement.text(), requirement.name(), entry.packageName(), version,
                    null));
            if (!requirement.specifier().isBlank()) {
                questions.add(new SpecifierCheck.Question(version, requirement.specifier()));
                asking.add(results.size() - 1);
            }
        }
        judge(results, questions, asking, python);
        return results;
    }

    /** Puts the specifier verdicts into the results: a version out of range refuses the package. */
    private void judge(List<SystemPackage> results, List<SpecifierCheck.Question> questions, List<Integer> asking,
                       Path python) {
        if (questions.isEmpty()) {
            return;
        }
        List<SpecifierCheck.Verdict> verdicts = null;
        String failure = null;
        if (python == null) {
            failure = "no Python to check versions with";
        } else {
            try {
                verdicts = specifiers.check(python, questions);
            } catch (IOException e) {
                failure = e.getMessage();
            }
        }
        for (int i = 0; i < questions.size(); i++) {
            int at = asking.get(i);
            SystemPackage found = results.get(at);
            String specifier = questions.get(i).specifier();
            String problem = failure != null
                    ? "cannot check " + found.packageName() + " " + found.version() + " against " + specifier + ": "
                            + failure
                    : switch (verdicts.get(i)) {
                        case SATISFIED -> null;
                        case NOT_SATISFIED -> found.packageName() + " is " + found.version()
                                + ", which does not satisfy " + specifier;
                        case BAD_VERSION -> found.packageName() + "'s version " + found.version()
                                + " is not a PEP 440 version; it cannot be checked against " + specifier;
                        case BAD_SPECIFIER -> specifier + " is not a valid version specifier";
                    };
            if (problem != null) {
                results.set(at, new SystemPackage(found.requirement(), found.name(), found.packageName(),
                        found.version(), problem));
            }
        }
    }

    /** @param shown the name as the user wrote it, for the messages */
    private Choice choose(String name, String shown, Map<String, AptCache.Entry> known) {
        String listed = map.packageFor(name);
        if (listed != null && known.containsKey(listed)) {
            return new Choice(known.get(listed), null);
        }
        AptCache.Entry guess = known.get("python3-" + name);
        if (guess != null && !map.belongsToOthers(guess.packageName(), name)) {
            return new Choice(guess, null);
        }
        List<AptCache.Entry> built = new ArrayList<>();
        for (AptCache.Entry entry : known.values()) {
            if (fromSourceOf(entry, name) && entry.packageName().startsWith("python3-")
                    && !entry.packageName().endsWith("-dbg") && !map.belongsToOthers(entry.packageName(), name)) {
                built.add(entry);
            }
        }
        AptCache.Entry main = shortestPrefixOfAll(built);
        if (main != null) {
            return new Choice(main, null);
        }
        if (!built.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (AptCache.Entry entry : built) {
                names.add(entry.packageName());
            }
            return new Choice(null, "Debian splits " + shown + " into several packages (" + String.join(", ", names)
                    + "); install the ones you need with apt");
        }
        if (guess != null) {
            return new Choice(null, guess.packageName() + " is not " + shown + " but another project ("
                    + String.join(", ", map.namesShippedBy(guess.packageName())) + ")");
        }
        return new Choice(null, "no Debian package for " + shown);
    }

    /** Whether an entry comes from a source package named &lt;name&gt;, python-&lt;name&gt; or python3-&lt;name&gt;. */
    private static boolean fromSourceOf(AptCache.Entry entry, String name) {
        String source = PypiName.normalize(entry.source());
        return source.equals(name) || source.equals("python-" + name) || source.equals("python3-" + name);
    }

    /** python3-pil beside python3-pil.imagetk: the one whose name starts all the others is the project itself. */
    private static AptCache.Entry shortestPrefixOfAll(List<AptCache.Entry> entries) {
        AptCache.Entry shortest = null;
        for (AptCache.Entry entry : entries) {
            if (shortest == null || entry.packageName().length() < shortest.packageName().length()) {
                shortest = entry;
            }
        }
        for (AptCache.Entry entry : entries) {
            if (!entry.packageName().startsWith(shortest.packageName())) {
                return null;
            }
        }
        return shortest;
    }

    /** The normalized name when it can go into apt's arguments, else null. */
    private static String usableName(Requirement requirement) {
        if (!requirement.named()) {
            return null;
        }
        String name = PypiName.normalize(requirement.name());
        return PypiName.plain(name) ? name : null;
    }
}
