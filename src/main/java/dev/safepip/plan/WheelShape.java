package dev.safepip.plan;

import dev.safepip.system.DebianJudgement;
import dev.safepip.wheel.WheelContents;
import dev.safepip.wheel.ZipDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The facts about one wheel that tell an application from a library, as read from its central directory, its
 * entry_points.txt and its METADATA's classifiers, plus Debian's name for it.
 *
 * @param consoleScripts the [console_scripts] names
 * @param guiScripts     the [gui_scripts] names
 * @param dataScripts    the files under &lt;name&gt;-&lt;version&gt;.data/scripts/
 * @param pythonBytes    the size of its importable code (.py and extension modules outside .dist-info/.data; not
 *                       .pyi stubs, which are never run: pyright carries 12 MB of typeshed's for its checker)
 * @param programBytes   the size of the programs it carries (.data/scripts, files in a bin/ folder, and .js files,
 *                       which Node runs: pyright's checker is one)
 * @param biggestProgram the largest of those programs, or null
 * @param ownFiles       whether it has any file outside its .dist-info (a metapackage has none)
 * @param classifiers    its Trove classifiers
 * @param debianPackage  the package Debian's table ships it in, or null when the table does not list it
 * @param debianCommand  the package Debian ships its command alone in, or null when there is none
 */
public record WheelShape(String project, List<String> consoleScripts, List<String> guiScripts,
                         List<String> dataScripts, long pythonBytes, long programBytes, String biggestProgram,
                         boolean ownFiles, List<String> classifiers, String debianPackage,
                         DebianJudgement.Command debianCommand) {

    public static WheelShape of(String project, WheelContents contents, List<String> classifiers,
                                String debianPackage) {
        return of(project, contents, classifiers, debianPackage, null);
    }

    public static WheelShape of(String project, WheelContents contents, List<String> classifiers,
                                String debianPackage, DebianJudgement.Command debianCommand) {
        Map<String, List<String>> entryPoints = entryPoints(contents.entryPoints());
        List<String> dataScripts = new ArrayList<>();
        long python = 0;
        long programs = 0;
        long biggest = -1;
        String biggestName = null;
        boolean own = false;
        for (ZipDirectory.Entry entry : contents.entries()) {
            String name = entry.name();
            int slash = name.indexOf('/');
            String top = slash < 0 ? name : name.substring(0, slash);
            if (name.endsWith("/") || top.endsWith(".dist-info")) {
                continue;
            }
            own = true;
            boolean script = top.endsWith(".data") && name.startsWith(top + "/scripts/");
            String lower = name.toLowerCase(Locale.ROOT);
            if (script) {
                dataScripts.add(name.substring(name.lastIndexOf('/') + 1));
            } else if (top.endsWith(".data")) {
                continue;
            } else if (lower.endsWith(".py") || lower.endsWith(".so")
                    || lower.endsWith(".pyd") || lower.contains(".so.")) {
                python += entry.size();
                continue;
            } else if (!name.contains("/bin/") && !lower.endsWith(".js")) {
                continue;
            }
            programs += entry.size();
            if (entry.size() > biggest) {
                biggest = entry.size();
                biggestName = name;
            }
        }
        return new WheelShape(project, entryPoints.getOrDefault("console_scripts", List.of()),
                entryPoints.getOrDefault("gui_scripts", List.of()), dataScripts, python, programs, biggestName, own,
                classifiers, debianPackage, debianCommand);
    }

    /** Every command the wheel installs, each once, in the order found. */
    public List<String> commands() {
        List<String> all = new ArrayList<>();
        for (List<String> names : List.of(consoleScripts, guiScripts, dataScripts)) {
            for (String name : names) {
                if (!all.contains(name)) {
                    all.add(name);
                }
            }
        }
        return all;
    }

    /**
     * Section name to its entry names, read leniently (the names' case kept): a broken line costs that line,
     * not the look.
     */
    static Map<String, List<String>> entryPoints(String text) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        if (text == null) {
            return sections;
        }
        List<String> current = null;
        for (String line : text.split("\r\n|\n|\r")) {
            String s = line.strip();
            if (s.startsWith("[") && s.endsWith("]")) {
                current = sections.computeIfAbsent(s.substring(1, s.length() - 1).strip(), k -> new ArrayList<>());
            } else if (current != null && !s.isEmpty() && !s.startsWith("#") && !s.startsWith(";")
                    && s.indexOf('=') > 0) {
                current.add(s.substring(0, s.indexOf('=')).strip());
            }
        }
        return sections;
    }
}
