# safepip init: `pip` and `pip3` send install and uninstall through safepip; every other pip command runs the
# real pip directly, with no JVM started. Safe to source twice and in non-interactive shells.
typeset -g __safepip_bin=@SAFEPIP@

# Is this pip command line an install or uninstall? pip's general options, and the values of those that take
# one, come before the command.
__safepip_guards() {
    local skip= word
    for word in "$@"; do
        if [[ -n $skip ]]; then skip=; continue; fi
        case $word in
            (@VALUE_OPTIONS@) skip=1 ;;
            (-*) ;;
            (install|uninstall) return 0 ;;
            (*) return 1 ;;
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
# Completion (zsh's compctl, as pip's own): pip's for pip and pip3; for safepip, its own words too.
_safepip_pip_completion() {
    local words cword
    read -Ac words
    read -cn cword
    reply=( $( COMP_WORDS="pip ${words[2,-1]}" COMP_CWORD=$(( cword - 1 )) PIP_AUTO_COMPLETE=1 \
        command pip 2>/dev/null ) )
}
_safepip_completion() {
    _safepip_pip_completion
    reply+=( @OWN_WORDS@ )
}
if (( $+builtins[compctl] )) || zmodload -i zsh/compctl 2>/dev/null; then
    compctl -K _safepip_pip_completion pip pip3
    compctl -K _safepip_completion safepip
fi
