/**
 * One command's way through: {@code Safepip} sends safepip's own words to {@code cli/} and pip's to
 * {@code Pep668Gate}; a command PEP 668 does not concern runs as pip ({@code PassThrough}, which must stay cheap);
 * a blocked one goes to {@code BlockedInstall}: {@code Planner} builds the plan, {@code Chooser} picks a way (or
 * previews it for `--plan`), and a route executor runs it.
 *
 * <p>The pass-through and blocked paths load no regex, lambda, stream or thread pool ({@code ColdPathIT}).
 *
 * <p>May use: cli, config, core, pip, plan, process, python, route, system, ui.
 */
package dev.safepip.run;
