/**
 * Python interpreters and what is installed in them: the interpreter behind a pip ({@code InterpreterInspector},
 * one probe), venvs and conda, the EXTERNALLY-MANAGED marker ({@code MarkerReader}, read as hostile input),
 * installed distributions' `.dist-info` ({@code DistInfo}) and project names.
 *
 * <p>Never here: routes, or output to the user.
 *
 * <p>May use: core, process.
 */
package dev.safepip.python;
