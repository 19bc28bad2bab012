/**
 * messer as a library for JVM services: {@link dev.messer.library.Messer} opens a profile with the
 * command line's resolution, {@link dev.messer.library.MesserClient} reads items through the same
 * item service and data key cache the commands use. docs/jvm.md shows both.
 */
package dev.messer.library;
