package dev.messer.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.ParametersDelegate;
import dev.messer.databag.ItemRef;
import dev.messer.error.InvalidInputException;
import dev.messer.files.PrivateFiles;
import dev.messer.output.DecryptedItem;
import dev.messer.output.SecretTemplate;
import dev.messer.app.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code messer render aws|local TEMPLATE [-o FILE] [--delimiters 'L R'] [--check]}: fills the
 * placeholders {@code {{BAG/ITEM/PATH}}} of a template with field values, raw. Every item is read
 * once, concurrently, in one session; an unknown item or a missing field stops the command before
 * anything is written. {@code -o} replaces FILE atomically with a 0600 file; it refuses a FILE
 * that is a symbolic link or the template itself.
 */
final class RenderCommand extends CommandBase {

    @ParametersDelegate
    final RegionOption regionOption = new RegionOption();

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER, Positional.word("TEMPLATE|-"))
            .options("[-o FILE] [--delimiters 'L R'] [--check]");


    @Parameter(names = {"-o", "--output"}, description = "Write the result to this file (atomically, mode 0600)")
    String output;

    @Parameter(names = "--delimiters", description = "The placeholder delimiters, opening and closing separated by a "
            + "space (default '{{ }}'), for templates that use {{ themselves")
    String delimiters;

    @Parameter(names = "--check", description = "Check that every placeholder names an existing field; print no values")
    boolean check;

    RenderCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) throws IOException {
        if (check && output != null) {
            throw new UsageException("--check prints no values, so -o has nothing to write; use one of them");
        }
        if (delimiters != null && !delimiters.trim().matches("\\S+ \\S+")) {
            throw new UsageException("--delimiters takes the opening and closing delimiter separated by one space, "
                    + "such as '<% %>'");
        }
        String name = words.get(1);
        if (output != null) {
            checkOutput(Path.of(output), name);
        }
        String where = name.equals("-") ? "the template on standard input" : "template " + name;
        SecretTemplate template = SecretTemplate.compile(readTemplate(name, context), delimiters == null ? null
                : delimiters.trim(), where);
        String rendered;
        try (Session<?> session = context.sessionWith(words.get(0), regionOption.flags())) {
            List<ItemRef> refs = template.items();
            Map<ItemRef, DecryptedItem> items = new LinkedHashMap<>();
            List<DecryptedItem> read = DecryptedItems.read(session, refs);
            for (int i = 0; i < refs.size(); i++) {
                items.put(refs.get(i), read.get(i));
            }
            Map<String, String> values = template.resolve(items);
            if (check) {
                context.console().info("Template " + name + ": " + template.placeholders().size() + " placeholders from "
                        + refs.size() + " items, all found.");
                return ExitCodes.OK;
            }
            rendered = template.render(values);
        }
        if (output == null) {
            context.console().out().print(rendered);
        } else {
            writeAtomically(Path.of(output), name, rendered.getBytes(StandardCharsets.UTF_8));
            context.console().info("Wrote " + output + " (mode 0600).");
        }
        return ExitCodes.OK;
    }

    private static String readTemplate(String name, CommandContext context) throws IOException {
        try {
            byte[] bytes = name.equals("-") ? context.console().in().readAllBytes() : Files.readAllBytes(Path.of(name));
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("template " + name + " does not exist; check the path");
        } catch (IOException e) {
            throw new InvalidInputException("template " + name + " cannot be read (" + e.getClass().getSimpleName()
                    + "); check its permissions");
        }
    }

    /**
     * Refuses an output file that would send the secrets somewhere else: a symbolic link (the rename
     * would replace the link, and writing through it would put them wherever it points), or the
     * template itself, under any name (the same file key: another path, a link to it, a hard link).
     */
    static void checkOutput(Path out, String template) {
        if (Files.isSymbolicLink(out)) {
            throw new UsageException("-o " + out + " is a symbolic link to " + linkTarget(out) + "; render writes "
                    + "secrets only to a file of its own, never through a link: remove the link with 'rm " + out
                    + "' or name another file");
        }
        if (!template.equals("-") && sameFile(Path.of(template), out)) {
            throw new UsageException("-o " + out + " is the template " + template + " itself, which the rendered "
                    + "secrets would replace; name another output file");
        }
    }

    private static boolean sameFile(Path template, Path out) {
        try {
            return Files.exists(out) && Files.exists(template) && Files.isSameFile(template, out);
        } catch (IOException e) {
            return false;
        }
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "an unreadable target";
        }
    }

    /**
     * A 0600 temporary file beside the target, synced, checked again ({@link #checkOutput}), then
     * renamed over it. {@code template} "-" when no template can be the target. Wipes {@code content}.
     */
    static void writeAtomically(Path target, String template, byte[] content) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", PrivateFiles.ownerOnlyFile());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                out.write(content);
                out.flush();
                channel.force(true);
            }
            checkOutput(target, template);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new InvalidInputException("cannot write " + target + " (" + e.getClass().getSimpleName()
                    + "); check that its folder exists and is writable");
        } finally {
            java.util.Arrays.fill(content, (byte) 0);
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the rename took it, or it cannot be removed: nothing more to do
                }
            }
        }
    }
}
