package dev.messer.cli;

import com.beust.jcommander.Parameter;
import com.google.gson.GsonBuilder;
import dev.messer.app.Session;
import dev.messer.databag.DataBagService;
import dev.messer.databag.ItemDocument;
import dev.messer.edit.Editor;
import dev.messer.edit.ScratchFolder;
import dev.messer.error.ConflictException;
import dev.messer.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code messer data bag edit aws|local BAG ITEM}: decrypts the item into a private scratch file,
 * opens the editor, and stores the result with the same key, only if the item did not change in the
 * meantime. The scratch file is wiped whatever happens.
 */
final class DataBagEditCommand extends CommandBase {

    static final String GRAMMAR = "messer data bag edit aws|local BAG ITEM";

    @Parameter(description = "aws|local BAG ITEM")
    List<String> words = new ArrayList<>();

    @Override
    public int run(CommandContext context) throws IOException, InterruptedException {
        Positionals.require(words, 3, 3, GRAMMAR);
        String bag = words.get(1);
        String id = words.get(2);
        Console console = context.console();
        Editor editor = Editor.fromEnvironment(console.env());
        try (Session<?> session = context.session(words.get(0))) {
            DataBagService.Opened opened = session.bags().open(bag, id, session.dataKeys());
            byte[] original = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create()
                    .toJson(opened.document().json()).concat("\n").getBytes(StandardCharsets.UTF_8);
            byte[] edited = null;
            try (ScratchFolder scratch = ScratchFolder.create(Path.of(System.getProperty("java.io.tmpdir")))) {
                Path file = scratch.write(id + ".json", original);
                console.flush();
                int status = editor.edit(file, console.env());
                if (status != 0) {
                    throw new InvalidInputException("the editor (" + editor.command() + ") exited with status " + status
                            + "; item " + bag + "/" + id + " was not changed");
                }
                edited = Files.readAllBytes(file);
            } finally {
                Arrays.fill(original, (byte) 0);
            }
            try {
                ItemDocument document = parseEdit(edited, bag, id);
                if (document.json().equals(opened.document().json())) {
                    console.info("No changes; item " + bag + "/" + id + " was not written.");
                    return ExitCodes.OK;
                }
                try {
                    session.bags().write(bag, document, opened.read().item().keyRef(), session.dataKeys(),
                            Optional.of(opened.read().etag()));
                } catch (ConflictException e) {
                    throw new ConflictException("item " + bag + "/" + id + " was changed by someone else while you "
                            + "edited it; your edit was not saved: run 'messer data bag edit <provider> " + bag + " " + id + "' again");
                }
                console.info("Saved item " + bag + "/" + id + " with key " + opened.read().item().keyRef() + ".");
            } finally {
                Arrays.fill(edited, (byte) 0);
            }
        }
        return ExitCodes.OK;
    }

    private static ItemDocument parseEdit(byte[] edited, String bag, String id) {
        String where = "the edited item " + bag + "/" + id;
        ItemDocument document;
        try {
            document = ItemDocument.parse(edited, where);
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
