# safepip init: `pip` and `pip3` run safepip's launcher, which runs the real pip straight, with no JVM, whenever
# PEP 668 cannot concern the command (every command but install and uninstall, and those too in a venv or on a
# Python without EXTERNALLY-MANAGED), and starts safepip otherwise: one rule, the launcher's, in a clean /bin/sh
# whatever this shell's options. Safe to source twice and in non-interactive shells.
typeset -g __safepip_bin=@SAFEPIP@

# An alias of the same name would turn the definitions below into something else.
unalias pip pip3 2>/dev/null
pip() {
    SAFEPIP_CALLED_AS=pip "$__safepip_bin" "$@"
}
pip3() {
    SAFEPIP_CALLED_AS=pip3 "$__safepip_bin" "$@"
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
