package dev.messer.cli;

import com.google.gson.GsonBuilder;
import dev.messer.app.Session;
import dev.messer.databag.ItemService;
import dev.messer.databag.Precondition;
import dev.messer.databag.ItemDocument;
import dev.messer.edit.Editor;
import dev.messer.edit.ScratchFolder;
import dev.messer.error.AlreadyExistsException;
import dev.messer.error.ConflictException;
import dev.messer.error.Hint;
import dev.messer.error.InvalidInputException;
import dev.messer.error.MesserException;
import dev.messer.error.NotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code messer data bag edit aws|local BAG ITEM}: decrypts the item into a private scratch file,
 * opens the editor, and stores the result with the same key, only if the item did not change in the
 * meantime. The scratch file is wiped whatever happens. Text that cannot be saved (not valid JSON,
 * not a valid item, or an edit that lost a race with another writer) is never discarded: on a
 * terminal it is offered back in the editor; without one, or when the user declines, it is kept in
 * a private file beside the scratch folders ({@link ScratchFolder#keep}) and the error says where.
 * Scratch folders left by runs that were killed outright are swept first.
 */
final class DataBagEditCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER, Positional.BAG, Positional.ITEM);


    DataBagEditCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) throws IOException, InterruptedException {
        String bag = words.get(1);
        String id = words.get(2);
        Console console = context.console();
        Editor editor = Editor.fromEnvironment(console.env());
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        int swept = ScratchFolder.sweepStale(temporary);
        if (swept > 0) {
            console.info("Removed " + swept + " scratch folder(s) that killed edit runs left in "
                    + ScratchFolder.base(temporary) + ".");
        }
        try (Session<?> session = context.session(words.get(0));
             ScratchFolder scratch = ScratchFolder.create(temporary)) {
            ItemService.Opened opened = session.items().open(bag, id);
            byte[][] text = {new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create()
                    .toJson(opened.document().json()).concat("\n").getBytes(StandardCharsets.UTF_8)};
            try {
                return editUntilSaved(console, context.hints(), editor, scratch, session, opened, text, bag, id);
            } finally {
                Arrays.fill(text[0], (byte) 0);
            }
        }
    }

    private static int editUntilSaved(Console console, Hints hints, Editor editor, ScratchFolder scratch,
                                      Session<?> session,
                                      ItemService.Opened opened, byte[][] text, String bag, String id)
            throws IOException, InterruptedException {
        while (true) {
            console.flush();
            byte[] edited = editOnce(editor, scratch, console.env(), text[0], bag, id);
            Arrays.fill(text[0], (byte) 0);
            text[0] = edited;
            try {
                ItemDocument document = parseEdit(edited, bag, id);
                if (document.sealsAs(opened.document())) {
                    console.info("No changes; item " + bag + "/" + id + " was not written.");
                    return ExitCodes.OK;
                }
                try {
                    session.items().write(bag, document, opened.read().item().keyRef(),
                            Precondition.unchanged(opened.read()));
                } catch (ConflictException | AlreadyExistsException | NotFoundException e) {
                    throw new ConflictException("item " + bag + "/" + id + " was changed by someone else while you "
                            + "edited it; your edit was not saved");
                }
                console.info("Saved item " + bag + "/" + id + " with key " + opened.read().item().keyRef() + ".");
                return ExitCodes.OK;
            } catch (InvalidInputException | ConflictException e) {
                if (!console.terminal().interactive()) {
                    throw kept(scratch, e, text[0], opened, bag, id);
                }
                if (!reopen(console, e)) {
                    console.error("messer: " + hints.render(kept(scratch, e, text[0], opened, bag, id).hint()));
                    return ExitCodes.FAILURE;
                }
                if (e instanceof ConflictException) {
                    try {
                        opened = session.items().open(bag, id);
                    } catch (NotFoundException gone) {
                        throw kept(scratch, gone, text[0], opened, bag, id);
                    }
                }
            }
        }
    }

    /**
     * Keeps the user's text in a private file ({@link ScratchFolder#keep}) and returns {@code problem}
     * extended by where the text is and how to compare and upload it.
     */
    private static MesserException kept(ScratchFolder scratch, MesserException problem, byte[] text,
                                        ItemService.Opened opened, String bag, String id) throws IOException {
        String file = scratch.keep(id + ".json", text).toString();
        Hint hint = Hint.of("your text is kept in " + file + " (mode 0600): compare it with {}, upload it with {}, "
                + "then delete the file", Hint.command("data bag diff", bag, id, "--file", file),
                Hint.command("data bag from file", bag, file, "--secret-file", opened.read().item().keyName(), "--force"));
        String message = problem.getMessage();
        return problem instanceof InvalidInputException ? new InvalidInputException(message, hint)
                : problem instanceof NotFoundException ? new NotFoundException(message, hint)
                : new ConflictException(message, hint);
    }

    /** Writes {@code text} to the scratch file, runs the editor, and returns what the file then holds. */
    private static byte[] editOnce(Editor editor, ScratchFolder scratch, Map<String, String> env, byte[] text,
                                   String bag, String id)
            throws IOException, InterruptedException {
        Path file = scratch.write(id + ".json", text);
        int status = editor.edit(file, scratch, env);
        if (status != 0) {
            throw new InvalidInputException("the editor (" + editor.command() + ") exited with status " + status
                    + "; item " + bag + "/" + id + " was not changed");
        }
        return Files.readAllBytes(file);
    }

    /**
     * On a terminal: reports what is wrong and asks whether to go back to the editor with the text the
     * user wrote (as sops does) instead of discarding it.
     */
    private static boolean reopen(Console console, RuntimeException problem) {
        console.error("messer: " + problem.getMessage());
        String question = problem instanceof ConflictException
                ? "Reopen the editor with your text, to save it over the current version? [Y/n] "
                : "Reopen the editor with your text to fix it? [Y/n] ";
        String answer = console.terminal().readLine(question);
        return answer != null && !answer.trim().toLowerCase(java.util.Locale.ROOT).startsWith("n");
    }

    private static ItemDocument parseEdit(byte[] edited, String bag, String id) {
        String where = "the edited item " + bag + "/" + id;
        ItemDocument document;
        try {
            document = ItemDocument.parse(edited, where).refuseMetadataFields(where);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.getMessage() + "; the item was not changed");
        }
        if (!document.id().equals(id)) {
            throw new InvalidInputException(where + " has id '" + document.id() + "'; edit cannot rename an item "
                    + "(upload it under the new id, then delete the old one); the item was not changed");
        }
        return document;
    }
}
