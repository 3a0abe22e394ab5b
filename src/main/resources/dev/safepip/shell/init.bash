# safepip init: `pip` and `pip3` run safepip's launcher, which runs the real pip straight, with no JVM, whenever
# PEP 668 cannot concern the command (every command but install and uninstall, and those too in a venv or on a
# Python without EXTERNALLY-MANAGED), and starts safepip otherwise: one rule, the launcher's, in a clean /bin/sh
# whatever this shell's options. Safe to source or eval twice, in interactive and non-interactive shells, under
# set -e, -u and -o pipefail: every command here that may fail says what failing means (`|| :`), and no variable is
# read that may be unset.

# An alias would win over the functions when called: it goes, each name on its own, and no alias is no error.
# `function NAME {`, unlike `NAME() {`, is never read as an alias while it is parsed.
unalias pip 2>/dev/null || :
unalias pip3 2>/dev/null || :
# SAFEPIP_INIT says these functions ran it, in this shell: after an install safepip may then offer to add --path
# to the profile line that loads them.
# The launcher's path is written in, not read from a variable: nothing a script unsets or changes can break pip.
function pip {
    SAFEPIP_CALLED_AS=pip SAFEPIP_INIT=bash @SAFEPIP@ "$@"
}
function pip3 {
    SAFEPIP_CALLED_AS=pip3 SAFEPIP_INIT=bash @SAFEPIP@ "$@"
}
@PATH_LINE@
# Completion: pip's own for pip and pip3; for safepip, its own words and then pip's.
# They run with the shell's options: no match (compgen's 1) and no pip are empty answers, not errors.
function _safepip_pip_completion {
    COMPREPLY=( $( COMP_WORDS="${COMP_WORDS[*]-}" COMP_CWORD=${COMP_CWORD-0} PIP_AUTO_COMPLETE=1 \
        command pip 2>/dev/null || : ) )
}
function _safepip_completion {
    local cur=${COMP_WORDS[COMP_CWORD]-} i word skip= pip_words=(pip) command=
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]-}
        if [ -n "$skip" ]; then skip=; continue; fi
        case $word in
            @OWN_VALUE_OPTIONS_CASE@) skip=1; continue ;;
            @OWN_SKIPPED_CASE@) continue ;;
            -*) ;;
            *) [ -z "$command" ] && command=$word ;;
        esac
        pip_words+=("$word")
    done
    case $command in
        init) COMPREPLY=( $(compgen -W "bash zsh fish --path" -- "$cur" || :) ); return ;;
        @OWN_COMMANDS_CASE@) COMPREPLY=( $(compgen -W "--help" -- "$cur" || :) ); return ;;
    esac
    pip_words+=("$cur")
    COMPREPLY=( $( COMP_WORDS="${pip_words[*]}" COMP_CWORD=$(( ${#pip_words[@]} - 1 )) PIP_AUTO_COMPLETE=1 \
        command pip 2>/dev/null || : ) )
    if [ -z "$command" ]; then
        COMPREPLY+=( $(compgen -W "@OWN_WORDS@" -- "$cur" || :) )
    fi
}
if command -v complete >/dev/null 2>&1; then
    complete -o default -F _safepip_pip_completion pip pip3
    complete -o default -F _safepip_completion safepip
fi
