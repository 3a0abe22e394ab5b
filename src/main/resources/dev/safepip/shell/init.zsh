# safepip init: `pip` and `pip3` run safepip's launcher, which runs the real pip straight, with no JVM, whenever
# PEP 668 cannot concern the command (every command but install and uninstall, and those too in a venv or on a
# Python without EXTERNALLY-MANAGED), and starts safepip otherwise: one rule, the launcher's, in a clean /bin/sh
# whatever this shell's options. Safe to source or eval twice, in interactive and non-interactive shells, under
# err_exit, err_return, nounset and pipe_fail: every command here that may fail says what failing means (`|| :`), and
# no variable is read that may be unset.

# An alias would win over the functions when called: it goes, each name on its own, and no alias is no error.
# `function NAME {`, unlike `NAME() {`, is never read as an alias, and eval parses all of this before it runs any.
unalias pip 2>/dev/null || :
unalias pip3 2>/dev/null || :
# SAFEPIP_INIT says these functions ran it, in this shell: after an install safepip may then offer to add --path
# to the profile line that loads them.
# The launcher's path is written in, not read from a variable: nothing a script unsets or changes can break pip.
function pip {
    SAFEPIP_CALLED_AS=pip SAFEPIP_INIT=zsh @SAFEPIP@ "$@"
}
function pip3 {
    SAFEPIP_CALLED_AS=pip3 SAFEPIP_INIT=zsh @SAFEPIP@ "$@"
}
@PATH_LINE@
# Completion (zsh's compctl, as pip's own): pip's for pip and pip3; for safepip, its own words too.
# They run with the shell's options: no pip is an empty answer, not an error.
function _safepip_pip_completion {
    local words cword
    read -Ac words
    read -cn cword
    reply=( $( COMP_WORDS="pip ${words[2,-1]}" COMP_CWORD=$(( cword - 1 )) PIP_AUTO_COMPLETE=1 \
        command pip 2>/dev/null || : ) )
}
function _safepip_completion {
    _safepip_pip_completion
    reply+=( @OWN_WORDS@ )
}
if (( $+builtins[compctl] )) || zmodload -i zsh/compctl 2>/dev/null; then
    compctl -K _safepip_pip_completion pip pip3
    compctl -K _safepip_completion safepip
fi
