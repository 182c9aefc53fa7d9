package io.shardrun.core.suite;

/**
 * One file of a suite as stored: its path relative to the suite root and its ConfigMap key.
 *
 * @param path '/'-separated, relative to the suite root, any Unicode
 * @param key the ConfigMap key holding it ({@code [-._a-zA-Z0-9]} only)
 * @param content the file's text (UTF-8)
 */
public record SuiteFile(String path, String key, String content) {}
