package dev.messer.output;

/** Renders environment variables as text for a reader of one kind (a shell, dotenv, docker). */
interface VariableFormatter {

    String render(EnvVariables variables);
}
