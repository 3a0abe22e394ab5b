# safepip init: `pip` and `pip3` run safepip's launcher, which runs the real pip straight, with no JVM, whenever
# PEP 668 cannot concern the command (every command but install and uninstall, and those too in a venv or on a
# Python without EXTERNALLY-MANAGED), and starts safepip otherwise: one rule, the launcher's. Safe to source twice
# and in non-interactive shells.

# SAFEPIP_INIT says these functions ran it, in this shell: after an install safepip may then offer to add --path
# to the profile line that loads them.
# The launcher's path is written in, not read from a variable: nothing a script erases or changes can break pip.
function pip --description 'pip, with install and uninstall through safepip when PEP 668 may block them'
    SAFEPIP_CALLED_AS=pip SAFEPIP_INIT=fish @SAFEPIP@ $argv
end
function pip3 --description 'pip3, with install and uninstall through safepip when PEP 668 may block them'
    SAFEPIP_CALLED_AS=pip3 SAFEPIP_INIT=fish @SAFEPIP@ $argv
end
@PATH_LINE@
# Completion: pip's own for pip and pip3; for safepip, its own words and then pip's.
function __safepip_pip_completion
    set -lx COMP_WORDS pip (commandline -o)[2..-1] ""
    set -lx COMP_CWORD (math (count $COMP_WORDS) - 1)
    set -lx PIP_AUTO_COMPLETE 1
    string split ' ' -- (command pip 2>/dev/null)
end
# Once each however often this is sourced. An alias pip (a function that --wraps what it stood for) leaves its
# wrapping behind, which `complete -e` alone keeps: pip would also complete as that command.
for __safepip_cmd in pip pip3 safepip
    for __safepip_wrapped in (complete -c $__safepip_cmd | string replace -rf -- '^complete \S+ --wraps ' '')
        complete -c $__safepip_cmd -e --wraps (string unescape -- $__safepip_wrapped)
    end
    complete -c $__safepip_cmd -e
end
set -e __safepip_cmd __safepip_wrapped
complete -c pip -f -a '(__safepip_pip_completion)'
complete -c pip3 -f -a '(__safepip_pip_completion)'
complete -c safepip -f -a '(__safepip_pip_completion) @OWN_WORDS@'
