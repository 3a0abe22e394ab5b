/**
 * Reading a wheel without installing it: its zip directory and the few members the look needs, from a local file
 * or over HTTP byte ranges ({@code HttpRangeBytes}, credentials from .netrc), each range read once.
 *
 * <p>Pure reading of bytes: no processes, no knowledge of routes.
 *
 * <p>May use: core (bounded reads).
 */
package dev.safepip.wheel;
