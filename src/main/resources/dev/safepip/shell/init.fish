# safepip init: `pip` and `pip3` send install and uninstall through safepip; every other pip command runs the
# real pip directly, with no JVM started. Safe to source twice and in non-interactive shells.
set -g __safepip_bin @SAFEPIP@

# Is this pip command line an install or uninstall? pip's general options, and the values of those that take
# one, come before the command.
function __safepip_guards
    set -l skip 0
    for word in $argv
        if test $skip = 1
            set skip 0
            continue
        end
        switch $word
            case @VALUE_OPTIONS_FISH@
                set skip 1
            case '-*'
            case install uninstall
                return 0
            case '*'
                return 1
        end
    end
    return 1
end

function pip --description 'pip, with install and uninstall through safepip'
    if __safepip_guards $argv
        SAFEPIP_CALLED_AS=pip $__safepip_bin $argv
    else
        command pip $argv
    end
end
function pip3 --description 'pip3, with install and uninstall through safepip'
    if __safepip_guards $argv
        SAFEPIP_CALLED_AS=pip3 $__safepip_bin $argv
    else
        command pip3 $argv
    end
end
@PATH_LINE@
# Completion: pip's own for pip and pip3; for safepip, its own words and then pip's.
function __safepip_pip_completion
    set -lx COMP_WORDS pip (commandline -o)[2..-1] ""
    set -lx COMP_CWORD (math (count $COMP_WORDS) - 1)
    set -lx PIP_AUTO_COMPLETE 1
    string split ' ' -- (command pip 2>/dev/null)
end
complete -c pip -e
complete -c pip3 -e
complete -c safepip -e
complete -c pip -f -a '(__safepip_pip_completion)'
complete -c pip3 -f -a '(__safepip_pip_completion)'
complete -c safepip -f -a '(__safepip_pip_completion) @OWN_WORDS@'
