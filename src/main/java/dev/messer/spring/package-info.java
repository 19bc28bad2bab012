/**
 * The Spring Boot config-data import {@code spring.config.import=messer:BAG/ITEM}: the one package
 * that imports Spring (ArchitectureTest), compiled against Spring Boot 3.5 and run on 3.5 and 4.0.
 * It reads through {@link dev.messer.library.Messer}; docs/jvm.md shows it.
 */
package dev.messer.spring;
