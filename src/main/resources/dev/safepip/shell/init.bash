# safepip init: `pip` and `pip3` send install and uninstall through safepip; every other pip command runs the
# real pip directly, with no JVM started. Safe to source twice and in non-interactive shells.
__safepip_bin=@SAFEPIP@

# Is this pip command line an install or uninstall? pip's general options, and the values of those that take
# one, come before the command.
__safepip_guards() {
    local skip= word
    for word in "$@"; do
        if [ -n "$skip" ]; then skip=; continue; fi
        case $word in
            @VALUE_OPTIONS@) skip=1 ;;
            -*) ;;
            install|uninstall) return 0 ;;
            *) return 1 ;;
        esac
    done
    return 1
}

# An alias of the same name would turn the definitions below into something else.
unalias pip pip3 2>/dev/null
pip() {
    if __safepip_guards "$@"; then SAFEPIP_CALLED_AS=pip "$__safepip_bin" "$@"; else command pip "$@"; fi
}
pip3() {
    if __safepip_guards "$@"; then SAFEPIP_CALLED_AS=pip3 "$__safepip_bin" "$@"; else command pip3 "$@"; fi
}
@PATH_LINE@
# Completion: pip's own for pip and pip3; for safepip, its own words and then pip's.
_safepip_pip_completion() {
    COMPREPLY=( $( COMP_WORDS="${COMP_WORDS[*]}" COMP_CWORD=$COMP_CWORD PIP_AUTO_COMPLETE=1 \
        command pip 2>/dev/null ) )
}
_safepip_completion() {
    local cur=${COMP_WORDS[COMP_CWORD]} i word skip= pip_words=(pip) command=
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [ -n "$skip" ]; then skip=; continue; fi
        case $word in
            --via|--venv|--inject) skip=1; continue ;;
            --via=*|--venv=*|--inject=*|--yes|--plan) continue ;;
            -*) ;;
            *) [ -z "$command" ] && command=$word ;;
        esac
        pip_words+=("$word")
    done
    case $command in
        init) COMPREPLY=( $(compgen -W "bash zsh fish --path" -- "$cur") ); return ;;
        @OWN_COMMANDS_CASE@) COMPREPLY=( $(compgen -W "--help" -- "$cur") ); return ;;
    esac
    pip_words+=("$cur")
    COMPREPLY=( $( COMP_WORDS="${pip_words[*]}" COMP_CWORD=$(( ${#pip_words[@]} - 1 )) PIP_AUTO_COMPLETE=1 \
        command pip 2>/dev/null ) )
    if [ -z "$command" ]; then
        COMPREPLY+=( $(compgen -W "@OWN_WORDS@" -- "$cur") )
    fi
}
if command -v complete >/dev/null 2>&1; then
    complete -o default -F _safepip_pip_completion pip pip3
    complete -o default -F _safepip_completion safepip
fi
