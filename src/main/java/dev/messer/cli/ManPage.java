package dev.messer.cli;

import com.beust.jcommander.JCommander;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The messer(1) manual page in roff, written from the command tree: every group with its
 * summary, every leaf command with the same option list as {@code --help}. The release bundle
 * is built with it ({@code bin/bundle}); run it with
 * {@code java -cp messer.jar dev.messer.cli.ManPage VERSION}.
 */
public final class ManPage {

    private ManPage() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        out.print(render(CommandTree.standard(), args.length > 0 ? args[0] : Version.current()));
        out.flush();
    }

    static String render(CommandTree tree, String version) {
        StringBuilder s = new StringBuilder();
        s.append(".TH MESSER 1 \"\" \"messer ").append(escape(version)).append("\" \"User Commands\"\n");
        s.append(".SH NAME\n");
        s.append("messer \\- ").append(escape(tree.root().summary())).append('\n');
        s.append(".SH SYNOPSIS\n");
        s.append(".B messer\n.I command\n[\\fIoptions\\fR]\n.br\n");
        s.append(".B messer install\n[\\fB\\-\\-prefix\\fR \\fIDIR\\fR]\n");
        s.append(".SH DESCRIPTION\n");
        s.append("Envelope-encrypted data bag items on S3 and KMS (provider \\fBaws\\fR) or on local disk ")
                .append("(provider \\fBlocal\\fR). Every command prints its options with \\fB\\-\\-help\\fR; ")
                .append("global flags are \\fB\\-\\-version\\fR and \\fB\\-\\-debug\\fR.\n");
        s.append(".PP\n\\fBmesser install\\fR, a command of the launcher, links \\fBmesser\\fR into ")
                .append("\\fIPREFIX\\fR/bin (default \\fI~/.local\\fR) and installs the bash and zsh completion.\n");
        s.append(".SH COMMANDS\n");
        walk(tree.root(), s);
        s.append(".SH EXIT STATUS\n");
        s.append("0 success; 1 an operational failure (files, stores or AWS refused); 2 a usage error.\n");
        s.append(".SH FILES\n");
        s.append(".TP\n.I ~/.config/messer/messer.ini\nthe configuration file (\\fBMESSER_CONFIG\\fR or ")
                .append("\\fB\\-c\\fR name another)\n");
        return s.toString();
    }

    private static void walk(CommandTree.Node node, StringBuilder s) {
        for (CommandTree.Node child : node.children().values()) {
            if (child.isLeaf()) {
                s.append(".SS ").append(escape(child.path())).append('\n');
                s.append(escape(child.summary())).append('\n');
                s.append(".PP\n.nf\n");
                for (String line : usage(child).split("\n", -1)) {
                    s.append(escapeLine(line)).append('\n');
                }
                s.append(".fi\n");
            } else {
                if (!child.summary().isEmpty()) {
                    s.append(".SS ").append(escape(child.path())).append('\n');
                    s.append(escape(child.summary())).append('\n');
                }
                walk(child, s);
            }
        }
    }

    private static String usage(CommandTree.Node leaf) {
        Command command = leaf.newCommand();
        JCommander parser = command.grammar().parser(command, leaf.path());
        StringBuilder text = new StringBuilder();
        parser.getUsageFormatter().usage(text);
        return text.toString().stripTrailing();
    }

    /** roff: backslashes and hyphens escaped. */
    static String escape(String text) {
        return text.replace("\\", "\\e").replace("-", "\\-");
    }

    /** A line that starts with a dot or an apostrophe would be read as a request: shield it. */
    private static String escapeLine(String line) {
        String escaped = escape(line);
        return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
    }
}
