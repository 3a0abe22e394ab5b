package dev.safepip.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * One logical line of a requirements file, cut as pip cuts it (src/pip/_internal/req/req_file.py:
 * break_args_options, then shlex.split and optparse over the options that build_parser knows): the requirement
 * before the first word that starts with `-`, and the first -e, -r and -c value after it.
 *
 * @param args        the requirement, or empty on an options line
 * @param editable    the first -e value, or null
 * @param requirement the first -r value, or null
 * @param constraint  the first -c value, or null
 * @param problem     why pip refuses the line (an unknown option, a quote left open), or null
 */
record RequirementLine(String args, String editable, String requirement, String constraint, String problem) {

    /** Long options a requirements file may hold (SUPPORTED_OPTIONS and SUPPORTED_OPTIONS_REQ, old pips' too). */
    private static final String[] LONG_WITH_VALUE = {"--index-url", "--pypi-url", "--extra-index-url", "--constraint",
        "--requirement", "--editable", "--find-links", "--no-binary", "--only-binary", "--all-releases",
        "--only-final", "--trusted-host", "--use-feature", "--hash", "--config-settings", "--global-option",
        "--install-option"};
    private static final String[] LONG_FLAGS = {"--no-index", "--prefer-binary", "--require-hashes",
        "--no-require-hashes", "--pre"};
    /** Short options, all taking a value: -i, -c, -r, -e, -f, -C. */
    private static final String SHORT_WITH_VALUE = "icrefC";

    static RequirementLine parse(String line) {
        // break_args_options: words split on single spaces; the args end at the first word starting with "-".
        // Cut by hand where the first such word starts: the words between keep their spaces, as after the join.
        int cut = line.length();
        for (int start = 0; start <= line.length(); ) {
            if (line.startsWith("-", start)) {
                cut = start;
                break;
            }
            int space = line.indexOf(' ', start);
            if (space < 0) {
                break;
            }
            start = space + 1;
        }
        String args = cut == 0 ? "" : line.substring(0, cut == line.length() ? cut : cut - 1);
        String options = line.substring(cut);
        List<String> words = shlexSplit(options);
        if (words == null) {
            return new RequirementLine(args, null, null, null, "a quote is not closed");
        }
        String editable = null;
        String requirement = null;
        String constraint = null;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String option;
            String value = null;
            if (word.equals("--")) {
                break;
            } else if (word.startsWith("--")) {
                int equals = word.indexOf('=');
                String given = equals < 0 ? word : word.substring(0, equals);
                option = longOption(given);
                if (option == null) {
                    return new RequirementLine(args, null, null, null, "no such option " + given + " (pip refuses it)");
                }
                boolean takesValue = contains(LONG_WITH_VALUE, option);
                if (equals >= 0) {
                    if (!takesValue) {
                        return new RequirementLine(args, null, null, null, option + " takes no value");
                    }
                    value = word.substring(equals + 1);
                } else if (takesValue) {
                    if (i + 1 >= words.size()) {
                        return new RequirementLine(args, null, null, null, option + " needs a value");
                    }
                    value = words.get(++i);
                }
            } else if (word.startsWith("-") && word.length() > 1) {
                // A short option takes the rest of its word as its value (-rfile), else the next word.
                char letter = word.charAt(1);
                if (SHORT_WITH_VALUE.indexOf(letter) < 0) {
                    return new RequirementLine(args, null, null, null, "no such option -" + letter + " (pip refuses it)");
                }
                option = "-" + letter;
                if (word.length() > 2) {
                    value = word.substring(2);
                } else if (i + 1 < words.size()) {
                    value = words.get(++i);
                } else {
                    return new RequirementLine(args, null, null, null, option + " needs a value");
                }
            } else {
                // A word that is no option: optparse keeps it aside, and pip ignores it.
                continue;
            }
            if ((option.equals("-e") || option.equals("--editable")) && editable == null) {
                editable = value;
            } else if ((option.equals("-r") || option.equals("--requirement")) && requirement == null) {
                requirement = value;
            } else if ((option.equals("-c") || option.equals("--constraint")) && constraint == null) {
                constraint = value;
            }
        }
        return new RequirementLine(args, editable, requirement, constraint, null);
    }

    /** The long option given or abbreviated (optparse takes any prefix of one option only), or null. */
    private static String longOption(String given) {
        String found = null;
        for (String[] table : new String[][] {LONG_WITH_VALUE, LONG_FLAGS}) {
            for (String option : table) {
                if (option.equals(given)) {
                    return shortOf(option);
                }
            }
        }
        for (String[] table : new String[][] {LONG_WITH_VALUE, LONG_FLAGS}) {
            for (String option : table) {
                if (option.startsWith(given) && given.length() > 2) {
                    if (found != null) {
                        return null;
                    }
                    found = option;
                }
            }
        }
        return found == null ? null : shortOf(found);
    }

    /** The short name of the options that matter here, so that both spellings are handled as one. */
    private static String shortOf(String option) {
        return switch (option) {
            case "--editable" -> "-e";
            case "--requirement" -> "-r";
            case "--constraint" -> "-c";
            default -> option;
        };
    }

    private static boolean contains(String[] table, String option) {
        for (String entry : table) {
            if (entry.equals(option) || shortOf(entry).equals(option)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Python's shlex.split (POSIX mode, no comments): words split on white space, quotes removed, backslashes
     * escaping outside single quotes. Null when a quote or escape is left open (pip: "Could not split options").
     */
    static List<String> shlexSplit(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '\\') {
                if (++i >= text.length()) {
                    return null;
                }
                word.append(text.charAt(i));
                inWord = true;
            } else if (c == '\'') {
                int close = text.indexOf('\'', i + 1);
                if (close < 0) {
                    return null;
                }
                word.append(text, i + 1, close);
                i = close;
                inWord = true;
            } else if (c == '"') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != '"') {
                    char d = text.charAt(j);
                    if (d == '\\' && j + 1 < text.length() && (text.charAt(j + 1) == '"' || text.charAt(j + 1) == '\\')) {
                        j++;
                        d = text.charAt(j);
                    }
                    word.append(d);
                    j++;
                }
                if (j >= text.length()) {
                    return null;
                }
                i = j;
                inWord = true;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** pip's SCHEME_RE, `^(http|https|file):` in any case. */
    static boolean isUrl(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("file:");
    }

    /**
     * The name of a requirement the plain form does not match: `name[extras] @ url` (PEP 508), a URL or path with
     * an #egg= fragment, or a wheel's file name (`name-version-…whl`). Null when only building it would tell.
     */
    static String nameOfUnnamed(String text) {
        String trimmed = RequirementText.strip(text);
        int at = trimmed.indexOf('@');
        if (at > 0) {
            String before = RequirementText.strip(trimmed.substring(0, at));
            int bracket = before.indexOf('[');
            String name = RequirementText.strip(bracket < 0 ? before : before.substring(0, bracket));
            if (isName(name) && !trimmed.substring(0, at).contains("/")) {
                return name;
            }
        }
        String egg = eggName(trimmed);
        if (egg != null) {
            return egg;
        }
        // A URL's marker follows "; ", a path's ";" (pip's install_req_from_line); then the file name.
        int marker = trimmed.indexOf(isUrl(trimmed) || trimmed.contains("://") ? "; " : ";");
        String location = marker < 0 ? trimmed : RequirementText.strip(trimmed.substring(0, marker));
        int hash = location.indexOf('#');
        if (hash >= 0) {
            location = location.substring(0, hash);
        }
        int query = location.indexOf('?');
        if (query >= 0 && location.contains("://")) {
            location = location.substring(0, query);
        }
        String file = location.substring(location.lastIndexOf('/') + 1);
        if (file.length() > 4 && file.regionMatches(true, file.length() - 4, ".whl", 0, 4)) {
            int dash = file.indexOf('-');
            String name = dash < 0 ? null : file.substring(0, dash);
            return isName(name) ? name : null;
        }
        return null;
    }

    /** The #egg=NAME fragment of a URL or path (an editable VCS URL names its project so), or null. */
    static String eggName(String text) {
        int at = text.indexOf("#egg=");
        if (at < 0) {
            at = text.indexOf("&egg=");
        }
        if (at < 0) {
            return null;
        }
        int end = at + 5;
        while (end < text.length() && text.charAt(end) != '&' && text.charAt(end) != ' ' && text.charAt(end) != ';') {
            end++;
        }
        String name = text.substring(at + 5, end);
        return isName(name) ? name : null;
    }

    /** A project name as PEP 508 allows one: letters, digits, `.`, `_`, `-`, starting and ending on an alphanumeric. */
    private static boolean isName(String name) {
        if (name == null || name.isEmpty() || !isAlnum(name.charAt(0)) || !isAlnum(name.charAt(name.length() - 1))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isAlnum(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
