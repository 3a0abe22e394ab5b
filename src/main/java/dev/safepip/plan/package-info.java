/**
 * A blocked command's plan as a value: the situation ({@code Facts}), every way out ({@code Route}: venv, pipx,
 * the system package manager, --break-system-packages) with its availability, reason and exact argv, and the
 * recommendation with the signal that decided it ({@code Recommender}, {@code KindClassifier}).
 *
 * <p>What `--plan` prints and what a run does are both read from one {@code Plan}, built once; executors in
 * {@code route/} run its commands and decide nothing. The look at a package ({@code WheelLocator},
 * {@code AppDetector}) asks pip and reads wheels through {@code process/} and {@code wheel/}; nothing here writes.
 *
 * <p>May use: config, core, pip, process, python, system, wheel.
 */
package dev.safepip.plan;
