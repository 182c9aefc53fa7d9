package io.shardrun.cli;
public class Main { public static void main(String[] a) {} }
